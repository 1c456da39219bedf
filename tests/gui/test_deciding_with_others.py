"""Deciding with others in the running app: the start leaning on Learn, who else is involved,
pressure and their view on Getting ready, the next steps from each "no", the knowledge check
for the person's type, and all of it on the summary."""

from __future__ import annotations

import json

import flet as ft

from decisionaid.gui.app import make_app
from decisionaid.gui.state import AppState
from tests.content_once import loaded
from tests.gui.harness import HeadlessApp, start_app

RTL_VIEW = "زوجتي تفضل الانتظار سنة\nShe says *wait* <b>a year</b>"


async def started(shipped_content, tmp_path, kind: str) -> tuple[HeadlessApp, object]:
    """The app with the person's type answered, on About you."""
    content = loaded(shipped_content)
    app = await start_app(make_app(shipped_content, tmp_path / "data"))
    await app.click("start")
    await app.click(f"q-hemophilia_type-{kind}")
    return app, content


def saved(tmp_path) -> dict:
    return json.loads((tmp_path / "data" / "session.json").read_text())


def preview(app: HeadlessApp, content) -> str:
    """The summary preview's Markdown source (the view keeps it as the column's data)."""
    return next(
        c.data
        for c in app.controls()
        if isinstance(c.data, str) and c.data.startswith(f"# {content.text('summary.title')}")
    )


async def test_learn_asks_where_he_leans_before_reading_and_remembers_the_readings_opened(
    shipped_content, tmp_path
):
    app, content = await started(shipped_content, tmp_path, "B")
    await app.go("/learn")
    assert content.text("start.leaning") in app.texts()
    assert "start-leaning-roctavian" not in app.identifiers(), "type A's gene therapy offered to a B reader"
    await app.click("start-leaning-not_sure")
    await app.click("start-certainty-a_little")
    assert app.is_chosen("start-leaning-not_sure") and app.is_chosen("start-certainty-a_little")
    module = next(m for m in content.modules if m.applies_to in ("B", "both"))
    tile = app.semantics(f"module-{module.id}").content
    assert isinstance(tile, ft.ExpansionTile)
    await app.session.dispatch_event(tile._i, "change", True)
    await app.client.settle()
    app.raise_errors()
    answers = saved(tmp_path)
    assert (answers["start_leaning"], answers["start_certainty"]) == ("not_sure", "a_little")
    assert answers["modules_opened"] == [module.id]
    assert answers["modules_read"] == [], "opening a reading is not marking it read"


async def test_an_a_reader_is_asked_only_the_knowledge_questions_for_type_a(shipped_content, tmp_path):
    app, content = await started(shipped_content, tmp_path, "A")
    await app.go("/ready")
    # Each answer is `k-<item>-<n>`: the items asked are those with an answer to tap.
    shown = {i.removeprefix("k-").rsplit("-", 1)[0] for i in app.identifiers() if i.startswith("k-")}
    expected = {k.id for k in content.knowledge if k.applies_to in ("A", "both")}
    assert shown == expected
    assert not shown & {k.id for k in content.knowledge if k.applies_to == "B"}


async def test_who_is_involved_their_preference_pressure_and_view_are_saved_and_printed(
    shipped_content, tmp_path
):
    app, content = await started(shipped_content, tmp_path, "B")
    await app.go("/ready")
    t = content.text
    assert t("others.who") in app.texts()
    assert "prefer-partner" not in app.identifiers(), "no preference asked before the partner is named"
    await app.change(app.by_identifier("others-partner"), True)
    await app.change(app.by_identifier("others-parent"), True)
    assert t("others.prefer", who=t("others.whom.partner")) in app.texts()
    await app.click("prefer-partner-hemgenix")
    await app.click("prefer-parent-not_said")
    await app.click("pressure-not_sure")
    await app.change(app.by_identifier("others-view"), RTL_VIEW)
    answers = saved(tmp_path)
    assert answers["others_involved"] == ["partner", "parent"]
    assert answers["others_prefer"] == {"partner": "hemgenix", "parent": "not_said"}
    assert answers["pressure"] == "not_sure"
    assert answers["others_view"] == RTL_VIEW

    await app.go("/summary")
    text = preview(app, content)
    assert f"## {t('summary.h.others')}" in text
    assert f"{t('others.prefer', who=t('others.whom.partner'))} **{content.option('hemgenix').name}**" in text
    assert "زوجتي تفضل الانتظار سنة" in text
    assert "<b>" not in text, "their words are shown as typed, never as markup"


