"""YAML as uploaded files may use it: plain values only, no anchors or aliases.

An alias repeats a value by reference, so a few hundred bytes of nested aliases expand into millions of
characters once the loaded value is turned into text (the "billion laughs"). Nothing in the knowledge or
event formats needs them, so they are refused before anything is built, with the line they are on."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.nodes import Node

ALIASES_REFUSED = ("YAML anchors and aliases (&name, *name, <<: *name) are not accepted; "
                   "write each value out in full")


class AliasError(ComposerError):
    """An anchor or alias in an uploaded YAML file (a yaml.YAMLError, so callers' messages name the file)."""

    def __str__(self) -> str:
        mark = self.problem_mark
        return f"{self.problem} (line {mark.line + 1}, column {mark.column + 1})" if mark else str(self.problem)


class PlainLoader(yaml.SafeLoader):
    """yaml.SafeLoader that stops at the first anchor or alias instead of expanding it."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise AliasError(None, None, ALIASES_REFUSED, event.start_mark)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def load_yaml(text: str) -> Any:
    """The YAML document in `text`, like yaml.safe_load but refusing anchors and aliases (AliasError)."""
    return yaml.load(text, Loader=PlainLoader)  # noqa: S506 - PlainLoader is a SafeLoader


__all__ = ["ALIASES_REFUSED", "AliasError", "PlainLoader", "load_yaml"]
