"""Citations in content become numbered references in order of first use."""

from decisionaid.domain.content import Source
from decisionaid.domain.references import citation_line, number_citations


def source(id_: str) -> Source:
    return Source(
        id=id_, authors="A", title=f"T{id_}", venue="V", year=2020, url="https://example.org", kind="news"
    )


SOURCES = {s: source(s) for s in ("R1", "R2", "R3")}


def test_citations_are_numbered_by_first_use_across_texts():
    (a, b), cited = number_citations(["One [@R2]. Two [@R1; @R2].", "Three [@R3]."], SOURCES)
    assert a == "One [1]. Two [2, 1]."
    assert b == "Three [3]."
    assert [s.id for s in cited] == ["R2", "R1", "R3"]


def test_an_unknown_citation_stays_visible():
    (text,), cited = number_citations(["Odd [@R9]."], SOURCES)
    assert text == "Odd [?R9]."
    assert cited == []


def test_a_citation_line_names_the_doi_and_pmid_before_any_address():
    s = Source(
        id="D",
        authors="B",
        title="T",
        venue="V",
        year=2021,
        doi="10.1/x",
        pmid="123",
        url="https://x.org",
        kind="trial",
    )
    assert citation_line(s).endswith("doi:10.1/x. PMID 123")


def test_a_citation_line_gives_the_address_when_there_is_no_identifier():
    assert citation_line(source("R1")).endswith("https://example.org")


def test_a_reference_ends_each_part_with_one_full_stop():
    # Fourth methods review M4-15: "Chan AKC, ..., et al.. Concizumab ..." in the PDF.
    reference = Source(
        id="x",
        authors="Chan AKC, Eichler H, et al.",
        title="Is it safe?",
        venue="NEJM",
        year=2023,
        kind="trial",
        pmid="1",
    )
    assert citation_line(reference) == "Chan AKC, Eichler H, et al. Is it safe? NEJM, 2023. PMID 1"