async def test_no_one_else_and_the_people_named_exclude_each_other(shipped_content, tmp_path):
    app, _ = await started(shipped_content, tmp_path, "A")
    await app.go("/ready")
    await app.change(app.by_identifier("others-friend"), True)
    await app.click("prefer-friend-not_sure")
    await app.change(app.by_identifier("others-no_one"), True)
    assert app.by_identifier("others-friend").value is False
    assert "prefer-friend" not in app.identifiers()
    answers = saved(tmp_path)
    assert answers["others_involved"] == ["no_one"] and answers["others_prefer"] == {}
    await app.change(app.by_identifier("others-family"), True)
    assert app.by_identifier("others-no_one").value is False
    assert saved(tmp_path)["others_involved"] == ["family"]


async def test_each_no_shows_its_next_step_and_a_button_takes_him_to_the_page_it_names(
    shipped_content, tmp_path
):
    app, content = await started(shipped_content, tmp_path, "B")
    await app.go("/ready")
    assert content.text("next.none") in app.texts()
    for item in content.readiness.readiness:
        await app.click(f"r-{item.id}-no")
        assert f"next-step-{item.leads_to}" in app.identifiers()
        assert item.if_no in app.texts()
    await app.click("pressure-yes")
    assert "next-step-pressure" in app.identifiers()
    assert content.text("next.none") not in app.texts()
    facts = app.semantics("next-step-facts")
    reads = [c.value for c in app.controls(facts) if isinstance(c, ft.Text)]
    first = next(m for m in content.modules if m.applies_to in ("B", "both"))
    assert f"{content.text('next.read')}: {first.title}" in reads
    values_button = next(i for i in app.identifiers() if i.startswith("next-") and i.endswith("-values"))
    await app.click(values_button)
    assert app.page.route == "/values"


async def test_the_end_leaning_and_how_sure_show_the_change_since_the_start(shipped_content, tmp_path):
    app, content = await started(shipped_content, tmp_path, "B")
    await app.go("/learn")
    await app.click("start-leaning-not_sure")
    await app.click("start-certainty-a_little")
    await app.go("/ready")
    await app.click("leaning-hemgenix")
    await app.click("certainty-quite")
    change = "At the start: Not sure yet, a little sure. Now: Hemgenix, quite sure."
    assert (
        content.text(
            "summary.leaning.change", start="Not sure yet, a little sure", now="Hemgenix, quite sure"
        )
        == change
    )
    assert change in app.texts()
    await app.go("/summary")
    assert change in preview(app, content)


async def test_the_clinician_sees_who_is_involved_pressure_and_their_view_at_a_glance(
    shipped_content, tmp_path
):
    app, content = await started(shipped_content, tmp_path, "A")
    await app.go("/ready")
    t = content.text
    await app.change(app.by_identifier("others-parent"), True)
    await app.click("pressure-yes")
    await app.change(app.by_identifier("others-view"), RTL_VIEW)
    await app.go("/clinician")
    card = app.semantics("glance-others")
    lines = [c.value for c in app.controls(card) if isinstance(c, ft.Text)]
    assert t("summary.h.others") in lines
    assert f"{t('others.who')} {t('others.who.parent')}" in lines
    assert f"{t('others.pressure')} {t('others.pressure.yes')}" in lines
    assert RTL_VIEW in lines


def test_a_partners_view_written_in_two_windows_keeps_both_and_names_it(shipped_content, tmp_path):
    content = loaded(shipped_content)
    a, b = AppState(content=content, data_dir=tmp_path), AppState(content=content, data_dir=tmp_path)
    a.load()
    b.load()
    a.change(others_view="Wait a year", pressure="no")
    revision = b.revision
    b.change(others_view="انتظر سنة", pressure="yes")
    assert b.session.others_view == "Wait a year\n\nانتظر سنة"
    assert b.revision == revision + 1  # B's field for their view is made again with both texts
    assert content.text("saving.kept_both", answers=content.text("others.view_label")) in b.merge_note
    assert content.text("others.pressure") in b.merge_note
