"""The loader reads content into models and reports every problem as path:line field: message."""

from __future__ import annotations

import pytest

from decisionaid.loader import ContentProblems, load_content
from tests.loader.problems import only_line, problems_in


def test_the_valid_fixture_loads_every_part(content_copy):
    content = load_content(content_copy())
    assert [m.id for m in content.modules] == ["basics"]
    assert [o.id for o in content.options] == ["alpha", "beta"]
    assert [a.id for a in content.attributes] == ["burden", "record"]
    assert content.hard_limits[0].crossed_by == ["alpha"]
    assert content.option("alpha").attributes["burden"].score == 0.3
    assert content.about.content_version == "test-1"
    assert set(content.sources) == {"S1", "S2"}
    assert content.modules[0].body.clinician.startswith("Detail for the test")


def test_the_clinicians_section_is_split_from_the_patient_text(content_copy):
    module = load_content(content_copy()).modules[0]
    assert "For clinicians" not in module.body.patient
    assert module.body.patient.startswith("Your blood needs factor")
    assert module.body.clinician_line == 13


def test_a_malformed_yaml_block_gets_its_own_line(content_copy):
    line = only_line(problems_in(content_copy("malformed-yaml")))
    assert line.startswith("attributes.yaml:") or "/attributes.yaml:" in line
    assert ":4 yaml: malformed YAML" in line or ":5 yaml: malformed YAML" in line


def test_a_missing_file_is_named(content_copy):
    line = only_line(problems_in(content_copy(remove=("knowledge.yaml",))))
    assert line.endswith("knowledge.yaml:0 file: missing: every locale needs knowledge.yaml")


def test_a_wrong_type_is_reported_at_the_line_of_the_field(content_copy):
    line = only_line(problems_in(content_copy("wrong-type")))
    assert "options/alpha.md:16 attributes.burden.score:" in line
    assert "valid number" in line


def test_an_unknown_source_is_reported_where_it_is_cited(content_copy):
    line = only_line(problems_in(content_copy("unknown-source")))
    assert "modules/01-basics.md:11 body: cites unknown source 'S9'" in line


def test_an_unknown_key_is_an_error_not_ignored(content_copy):
    lines = problems_in(content_copy("unknown-key"))
    assert any("options/beta.md:18 benfits: unknown field" in line for line in lines), lines
    assert any("harms" not in line and "benefits: required field is missing" in line for line in lines)


def test_patient_text_above_grade_8_is_reported(content_copy):
    line = only_line(problems_in(content_copy("hard-text")))
    assert "modules/01-basics.md:11 body: patient text reads at grade" in line


def test_the_clinicians_section_is_exempt_from_the_reading_grade(content_copy):
    root = content_copy()
    module = root / "modules" / "01-basics.md"
    hard = "Prophylactic recombinant concentrates substantially diminish cumulative haemarthrosis incidence."
    module.write_text(module.read_text() + "\n" + hard * 3 + "\n")
    assert load_content(root, reading_grades=True).modules[0].body.clinician.endswith("incidence.")


def test_a_review_date_older_than_18_months_is_reported(content_copy):
    line = only_line(problems_in(content_copy("old-review")))
    assert "modules/01-basics.md:9 reviewed: 2024-01-15 is more than 18 months before" in line


def test_a_duplicate_id_names_both_places(content_copy):
    line = only_line(problems_in(content_copy("duplicate-id")))
    assert "modules/02-basics-again.md:2 id: module id 'basics' is also used at" in line
    assert "01-basics.md:2" in line


def test_an_option_without_harms_is_reported(content_copy):
    line = only_line(problems_in(content_copy("no-harms")))
    assert "options/beta.md:21 harms: every option needs at least one item in harms" in line


def test_every_problem_is_reported_in_one_run(content_copy):
    lines = problems_in(
        content_copy("malformed-yaml", "wrong-type", "unknown-source", remove=("flags.yaml",))
    )
    assert len(lines) == 4, lines
    assert {line.split(":")[0].rsplit("/", 1)[-1] for line in lines} == {
        "attributes.yaml",
        "alpha.md",
        "01-basics.md",
        "flags.yaml",
    }


