"""Deciding with others on the summary: who is involved, their views, pressure, and how the
leaning moved from the start to the end (Ottawa Personal Decision Guide)."""

from __future__ import annotations

import datetime as dt

import pytest

from decisionaid.domain.deliberation import leaning_change, others_lines
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import UserText, build_summary

TODAY = dt.date(2026, 12, 1)
ODD_TEXTS = [
    "Mi esposa piensa que *debería* esperar <b>un año</b>",
    "زوجتي تفضل الانتظار\nسطر ثانٍ",  # right-to-left, two lines
    "Dad says: wait.\u202egnp.exe\x1b[31m and \\ `code` [link](http://x)",
    "x" * 9_000,
]


def summary_of(content, **answers):
    return build_summary(content, Session(**answers), TODAY, "test")


def test_the_leaning_change_reads_start_then_now_in_words(content):
    session = Session(
        start_leaning="not_sure", start_certainty="a_little", leaning="hemgenix", certainty="quite"
    )
    t = content.text
    expected = t(
        "summary.leaning.change",
        start=f"{t('summary.leaning.not_sure')}, {t('summary.certainty.a_little')}",
        now=f"{content.option('hemgenix').name}, {t('summary.certainty.quite')}",
    )
    assert leaning_change(content, session) == expected
    assert expected == "At the start: Not sure yet, a little sure. Now: Hemgenix, quite sure."
    assert build_summary(content, session, TODAY, "test").leaning_change == expected


def test_no_start_answer_and_no_certainty_leaves_the_leaning_as_it_was(content):
    summary = summary_of(content, leaning="hemgenix")
    assert summary.leaning_change is None
    assert summary.leaning == content.option("hemgenix").name


def test_a_part_not_answered_is_said_so_not_left_blank(content):
    change = leaning_change(content, Session(start_leaning="emicizumab"))
    assert change == f"At the start: {content.option('emicizumab').name}. Now: not answered."


def test_who_is_involved_what_each_prefers_and_pressure_print_on_the_summary(content):
    summary = summary_of(
        content,
        others_involved=["partner", "parent"],
        others_prefer={"partner": "hemgenix", "parent": "not_said"},
        pressure="not_sure",
    )
    t = content.text
    lines = [(o.label, o.value) for o in summary.others]
    assert lines == [
        (t("others.who"), f"{t('others.who.partner')}; {t('others.who.parent')}"),
        (t("others.prefer", who=t("others.whom.partner")), content.option("hemgenix").name),
        (t("others.prefer", who=t("others.whom.parent")), t("others.prefer.not_said")),
        (t("others.pressure"), t("others.pressure.not_sure")),
    ]


def test_no_one_else_stands_alone_and_nothing_is_printed_when_nothing_was_answered(content):
    assert summary_of(content).others == ()
    alone = others_lines(content, Session(others_involved=["no_one"], pressure="no"))
    assert alone == (
        (content.text("others.who"), content.text("others.who.no_one")),
        (content.text("others.pressure"), content.text("others.pressure.no")),
    )
    # Two windows could each save one: the people named win over "no one else".
    both = others_lines(content, Session(others_involved=["no_one", "friend"]))
    assert both[0][1] == content.text("others.who.friend")


def test_a_preference_for_someone_no_longer_ticked_is_not_printed(content):
    summary = summary_of(content, others_involved=["friend"], others_prefer={"partner": "hemgenix"})
    assert [o.label for o in summary.others] == [content.text("others.who")]


@pytest.mark.parametrize("text", ODD_TEXTS, ids=["markup", "rtl", "controls", "long"])
def test_a_partners_view_is_kept_whole_as_the_persons_own_words(content, text):
    session = Session.model_validate_json(Session(others_view=text).model_dump_json())
    assert session.others_view == text
    summary = build_summary(content, session, TODAY, "test")
    assert summary.others_view == UserText(text)


def test_an_unknown_option_in_a_preference_or_leaning_is_not_printed_as_an_id(content):
    summary = summary_of(
        content,
        others_involved=["partner"],
        others_prefer={"partner": "gone-product"},
        start_leaning="gone-product",
        certainty="very",
    )
    assert all("gone-product" not in o.value for o in summary.others)
    assert "gone-product" not in (summary.leaning_change or "")
    assert summary.leaning_change == "At the start: not answered. Now: very sure."


def test_the_summary_headings_include_the_new_sections(content):
    summary = summary_of(content, profile=Profile(hemophilia_type="A"))
    assert summary.headings["others"] == content.text("summary.h.others")
    assert summary.headings["next_steps"] == content.text("summary.h.next_steps")
