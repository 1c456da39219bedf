"""The PDF summary is accessible: PDF/UA-1's machine checks pass, and its structure tree holds
headings, lists, tables with header cells and figures with their words; what a person types
is data and never runs as Typst markup."""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
import typst
from pdfua import validate
from pypdf import PdfReader

from decisionaid.export import pdf as pdf_module
from decisionaid.export.pdf import render_pdf
from decisionaid.export.pdf_fit_data import bands_alt_text
from tests.export.sample import empty_summary, sample_summary
from tests.export.worst_cases import at_field_limits, many_scripts


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def pdf_ua_findings(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    return [f"{f.rule_id} {f.message}" for f in validate(str(path)).findings]


@dataclass(frozen=True)
class Element:
    """One element of a PDF's structure tree: its role, alternative text and header scopes."""

    role: str
    alt: str | None
    scopes: tuple[str, ...]


def structure(pdf: bytes) -> list[Element]:
    """Every element of the PDF's structure tree, in reading order."""
    found: list[Element] = []

    def walk(node: object) -> None:
        if not isinstance(node, pikepdf.Dictionary):
            return
        if "/S" in node:
            attributes = node.get("/A")
            attributes = attributes if isinstance(attributes, pikepdf.Array) else [attributes]
            scopes = tuple(
                str(a["/Scope"]) for a in attributes if isinstance(a, pikepdf.Dictionary) and "/Scope" in a
            )
            alt = node.get("/Alt")
            found.append(Element(str(node.S), None if alt is None else str(alt), scopes))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid)

    with pikepdf.open(io.BytesIO(pdf)) as document:
        walk(document.Root.StructTreeRoot)
    return found


def roles(pdf: bytes) -> list[str]:
    return [element.role for element in structure(pdf)]


@pytest.mark.parametrize(
    "summary",
    [
        sample_summary(),
        empty_summary(),
        at_field_limits(many_scripts),
        sample_summary(notes="שלום עולם\nمرحبا بكم 😀 ✔ 中文"),
    ],
    ids=["sample", "empty", "field-limits-many-scripts", "right-to-left"],
)
def test_the_pdf_passes_the_machine_checkable_part_of_pdf_ua_1(summary, tmp_path):
    pdf = render_pdf(summary)
    assert pdf_ua_findings(pdf, tmp_path) == []
    assert b"pdfuaid:part" in pdf  # Typst made it as PDF/UA-1, and says so in its metadata


def test_title_language_and_tags_are_declared_for_assistive_technology():
    with pikepdf.open(io.BytesIO(render_pdf(sample_summary()))) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.Lang == "en"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == sample_summary().title


def test_every_section_heading_is_a_heading_in_the_structure_and_none_is_skipped():
    summary = sample_summary()
    found = roles(render_pdf(summary))
    assert found.count("/H1") == len(summary.headings)
    # The fit view's parts (bands, grid, reasons, options apart) and each option's reasons.
    assert found.count("/H2") == 4
    assert found.count("/H3") == len(summary.fits)


def test_the_alignment_grid_is_a_table_whose_header_cells_name_the_options():
    summary = sample_summary()
    elements = structure(render_pdf(summary))
    assert sum(e.role == "/Table" for e in elements) == 1
    headers = [e for e in elements if e.role == "/TH"]
    assert len(headers) == 1 + len(summary.fits)
    assert all(header.scopes == ("/Column",) for header in headers)
    assert sum(e.role == "/TD" for e in elements) == len(summary.grid_priorities) * (1 + len(summary.fits))


def test_the_bands_figure_carries_every_band_and_interval_in_its_alternative_text():
    summary = sample_summary()
    figures = [e for e in structure(render_pdf(summary)) if e.role == "/Figure"]
    assert len(figures) == 1
    alt = figures[0].alt or ""
    assert alt == bands_alt_text(summary)
    for line in summary.fits:
        assert line.option in alt
        assert line.interval in alt
    assert "Crosses your limit: I could not avoid alcohol for a year or more." in alt
    assert "Cannot be told apart from: Hemgenix" in alt


