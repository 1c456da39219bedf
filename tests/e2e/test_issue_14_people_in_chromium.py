"""Issue 14's five people walk the real app in Debian's Chromium, and what they see is true for them.

A woman of 41 with hemophilia B, a man of 27 with an active inhibitor, a boy of 16, a man of
30 not sure of his type and a man of 66 in the UK (tests/journey_people.py) each come back to
the app with their About-you answers and what matters to them saved (tapping them in is walked
for each of them in process, tests/gui/test_journey.py, and in Chromium by the full and the
keyboard journeys), see their answers chosen, and read the options, the fit, the knowledge
check and the summary, then save the PDF. Every screen is read whole, as a screen reader reads it (the page is
scrolled so that Flutter builds each part's node), and the PDF's text is read too: what the
labels say each person must see is there, and what would be false for them is nowhere.

One walk per person, without the screenshots at two sizes of the full journeys
(test_full_journeys_in_chromium.py), which walk every control: these walks check content.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, replace

import pytest
from playwright.sync_api import Page, expect

from decisionaid.domain.content import Content
from decisionaid.domain.eligibility import standing
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.tailoring import flag_notes
from decisionaid.loader import load_content
from decisionaid.storage import SessionStore
from tests.domain.test_journey_people_truth import TRIAL_WORDS
from tests.e2e.conftest import Server
from tests.e2e.test_full_journeys_in_chromium import TITLES, Journey, press_until_at
from tests.e2e.ui import (
    answer,
    download_pdf,
    open_app,
    pdf_words,
    profile_answer,
    saved_session,
    step_heading,
)
from tests.journey_people import AMINA, GEORGE, ISSUE_14_PEOPLE, JAKE, OMAR, SAM, Person

WINDOW = {"width": 1280, "height": 1400}
"""Tall, so that a long page is read in fewer scrolls."""

READ_SCRIPT = """() => Array.from(document.querySelectorAll(
  'flt-semantics-host flt-semantics, flt-semantics-host h1, flt-semantics-host h2, flt-semantics-host h3,'
  + ' flt-semantics-host h4, flt-semantics-host h5, flt-semantics-host h6')).flatMap(e => {
  const own = Array.from(e.childNodes)
    .filter(n => n.nodeType === 3 || (n.nodeType === 1 && n.tagName === 'SPAN'))
    .map(n => n.textContent).join('');
  const label = e.getAttribute('aria-label') || '';
  const heading = /^H[1-6]$/.test(e.tagName) ? e.tagName.toLowerCase() + ': ' : '';
  return [label, own].filter(s => s.trim()).map(s => heading + s.trim());
})"""
"""Every text the accessibility tree holds now: a node's label and its own text, a heading
marked with its level ("h2: Hemgenix")."""


def read_page(page: Page, steps: int = 120) -> list[str]:
    """Everything the page says, top to bottom: Flutter leaves the far-off parts of a long page
    out of the tree, so the page is scrolled down a screen at a time until nothing new comes."""
    size = page.viewport_size
    page.mouse.move(size["width"] / 2, size["height"] / 2)
    page.mouse.wheel(0, -100_000)
    page.wait_for_timeout(400)
    seen: dict[str, None] = {}
    unchanged = 0
    for _ in range(steps):
        before = len(seen)
        seen.update(dict.fromkeys(page.evaluate(READ_SCRIPT)))
        unchanged = unchanged + 1 if len(seen) == before else 0
        if unchanged >= 3:
            return list(seen)
        page.mouse.wheel(0, size["height"] * 0.7)
        page.wait_for_timeout(350)
    raise AssertionError(f"the page did not end after {steps} screens")


def joined(texts: list[str]) -> str:
    """All of a page's texts as one string, white space made single."""
    return " ".join(" ".join(texts).split())


