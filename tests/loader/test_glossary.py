"""The glossary file: read into terms, and every mistake in it named at its line."""

from __future__ import annotations

from decisionaid.domain.glossary import GlossaryTerm, alphabetical, duplicate_terms
from decisionaid.loader import load_content
from tests.loader.problems import only_line, problems_in


def test_the_glossary_loads_with_its_terms_other_names_and_sources(content_copy):
    glossary = load_content(content_copy(), reading_grades=True).glossary
    assert [t.term for t in glossary] == ["Prophylaxis", "Label", "Alpha trial"]
    assert glossary[0].also == ["regular prevention"]
    assert glossary[1].sources == ["S1"]


def test_a_missing_glossary_file_is_named(content_copy):
    line = only_line(problems_in(content_copy(remove=("glossary.yaml",))))
    assert line.endswith("glossary.yaml:0 file: missing: every locale needs glossary.yaml")


def test_a_broken_glossary_file_is_reported_at_its_line(content_copy):
    line = only_line(problems_in(content_copy("glossary-broken")))
    assert "glossary.yaml:4 yaml: malformed YAML" in line


def test_a_glossary_that_is_not_a_list_of_terms_is_reported(content_copy):
    root = content_copy()
    (root / "glossary.yaml").write_text("terms: just some words\n")
    line = only_line(problems_in(root))
    assert "glossary.yaml:1 terms:" in line


def test_a_term_explained_twice_names_both_places_whatever_its_case(content_copy):
    line = only_line(problems_in(content_copy("glossary-duplicate")))
    assert "glossary.yaml:6 terms[2].term: 'prophylaxis' is explained twice" in line
    assert "the first is at line 2" in line


def test_a_definition_above_grade_8_is_reported(content_copy):
    line = only_line(problems_in(content_copy("glossary-hard")))
    assert "glossary.yaml:3 terms[0].definition: patient text reads at grade" in line


def test_a_definition_citing_an_unknown_source_is_reported(content_copy):
    line = only_line(problems_in(content_copy("glossary-unknown-source")))
    assert "glossary.yaml:4 terms[0].sources: cites unknown source 'S9'" in line


def test_a_number_in_a_definition_needs_a_strong_source(content_copy):
    line = only_line(problems_in(content_copy("glossary-number-weak-source")))
    assert "glossary.yaml:3 terms[0].definition: states a number (20 men)" in line


def test_terms_sort_a_to_z_and_duplicates_ignore_case_and_spacing():
    terms = [GlossaryTerm(term=t, definition="x") for t in ("median", "AAV", "Label", "MEDIAN ")]
    assert [t.term for t in alphabetical(terms)] == ["AAV", "Label", "median", "MEDIAN"]
    assert duplicate_terms(terms) == [(3, 0)]


def test_every_trial_name_the_shipped_content_uses_is_explained(shipped_content):
    content = load_content(shipped_content)
    explained = {t.term for t in content.glossary} | {a for t in content.glossary for a in t.also}
    studies = {row.study for entry in content.outcomes for row in entry.bleeds}
    named = {
        "HOPE-B",
        "GENEr8-1",
        "BENEGENE-2",
        "HAVEN",
        "BASIS",
        "explorer7",
        "explorer8",
        "ATLAS",
        "XTEND-1",
    }
    used = {name for name in named if any(name in study for study in studies)}
    assert used, "no trial names found in the outcome table: the check is wrong"
    assert sorted(used - explained) == []