def test_lists_are_tagged_as_lists_with_labels_and_bodies():
    found = roles(render_pdf(sample_summary()))
    # Priorities, limits, knowledge misses, options apart, questions and sources.
    assert found.count("/L") >= 6
    assert found.count("/LI") == found.count("/LBody") == 9


def test_the_same_summary_always_makes_the_same_bytes():
    assert render_pdf(sample_summary()) == render_pdf(sample_summary())


def test_only_the_shipped_fonts_are_embedded():
    reader = PdfReader(io.BytesIO(render_pdf(sample_summary(notes="שלום ✔"))))
    names = {
        str(font.get_object()["/BaseFont"]).split("+", 1)[1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert names == {"NotoSans-Regular", "NotoSans-Bold", "DejaVuSans"}


TYPST_MARKUP = [
    '#import "/etc/passwd": *',
    '#panic("ran")',
    '#read("summary.typ")',
    "#sys.inputs.data",
    "$x^2$ and $",
    "*bold* _emphasis_ `raw`",
    "] ) } [ ( {",
    "@ref <label>",
    "back\\slash \\ and \\#",
    "= Not a heading",
    "- not a list",
    "+ not an enum",
    "// not a comment /* nor this */",
    '"quoted" #let x = 1 #x',
]


def test_typst_markup_in_notes_and_questions_prints_literally_and_never_runs():
    notes = "\n".join(TYPST_MARKUP)
    question = '#panic("question") [*x*] @y $z$'
    plain = render_pdf(sample_summary())
    pdf = render_pdf(sample_summary(notes=notes, own_question=question))
    text = text_of(pdf)
    for line in TYPST_MARKUP:
        assert " ".join(line.split()) in text
    assert question in text
    # Nothing typed became a heading, a list or anything else in the structure.
    assert roles(pdf).count("/H1") == roles(plain).count("/H1")
    assert roles(pdf).count("/L") == roles(plain).count("/L")


def test_the_persons_words_reach_typst_only_as_data_never_in_the_template(monkeypatch):
    summary = sample_summary(notes="MARKER-IN-NOTES")
    sent: dict[str, object] = {}

    class Recording:
        def compile(self, **arguments):
            sent.update(arguments)
            return b"%PDF-"

    monkeypatch.setattr(pdf_module, "_compiler", lambda: Recording())
    render_pdf(summary)
    assert "input" not in sent
    assert "MARKER-IN-NOTES" in sent["sys_inputs"]["data"]  # type: ignore[index]
    # Every other argument (the template, fonts, standards) is the same whatever was typed.
    assert "MARKER-IN-NOTES" not in repr({k: v for k, v in sent.items() if k != "sys_inputs"})
    assert "eval(" not in pdf_module.TEMPLATE.read_text()


def test_a_summary_typst_cannot_make_conform_still_becomes_a_tagged_pdf(monkeypatch):
    calls: list[object] = []

    class Refusing:
        def compile(self, **arguments):
            calls.append(arguments.get("pdf_standards"))
            if arguments.get("pdf_standards"):
                raise typst.TypstError("PDF/UA-1 error", "", [], [])
            return b"%PDF- tagged"

    monkeypatch.setattr(pdf_module, "_compiler", lambda: Refusing())
    assert render_pdf(sample_summary()) == b"%PDF- tagged"
    assert calls == [["ua-1"], None]


def test_a_banner_the_summary_holds_is_printed_on_the_first_page_under_the_title():
    banner = ("Content date: 2026-11-01.", "Not yet clinically reviewed.")
    summary = dataclasses.replace(sample_summary(), banner=banner)
    first = " ".join(PdfReader(io.BytesIO(render_pdf(summary))).pages[0].extract_text().split())
    assert "Content date: 2026-11-01. Not yet clinically reviewed." in first
    assert first.index(summary.title) < first.index("Not yet clinically reviewed.") < first.index("About you")


def test_without_typst_as_on_a_phone_the_exporters_import_and_say_no_pdf_can_be_made():
    import subprocess
    import sys

    script = (
        "import sys; sys.modules['typst'] = None\n"
        "import decisionaid.export.pdf as pdf, decisionaid.export.markdown_html\n"
        "print(pdf.pdf_available())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    assert pdf_module.pdf_available()
