"""The IPDAS map (content/IPDAS.yaml): every item the 2026-11 audit scored, and for each item the
app meets, the content or code that meets it. A test fails when an item is missing from the map
or when an anchor no longer resolves (a text removed, a key, field, function, section or test gone)."""

from __future__ import annotations

import importlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parents[2]
MAP = ROOT / "content" / "IPDAS.yaml"

AUDIT_ITEMS = (
    *(f"Q{n}" for n in range(1, 7)),
    *(f"C{n}" for n in range(1, 7)),
    *(f"QI{n}" for n in range(1, 25)),
)
"""Every item the audit scored: 6 qualifying, 6 certification, its 24 quality items."""

STATUSES = {"met", "open", "needs-people", "not-applicable"}
KINDS = {"file", "ui", "about", "field", "function", "section", "test"}


@dataclass(frozen=True)
class Repo:
    """Where anchors are looked up: the repository root (a copy in the tests that break one)."""

    root: Path

    def ui(self) -> dict[str, Any]:
        return yaml.safe_load((self.root / "content" / "en" / "ui.yaml").read_text(encoding="utf-8"))

    def about(self) -> dict[str, Any]:
        text = (self.root / "content" / "en" / "about.md").read_text(encoding="utf-8")
        return yaml.safe_load(text.split("---", 2)[1])


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def unresolved(anchor: dict[str, Any], repo: Repo) -> str | None:
    """Why this anchor does not resolve, or None when it does."""
    kinds = set(anchor) & KINDS
    if len(kinds) != 1 or set(anchor) - KINDS - {"text"}:
        return f"an anchor names exactly one of {sorted(KINDS)} (and maybe a text): {anchor}"
    (kind,) = kinds
    target, text = anchor[kind], anchor.get("text")
    if kind == "file":
        path = repo.root / target
        if not path.is_file():
            return f"no file {target}"
        if text is not None and _squeezed(text) not in _squeezed(path.read_text(encoding="utf-8")):
            return f"{target} no longer says {text!r}"
    elif kind == "ui":
        strings = repo.ui()
        if target not in strings:
            return f"ui.yaml has no key {target}"
        if text is not None and text not in strings[target]:
            return f"ui.yaml {target} no longer says {text!r}"
    elif kind == "about":
        if repo.about().get(target) in (None, ""):
            return f"about.md gives no {target}"
    elif kind == "field":
        module, name = target.split(":")
        model, field = name.split(".")
        if field not in getattr(importlib.import_module(module), model).model_fields:
            return f"{model} has no field {field}"
    elif kind == "function":
        module, name = target.split(":")
        if not hasattr(importlib.import_module(module), name):
            return f"{module} has no {name}"
    elif kind == "section":
        from decisionaid.export.pdf import ORDER

        if target not in ORDER:
            return f"the printed summary has no section {target}"
    elif kind == "test":
        path, name = target.split("::")
        file = repo.root / path
        found = file.is_file() and re.search(rf"^(?:async )?def {re.escape(name)}\(", file.read_text(), re.M)
        if not found:
            return f"no test {target}"
    return None


def problems(item: dict[str, Any], repo: Repo) -> list[str]:
    """Everything wrong with one item of the map."""
    found: list[str] = []
    status = item.get("status")
    if status not in STATUSES:
        return [f"{item.get('id')}: status {status!r} is not one of {sorted(STATUSES)}"]
    anchors = item.get("anchors") or []
    if status == "met" and not anchors:
        found.append("a met item needs at least one anchor")
    if status == "open" and not str(item.get("missing", "")).strip():
        found.append("an open item must say what is missing")
    if status == "needs-people" and not item.get("records"):
        found.append("a needs-people item must say what the app records to support it")
    for anchor in [*anchors, *(item.get("records") or [])]:
        if (why := unresolved(anchor, repo)) is not None:
            found.append(why)
    return [f"{item['id']}: {p}" for p in found]


def load_map(path: Path = MAP) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["items"]


ITEMS = {item["id"]: item for item in load_map()}


def test_every_item_the_audit_scored_is_in_the_map_once_and_nothing_else_is():
    ids = [item["id"] for item in load_map()]
    assert sorted(ids) == sorted(AUDIT_ITEMS)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("item_id", AUDIT_ITEMS)
def test_each_item_s_anchors_resolve_in_the_app_as_it_is(item_id):
    assert problems(ITEMS[item_id], Repo(ROOT)) == []


@pytest.fixture
def repo_copy(tmp_path):
    """The content and tests folders copied, so that one anchor can be broken."""
    for folder in ("content", "tests"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return Repo(tmp_path)


def test_a_banner_string_removed_from_ui_yaml_fails_the_item_it_supports(repo_copy):
    ui = repo_copy.root / "content" / "en" / "ui.yaml"
    ui.write_text(re.sub(r"^banner\.funding:.*\n", "", ui.read_text(), flags=re.M))
    assert problems(ITEMS["C6"], repo_copy) == ["C6: ui.yaml has no key banner.funding"]


def test_a_sentence_removed_from_about_md_fails_the_item_it_supports(repo_copy):
    about = repo_copy.root / "content" / "en" / "about.md"
    about.write_text(about.read_text().replace("## How we chose the facts", "## Facts"))
    assert problems(ITEMS["QI19"], repo_copy) == [
        "QI19: content/en/about.md no longer says '## How we chose the facts'"
    ]


def test_an_update_policy_left_empty_fails_the_certification_item(repo_copy):
    about = repo_copy.root / "content" / "en" / "about.md"
    about.write_text(re.sub(r"^update_policy:.*$", 'update_policy: ""', about.read_text(), flags=re.M))
    assert problems(ITEMS["C4"], repo_copy) == ["C4: about.md gives no update_policy"]


def test_a_test_renamed_or_a_section_or_field_that_does_not_exist_does_not_resolve(repo_copy):
    assert unresolved({"test": "tests/content/test_ipdas_map.py::test_no_such_test"}, repo_copy)
    assert unresolved({"section": "no_such_section"}, repo_copy)
    assert unresolved({"field": "decisionaid.domain.content:About.no_such_field"}, repo_copy)
    assert unresolved({"function": "decisionaid.domain.summary:no_such_function"}, repo_copy)
    assert unresolved({"ui": "banner.funding", "text": "words it does not hold"}, repo_copy)


def test_an_item_marked_met_without_an_anchor_or_open_without_what_is_missing_is_refused():
    assert problems({"id": "X", "status": "met"}, Repo(ROOT)) == ["X: a met item needs at least one anchor"]
    assert problems({"id": "X", "status": "open"}, Repo(ROOT)) == ["X: an open item must say what is missing"]
    assert problems({"id": "X", "status": "needs-people"}, Repo(ROOT)) == [
        "X: a needs-people item must say what the app records to support it"
    ]
    assert problems({"id": "X", "status": "done"}, Repo(ROOT))


def test_the_items_that_need_people_are_the_development_and_evaluation_ones():
    people = {i for i, item in ITEMS.items() if item["status"] == "needs-people"}
    assert people == {"QI13", "QI14", "QI15", "QI16", "QI17", "QI18", "QI23", "QI24"}
