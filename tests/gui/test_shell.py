"""The app shell in a headless session: routes, progress, Back and Next, About."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import flet as ft
import pytest

from decisionaid.domain.session import Profile, Session
from decisionaid.gui.app import make_app
from decisionaid.gui.routes import ASIDE, JOURNEY
from decisionaid.storage import SessionStore
from tests.content_once import loaded
from tests.gui.harness import start_app

GUI_DIR = Path(__file__).parents[2] / "decisionaid" / "gui"


async def test_welcome_states_the_decision_and_privacy(app, shipped_content):
    ui = loaded(shipped_content).ui
    assert app.page.route == "/"
    for key in ("welcome.title", "welcome.decision", "welcome.privacy", "welcome.not_advice"):
        assert ui[key] in app.texts()
    assert {"start", "clinician", "nav-about"} <= set(app.identifiers())


async def test_welcome_to_about_and_back(app, shipped_content):
    about = loaded(shipped_content).about
    await app.click("nav-about")
    assert app.page.route == "/about"
    assert about.title in app.texts()
    assert any(about.content_version in t for t in app.texts())
    await app.click("back")
    assert app.page.route == "/"
    assert "start" in app.identifiers()


async def test_back_from_about_returns_to_the_step_the_person_was_on(app):
    await app.click("start")
    await app.click("next")
    assert app.page.route == JOURNEY[2].path
    await app.click("nav-about")
    await app.click("back")
    assert app.page.route == JOURNEY[2].path


async def test_next_walks_every_step_in_order_with_progress(app, shipped_content):
    ui = loaded(shipped_content).ui
    await app.click("start")
    total = len(JOURNEY) - 1
    for number, step in enumerate(JOURNEY[1:], start=1):
        assert app.page.route == step.path
        assert ui[step.title_key] in app.texts()
        assert any(t.startswith(f"Step {number} of {total}") for t in app.texts())
        if number < total:
            await app.click("next")
    assert "next" not in app.identifiers()
    for step in reversed(JOURNEY[1:-1]):
        await app.click("back")
        assert app.page.route == step.path


@pytest.mark.parametrize("step", [*JOURNEY[1:], *ASIDE], ids=lambda s: s.key)
async def test_every_route_opens_with_its_title(shipped_content, tmp_path, step):
    app = await start_app(make_app(shipped_content, tmp_path), route=step.path)
    ui = loaded(shipped_content).ui
    title = ui.get(step.title_key)
    assert title, f"ui.yaml has no {step.title_key}"
    assert title in app.texts()


async def test_an_unknown_address_shows_the_welcome_page(shipped_content, tmp_path):
    app = await start_app(make_app(shipped_content, tmp_path), route="/no-such-page")
    assert "start" in app.identifiers()


async def test_broken_content_shows_the_problems_instead_of_the_app(content_copy, tmp_path):
    app = await start_app(make_app(content_copy("unknown-source"), tmp_path))
    assert "cites unknown source 'S9'" in app.text()
    assert "start" not in app.identifiers()


def test_every_interface_string_the_code_uses_is_in_ui_yaml(shipped_content):
    ui = loaded(shipped_content).ui
    used = set()
    for path in GUI_DIR.rglob("*.py"):
        used |= set(re.findall(r"""\.t\(\s*["']([a-z_.]+)["']""", path.read_text()))
    used |= {step.title_key for step in (*JOURNEY, *ASIDE)}
    assert used, "found no interface strings: the pattern is wrong"
    assert sorted(used - set(ui)) == []


async def test_the_journey_resumes_where_it_was_left_after_a_restart(shipped_content, tmp_path):
    data = tmp_path / "data"
    first = await start_app(make_app(shipped_content, data))
    assert "resume" not in first.identifiers()
    await first.click("start")
    await first.click("next")
    assert first.page.route == JOURNEY[2].path

    again = await start_app(make_app(shipped_content, data))
    assert {"resume", "start-over"} <= set(again.identifiers())
    assert "start" not in again.identifiers()
    await again.click("resume")
    assert again.page.route == JOURNEY[2].path


async def test_start_over_begins_a_fresh_journey(shipped_content, tmp_path):
    data = tmp_path / "data"
    first = await start_app(make_app(shipped_content, data))
    await first.click("start")
    again = await start_app(make_app(shipped_content, data))
    await again.click("start-over")
    assert again.page.route == JOURNEY[1].path
    third = await start_app(make_app(shipped_content, data))
    assert "resume" in third.identifiers()  # he is on step 1 again, which is saved too


async def test_an_unreadable_saved_session_is_explained_and_kept(shipped_content, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "session.json").write_text("{this is not json")
    app = await start_app(make_app(shipped_content, data))
    assert "could not be opened" in app.text()
    kept = list(data.glob("session.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{this is not json"
    await app.click("dismiss-notice")
    assert "could not be opened" not in app.text()


async def test_an_about_you_answer_is_saved_the_moment_it_is_given(shipped_content, tmp_path):
    data = tmp_path / "data"
    app = await start_app(make_app(shipped_content, data), route="/about-you")
    group = next(c for c in app.controls() if type(c).__name__ == "RadioGroup")
    await app.change(group, "B")
    saved = (data / "session.json").read_text()
    assert '"hemophilia_type": "B"' in saved


def band_texts(app, content) -> list[str]:
    """The fit bands' words ("In between: from 41 to 66 out of 100 ...")."""
    bands = tuple(content.text(f"summary.band.{b}") for b in ("closer", "middle", "further"))
    return [t for t in app.texts() if t.startswith(bands)]


async def rate_all(app, content, step: int = 2) -> None:
    for attribute in content.attributes:
        await app.click(f"imp-{attribute.id}-{step}")


async def test_choosing_importance_saves_it_and_moves_the_fit(shipped_content, tmp_path):
    data = tmp_path / "data"
    content = loaded(shipped_content)
    first, second = content.attributes[0].id, content.attributes[1].id
    SessionStore(data).save(Session(profile=Profile(hemophilia_type="A")))  # no fit without a type
    app = await start_app(make_app(shipped_content, data), route="/values")
    await rate_all(app, content)
    await app.click(f"imp-{first}-4")
    await app.click(f"imp-{second}-1")
    saved = (data / "session.json").read_text()
    assert f'"{first}": 4' in saved and f'"{second}": 1' in saved
    assert app.is_chosen(f"imp-{first}-4")  # a radio: checked, not colour alone

    await app.go("/fit")
    before = band_texts(app, content)
    assert before, "no fit bands shown"
    await app.click(f"imp-{second}-4")
    assert band_texts(app, content) != before


async def test_the_fit_page_explains_when_nothing_is_answered_yet(shipped_content, tmp_path):
    content = loaded(shipped_content)
    data = tmp_path / "data"
    SessionStore(data).save(Session(profile=Profile(hemophilia_type="A")))
    app = await start_app(make_app(shipped_content, data), route="/fit")
    assert content.text("summary.fit.not_answered") in app.text()
    assert not band_texts(app, content)


async def test_with_no_type_the_fit_page_asks_for_the_type_before_the_ratings(shipped_content, tmp_path):
    """R8-7: rating everything shows no fit while the type is not known, so that comes first."""
    content = loaded(shipped_content)
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route="/fit")
    text = app.text()
    assert content.text("summary.fit.not_answered") not in text
    type_note, rating_note = (
        content.text("summary.fit.type_unknown"),
        content.text("summary.fit.not_answered_type_unknown"),
    )
    assert type_note in text and rating_note in text
    assert text.index(type_note) < text.index(rating_note)


@pytest.mark.parametrize(("kind", "key"), [("B", "options.intro"), (None, "options.intro_type_unknown")])
async def test_the_options_page_speaks_of_his_type_only_when_it_is_known(
    shipped_content, tmp_path, kind, key
):
    """R8-7: "Here are the options for your type" was shown to a man whose type is not known."""
    content = loaded(shipped_content)
    data = tmp_path / "data"
    SessionStore(data).save(Session(profile=Profile(hemophilia_type=kind)))
    app = await start_app(make_app(shipped_content, data), route="/options")
    other = "options.intro_type_unknown" if key == "options.intro" else "options.intro"
    assert content.text(key) in app.texts()
    assert content.text(other) not in app.texts()


async def test_a_hard_limit_is_saved_and_shown_beside_the_options_it_affects(shipped_content, tmp_path):
    data = tmp_path / "data"
    content = loaded(shipped_content)
    limit = next(h for h in content.hard_limits if "roctavian" in h.crossed_by)
    SessionStore(data).save(Session(profile=Profile(hemophilia_type="A")))  # no fit without a type
    app = await start_app(make_app(shipped_content, data), route="/values")
    box = app.by_identifier(f"limit-{limit.id}")
    await app.change(box, True)
    assert f'"{limit.id}"' in (data / "session.json").read_text()
    await rate_all(app, content, 3)
    await app.go("/fit")
    assert any(limit.statement in t for t in app.texts())


async def test_served_to_other_computers_each_browser_keeps_its_own_answers_in_memory(
    shipped_content, tmp_path
):
    data = tmp_path / "data"
    main = make_app(shipped_content, data, keep_on_device=False)
    first = await start_app(main)
    await first.click("start")
    await first.go("/values")
    await first.click("imp-needles-4")
    second = await start_app(main)
    assert "resume" not in second.identifiers()
    assert not data.exists()


async def test_learn_shows_the_modules_for_the_type_and_marks_them_read(shipped_content, tmp_path):
    data = tmp_path / "data"
    content = loaded(shipped_content)
    app = await start_app(make_app(shipped_content, data), route="/learn")
    first = content.modules[0]
    assert first.title in app.texts()
    assert f"You have read 0 of {len(content.modules)}." in app.texts()
    await app.open_fold(f"module-{first.id}")
    await app.click(f"read-{first.id}")
    assert f"You have read 1 of {len(content.modules)}." in app.texts()
    assert f'"{first.id}"' in (data / "session.json").read_text()


async def test_options_show_only_the_persons_type_with_their_care_team_notes(shipped_content, tmp_path):
    data = tmp_path / "data"
    about_you = await start_app(make_app(shipped_content, data), route="/about-you")
    groups = [c for c in about_you.controls() if type(c).__name__ == "RadioGroup"]
    await about_you.change(groups[0], "A")  # hemophilia type
    await about_you.change(groups[-1], "most_days")  # alcohol
    app = await start_app(make_app(shipped_content, data), route="/options")
    shown = {i.removeprefix("option-") for i in app.identifiers() if i.startswith("option-")}
    assert "roctavian" in shown and "emicizumab" in shown and "current" in shown
    assert "hemgenix" not in shown
    content = loaded(shipped_content)
    alcohol = next(f for f in content.flags if f.id == "alcohol_use")
    for_type_a = next(v.text for v in alcohol.variants if v.when == {"hemophilia_type": ["A"]})
    assert for_type_a in app.texts()  # the note worded for type A, not the one naming Hemgenix
    assert alcohol.text not in app.texts()
    assert content.text("flag_reason.alcohol.most_days") in app.texts()


async def test_the_summary_page_saves_a_pdf_whose_text_holds_the_answers(shipped_content, tmp_path):
    import io

    from pypdf import PdfReader

    data = tmp_path / "data"
    values = await start_app(make_app(shipped_content, data), route="/values")
    await values.click("imp-needles-4")
    app = await start_app(make_app(shipped_content, data), route="/summary")
    await app.click("save-pdf")
    name, args = app.client.calls[-1]
    assert name == "save_file" and args["file_name"].endswith("-a4.pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(args["src_bytes"])).pages)
    needles = next(a.name for a in loaded(shipped_content).attributes if a.id == "needles")
    assert needles in text
    assert any(t.startswith("Saved decisionaid-summary-a4.pdf") for t in app.texts())


async def test_the_summary_page_saves_the_session_file_that_opens_again(shipped_content, tmp_path):
    from decisionaid.domain.session import SCHEMA_VERSION
    from decisionaid.storage.sessions import parse_session

    app = await start_app(make_app(shipped_content, tmp_path / "data"), route="/summary")
    await app.click("save-session")
    _, args = app.client.calls[-1]
    assert args["file_name"] == "decisionaid-session.json"
    opened = parse_session(args["src_bytes"].decode("utf-8"), tmp_path / "x.json")
    assert opened.schema_version == SCHEMA_VERSION


async def test_delete_my_data_asks_first_then_removes_everything_saved(shipped_content, tmp_path):
    data = tmp_path / "data"
    app = await start_app(make_app(shipped_content, data), route="/values")
    await app.click("imp-needles-4")
    await app.go("/summary")
    assert (data / "session.json").exists()
    await app.click("delete-data")
    await app.click("delete-cancel")
    assert (data / "session.json").exists()
    await app.click("delete-data")
    await app.click("delete-confirm")
    assert not (data / "session.json").exists()
    assert app.page.route == "/"


def _control(app, identifier):
    return app.by_identifier(identifier)


async def test_getting_ready_saves_each_answer_and_explains_the_knowledge_check(shipped_content, tmp_path):
    data = tmp_path / "data"
    content = loaded(shipped_content)
    item = content.knowledge[0]
    wrong = (item.answer + 1) % len(item.choices)
    app = await start_app(make_app(shipped_content, data), route="/ready")
    groups = [c for c in app.controls() if type(c).__name__ == "RadioGroup"]
    await app.change(groups[0], str(wrong))
    assert any(t.startswith(content.text("ready.not_quite")) for t in app.texts())

    notes = _control(app, "notes")
    await app.change(notes, "Ask about <b>ankle</b> **now**")
    own = _control(app, "own-question")
    app.session.apply_patch(own._i, {"value": "Can I still play football?"})
    await app.session.dispatch_event(own._i, "submit", None)
    await app.client.settle()

    # An empty field for the next question, and the keyboard focus goes to it (audit D4).
    emptied = _control(app, "own-question")
    assert not emptied.value
    assert emptied.autofocus
    saved = json.loads((data / "session.json").read_text())
    assert saved["knowledge_answers"] == {item.id: wrong}
    assert saved["notes"] == "Ask about <b>ankle</b> **now**"
    assert saved["own_questions"] == ["Can I still play football?"]


async def test_unticking_a_suggested_question_keeps_it_out_of_the_summary(shipped_content, tmp_path):
    data = tmp_path / "data"
    about = await start_app(make_app(shipped_content, data), route="/about-you")
    groups = [c for c in about.controls() if type(c).__name__ == "RadioGroup"]
    await about.change(groups[-1], "most_days")  # alcohol raises a care-team question
    app = await start_app(make_app(shipped_content, data), route="/ready")
    box = _control(app, "question-0")
    await app.change(box, False)
    saved = json.loads((data / "session.json").read_text())
    # Alcohol unticked; the others kept (the type note's question too: no type was given).
    assert saved["questions_chosen"] == ["flag:withdrawn", "flag:type_unknown"]


async def test_compare_shows_plain_answers_for_the_options_picked_and_keeps_the_picks(
    shipped_content, tmp_path
):
    content = loaded(shipped_content)
    data = tmp_path / "data"
    app = await start_app(make_app(shipped_content, data), route="/compare")
    boxes = [i for i in app.identifiers() if i.startswith("compare-")]
    assert [i for i in boxes if app.by_identifier(i).value] == []  # nothing picked for him
    assert content.text("compare.none") in app.texts()
    first, fourth = boxes[0].removeprefix("compare-"), boxes[3].removeprefix("compare-")
    attribute = content.attributes[0]
    await app.change(app.by_identifier(boxes[0]), True)
    assert attribute.grid_question in app.texts()
    assert content.option(first).attributes[attribute.id].reason in app.texts()
    assert content.option(fourth).attributes[attribute.id].reason not in app.texts()
    await app.change(app.by_identifier(boxes[3]), True)
    assert content.option(fourth).attributes[attribute.id].reason in app.texts()
    assert json.loads((data / "session.json").read_text())["compare_picks"] == [first, fourth]
    again = await start_app(make_app(shipped_content, data), route="/compare")
    assert [i for i in boxes if again.by_identifier(i).value] == [boxes[0], boxes[3]]


async def test_compare_starts_from_what_he_uses_now_and_where_he_leans_never_from_gene_therapies(
    shipped_content, tmp_path
):
    data = tmp_path / "data"
    data.mkdir()
    session = {
        "schema_version": 1,
        "profile": {"hemophilia_type": "B", "age_group": "under_18", "current_treatment": "factor9-extended"},
        "leaning": "not_sure",
    }
    (data / "session.json").write_text(json.dumps(session))
    app = await start_app(make_app(shipped_content, data), route="/compare")
    picked = [i for i in app.identifiers() if i.startswith("compare-") and app.by_identifier(i).value]
    # What he uses now is its own product's column, marked; no "stay with current" twin.
    assert picked == ["compare-factor9-extended"]
    assert "compare-current" not in app.identifiers()
    content = loaded(shipped_content)
    uses_now = f"{content.option('factor9-extended').name} ({content.text('summary.uses_now')})"
    assert uses_now in app.texts()


async def test_compare_stacks_the_answers_on_a_phone_and_shows_a_grid_on_a_desktop(shipped_content, tmp_path):
    content = loaded(shipped_content)
    app = await start_app(
        make_app(shipped_content, tmp_path / "data"), route="/compare", width=390, height=844
    )
    boxes = [i for i in app.identifiers() if i.startswith("compare-")][:3]
    for box in boxes:
        await app.change(app.by_identifier(box), True)
    picked = [i.removeprefix("compare-") for i in boxes]
    attribute = content.attributes[0]
    assert not any(isinstance(c, ft.DataTable) for c in app.controls())
    texts = app.texts()
    question_at = texts.index(attribute.grid_question)
    for option_id in picked:
        option = content.option(option_id)
        # Under the question: the option's name, then its answer.
        name_at = texts.index(option.name, question_at)
        assert texts[name_at + 1] == option.attributes[attribute.id].reason
    await app.resize(1440, 900)
    table = next(c for c in app.controls() if isinstance(c, ft.DataTable))
    assert [col.label.value for col in table.columns[1:]] == [content.option(i).name for i in picked]
    await app.resize(390, 844)
    assert not any(isinstance(c, ft.DataTable) for c in app.controls())


def _tile(app, identifier: str) -> ft.ExpansionTile:
    tile = app.by_identifier(identifier)
    assert isinstance(tile, ft.ExpansionTile)
    return tile


async def test_an_open_module_stays_open_when_it_is_marked_read_or_the_window_changes(
    shipped_content, tmp_path
):
    content = loaded(shipped_content)
    module = next(m for m in content.modules if m.body.clinician)
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route="/learn")
    assert _tile(app, f"module-{module.id}").expanded is False
    for identifier in (f"module-{module.id}", f"clinicians-{module.id}"):
        tile = _tile(app, identifier)
        app.session.apply_patch(tile._i, {"expanded": True})
        await app.session.dispatch_event(tile._i, "change", True)
        await app.client.settle()
    await app.click(f"read-{module.id}")
    await app.resize(390, 844)
    assert _tile(app, f"module-{module.id}").expanded is True
    assert _tile(app, f"clinicians-{module.id}").expanded is True
    others = [m for m in content.modules if m.id != module.id]
    assert all(_tile(app, f"module-{m.id}").expanded is False for m in others)


def _values_sent_back(messages) -> list[str]:
    """Every text value the server told the client to put into a field."""
    sent = []
    for message in messages:
        for op in getattr(message.body, "patch", None) or []:
            if isinstance(op, list | tuple) and len(op) == 4 and op[2] == "value" and isinstance(op[3], str):
                sent.append(op[3])
    return sent


@pytest.mark.parametrize(
    ("route", "identifier", "field"),
    [("/ready", "notes", "notes"), ("/clinician", "clinician-notes", "clinician_notes")],
)
async def test_keys_typed_faster_than_the_server_answers_are_all_kept(
    shipped_content, tmp_path, route, identifier, field
):
    """The client sends each key as a change; the server must never send older text back."""
    data = tmp_path / "data"
    app = await start_app(make_app(shipped_content, data), route=route)
    text_field = app.by_identifier(identifier)
    before = len(app.client.sent)
    typed = "Bleeds ⚽ and مرحبا"
    loop = asyncio.get_running_loop()
    tasks = []
    for end in range(1, len(typed) + 1):
        # The client updates the field, then reports the change; the next key can land
        # before the server has handled the last one.
        app.session.apply_patch(text_field._i, {"value": typed[:end]})
        tasks.append(loop.create_task(app.session.dispatch_event(text_field._i, "change", typed[:end])))
        if end % 3 == 0:
            await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    await app.client.settle()
    app.raise_errors()
    assert _values_sent_back(app.client.sent[before:]) == []
    assert json.loads((data / "session.json").read_text())[field] == typed


def _words_of(app, identifier: str) -> ft.Container:
    """The wrapping words beside a radio or checkbox (radio_group, checkbox_choice)."""
    row = app.semantics(identifier).content
    assert isinstance(row, ft.Row)
    words = row.controls[1]
    assert isinstance(words, ft.Container)
    return words


def _merged_into_one_node(app, identifier: str) -> bool:
    """The control, its words and the tap area are one node for screen readers."""
    return any(
        isinstance(c, ft.MergeSemantics) and c.content is app.semantics(identifier) for c in app.controls()
    )


async def test_tapping_the_words_of_an_answer_picks_it_and_tapping_again_keeps_it(shipped_content, tmp_path):
    data = tmp_path / "data"
    content = loaded(shipped_content)
    app = await start_app(make_app(shipped_content, data), route="/values")
    limit = content.hard_limits[0]
    assert _merged_into_one_node(app, f"limit-{limit.id}")
    assert limit.statement in app.texts()
    await app.session.dispatch_event(_words_of(app, f"limit-{limit.id}")._i, "click", None)
    await app.client.settle()
    assert json.loads((data / "session.json").read_text())["hard_limits"] == [limit.id]
    assert app.by_identifier(f"limit-{limit.id}").value is True
    await app.go("/about-you")
    assert _merged_into_one_node(app, "q-hemophilia_type-B")
    for _ in range(2):  # a double tap on the chosen answer keeps it (the walks lost "Under 18" so)
        await app.session.dispatch_event(_words_of(app, "q-hemophilia_type-B")._i, "click", None)
        await app.client.settle()
        assert json.loads((data / "session.json").read_text())["profile"]["hemophilia_type"] == "B"
    radio = app.by_identifier("q-hemophilia_type-B")
    assert isinstance(radio, ft.Radio) and not radio.toggleable
    app.raise_errors()


async def test_where_no_pdf_can_be_made_the_summary_page_offers_the_web_page_and_says_why(
    shipped_content, tmp_path, monkeypatch
):
    from decisionaid.gui.views import summary as summary_view

    ui = loaded(shipped_content).ui
    monkeypatch.setattr(summary_view, "pdf_available", lambda: False)
    app = await start_app(make_app(shipped_content, tmp_path / "data"), route="/summary")
    assert ui["summary_page.no_pdf"] in app.texts()
    buttons = [b.content for b in app.controls() if isinstance(b, ft.FilledButton | ft.OutlinedButton)]
    assert ui["summary_page.save_html"] in buttons
    assert ui["summary_page.save_pdf"] not in buttons and ui["summary_page.save_pdf_letter"] not in buttons
