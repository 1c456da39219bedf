"""One outcome table for every option: bleeds and main harms on one footing.

The models behind content/<locale>/outcomes.yaml. Every option states its bleeds a
year the same way (which bleeds were counted, the comparator named, absolute numbers
before the relative change, the study and its time window, how sure we can be), and its main
harms the same way (how many, out of whom, over what time). The certainty word of
each bleed row follows one written rule (`certainty_level`, explained in about.md), that
of each harm row a second one (`harm_certainty_level`), and the loader checks that the
word given matches its rule.

This module holds no wording a patient reads: the words come from the content.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

# The same shapes as in content.py; repeated here so that content.py can import this
# module without a cycle.
_Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]
_SourceId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

Comparator = Literal["prior_prevention", "on_demand", "no_prevention", "none"]
"""What the bleeds on the option were compared with: the same people's regular prevention
before, treating bleeds only when they happen, no prevention at all, or nothing (a rate
while on the option, with no comparison)."""

Counted = Literal["all", "treated", "not_stated"]
"""Which bleeds a study counted: all bleeds (treated or not), only treated bleeds, or the
source we read does not say. Rows that count differently are not comparable (review R4-1)."""

Design = Literal["randomised", "same_people", "single_group", "external_groups"]
"""How the comparison was made: a fair draw between groups; the same people before and
after; one group with no comparison; or a comparison with groups from other trials."""

CertaintyLevel = Literal["high", "moderate", "low", "very_low"]
CERTAINTY_ORDER: tuple[CertaintyLevel, ...] = ("high", "moderate", "low", "very_low")

SMALL_STUDY = 50
"""Fewer people than this (or a count not reported) lowers certainty by one step."""


def certainty_level(
    design: Design, people: int | None, same_product: bool, comparator_people: int | None = None
) -> CertaintyLevel:
    """The certainty of a bleed outcome under the rule written in about.md.

    A fair-draw (randomised) trial starts at moderate; any other design starts at low.
    One step down for a small study (fewer than SMALL_STUDY people, or a number we
    could not read) and one for numbers from another product than the card's.
    Compared with other people not drawn by chance (`external_groups`) whose number we
    read, the smaller of the two groups is what was counted (review R9-8: A-LONG's
    on-demand group of 23).
    No outcome here reaches "high": that needs several fair-draw trials that agree.
    """
    start = 1 if design == "randomised" else 2
    if design == "external_groups" and people is not None and comparator_people is not None:
        people = min(people, comparator_people)
    steps = (people is None or people < SMALL_STUDY) + (not same_product)
    return CERTAINTY_ORDER[min(start + steps, len(CERTAINTY_ORDER) - 1)]


HarmKind = Literal["count", "frequency", "not_reported"]
"""How a harm row says how often: a count out of a number of people, a frequency in words
(a label's band, or a pooled review's estimate), or not at all."""


def harm_certainty_level(
    kind: HarmKind,
    design: Design | None,
    people: int | None,
    same_product: bool,
    label_band: bool = False,
    like_readers: bool = True,
) -> CertaintyLevel:
    """The certainty of a harm under the rule written in about.md (IPDAS QI20, review M4-8,
    revised after review R11-2 and R11-6).

    A harm no source we read counts is *very low*. A label's frequency band (`label_band`)
    starts at moderate: the regulator sets it from the trials and the reports since, though
    we could not read the count behind it. A count or share from a study starts at moderate
    only when a fair-draw trial compared the harm between its groups, else at low. Then one
    step down each: fewer than SMALL_STUDY people counted, or a number we could not read
    (a study's count or share only); numbers from another product or a class of products;
    people counted who are not like most readers of the card (children only, say).
    """
    if kind == "not_reported":
        return "very_low"
    if label_band:
        start, small = CERTAINTY_ORDER.index("moderate"), False
    else:
        start = CERTAINTY_ORDER.index("moderate" if design == "randomised" else "low")
        small = people is None or people < SMALL_STUDY
    steps = small + (not same_product) + (not like_readers)
    return CERTAINTY_ORDER[min(start + steps, len(CERTAINTY_ORDER) - 1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Certainty(_Strict):
    """How sure we can be of one outcome: a level from the rule, and why, in plain words."""

    level: CertaintyLevel
    why: _Text
    """e.g. "one trial of 54 men, the same men before and after"."""


class BleedOutcome(_Strict):
    """Bleeds a year on an option (which bleeds: `counted`), against a named comparator.

    `before` is the comparator's rate, `after` the rate on the option; either may be
    left out when no source we read gives it (the interface then says so). The
    relative change is a whole number of percent fewer bleeds, beside the absolute ones.
    """

    counted: Counted
    """Which bleeds the study counted; the interface says it beside the numbers."""
    group: _Text | None = None
    """Who the row is about when an option has several rows ("people with inhibitors")."""
    inhibitors: Literal["now", "none"] | None = None
    """Whether the people counted had inhibitors ("now") or had none ("none"); unset when
    the row counted both or the study did not say. The option grid picks the row that
    matches the person (review R6-2)."""
    children: bool | None = None
    """True when the people counted include children (under 18), as `who` says; unset when
    what we read does not say. The table of bleeds a year on each option flags it (M6-4)."""
    counted_from: _Text | None = None
    """When counting began, when not at the start on the option ("month 7 after the drip"):
    the months left out are said beside the rate (review M8-6)."""
    early_report: bool = False
    """The rate is from an early report of a study still going on (review M8-6)."""
    same_people_as: str | None = None
    """The option whose row counts these same people at another time: this row is the
    time before they switched to it (HOPE-B's men on factor IX before Hemgenix). The table
    of bleeds a year and the outcome tables say so (reviews V9-7, V10-6). The loader checks
    that option's row shares a source, gives this row's rate as its `before`, and says the
    same of the people, their inhibitors and children (V10-2)."""
    comparator: Comparator
    comparator_words: _Text
    """The comparator in the person's words: "their own regular factor IX before"."""
    before: float | None = Field(default=None, ge=0)
    after: float | None = Field(default=None, ge=0)
    statistic: Literal["average", "middle_value"]
    """What the rates are: a mean or a median."""
    study: _Text
    who: _Text
    """Who was counted, in words: "54 men with hemophilia B"."""
    people: int | None = Field(default=None, ge=1)
    """How many were counted on the option; None when no source we read says."""
    comparator_people: int | None = Field(default=None, ge=1)
    """How many were in the group compared with, when it is other people not drawn by chance
    (`external_groups`); None when no source we read says. The rule counts the smaller group."""
    time_window: _Text
    relative_fewer: int | None = Field(default=None, ge=-1000, le=100)
    """Percent fewer bleeds (as counted) than the comparator, a whole number (negative: more)."""
    relative_by: Literal["trial", "our_arithmetic"] = "trial"
    """Whether the study reported the change, or we worked it out from its two numbers."""
    design: Design
    same_product: bool = True
    """False when the numbers come from a related product, not the one on the card."""
    certainty: Certainty
    note: _Text | None = None
    sources: list[_SourceId] = Field(min_length=1)

    @field_validator("relative_fewer", mode="before")
    @classmethod
    def _a_whole_number(cls, value: object) -> object:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValueError(f"write the relative change as a whole number of percent, not {value!r}")
        return value

    @model_validator(mode="after")
    def _compared_with_something(self) -> BleedOutcome:
        if self.comparator == "none" and (self.before is not None or self.relative_fewer is not None):
            raise ValueError("a row with no comparator cannot have a 'before' rate or a relative change")
        if self.design == "external_groups" and self.relative_fewer is not None:
            # Review M6-2: one rule for every comparison with groups not drawn by chance.
            raise ValueError(
                "no change is given against groups not drawn by chance; leave out relative_fewer"
            )
        ours = self.relative_fewer is not None and self.relative_by == "our_arithmetic"
        if ours and (self.before is None or self.after is None):
            raise ValueError("a change worked out by us needs both the 'before' and 'after' rates")
        return self

    @property
    def rule_level(self) -> CertaintyLevel:
        """The certainty level the written rule gives this row."""
        return certainty_level(self.design, self.people, self.same_product, self.comparator_people)


class HarmOutcome(_Strict):
    """A main harm of an option: how many, out of whom, over what time.

    Exactly one of: a count out of a number of people; a frequency in words from a
    label ("more than 1 in 10"); or `not_reported` when no source we read gives one.
    """

    harm: _Text
    inhibitors: Literal["now", "none"] | None = None
    """Whether the harm concerns people with inhibitors ("now") or without ("none"); unset
    when it concerns everyone. A person's own group's harms come first (review M4-4)."""
    count: int | None = Field(default=None, ge=0)
    people: int | None = Field(default=None, ge=1)
    frequency: _Text | None = None
    not_reported: bool = False
    who: _Text
    time_frame: _Text
    icon_array: _Id | None = None
    """The picture of this harm in figures.yaml, if there is one."""
    design: Design | None = None
    """How the count was made, where it matters to the rule: "randomised" when a fair-draw
    trial compared the harm between its groups; unset otherwise."""
    same_product: bool = True
    """False when the numbers come from another product or pool a class of products."""
    label_band: bool = False
    """True when `frequency` is a label's band ("fewer than 1 in 100 (uncommon)")."""
    like_readers: bool = True
    """False when the people counted are not like most readers of the card (children
    only, or one severity of hemophilia only): one step down (review R11-2)."""
    first_when: dict[str, list[_Text]] = Field(default_factory=dict)
    """Answers for which this row comes first (as a licence rule's `when`): the readers it
    is about (review R12-1)."""
    left_out_when: list[dict[str, list[_Text]]] = Field(default_factory=list)
    """Answers for which this row is left out: it is about people unlike this reader (review
    V7-3: the rate in mild or moderate hemophilia A, on a card a woman with B reads)."""
    certainty: Certainty
    note: _Text | None = None
    sources: list[_SourceId] = Field(min_length=1)

    @property
    def kind(self) -> HarmKind:
        """How the row says how often: a count, a frequency in words, or not at all."""
        if self.not_reported:
            return "not_reported"
        return "count" if self.count is not None else "frequency"

    @property
    def rule_level(self) -> CertaintyLevel:
        """The certainty level the written rule gives this harm."""
        return harm_certainty_level(
            self.kind, self.design, self.people, self.same_product, self.label_band, self.like_readers
        )

    @model_validator(mode="after")
    def _one_way_of_saying_how_often(self) -> HarmOutcome:
        counted = self.count is not None
        if counted and self.people is None:
            raise ValueError("give both count and people, or neither")
        if self.people is not None and not counted and self.frequency is None:
            raise ValueError("give both count and people, or neither")
        if sum([counted, self.frequency is not None, self.not_reported]) != 1:
            raise ValueError("give exactly one of: count and people, frequency, or not_reported: true")
        if self.label_band and self.frequency is None:
            raise ValueError("label_band is for a label's frequency band, given as `frequency`")
        if self.count is not None and self.people is not None and self.count > self.people:
            raise ValueError(f"count ({self.count}) is more than people ({self.people})")
        return self


class OptionOutcomes(_Strict):
    """The outcome table of one option: its bleed rows and its main harms."""

    option: _Id
    bleeds: list[BleedOutcome] = Field(min_length=1)
    harms: list[HarmOutcome] = Field(min_length=1)


class OutcomeTable(_Strict):
    """outcomes.yaml."""

    outcomes: list[OptionOutcomes] = Field(default_factory=list)


InhibitorGroup = Literal["now", "none"]


def inhibitor_group(answer: str | None) -> InhibitorGroup | None:
    """The outcome rows' group for a person's inhibitor answer: "now" for an inhibitor
    now, "none" for never or only in the past, None when not known (no row is preferred)."""
    if answer == "now":
        return "now"
    return "none" if answer in ("never", "past") else None


def harms_in_order(
    harms: Sequence[HarmOutcome],
    group: InhibitorGroup | None,
    matches: Callable[[Mapping[str, Sequence[str]]], bool] | None = None,
) -> list[HarmOutcome]:
    """The harms with the person's own group's first, those about everyone next, and those
    about the other group last, each in the content's order (review M4-4: a man with an
    inhibitor reads the risk with aPCC before the rate over everyone). Before all of them,
    the rows whose `first_when` his answers match (`matches`, the licence rules' test;
    review R12-1: a man with mild hemophilia A reads the inhibitor rate in milder A first);
    rows with a `left_out_when` his answers match are left out (review V7-3)."""

    if matches is not None:
        harms = [h for h in harms if not any(matches(when) for when in h.left_out_when)]

    def first(h: HarmOutcome) -> int:
        return 0 if h.first_when and matches is not None and matches(h.first_when) else 1

    def by_group(h: HarmOutcome) -> int:
        if group is None:
            return 0
        return 0 if h.inhibitors == group else 1 if h.inhibitors is None else 2

    return sorted(harms, key=lambda h: (first(h), by_group(h)))


RARE_BELOW = 0.05
"""A harm in fewer than 5 in 100 people is also given per 1,000 (whole numbers read better)."""


def per_thousand(count: int, people: int) -> int | None:
    """The count as a whole number in 1,000 when the harm is rare, else None."""
    share = count / people
    if count == 0 or share >= RARE_BELOW:
        return None
    return int(share * 1000 + 0.5)  # half up: 12.5 reads as 13, as people round


def per_hundred(count: int, people: int) -> int:
    """The count as a whole number in 100."""
    return int(count / people * 100 + 0.5)
