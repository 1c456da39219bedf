"""A person's answers: one versioned document, saved after every change."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SCHEMA_VERSION = 5
"""Bump when the shape changes, and add a migration in storage."""

Importance = Annotated[int, Field(ge=0, le=4)]
"""Five labelled steps: 0 not important, 1 a little, 2 somewhat, 3 very, 4 extremely."""

IMPORTANCE_STEPS = (0, 1, 2, 3, 4)

_MARGIN = dt.timedelta(days=2)
EARLIEST = dt.datetime.min.replace(tzinfo=dt.UTC) + _MARGIN
LATEST = dt.datetime.max.replace(tzinfo=dt.UTC) - _MARGIN
"""Times a session may hold. A day's margin at each end of what Python can hold
keeps `astimezone()` from overflowing in any time zone (offsets stay under 24 h)."""


def _within_range(moment: dt.datetime) -> dt.datetime:
    """The moment in UTC, brought within EARLIEST..LATEST (a time with no zone is UTC).

    A time at the very edge of the calendar (year 1, or 9999 west of UTC) is not
    one the app ever wrote; it is clamped rather than refused, so the answers in
    the file stay usable, and showing it in local time can never crash a screen.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        moment = moment.astimezone(dt.UTC)
    except OverflowError:
        return EARLIEST if moment.year < 5000 else LATEST
    return min(max(moment, EARLIEST), LATEST)


Moment = Annotated[dt.datetime, AfterValidator(_within_range)]
"""A point in time as a session keeps it: aware, in UTC, within EARLIEST..LATEST."""
NotSure = Literal["not_sure"]

UNKNOWN_ANSWERS = frozenset({"not_sure", "prefer_not_to_say"})
"""Answers that say nothing about the person: they never rule an option out and never
pick a wording (he keeps the general text, and is told to ask)."""


Certainty = Literal["not_at_all", "a_little", "quite", "very"]
"""How sure the person is of where he leans, in four labelled steps (Ottawa guide)."""
CERTAINTY_STEPS: tuple[str, ...] = ("not_at_all", "a_little", "quite", "very")

Involved = Literal["partner", "parent", "family", "friend", "care_team", "no_one"]
"""Who else is involved in the decision (Ottawa Personal Decision Guide, "support")."""
INVOLVED: tuple[str, ...] = ("partner", "parent", "family", "friend", "care_team", "no_one")

TOP_PRIORITIES = 3
"""How many attributes the trade-off step asks the person to choose as his top priorities."""


def _top_three(chosen: list[str]) -> list[str]:
    """The first TOP_PRIORITIES distinct ids, in the order chosen.

    A hand-edited or merged file with a repeat or a fourth choice still loads: the
    extra is dropped rather than the whole file moved aside, so no answer is lost
    but the one that cannot be kept.
    """
    return list(dict.fromkeys(chosen))[:TOP_PRIORITIES]


