"""The source rules: kinds, identifiers and hosts of sources, and numbers cited to strong sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from decisionaid.loader import load_content, read_content, source_rule_problems
from decisionaid.loader import source_rules as rules
from decisionaid.loader.source_rules import is_canonical, refused_because


def strict_problems(root: Path) -> list[str]:
    """The problems of a folder with the source rules switched on."""
    content, problems = read_content(root, reading_grades=False, source_rules_on=True)
    assert (content is None) == bool(problems)
    return [str(p) for p in problems]


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def test_the_valid_fixture_passes_every_source_rule(content_copy):
    assert strict_problems(content_copy()) == []
    assert source_rule_problems(content_copy()) == []


# --- a number cited only to news -------------------------------------------------


def test_a_number_cited_only_to_news_is_reported_at_its_line(content_copy):
    lines = strict_problems(content_copy("number-cited-to-news"))
    assert len(lines) == 2, lines
    module, flag = sorted(lines, key=lambda line: "flags.yaml" in line)
    assert (
        "modules/01-basics.md:13 module body: a number ('51 of 54', '5 years' cited only to news (S3))"
        in module
    )
    assert module.endswith("cite a label, trial, cohort study, guideline, HTA or systematic review")
    assert "flags.yaml:4 flags[0]: a number ('3 in 100' cited only to news (S3))" in flag


def test_the_same_numbers_cited_to_a_label_pass(content_copy):
    root = content_copy("number-cited-to-news")
    rewrite(
        root / "sources.yaml",
        "url: https://www.example-news.com/story\n    kind: news",
        "url: https://www.ema.europa.eu/en/medicines/human/EPAR/test-story\n    kind: label",
    )
    assert strict_problems(root) == []


def test_a_number_cited_to_a_published_cohort_study_passes_but_not_to_a_registry(content_copy):
    # Review V7-6: INSIGHT is an observational cohort, not a trial, and may still carry
    # its own counts; a registry may not.
    root = content_copy("number-cited-to-news")
    news = "url: https://www.example-news.com/story\n    kind: news"
    cohort = "url: https://ashpublications.org/blood/article/1/1/1\n    kind: cohort"
    rewrite(root / "sources.yaml", news, cohort)
    assert strict_problems(root) == []
    rewrite(root / "sources.yaml", "kind: cohort", "kind: registry")
    assert len(strict_problems(root)) == 2


def test_insight_is_listed_as_the_cohort_study_it_is(shipped_content):
    assert load_content(shipped_content).sources["insight-nonsevere-2013"].kind == "cohort"


def test_a_news_source_may_add_context_beside_a_strong_one(content_copy):
    root = content_copy("number-cited-to-news")
    rewrite(root / "modules" / "01-basics.md", "at least one [@S3]", "at least one [@S3; @S1]")
    rewrite(root / "flags.yaml", "sources: [S3]", "sources: [S3, S2, S1]")
    assert strict_problems(root) == []


def test_a_number_in_a_score_reason_needs_a_strong_source_too(content_copy):
    root = content_copy("number-cited-to-news")
    rewrite(
        root / "options" / "alpha.md",
        'record: {score: 0.9, low: 0.5, high: 0.9, reason: "Used for many years", source: S2}',
        'record: {score: 0.9, low: 0.5, high: 0.9, reason: "Used for 30 years", source: S2}',
    )
    lines = [line for line in strict_problems(root) if "alpha.md" in line]
    assert len(lines) == 1, lines
    assert "alpha.md:17 attributes.record.reason: a number ('30 years' cited only to review (S2))" in lines[0]


def test_a_number_with_no_citation_in_its_paragraph_is_reported(content_copy):
    root = content_copy()
    module = root / "modules" / "01-basics.md"
    rewrite(module, "less factor [@S1].", "less factor [@S1].\n\n- About 1 in 5,000 boys is born with it.")
    lines = strict_problems(root)
    assert len(lines) == 1, lines
    assert lines[0].endswith(
        "modules/01-basics.md:13 module body: a number ('1 in 5,000' cites no source); "
        "cite a label, trial, cohort study, guideline, HTA or systematic review"
    )


# --- hosts, identifiers and how much was read ---------------------------------------


def test_a_mirror_host_is_refused_even_with_a_doi(content_copy):
    lines = strict_problems(content_copy("mirror-host"))
    assert len(lines) == 1, lines
    assert (
        "sources.yaml:16 sources[1].url: 'S2': vdocuments.mx is a document-sharing site, never a source"
        in lines[0]
    )


def test_a_trial_without_doi_pmid_or_canonical_url_is_refused(content_copy):
    found = source_rule_problems(content_copy("trial-without-identifier"))
    by_rule: dict[str, list[str]] = {}
    for f in found:
        by_rule.setdefault(f.rule, []).append(str(f.problem))
    assert set(by_rule) == {"identifier-missing", "printed-source"}, by_rule
    (missing,) = by_rule["identifier-missing"]
    assert "sources.yaml:16 sources[1].kind: 'S2' is a trial: give its DOI, its PMID" in missing
    # alpha and beta both score `record` on S2, which the summary would print
    printed = sorted(by_rule["printed-source"])
    assert len(printed) == 2 and all(
        "17 attributes.record.source: 'S2' is printed in the summary" in p for p in printed
    )


def test_the_same_trial_with_a_pmid_passes(content_copy):
    root = content_copy("trial-without-identifier")
    rewrite(root / "sources.yaml", "    kind: trial", '    pmid: "36812433"\n    kind: trial')
    lines = strict_problems(root)
    assert len(lines) == 1, lines
    assert "example-news.com is not its own address; give the canonical url or leave url out" in lines[0]
    rewrite(root / "sources.yaml", "    url: https://www.example-news.com/trial-results\n", "")
    assert strict_problems(root) == []


def test_a_source_that_does_not_say_how_much_was_read_is_reported(content_copy):
    lines = strict_problems(content_copy("source-not-said-read"))
    assert len(lines) == 1, lines
    assert "sources.yaml:2 sources[0].id: 'S1' does not say how much was read" in lines[0]


@pytest.mark.parametrize("read", ["abstract", "part", "full"])
def test_a_source_read_in_part_or_only_its_abstract_is_fine(content_copy, read):
    root = content_copy("source-not-said-read")
    rewrite(root / "sources.yaml", "    kind: label\n", f"    kind: label\n    read: {read}\n")
    assert strict_problems(root) == []


def test_a_doi_written_as_an_address_is_reported(content_copy):
    root = content_copy()
    rewrite(root / "sources.yaml", "doi: 10.0000/test.2", "doi: https://doi.org/10.0000/test.2")
    lines = strict_problems(root)
    assert len(lines) == 1 and "sources[1].doi: 'S2': write the DOI bare" in lines[0], lines


@pytest.mark.parametrize(
    "url",
    [
        "https://hmpglrntwk-fstlytest.global.ssl.fastly.net/page",
        "https://prdmspapp.mimsdev.com/news/1",
        "https://mdedge-cache.qa01.mdedge.com/hematology/article",
        "https://staging.haemophilia.org.uk/page",
        "https://proxy.weglot.com/site/en/page",
        "https://bestpractice-bmj-com.bibliotheek.ehb.be/topics/en-us/468",
        "https://vdocuments.mx/roctavian.html",
        "https://www.scribd.com/document/1",
        "https://ovidsp.dc2.ovid.com/ovid-new-b/ovidweb.cgi?T=JS&PAGE=fulltext",
        "https://www.120ty.net/hemlibra",
        "https://www.dailymail.co.uk/health/article-1",
        "https://www.yahoo.com/news/gene-therapy",
        "https://seekingalpha.com/news/1",
        "https://www.financetom.com/news/1",
        "https://www.celebrityangels.co.uk/story",
        "https://promenu365.com/story",
        "https://www.einpresswire.com/article/1",
        "https://dev.physiciansweekly.com/story",
        "https://img1-cdn.newser.com/story/1",
        "https://fda.report/Company/Label.pdf",
        "https://www.example.org/article;jsessionid=ABC123",
        # reprints and aggregator copies (fifth review R5-6): cite the original publisher
        "https://www.packgene.com/frontier/250221-2/",
        "https://srnnews.com/biomarin-pharma-plans-to-divest-struggling-gene-therapy",
        "https://raritanneighbors.town.news/g/raritan-nj/n/336312/novo-nordisk-submits",
        "https://news.medxy.ai/five-year-durability-etranacogene",
        "https://discovery.researcher.life/topic/factor-ixa/17528418?page=4",
        "https://en.wikipedia.org/wiki/Contaminated_haemophilia_blood_products",
    ],
)
def test_mirrors_caches_test_hosts_proxies_and_tabloids_are_never_sources(url):
    assert refused_because(url), url
    assert not is_canonical(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.ema.europa.eu/en/medicines/human/EPAR/hemgenix",
        "https://www.accessdata.fda.gov/drugsatfda_docs/label/2022/125772s000lbl.pdf",
        "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=1",
        "https://www.nice.org.uk/guidance/ta989",
        "https://www.gov.uk/government/news/mhra-approves-gene-therapy",
        "https://www.cda-amc.ca/etranacogene-dezaparvovec",
        "https://www.wfh.org/guidelines",
        "https://pubmed.ncbi.nlm.nih.gov/36812433/",
        "https://doi.org/10.1056/NEJMoa2211644",
        "https://www.nejm.org/doi/full/10.1056/NEJMoa2211644",
        "https://ashpublications.org/bloodadvances/article/3/21/3241",
    ],
)
def test_regulator_guideline_index_and_journal_addresses_are_canonical(url):
    assert refused_because(url) is None
    assert is_canonical(url)


def test_hosts_that_only_resemble_a_refused_word_are_not_refused():
    for url in (
        "https://www.medevice.com/a",
        "https://www.testosterone.org/b",
        "https://www.hemophiliafed.org",
    ):
        assert refused_because(url) is None, url


# --- the switch -------------------------------------------------------------------------


def test_the_source_rules_are_problems_only_when_switched_on(content_copy, monkeypatch):
    root = content_copy("mirror-host")
    monkeypatch.setattr(rules, "ENFORCED", False)
    assert read_content(root, reading_grades=False)[1] == []
    monkeypatch.setattr(rules, "ENFORCED", True)
    assert len(read_content(root, reading_grades=False)[1]) == 1


def test_the_app_starts_on_content_that_breaks_only_source_rules(content_copy, monkeypatch):
    monkeypatch.setattr(rules, "ENFORCED", True)
    assert load_content(content_copy("mirror-host")).sources["S2"].url


# --- the printed summary -----------------------------------------------------------------


def test_content_that_passes_the_rules_prints_only_canonical_references_in_the_summary(content_copy):
    import datetime as dt

    from decisionaid.domain.session import Profile, Session
    from decisionaid.domain.summary import build_summary

    root = content_copy()
    assert source_rule_problems(root) == []
    typed = Session(profile=Profile(hemophilia_type="A"))  # no type, no fit, no scores to cite
    summary = build_summary(load_content(root), typed, dt.date(2026, 12, 1), "test")
    assert summary.sources, "the fixture's scores cite sources the summary lists"
    for line in summary.sources:
        where = line.rsplit(". ", 1)[-1]
        assert where.startswith(("doi:", "PMID ")) or is_canonical(where), line


BASICS = Path("modules") / "01-basics.md"
STUDY = "In a test study, 51 of 54 men had no bleeds for 5 years, and 3 had at least one [@S3]."
"""The sentence of the fault "number-cited-to-news" in BASICS that cites a news page (S3)."""


def basics_problems(root: Path) -> list[str]:
    """The source-rule problems of BASICS alone (the fault's flag has one of its own)."""
    return [line for line in strict_problems(root) if "01-basics.md" in line]


def test_a_number_under_a_heading_is_reported_at_its_own_line(content_copy):
    root = content_copy("number-cited-to-news")
    rewrite(root / BASICS, "\nIn a test study", "\n### A test study\n\nIn a test study")
    lines = basics_problems(root)
    assert len(lines) == 1 and "01-basics.md:15 module body: a number ('51 of 54'" in lines[0], lines


def test_a_price_cited_only_to_news_is_reported(content_copy):
    root = content_copy("number-cited-to-news")
    rewrite(root / BASICS, STUDY, "News reports said it cost $3.5 million [@S3].")
    lines = basics_problems(root)
    assert len(lines) == 1 and "a number ('$3.5 million' cited only to news (S3))" in lines[0], lines


def test_a_price_cited_to_an_hta_body_passes(content_copy):
    root = content_copy("number-cited-to-news")
    rewrite(root / BASICS, STUDY, "A value-for-money body put a fair price at about £2,600,000 [@S3].")
    rewrite(
        root / "sources.yaml",
        "url: https://www.example-news.com/story\n    kind: news",
        "url: https://www.nice.org.uk/guidance/ta989\n    kind: hta",
    )
    assert basics_problems(root) == []