@dataclass(frozen=True)
class Truth:
    """What one person must read, and must never read, on each screen and in the PDF."""

    options: tuple[str, ...] = ()
    """Texts the options page must hold: the care-team notes, worded for this person."""
    fit: tuple[str, ...] = ()
    """Texts the fit page must hold: each option set apart, and why."""
    summary: tuple[str, ...] = ()
    """Texts the summary page and the PDF must both hold."""
    nowhere: tuple[str, ...] = ()
    """Texts false for this person, on no screen and not in the PDF."""
    not_asked: tuple[str, ...] = ()
    """Knowledge questions (by id) this person must not be asked."""


def truth_for(content: Content, person: Person) -> Truth:
    """What the labels say this person must and must not see (issue 14, review R4)."""
    profile = Profile(**person.profile)
    t = content.text
    notes = {n.flag.id: n for n in flag_notes(content, profile)}
    asked = tuple(notes[f].question for f in person.sees_notes if f != "where_you_live")
    said = tuple(notes[f].text for f in person.sees_notes if f != "where_you_live")
    apart = {a.option_id: a for a in standing(content, profile)[1]}
    word = {s: t(f"summary.apart.{s}") for s in ("not_for_you", "type_unknown", "withdrawn")}

    def set_apart(option_id: str, why: str) -> tuple[str, ...]:
        """The option's line among those not scored, and its reasons."""
        assert apart[option_id].standing == why, (option_id, apart[option_id].standing)
        return (f"{content.option(option_id).name}: {word[why]}", *apart[option_id].reasons)

    gene_therapy_questions = tuple(
        k.id for k in content.knowledge if {"hemgenix", "roctavian"} & set(k.about)
    )
    truth = Truth(options=said, summary=asked, nowhere=person.never_reads)
    if person is AMINA:
        return truth
    if person is OMAR:
        fit = [set_apart(o, "not_for_you") for o in ("roctavian", "factor8-standard", "factor8-extended")]
        return replace(
            truth,
            fit=sum(fit, set_apart("marstacimab", "not_for_you")),
            not_asked=(*gene_therapy_questions, "factor8_half_life"),
        )
    if person is JAKE:
        return replace(truth, fit=set_apart("hemgenix", "not_for_you"), not_asked=gene_therapy_questions)
    if person is SAM:
        fit = [set_apart(o, "type_unknown") for o in person.never_scored]
        return replace(truth, fit=sum(fit, ()), summary=(*asked, t("summary.type_not_known")))
    if person is GEORGE:
        # Each option's UK licence line, or the plain "no line held" words: never a guess.
        uk = [n for n in flag_notes(content, profile) if n.flag.id == "where_you_live"]
        noted = {o for n in uk for o in n.option_ids}
        # His own product gets no "is it offered where you live" line (review R5-18).
        assert noted >= {"roctavian", "emicizumab"} and "factor8-standard" not in noted
        assert all(n.text.startswith(t("profile.a.region.uk")) for n in uk)
        return replace(truth, options=(*said, *(n.text for n in uk)))
    raise AssertionError(f"no truth written for {person.key}")


def heading_names(texts: list[str], level: int) -> set[str]:
    return {s.removeprefix(f"h{level}: ") for s in texts if s.startswith(f"h{level}: ")}