class SessionModel(BaseModel):
    """Base for session parts: unknown keys are errors, values are checked on change."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Profile(SessionModel):
    """What the person told us about himself; every answer is optional."""

    hemophilia_type: Literal["A", "B", "not_sure"] | None = None
    severity: Literal["severe", "moderate", "mild", "not_sure"] | None = None
    inhibitors: Literal["now", "past", "never", "not_sure"] | None = None
    age_group: Literal["under_12", "under_18", "18_to_64", "65_plus"] | None = None
    """"under_18" is 12 to 17 since "under_12" was added (issue 14); files that say
    "under_18" keep meaning "a minor", which is all the rules that use it need."""
    current_treatment: str | None = None
    liver_problems: Literal["yes", "no", "not_sure", "prefer_not_to_say"] | None = None
    aav_antibodies: Literal["positive", "negative", "not_tested", "not_sure"] | None = None
    plans_for_children: Literal["yes", "no", "not_sure", "prefer_not_to_say"] | None = None
    alcohol: Literal["none", "sometimes", "most_days", "not_sure", "prefer_not_to_say"] | None = None
    # Issue 14: more of what changes what is true for a person. Every one optional, with
    # "not sure" and "prefer not to say"; None (not answered) is kept apart from both.
    sex: Literal["female", "male", "other", "not_sure", "prefer_not_to_say"] | None = None
    region: Literal["us", "eu", "uk", "canada", "other", "not_sure", "prefer_not_to_say"] | None = None
    hiv: Literal["yes", "no", "not_sure", "prefer_not_to_say"] | None = None
    hepatitis_b: Literal["never", "past", "now", "not_sure", "prefer_not_to_say"] | None = None
    hepatitis_c: Literal["never", "past_cured", "now", "not_sure", "prefer_not_to_say"] | None = None
    heart_risk: Literal["yes", "no", "not_sure", "prefer_not_to_say"] | None = None
    """Over 50, or heart or blood vessel disease, high blood pressure or diabetes: the
    clot risk factors the Hemgenix leaflet names."""
    pregnancy_possible: Literal["yes", "no", "not_sure", "prefer_not_to_say"] | None = None
    """Asked only when sex is female (review R5-4): both gene therapy labels advise against
    use in women able to become pregnant, which is not the same as planning a pregnancy.
    Optional with a default, so a file saved before it existed loads unchanged."""


class Session(SessionModel):
    """Everything the person has answered, with when and against which content."""

    schema_version: int = SCHEMA_VERSION
    content_version: str | None = None
    created: Moment = Field(default_factory=lambda: dt.datetime.now(dt.UTC))
    updated: Moment = Field(default_factory=lambda: dt.datetime.now(dt.UTC))
    last_route: str = "/"
    profile: Profile = Field(default_factory=Profile)
    modules_read: list[str] = Field(default_factory=list)
    knowledge_answers: dict[str, int] = Field(default_factory=dict)
    knowledge_picked: dict[str, str] = Field(default_factory=dict)
    """The words of each knowledge answer as the person saw them when he chose it (review
    M6-9): if the content rewords a choice later, his answer is not printed in words he
    never saw, and the question is asked again."""
    knowledge_asked: dict[str, str] = Field(default_factory=dict)
    """A fingerprint of each question as he answered it: its words, its choices and its
    right answer (`knowledge.fingerprint`, review V8-9b). When the content changes any of
    them, his answer is set aside and the question asked again, so an old answer is never
    scored against a new key or printed under a question he never saw."""
    importance: dict[str, Importance] = Field(default_factory=dict)
    top_priorities: Annotated[list[str], AfterValidator(_top_three)] = Field(default_factory=list)
    """The attribute ids the person chose as mattering most (trade-off step), most
    important first; at most TOP_PRIORITIES. Empty until he has chosen."""
    hard_limits: list[str] = Field(default_factory=list)
    leaning: str | None = None
    """An option id, "not_sure", or None when not answered."""
    readiness: dict[str, bool] = Field(default_factory=dict)
    preferred_role: str | None = None
    questions_chosen: list[str] | None = None
    """Ids of the suggested questions the person ticked; None until he has looked
    at them, when every suggestion goes into the summary."""
    own_questions: list[str] = Field(default_factory=list)
    compare_picks: list[str] | None = None
    """Ids of the options the person put side by side on Compare; None until he has
    picked, when the grid starts from what he uses now and where he leans."""
    notes: str = ""
    clinician_notes: str = ""

    # Deciding with others (issue 14). Each is optional with a default, so a file saved
    # before these existed loads unchanged, with nothing answered.
    modules_opened: list[str] = Field(default_factory=list)
    """Ids of the readings the person has opened on Learn (marked read or not): the
    next steps list the ones he has not opened yet."""
    start_leaning: str | None = None
    """Where the person leaned when he began (asked on Learn): an option id, "not_sure",
    or None when not answered. `leaning` is where he leans at the end."""
    start_certainty: Certainty | None = None
    """How sure he was of `start_leaning`."""
    certainty: Certainty | None = None
    """How sure he is of `leaning`, at the end."""
    others_involved: list[Involved] = Field(default_factory=list)
    """Who else takes part in the decision; "no_one" stands alone."""
    others_prefer: dict[str, str] = Field(default_factory=dict)
    """Per person in `others_involved`: the option id they would prefer, "not_sure",
    or "not_said" (they have not said)."""
    pressure: Literal["yes", "no", "not_sure"] | None = None
    """Whether the person feels pressure from others to make a certain choice (Ottawa guide)."""
    others_view: str = ""
    """A partner's or parent's view, in their words or the person's; printed as typed."""
