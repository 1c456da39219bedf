"""Content the reliability fuzz broke `check-content` with: each now gets `path:line field: message`."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from decisionaid import cli
from decisionaid.loader import load_content, read_content

PROBLEM_LINE = re.compile(r"^\S+:\d+ \S+: \S.*$")
SHIPPED = Path(__file__).parents[2] / "content" / "en"
VALID = Path(__file__).parents[1] / "testdata" / "loader" / "valid" / "en"
"""The content a test starts from (see `content_copy`): the small valid locale, with the
shipped ui.yaml."""


def _at(relative: str, key: str) -> str:
    """`file:line key: ` for the line of the starting file where `key:` is set (the faults
    below change one line in place, so its number stays; written out, it broke whenever
    the file grew)."""
    folder = SHIPPED if relative == "ui.yaml" else VALID
    lines = (folder / relative).read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith(f"{key}:"))
    return f"{relative}:{number} {key}: "


def _self_link(root: Path) -> None:
    (root / "modules" / "loop.md").symlink_to(root / "modules" / "loop.md")


def _two_link_loop(root: Path) -> None:
    (root / "modules" / "a.md").symlink_to(root / "modules" / "b.md")
    (root / "modules" / "b.md").symlink_to(root / "modules" / "a.md")


def _replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _alias_bomb(root: Path) -> None:
    lines = ["lol0: &l0 [" + ", ".join(["lol"] * 9) + "]"]
    lines += [f"lol{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 10)]
    path = root / "flags.yaml"
    path.write_text("\n".join(lines) + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def _nested_deep_within_limits(root: Path) -> None:
    path = root / "flags.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "deep: " + "[" * 900 + "]" * 900 + "\n")


CASES = {
    "a symlink loop named *.md": (_self_link, "modules/loop.md:0 file: ", "loop"),
    "two links pointing at each other": (_two_link_loop, "modules/a.md:0 file: ", "loop"),
    "a folder named *.md": (
        lambda root: (root / "modules" / "dir.md").mkdir(),
        "modules/dir.md:0 file: ",
        "folder",
    ),
    "/dev/zero named *.md": (
        lambda root: (root / "modules" / "zero.md").symlink_to("/dev/zero"),
        "modules/zero.md:0 file: ",
        "not an ordinary file",
    ),
    "content_date in year 1": (
        _replace("about.md", "content_date: 2026-11-01", "content_date: 0001-01-01"),
        _at("about.md", "content_date"),
        "0001-01-01",
    ),
    "content_date in year 9999": (
        _replace("about.md", "content_date: 2026-11-01", "content_date: 9999-12-31"),
        _at("about.md", "content_date"),
        "9999-12-31",
    ),
    "reviewed in year 1": (
        _replace("about.md", "reviewed: 2026-11-01", "reviewed: 0001-01-01"),
        _at("about.md", "reviewed"),
        "0001-01-01",
    ),
    "a YAML alias bomb": (_alias_bomb, "flags.yaml:2 yaml: ", "alias"),
    "a format spec that pads to a gigabyte": (
        _replace("ui.yaml", "Made on {date}.", "Made on {date:>999999999}."),
        _at("ui.yaml", "summary.made"),
        "{date:>999999999}",
    ),
    "a conversion in a field": (
        _replace("ui.yaml", "Made on {date}.", "Made on {date!r}."),
        _at("ui.yaml", "summary.made"),
        "{date!r}",
    ),
    "an attribute of a field": (
        _replace("ui.yaml", "Made on {date}.", "Made on {date.__class__}."),
        _at("ui.yaml", "summary.made"),
        "{date.__class__}",
    ),
    "a format spec in a string only the interface uses": (
        _replace(
            "ui.yaml", "Nothing was deleted: the file was moved to {path}.", "Moved to {path:>99999999}."
        ),
        _at("ui.yaml", "notice.unreadable_session"),
        "{path:>99999999}",
    ),
    "nesting just within what YAML allows": (_nested_deep_within_limits, "flags.yaml:", "deep"),
}


@pytest.mark.parametrize(("break_it", "where", "says"), CASES.values(), ids=CASES.keys())
def test_check_content_reports_each_fuzzed_fault_at_its_path_and_line(
    content_copy, capsys, break_it, where, says
):
    root = content_copy()
    break_it(root)
    assert cli.main(["check-content", str(root)]) == 1
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln]
    assert lines and all(PROBLEM_LINE.match(ln) for ln in lines), lines
    found = [ln for ln in lines if where in ln]
    assert found, lines
    assert any(says in ln for ln in found), found


def test_a_format_spec_that_slipped_into_the_strings_is_ignored_when_text_is_filled_in(content_copy):
    content = load_content(content_copy())
    content.ui["summary.made"] = "Made on {date:>999999999}. {content!r} {app.__class__}"
    made = content.text("summary.made", date="2026-11-22", content="v1", app="0.1")
    assert made.startswith("Made on 2026-11-22. v1 ")
    assert len(made) < 100


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda path: path.symlink_to(path), "is a link that leads nowhere"),
        (lambda path: os.mkfifo(path), "is not a folder"),
        (lambda path: path.write_text("not a folder"), "is not a folder"),
    ],
    ids=["a link loop", "a named pipe", "a file"],
)
def test_something_else_in_place_of_the_modules_folder_is_named_for_what_it_is(content_copy, make, says):
    root = content_copy()
    shutil.rmtree(root / "modules")
    make(root / "modules")
    _, problems = read_content(root)
    assert any(p.field == "folder" and p.path.endswith("modules") and says in p.message for p in problems), [
        str(p) for p in problems
    ]
