"""Loads `content/<locale>/` into a validated `Content`, or reports every problem."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from decisionaid.domain.content import (
    About,
    AttributeTable,
    Content,
    Figures,
    FlagTable,
    KnowledgeTable,
    MarkdownBody,
    Module,
    Option,
    ReadinessTable,
    Source,
)
from decisionaid.domain.glossary import Glossary
from decisionaid.domain.outcomes import OutcomeTable
from decisionaid.loader import source_rules
from decisionaid.loader.checks import cross_check
from decisionaid.loader.documents import (
    DocumentError,
    MarkdownDocument,
    YamlDocument,
    duplicate_keys,
    parse_markdown,
    parse_yaml,
)
from decisionaid.loader.evidence import evidence_problems
from decisionaid.loader.problems import ContentProblems, Problem, RuleProblem, display_path

M = TypeVar("M", bound=BaseModel)

_FRIENDLY = {
    "extra_forbidden": "unknown field (not part of the content model; check the spelling)",
    "missing": "required field is missing",
}


def field_name(loc: tuple[str | int, ...]) -> str:
    """`('benefits', 2, 'text')` -> `benefits[2].text`."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name or "(file)"


@dataclass
class LoadedFile:
    """Where a parsed object came from, for messages about it later."""

    path: str
    document: YamlDocument
    markdown: MarkdownDocument | None = None

    def line_of(self, *loc: str | int) -> int:
        """The line of a front-matter or YAML field."""
        return self.document.line_of(tuple(loc))


def _not_a_file(path: Path) -> str:
    """Why something that is there under a content file's name cannot be read as one."""
    if path.is_dir():
        return "is a folder, not a file"
    if path.is_symlink() and not path.exists():
        return "is a link that leads nowhere (a loop of links, or its target is missing)"
    return "is not an ordinary file (a device, a pipe or a socket); content files must be text files"


def _no_folder(path: Path, missing: str) -> str:
    """Why a content folder cannot be read: missing, or something else under its name."""
    if not os.path.lexists(path):
        return missing
    if path.is_symlink() and not path.exists():
        return "is a link that leads nowhere (a loop of links, or its target is missing)"
    return "is not a folder"


@dataclass
class _Collector:
    root: Path
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, field_: str, message: str) -> None:
        self.problems.append(Problem(path, line, field_, message))

    def read(self, relative: str, required: bool = True) -> tuple[str, str] | None:
        path = self.root / relative
        shown = display_path(path)
        if not path.is_file():
            if os.path.lexists(path):
                self.add(shown, 0, "file", _not_a_file(path))
            elif required:
                self.add(shown, 0, "file", f"missing: every locale needs {relative}")
            return None
        try:
            return shown, path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.add(shown, 0, "file", f"cannot be read as UTF-8 text ({error})")
            return None

    def validate(
        self,
        model: type[M],
        data: Any,
        where: LoadedFile,
        body_lines: dict[str, int] | None = None,
    ) -> M | None:
        for line, key in duplicate_keys(where.document.node):
            self.add(where.path, where.document.first_line + line, key, "written twice")
        try:
            return model.model_validate(data)
        except ValidationError as error:
            for item in error.errors():
                loc = tuple(item["loc"])
                if body_lines and loc and loc[0] == "body":
                    line = body_lines.get("patient", 1)
                else:
                    line = where.document.line_of(loc)
                message = _FRIENDLY.get(item["type"], item["msg"])
                message = message.removeprefix("Value error, ")
                self.add(where.path, line, field_name(loc), message)
            return None

    def markdown(self, relative: str, model: type[M]) -> tuple[M, LoadedFile] | None:
        read = self.read(relative)
        if read is None:
            return None
        shown, text = read
        try:
            doc = parse_markdown(text)
        except DocumentError as error:
            self.add(shown, error.line, "front matter", error.message)
            return None
        where = LoadedFile(shown, doc.front, doc)
        body = MarkdownBody(
            patient=doc.patient,
            clinician=doc.clinician,
            patient_line=doc.patient_line,
            clinician_line=doc.clinician_line,
        )
        data = {**doc.front.data, "body": body}
        obj = self.validate(model, data, where, {"patient": doc.patient_line})
        return (obj, where) if obj is not None else None

    def yaml_table(self, relative: str, model: type[M]) -> tuple[M, LoadedFile] | None:
        read = self.read(relative)
        if read is None:
            return None
        shown, text = read
        try:
            doc = parse_yaml(text)
        except DocumentError as error:
            self.add(shown, error.line, "yaml", error.message)
            return None
        where = LoadedFile(shown, doc)
        if not isinstance(doc.data, dict):
            self.add(shown, 1, "yaml", "the file must be a YAML mapping at the top level")
            return None
        obj = self.validate(model, doc.data, where)
        return (obj, where) if obj is not None else None