def test_load_content_raises_with_a_readable_report(content_copy):
    with pytest.raises(ContentProblems) as caught:
        load_content(content_copy("unknown-source"))
    assert "cites unknown source 'S9'" in caught.value.report()


def test_a_folder_that_does_not_exist_is_one_clear_problem(tmp_path):
    line = only_line(problems_in(tmp_path / "nowhere"))
    assert line.endswith("nowhere:0 folder: no content folder here")


def test_a_missing_interface_string_the_app_needs_is_reported(content_copy):
    root = content_copy()
    ui = root / "ui.yaml"
    ui.write_text(
        "\n".join(ln for ln in ui.read_text().splitlines() if not ln.startswith("summary.fit.close_call:"))
    )
    line = only_line(problems_in(root))
    assert line.endswith("ui.yaml:0 summary.fit.close_call: missing: the app needs this interface string")


def test_an_interface_string_with_a_wrong_field_is_reported_at_its_line(content_copy):
    root = content_copy()
    ui = root / "ui.yaml"
    text = ui.read_text().replace("change the fit: {attributes}", "change the fit: {attrs}")
    ui.write_text(text)
    number = next(n for n, ln in enumerate(text.splitlines(), 1) if ln.startswith("summary.fit.flat:"))
    line = only_line(problems_in(root))
    assert f"ui.yaml:{number} summary.fit.flat: uses {{attrs}}; this string may use {{attributes}}" in line


def test_a_citation_inside_a_knowledge_explanation_must_exist(content_copy):
    root = content_copy()
    knowledge = root / "knowledge.yaml"
    knowledge.write_text(
        knowledge.read_text().replace("It is given twice a week.", "It is given twice a week [@S7].")
    )
    line = only_line(problems_in(root))
    assert "knowledge.yaml:6 items[0].explanation: cites unknown source 'S7'" in line


def test_the_figures_load_with_their_bands_series_and_icon_arrays(content_copy):
    figures = load_content(content_copy()).figures
    assert [b.label for b in figures.factor_goals] == ["3% to 5%", "50% or more"]
    assert figures.factor_goals[1].high is None
    assert figures.durability.module == "basics"
    assert figures.durability.series[0].points[1].low == 2
    assert [g.count for g in figures.icon_arrays[0].groups] == [60, 40]


def test_a_missing_figures_file_is_named(content_copy):
    line = only_line(problems_in(content_copy(remove=("figures.yaml",))))
    assert line.endswith("figures.yaml:0 file: missing: every locale needs figures.yaml")


def test_an_icon_array_whose_counts_add_up_to_99_is_reported_at_its_groups(content_copy):
    line = only_line(problems_in(content_copy("icons-sum-99")))
    assert "figures.yaml:36 icon_arrays[0].groups: the counts add up to 99" in line


def test_an_icon_array_for_an_unknown_option_is_reported(content_copy):
    line = only_line(problems_in(content_copy("figure-unknown-option")))
    assert "figures.yaml:34 icon_arrays[0].option: no option 'gamma'" in line


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        pytest.param(
            "figures.yaml",
            "      option: alpha\n",
            "      option: delta\n",
            "figures.yaml:28 durability.series[0].option: no option 'delta'",
            id="in-a-level-series",
        ),
        pytest.param(
            "attributes.yaml",
            "crossed_by: [alpha]",
            "crossed_by: [alpha, omega]",
            "attributes.yaml:33 hard_limits[0].crossed_by: no option 'omega'",
            id="in-a-hard-limit",
        ),
        pytest.param(
            "flags.yaml",
            "option_kinds: [factor]\n",
            "option_kinds: [factor]\n    options: [omega]\n",
            "flags.yaml:7 flags[0].options: no option 'omega'",
            id="in-a-flag",
        ),
    ],
)
def test_an_option_that_does_not_exist_is_reported_where_it_is_named(content_copy, file, old, new, expected):
    root = content_copy()
    path = root / file
    path.write_text(path.read_text().replace(old, new))
    line = only_line(problems_in(root))
    assert expected in line


