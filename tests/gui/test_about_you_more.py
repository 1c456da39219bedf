"""Issue 14: the questions added to "About you" are named radio groups, each with "not sure"
and "prefer not to say", and an answer is saved the moment it is picked."""

from __future__ import annotations

import json

import flet as ft
import pytest

from decisionaid.domain.ui_keys import ASKED_SINCE_ISSUE_14, profile_answers
from decisionaid.gui.app import make_app
from tests.content_once import loaded
from tests.gui.harness import start_app


@pytest.fixture
async def about_you(shipped_content, tmp_path):
    return await start_app(make_app(shipped_content, tmp_path / "data"), route="/about-you")


async def test_each_new_question_is_a_radio_group_named_by_its_question(about_you, shipped_content):
    content = loaded(shipped_content)
    for field in ASKED_SINCE_ISSUE_14:
        question = content.text(f"profile.q.{field}")
        named = [
            c
            for c in about_you.controls()
            if isinstance(c, ft.Semantics) and c.label == question and isinstance(c.content, ft.RadioGroup)
        ]
        assert len(named) == 1, field
        for value in profile_answers(field):
            radio = about_you.by_identifier(f"q-{field}-{value}")
            assert isinstance(radio, ft.Radio) and about_you.group_of(radio) is named[0].content
        assert {"not_sure", "prefer_not_to_say"} <= set(profile_answers(field))
    assert content.text("about_you.more_intro") in about_you.texts()
    assert content.text("profile.a.prefer_not_to_say") in about_you.texts()


async def test_picking_an_answer_saves_it(about_you, tmp_path):
    await about_you.click("q-region-uk")
    await about_you.click("q-hepatitis_c-past_cured")
    await about_you.click("q-sex-prefer_not_to_say")
    saved = json.loads((tmp_path / "data" / "session.json").read_text())["profile"]
    assert (saved["region"], saved["hepatitis_c"], saved["sex"]) == ("uk", "past_cured", "prefer_not_to_say")
    assert about_you.is_chosen("q-region-uk")


async def test_could_you_become_pregnant_is_asked_only_after_female_and_saved(
    about_you, shipped_content, tmp_path
):
    """Review R5-4: the gene therapy labels turn on being able to become pregnant."""
    question = loaded(shipped_content).text("profile.q.pregnancy_possible")
    assert question not in about_you.texts()
    await about_you.click("q-sex-male")
    assert question not in about_you.texts()
    await about_you.click("q-sex-female")
    assert question in about_you.texts()
    await about_you.click("q-pregnancy_possible-not_sure")
    saved = json.loads((tmp_path / "data" / "session.json").read_text())["profile"]
    assert (saved["sex"], saved["pregnancy_possible"]) == ("female", "not_sure")