@dataclass
class ContentFiles:
    """The parsed objects with the files they came from, for cross-checks."""

    about: tuple[About, LoadedFile] | None
    modules: list[tuple[Module, LoadedFile]]
    options: list[tuple[Option, LoadedFile]]
    attributes: tuple[AttributeTable, LoadedFile] | None
    flags: tuple[FlagTable, LoadedFile] | None
    knowledge: tuple[KnowledgeTable, LoadedFile] | None
    readiness: tuple[ReadinessTable, LoadedFile] | None
    figures: tuple[Figures, LoadedFile] | None
    sources: list[tuple[Source, LoadedFile, int]]
    ui: dict[str, str]
    ui_file: tuple[str, YamlDocument] | None = None
    option_files: frozenset[str] = frozenset()
    """Names of every option file, parsed or not, so one broken option is not
    reported again wherever another file refers to it."""
    module_files: frozenset[str] = frozenset()
    """Names of every module file, parsed or not (a module's id is not its file name)."""
    outcomes: tuple[OutcomeTable, LoadedFile] | None = None
    """outcomes.yaml: one outcome table per option (None until read, or when broken)."""
    glossary: tuple[Glossary, LoadedFile] | None = None
    """glossary.yaml: the plain-words glossary (None until read, or when broken)."""


def _read_sources(c: _Collector) -> list[tuple[Source, LoadedFile, int]]:
    read = c.read("sources.yaml")
    if read is None:
        return []
    shown, text = read
    try:
        doc = parse_yaml(text)
    except DocumentError as error:
        c.add(shown, error.line, "yaml", error.message)
        return []
    where = LoadedFile(shown, doc)
    entries = doc.data.get("sources") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        c.add(shown, 1, "sources", "the file must hold a list under the key 'sources'")
        return []
    found = []
    for index, entry in enumerate(entries):
        try:
            found.append((Source.model_validate(entry), where, index))
        except ValidationError as error:
            for item in error.errors():
                loc = ("sources", index, *item["loc"])
                message = _FRIENDLY.get(item["type"], item["msg"]).removeprefix("Value error, ")
                c.add(shown, doc.line_of(loc), field_name(loc), message)
    return found


def _read_ui(c: _Collector) -> tuple[dict[str, str], tuple[str, YamlDocument] | None]:
    read = c.read("ui.yaml")
    if read is None:
        return {}, None
    shown, text = read
    try:
        doc = parse_yaml(text)
    except DocumentError as error:
        c.add(shown, error.line, "yaml", error.message)
        return {}, None
    for line, key in duplicate_keys(doc.node):
        c.add(shown, line + 1, key, "written twice")
    if not isinstance(doc.data, dict):
        c.add(shown, 1, "yaml", "ui.yaml must map each key to a string")
        return {}, None
    strings: dict[str, str] = {}
    for key, value in doc.data.items():
        if not isinstance(value, str):
            c.add(shown, doc.line_of((key,)), str(key), "must be a string")
        else:
            strings[str(key)] = value
    return strings, (shown, doc)


