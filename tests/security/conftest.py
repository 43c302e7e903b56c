"""The hostile-input suite (issue 11): the console fixtures (app, staff of each role, signed-in clients) are
shared with tests/console, so each finding is tried where staff would meet it."""

from __future__ import annotations

from tests.console.conftest import app, client  # noqa: F401  (shared fixtures)