@pytest.mark.parametrize("person", ISSUE_14_PEOPLE, ids=lambda p: p.key)
def test_each_person_of_issue_14_reads_only_what_is_true_for_them(
    browser, tmp_path, artifacts, shipped_content, person: Person
):
    content = load_content(shipped_content)
    ui = content.ui
    truth = truth_for(content, person)
    data = tmp_path / "data"
    # He comes back with his answers saved: tapping each one in is walked for these people in
    # process (tests/gui/test_journey.py) and, in Chromium, by the full and keyboard journeys.
    importance = person.importance([a.id for a in content.attributes])
    SessionStore(data).save(Session(profile=Profile(**person.profile), importance=importance))
    server = Server(data, tmp_path / "server.log").start()
    page = browser.new_page(viewport=WINDOW, accept_downloads=True)
    journey = Journey(page, person, WINDOW, artifacts, data, ui)
    read: dict[str, list[str]] = {}
    try:
        open_app(page, server.link(), ui["welcome.title"])
        press_until_at(page, ui["welcome.start"], "/about-you")
        step_heading(page, ui[TITLES["/about-you"]]).wait_for(timeout=30_000)
        for field, value in person.profile.items():  # his saved answers, shown as chosen
            expect(
                answer(page, ui[f"profile.q.{field}"], profile_answer(content, field, value))
            ).to_have_attribute("aria-checked", "true")

        journey.next("/learn")
        journey.next("/options")
        read["options"] = read_page(page)

        journey.next("/compare")
        journey.next("/values")
        journey.next("/fit")
        read["fit"] = read_page(page)
        journey.next("/ready")
        read["ready"] = read_page(page)
        journey.next("/summary")
        page.get_by_text(ui["summary_page.intro"]).wait_for(timeout=30_000)
        read["summary"] = read_page(page)
        pdf = download_pdf(page, ui["summary_page.save_pdf"], tmp_path / "summary.pdf")
        shutil.copy(pdf, artifacts / f"{person.key}-issue-14.pdf")  # to look at, with pdftoppm
    finally:
        page.close()
        server.stop()
        for screen, texts in read.items():  # to read after a failure
            (artifacts / f"{person.key}-{screen}.txt").write_text("\n".join(texts), encoding="utf-8")
    printed = pdf_words(pdf)
    screens = {screen: joined(texts) for screen, texts in read.items()}

    # Options: every option for this person's type has its card, the other type's none.
    cards = heading_names(read["options"], 2)
    shown = {o.id for o in content.options if o.name in cards}
    assert set(person.options_shown) <= shown, f"missing {set(person.options_shown) - shown}"
    assert not set(person.options_hidden) & shown, f"wrongly shown {set(person.options_hidden) & shown}"

    # Fit: no option the licence or the type rules out has a band; each is apart, with why.
    bars = [s for s in read["fit"] if " out of 100" in s]
    if person is SAM:  # review R5-12: no fit until the type is known, and the page says why
        assert not bars, "a fit was drawn while the type is not known"
        assert " ".join(ui["summary.fit.type_unknown"].split()) in screens["fit"]
    else:
        assert bars, "no fit band read"
    for option_id in person.never_scored:
        option = content.option(option_id).name
        assert not [b for b in bars if b.startswith(f"{option}. ")], f"{option_id} got a fit"
        assert option not in heading_names(read["fit"], 3), f"{option_id} has a fit card"
    for text in truth.fit:
        assert " ".join(text.split()) in screens["fit"], f"the fit page does not say {text!r}"
    for text in truth.options:
        assert " ".join(text.split()) in screens["options"], f"the options page does not say {text!r}"

    # Getting ready: no question about an option that is not open to this person.
    assert [k for k in content.knowledge if k.question in read["ready"]], "no knowledge question read"
    for item_id in truth.not_asked:
        question = next(k.question for k in content.knowledge if k.id == item_id)
        assert question not in read["ready"], f"asked {item_id!r}"

    # Summary, on screen and printed: the type as known, and the notes the labels call for.
    type_shown = (
        ui["summary.type_not_known"] if person.profile["hemophilia_type"] == "not_sure" else person.type_label
    )
    for text in (type_shown, *truth.summary):
        words = " ".join(text.split())
        assert words in screens["summary"], f"the summary page does not say {text!r}"
        assert words in printed, f"the PDF does not say {text!r}"

    # A woman reads of men only where a trial counted them ("54 men"), in the fit's reasons.
    if person.profile.get("sex") == "female":
        for screen in ("fit", "summary"):
            sentences = [s for line in read[screen] for s in re.split(r"(?<=[.;:])\s+", line)]
            about_men = [s for s in sentences if re.search(r"\b(men|man|his|he|him)\b", s, re.IGNORECASE)]
            assert [s for s in about_men if not TRIAL_WORDS.search(s) and "a treated man" not in s] == []

    # Nowhere: not on a screen, not in the PDF.
    for phrase in truth.nowhere:
        for screen, words in {**screens, "pdf": printed}.items():
            assert phrase not in words, f"{screen} says {phrase!r} to {person.key}"

    assert saved_session(data)["importance"] == importance