def _read_all(root: Path) -> tuple[ContentFiles, list[Problem]]:
    c = _Collector(root)
    if not root.is_dir():
        c.add(display_path(root), 0, "folder", "no content folder here")
        return ContentFiles(None, [], [], None, None, None, None, None, [], {}), c.problems
    modules = [
        found
        for path in sorted((root / "modules").glob("*.md"))
        if (found := c.markdown(f"modules/{path.name}", Module)) is not None
    ]
    if not (root / "modules").is_dir():
        c.add(
            display_path(root / "modules"),
            0,
            "folder",
            _no_folder(root / "modules", "missing: no learning modules"),
        )
    options = [
        found
        for path in sorted((root / "options").glob("*.md"))
        if (found := c.markdown(f"options/{path.name}", Option)) is not None
    ]
    if not (root / "options").is_dir():
        c.add(
            display_path(root / "options"), 0, "folder", _no_folder(root / "options", "missing: no options")
        )
    ui, ui_file = _read_ui(c)
    files = ContentFiles(
        about=c.markdown("about.md", About),
        modules=modules,
        options=options,
        attributes=c.yaml_table("attributes.yaml", AttributeTable),
        flags=c.yaml_table("flags.yaml", FlagTable),
        knowledge=c.yaml_table("knowledge.yaml", KnowledgeTable),
        readiness=c.yaml_table("readiness.yaml", ReadinessTable),
        figures=c.yaml_table("figures.yaml", Figures),
        sources=_read_sources(c),
        ui=ui,
        ui_file=ui_file,
        option_files=frozenset(p.stem for p in (root / "options").glob("*.md")),
        module_files=frozenset(p.stem for p in (root / "modules").glob("*.md")),
        outcomes=c.yaml_table("outcomes.yaml", OutcomeTable),
        glossary=c.yaml_table("glossary.yaml", Glossary),
    )
    return files, c.problems


def read_content(
    root: Path, reading_grades: bool = True, source_rules_on: bool | None = None
) -> tuple[Content | None, list[Problem]]:
    """Read and check one locale folder: the content if it is sound, and every problem.

    The source rules (see `source_rules.py`) count as problems when
    `source_rules_on` is True; None follows the switch `source_rules.ENFORCED`.
    """
    files, problems = _read_all(root)
    problems += cross_check(files, reading_grades)
    if source_rules.ENFORCED if source_rules_on is None else source_rules_on:
        problems += [found.problem for found in evidence_problems(files)]
    if problems or None in (
        files.about,
        files.attributes,
        files.flags,
        files.knowledge,
        files.readiness,
        files.figures,
        files.outcomes,
        files.glossary,
    ):
        return None, problems
    assert files.about and files.attributes and files.flags
    assert files.knowledge and files.readiness and files.figures
    content = Content(
        locale=files.about[0].locale,
        about=files.about[0],
        modules=sorted((m for m, _ in files.modules), key=lambda m: (m.order, m.id)),
        options=[o for o, _ in files.options],
        attributes=files.attributes[0].attributes,
        hard_limits=files.attributes[0].hard_limits,
        flags=files.flags[0].flags,
        knowledge=files.knowledge[0].items,
        readiness=files.readiness[0],
        figures=files.figures[0],
        sources={s.id: s for s, _, _ in files.sources},
        ui=files.ui,
        outcomes=files.outcomes[0].outcomes if files.outcomes else [],
        glossary=files.glossary[0].terms if files.glossary else [],
    )
    return content, []


def source_rule_problems(root: Path) -> list[RuleProblem]:
    """Every broken source rule in one locale folder, whether or not the rules are enforced yet."""
    files, _ = _read_all(root)
    return evidence_problems(files)


def load_content(root: Path, reading_grades: bool = False) -> Content:
    """The content of one locale folder; raises ContentProblems listing every mistake.

    Reading grades and source rules are checked by `check-content` and the tests
    before content ships, not each time the app starts; pass
    `reading_grades=True` to check the grades here too.
    """
    content, problems = read_content(root, reading_grades, source_rules_on=False)
    if content is None:
        raise ContentProblems(problems)
    return content
