"""The catalogue loader (bot.tools.catalogue): the shipped files load, and a bad entry is refused with a
message naming the file, the entry and the field, importing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.tools.catalogue import ToolFormatError, load_folder, parse, read_file

GOOD = {
    "id": "example-toolkit", "title": "Example toolkit", "publisher": "Example Org", "type": "toolkit",
    "topics": ["authorization", "6.2"], "languages": ["en", "es"], "audience": "officials", "level": "introductory",
    "url": "https://example.org/toolkit", "checked": "2026-11-28", "verified_from": "https://example.org/toolkit",
    "description": "A toolkit for deciding an authorization policy.",
    "description_fr": "Une boîte à outils pour décider d'une politique d'autorisation (en anglais).",
    "description_es": "Una caja de herramientas para decidir una política de autorización.",
}


def as_yaml(*entries: dict) -> str:
    return yaml.safe_dump(list(entries), allow_unicode=True)


def test_the_shipped_catalogue_loads_with_unique_ids_and_addresses() -> None:
    resources = load_folder()
    assert len(resources) >= 40
    assert len({r.id for r in resources}) == len(resources) == len({r.url for r in resources})
    assert all(r.describe("fr") != r.describe("en") for r in resources)


@pytest.mark.parametrize(("change", "message"), [
    ({"type": "podcast"}, "resource 2 (example-toolkit): type: 'podcast' is not one of toolkit"),
    ({"topics": ["authorization", "biodiversity"]}, "topics: 'biodiversity' is not allowed"),
    ({"languages": []}, "languages: give a non-empty list"),
    ({"url": "http://example.org/x"}, "url: 'http://example.org/x' is not an https:// address"),
    ({"checked": "28/11/2026"}, "checked: '28/11/2026' is not a date YYYY-MM-DD"),
    ({"published": "2027-01"}, "published: later than checked"),
    ({"colour": "blue"}, "colour: unknown field"),
    ({"id": "Example Toolkit"}, "id: 'Example Toolkit' is not kebab-case"),
    ({"description_es": None}, "description_es: required field missing"),
])
def test_a_bad_entry_names_the_entry_and_the_field(change: dict, message: str) -> None:
    first = {**GOOD, "id": "first", "url": "https://example.org/first"}
    with pytest.raises(ToolFormatError) as caught:
        parse(as_yaml(first, {**GOOD, **change}), "new.yaml")
    assert str(caught.value).startswith("new.yaml: resource 2 (")
    assert message in str(caught.value)


def test_duplicates_and_files_that_are_not_catalogues(tmp_path: Path) -> None:
    with pytest.raises(ToolFormatError, match="id example-toolkit appears twice"):
        parse(as_yaml(GOOD, {**GOOD, "url": "https://example.org/other"}), "twice.yaml")
    with pytest.raises(ToolFormatError, match="expected a list of resources"):
        parse("title: not a list", "map.yaml")
    with pytest.raises(ToolFormatError, match="not valid YAML"):
        parse("- [unclosed", "broken.yaml")
    csv = tmp_path / "tools.csv"
    csv.write_text("id,title\n")
    with pytest.raises(ToolFormatError, match="use a .yaml file"):
        read_file(csv)
    resource = parse(as_yaml(GOOD), "ok.yaml")[0]
    assert resource.topics == ("authorization", "6.2") and resource.describe("es").startswith("Una caja")