def test_a_level_series_for_the_other_type_of_hemophilia_is_reported(content_copy):
    root = content_copy()
    alpha = root / "options" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("applies_to: both", "applies_to: B"))
    line = only_line(problems_in(root))
    assert "figures.yaml:28 durability.series[0].option: 'alpha' is for hemophilia B" in line


def test_a_durability_chart_must_name_a_module_that_exists(content_copy):
    root = content_copy()
    figures = root / "figures.yaml"
    figures.write_text(figures.read_text().replace("module: basics", "module: how-long"))
    line = only_line(problems_in(root))
    assert "figures.yaml:21 durability.module: no module 'how-long'" in line


def test_a_source_cited_by_a_chart_point_must_exist(content_copy):
    root = content_copy()
    figures = root / "figures.yaml"
    figures.write_text(figures.read_text().replace("men: 9, source: S1", "men: 9, source: S9"))
    line = only_line(problems_in(root))
    assert "figures.yaml:31 durability.series[0].points[1].source: cites unknown source 'S9'" in line


def test_hard_words_in_a_figure_caption_are_reported(content_copy):
    root = content_copy()
    figures = root / "figures.yaml"
    hard = "Longitudinal pharmacokinetic characterisation demonstrates interindividual variability."
    figures.write_text(figures.read_text().replace("Each dot is a level from one test study.", hard))
    line = only_line(problems_in(root))
    assert "figures.yaml:22 durability.caption: patient text reads at grade" in line


def test_an_icon_array_group_cannot_have_fewer_than_no_people(content_copy):
    root = content_copy()
    figures = root / "figures.yaml"
    text = figures.read_text().replace("{count: 60,", "{count: 101,").replace("{count: 40,", "{count: -1,")
    figures.write_text(text)
    lines = problems_in(root)
    assert any(
        "figures.yaml:38 icon_arrays[0].groups[1].count: Input should be greater than or equal to 0" in line
        for line in lines
    ), lines


def test_an_unknown_icon_array_shown_with_the_durability_chart_is_reported(content_copy):
    root = content_copy()
    figures = root / "figures.yaml"
    text = figures.read_text()
    figures.write_text(
        text.replace("  series:\n", "  icon_arrays: [alpha-outcome, no-such-array]\n  series:\n", 1)
    )
    line = only_line(problems_in(root))
    assert "figures.yaml:24 durability.icon_arrays[1]: no icon array 'no-such-array'" in line


def test_an_option_with_a_factor_level_but_no_gauge_row_is_reported(content_copy):
    # The gauge must say of every bar whether it is an aim, a trial result or an estimate.
    root = content_copy()
    figures = root / "figures.yaml"
    figures.write_text(figures.read_text().replace("  - option: beta\n    kind: aim\n", ""))
    line = only_line(problems_in(root))
    assert "figures.yaml" in line and "'beta' has a factor level but no gauge row" in line


def test_a_gauge_count_without_its_source_is_reported(content_copy):
    root = content_copy()
    figures = root / "figures.yaml"
    row = (
        "    people: 20\n    who: men in a test study\n"
        "    no_response: {label: No response, count: 1, words: had none}\n"
    )
    figures.write_text(figures.read_text().replace("    kind: aim\n", "    kind: aim\n" + row))
    line = only_line(problems_in(root))
    assert "gauge" in line and "a count needs the source it was read in" in line


def test_a_long_interface_sentence_above_grade_8_is_reported_at_its_line(content_copy):
    root = content_copy()
    ui = root / "ui.yaml"
    hard = (
        "Prophylactic recombinant concentrates substantially diminish the cumulative incidence"
        " of haemarthrosis in adolescents with moderate or severe haemophilia."
    )
    ui.write_text(ui.read_text() + f'planted.sentence: "{hard}"\n')
    line = only_line(problems_in(root))
    last = len(ui.read_text().splitlines())
    assert f"ui.yaml:{last} planted.sentence: patient text reads at grade" in line


def test_a_short_interface_label_is_not_graded(content_copy):
    root = content_copy()
    ui = root / "ui.yaml"
    ui.write_text(ui.read_text() + 'planted.label: "Discussion summary: hemophilia consultation"\n')
    assert load_content(root, reading_grades=True).text("planted.label").startswith("Discussion")
