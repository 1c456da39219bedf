"""Any valid session, however odd, makes a summary and every export without error."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.domain.content import in_shown_order
from decisionaid.domain.session import Profile, Session
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_html, render_markdown
from decisionaid.export.pdf import render_pdf
from decisionaid.loader import load_content


def _content():
    from decisionaid import locations

    return load_content(locations.locale_root("en"))


CONTENT = _content()
ATTRS = [a.id for a in CONTENT.attributes]
LIMITS = [h.id for h in CONTENT.hard_limits]
OPTION_IDS = [o.id for o in CONTENT.options]

odd_text = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        ["", "   ", "שלום", "مرحبا", "😀🩸👍🏽", "<b>x</b> **y** [z](http://a)", "\x00\x07", "a" * 10_000]
    ),
)


def choice(field: str):
    annotation = Profile.model_fields[field].annotation
    values = [v for arg in annotation.__args__ for v in getattr(arg, "__args__", ())]
    return st.sampled_from([None, *values])


profiles = st.builds(
    Profile,
    hemophilia_type=choice("hemophilia_type"),
    severity=choice("severity"),
    inhibitors=choice("inhibitors"),
    age_group=choice("age_group"),
    current_treatment=st.sampled_from([None, "something-else", *OPTION_IDS]),
    liver_problems=choice("liver_problems"),
    aav_antibodies=choice("aav_antibodies"),
    plans_for_children=choice("plans_for_children"),
    alcohol=choice("alcohol"),
)

sessions = st.builds(
    Session,
    profile=profiles,
    importance=st.dictionaries(st.sampled_from(ATTRS), st.integers(0, 4)),
    hard_limits=st.lists(st.sampled_from(LIMITS), unique=True),
    top_priorities=st.lists(st.sampled_from(ATTRS), unique=True, max_size=3),
    knowledge_answers=st.dictionaries(st.sampled_from([k.id for k in CONTENT.knowledge]), st.integers(0, 4)),
    readiness=st.dictionaries(st.sampled_from([r.id for r in CONTENT.readiness.readiness]), st.booleans()),
    leaning=st.sampled_from([None, "not_sure", "unknown-option", *OPTION_IDS]),
    preferred_role=st.sampled_from([None, "odd", *(r.id for r in CONTENT.readiness.roles)]),
    questions_chosen=st.one_of(st.none(), st.lists(st.text(max_size=20))),
    own_questions=st.lists(odd_text, max_size=3),
    notes=odd_text,
    clinician_notes=odd_text,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions)
def test_any_session_makes_a_summary_markdown_and_html(session):
    summary = build_summary(CONTENT, session, dt.date(2026, 11, 22), "test")
    assert all(0 <= f.low <= f.fit <= f.high <= 100 for f in summary.fits)
    # The options keep the Options page's fixed order, whatever the answers (never sorted by fit).
    order = [o.id for o in in_shown_order(CONTENT.options, session.profile.current_treatment)]
    ids = [f.option_id for f in summary.fits]
    assert ids == sorted(ids, key=order.index)
    assert summary.notes.text == session.notes
    md = render_markdown(summary)
    page = render_html(summary)
    # Each heading once, and the outcome table's and the option grid's, whose titles are apart.
    assert md.count("\n## ") == len(summary.headings) + bool(summary.outcomes_title) + (
        summary.grid is not None
    )
    assert "<script" not in page.lower()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions, paper=st.sampled_from(["a4", "letter"]))
def test_any_session_makes_a_pdf_ua_1_pdf(session, paper):
    pdf = render_pdf(build_summary(CONTENT, session, dt.date(2026, 11, 22), "test"), paper=paper)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert b"pdfuaid:part" in pdf  # made as PDF/UA-1, not by the fallback without it


@pytest.mark.parametrize("weights", [{a: 0 for a in ATTRS}, {a: 4 for a in ATTRS}, {}])
def test_the_edge_weights_are_explained_not_divided_by_zero(weights):
    session = Session(profile=Profile(hemophilia_type="B"), importance=weights)  # no fit without a type
    summary = build_summary(CONTENT, session, dt.date(2026, 11, 22), "test")
    assert summary.fit_available or summary.fit_notes
    assert summary.fit_available == any(w > 0 for w in weights.values())
    assert not any(re.search(r"nan|inf", f"{f.interval} {f.fit}") for f in summary.fits)
