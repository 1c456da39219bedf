"""Getting ready: knowledge check, who else is involved, readiness and next steps, leaning,
role, questions and notes."""

from __future__ import annotations

import flet as ft

from decisionaid.domain.content import KnowledgeItem
from decisionaid.domain.knowledge import answer_changed, answer_given, fingerprint, knowledge_for
from decisionaid.domain.references import strip_citations
from decisionaid.domain.summary import suggested_questions
from decisionaid.gui.controls import (
    LONG_TEXT,
    TextEntry,
    action_button,
    checkbox_choice,
    heading,
    paragraph,
    radio_group,
)
from decisionaid.gui.state import AppState, use_app_state
from decisionaid.gui.views.deciding import end_leaning_block, next_steps_block, others_block


def feedback(state: AppState, item: KnowledgeItem, answer: int) -> str:
    """Whether an answer is right, and why: shown under the question and read out."""
    verdict = state.t("ready.right" if answer == item.answer else "ready.not_quite")
    return f"{verdict} {strip_citations(item.explanation)}"


def knowledge_item(state: AppState, item: KnowledgeItem) -> ft.Control:
    """A question; once answered, whether it was right (in words and an icon) and why."""
    answer = answer_given(item, state.session)  # review M6-9: reworded choices are asked again

    page = ft.context.page

    def pick(value: str | None) -> None:
        answers = {k: v for k, v in state.session.knowledge_answers.items() if k != item.id}
        picked = {k: v for k, v in state.session.knowledge_picked.items() if k != item.id}
        asked = {k: v for k, v in state.session.knowledge_asked.items() if k != item.id}
        if value is not None:
            answers[item.id] = int(value)
            picked[item.id] = item.choices[int(value)]  # the words he saw (review M6-9)
            asked[item.id] = fingerprint(item)  # and the question as asked (review V8-9b)
        state.change(knowledge_answers=answers, knowledge_picked=picked, knowledge_asked=asked)
        if value is not None and page.web:
            # Flutter on the web does not read out a live region that appears (audit D15;
            # the same was seen for the cannot-save banner): the verdict is handed to the
            # screen reader. Phones and desktops read the live region below themselves.
            page.run_task(ft.SemanticsService().announce_message, feedback(state, item, int(value)))

    controls: list[ft.Control] = [
        ft.Text(item.question, weight=ft.FontWeight.W_600),
        radio_group(
            f"k-{item.id}",
            None if answer is None else str(answer),
            [(str(n), c) for n, c in enumerate(item.choices)],
            pick,
            label=item.question,
        ),
    ]
    set_aside = answer_changed(item, state.session) if answer is None else None
    if set_aside is not None:
        # Review V8-10: a reworded answer was cleared in silence, which reads as "not saved".
        # It sits where the verdict will, so the choices above keep their place (and focus).
        controls.append(ft.Text(state.t("ready.asked_again", words=set_aside), italic=True))
    if answer is not None:
        right = answer == item.answer
        controls.append(
            ft.Semantics(
                live_region=True,
                content=ft.Row(
                    [
                        # The words say it: the icon has no name of its own (it was read twice).
                        ft.Icon(ft.Icons.CHECK_CIRCLE if right else ft.Icons.INFO),
                        ft.Text(feedback(state, item, answer), expand=True),
                    ],
                    vertical_alignment=ft.CrossAxisAlignment.START,
                ),
            )
        )
    return ft.Column(controls, spacing=6)


def questions_block(state: AppState) -> list[ft.Control]:
    """Suggested questions to tick, the person's own to add, each saved at once."""
    suggestions = suggested_questions(state.content, state.session)
    chosen = state.session.questions_chosen
    ticked = {s.id for s in suggestions} if chosen is None else set(chosen)

    def tick(question_id: str, on: bool) -> None:
        now = (ticked | {question_id}) if on else (ticked - {question_id})
        state.change(questions_chosen=[s.id for s in suggestions if s.id in now])

    def remove(index: int) -> None:
        own = list(state.session.own_questions)
        del own[index]
        state.change(own_questions=own)

    def add(text: str) -> bool:
        text = text.strip()
        if text:
            state.change(own_questions=[*state.session.own_questions, text])
        return bool(text)

    controls: list[ft.Control] = [
        heading(state.t("summary.h.questions"), level=2),
        paragraph(state.t("ready.questions_intro")),
    ]
    controls += [
        checkbox_choice(f"question-{n}", s.id in ticked, s.text, lambda on, i=s.id: tick(i, on))
        for n, s in enumerate(suggestions)
    ]
    controls += [
        ft.Row(
            [
                ft.Text(q, expand=True),
                action_button(f"remove-question-{n}", state.t("ready.remove"), lambda n=n: remove(n)),
            ]
        )
        for n, q in enumerate(state.session.own_questions)
    ]
    controls.append(
        TextEntry(
            "own-question",
            state.t("ready.own_question"),
            for_answers=state.answers_key,
            on_submit=add,
            hint_text=state.t("ready.own_question_hint"),
            max_length=500,
        )
    )
    return controls


@ft.component
def Ready():
    """Everything the person brings to the visit besides the fit."""
    state = use_app_state()
    page = ft.context.page
    s = state.session
    readiness = state.content.readiness
    controls: list[ft.Control] = [
        heading(state.t("step.ready.title")),
        paragraph(state.t("ready.intro")),
        heading(state.t("summary.h.knowledge"), level=2),
        # Only the questions for his type: an A reader is never asked a B-only question.
        *(knowledge_item(state, item) for item in knowledge_for(state.content, s.profile)),
        # Who else is involved comes before readiness, as in the Ottawa guide: feeling
        # pressure, like each "no", adds a next step.
        *others_block(state),
        heading(state.t("summary.h.readiness"), level=2),
    ]
    for item in readiness.readiness:
        value = s.readiness.get(item.id)

        def answer(v: str | None, item_id: str = item.id) -> None:
            rest = {k: b for k, b in state.session.readiness.items() if k != item_id}
            state.change(readiness=rest if v is None else {**rest, item_id: v == "yes"})

        controls += [
            ft.Text(item.text, weight=ft.FontWeight.W_600),
            radio_group(
                f"r-{item.id}",
                None if value is None else ("yes" if value else "no"),
                [("yes", state.t("summary.readiness.yes")), ("no", state.t("summary.readiness.no"))],
                answer,
                label=item.text,
            ),
        ]
    controls += [
        *next_steps_block(state, page),
        *end_leaning_block(state),
        heading(state.t("summary.h.role"), level=2),
        radio_group(
            "role",
            s.preferred_role,
            [(r.id, r.text) for r in readiness.roles],
            lambda v: state.change(preferred_role=v),
            label=state.t("summary.h.role"),
        ),
        *questions_block(state),
        heading(state.t("summary.h.notes"), level=2),
        # The question is words above the field, the field's own label is short: a long
        # label floated over the field's border and wrapped into the heading at 390 px
        # and 200% text (persona walks).
        paragraph(state.t("ready.notes_intro")),
        TextEntry(
            "notes",
            state.t("ready.notes_label"),
            s.notes,
            for_answers=state.answers_key,
            on_text=lambda text: state.change_text(notes=text),
            **LONG_TEXT,
        ),
    ]
    return ft.Column(controls, spacing=12)
