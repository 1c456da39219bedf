"""The clinical content as validated objects: modules, options, attributes and the rest.

These models are the contract between `content/<locale>/` and the app. They are
strict: an unknown key is an error, so a typo in a content file is reported
instead of silently ignored. They hold no I/O; the loader fills them.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from decisionaid.domain.glossary import GlossaryTerm
from decisionaid.domain.outcomes import OptionOutcomes

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]
SourceId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
AppliesTo = Literal["A", "B", "both"]


class StrictModel(BaseModel):
    """Base for content models: unknown keys are errors and objects do not change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


SourceKind = Literal[
    "label",
    "trial",
    "cohort",
    "guideline",
    "hta",
    "systematic-review",
    "review",
    "registry",
    "patient-org",
    "news",
    "method",
]
"""What a reference is. Only the first six may carry a number a patient reads on
their own (see `STRONG_KINDS`); `cohort` is a published observational study that
followed a group over time, with no group drawn by chance (review V7-6: INSIGHT);
`method` is decision-aid methodology (IPDAS, SURE)."""

STRONG_KINDS: frozenset[str] = frozenset(
    {"label", "trial", "cohort", "guideline", "hta", "systematic-review"}
)
"""Kinds of source that can carry a number in patient text."""


class Source(StrictModel):
    """One reference that content cites by its `id`."""

    id: SourceId
    authors: Text
    title: Text
    venue: Text
    year: int = Field(ge=1950, le=2100)
    kind: SourceKind
    doi: str | None = None
    pmid: str | None = Field(default=None, pattern=r"^[0-9]{1,9}$")
    url: str | None = None
    """The regulator's, guideline body's or publisher's own address (never a mirror)."""
    read: Literal["full", "abstract", "part"] | None = None
    """How much of it was read: the whole text, only the abstract or summary, or a part
    (named in `note`). A source not read in full is cited only for what was read."""
    note: str | None = None

    @model_validator(mode="after")
    def _has_a_locator(self) -> Source:
        if not (self.url or self.doi or self.pmid):
            raise ValueError("a source needs a doi, a pmid or a url")
        return self


class MarkdownBody(StrictModel):
    """Markdown text split into the patient part and the folded clinicians' part."""

    patient: str
    clinician: str | None = None
    patient_line: int = 1
    clinician_line: int | None = None


class Module(StrictModel):
    """A learning module: patient text first, detail for clinicians after."""

    id: Id
    title: Text
    order: int = Field(ge=0)
    applies_to: AppliesTo
    minutes: int = Field(ge=1, le=60)
    summary: Text
    sources: list[SourceId] = Field(min_length=1)
    reviewed: dt.date
    body: MarkdownBody


class Range(StrictModel):
    """A low-high range of a number with what it means and where it comes from."""

    low: float = Field(ge=0)
    high: float = Field(ge=0)
    note: Text
    sources: list[SourceId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _low_not_above_high(self) -> Range:
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        return self


class FactorLevel(Range):
    """An option's factor level, in % of normal, or (`measure: average_rise`) how far the
    level went up on average, in points: a rise is not a level (review V7-7)."""

    measure: Literal["level", "average_rise"] = "level"

    @model_validator(mode="after")
    def _a_rise_is_one_number(self) -> FactorLevel:
        if self.measure == "average_rise" and self.low != self.high:
            # Review R13-2: the words of a rise give one average ("about 34"), not a span.
            raise ValueError("an average rise is one number: give the same low and high")
        return self


class Statement(StrictModel):
    """One benefit, harm, commitment or unknown, with the sources behind it."""

    text: Text
    sources: list[SourceId] = Field(default_factory=list)


ProfileField = Literal[
    "hemophilia_type",
    "severity",
    "inhibitors",
    "age_group",
    "aav_antibodies",
    # issue 14: the answers added to "About you", and the older ones a wording may turn on
    "sex",
    "region",
    "hiv",
    "hepatitis_b",
    "hepatitis_c",
    "heart_risk",
    "pregnancy_possible",
    "liver_problems",
    "plans_for_children",
    "alcohol",
]
"""The answers about a person that a licence (`NotFor.when`) or a note's wording
(`FlagVariant.when`) can turn on. A key outside this list is an error in the file."""


class _Score(StrictModel):
    """How an option does on one attribute: 0 (worst) to 1 (best), with why.

    `low` and `high` bound the score by the uncertainty of the evidence under the
    attribute's rubric (a small single-arm trial, a wide spread between people);
    when the evidence is firm they equal the score, and they default to it.
    """

    score: float = Field(ge=0, le=1)
    low: float | None = Field(default=None, ge=0, le=1)
    high: float | None = Field(default=None, ge=0, le=1)
    reason: Text
    source: SourceId

    @model_validator(mode="after")
    def _score_inside_its_range(self) -> _Score:
        if not self.lowest <= self.score <= self.highest:
            raise ValueError(f"score {self.score:g} is outside its range {self.lowest:g}-{self.highest:g}")
        return self

    @property
    def lowest(self) -> float:
        """The low end of the score's range (the score itself when none is given)."""
        return self.score if self.low is None else self.low

    @property
    def highest(self) -> float:
        """The high end of the score's range (the score itself when none is given)."""
        return self.score if self.high is None else self.high


class ScoreVariant(_Score):
    """An option's score on one attribute for the people `when` names, in place of the
    general score: Alhemo's bleed score from its own trial in people with an inhibitor
    (review R5-14). `when` works as in `NotFor`; "not sure" never matches."""

    when: dict[ProfileField, list[Text]] = Field(min_length=1)


class LastingScore(_Score):
    """The score a person who already uses the option has, where it differs from starting
    it: a limit that lasts while it is used (birth control while on it) does not end after
    the start (review M4-6); the needles of the year ahead once started, without the
    start-up tests (review M4-13). Its reason says what stays."""


class AttributeScore(_Score):
    """How an option does on one attribute, with its variants for some people."""

    variants: list[ScoreVariant] = Field(default_factory=list)
    """The first variant whose `when` matches the person's answers replaces the score."""
    while_used: LastingScore | None = None
    """What staying on it asks (`fit_options.as_used_now`). Without it, on a `start_up`
    rubric staying asks nothing new and takes the top level; on any other, the score."""


Region = Literal["us", "eu", "uk", "canada"]
"""The places whose licences an option may state (the "where you live" answers but
"other"): a person elsewhere is told to check with the team."""


class Licence(StrictModel):
    """Whether an option is licensed in one region, in the person's words, from a label
    or regulator page that was read. A region with no entry is unknown: the person is told
    to check with the team, never given a guess."""

    region: Region
    status: Literal["licensed", "not_licensed"]
    text: Text
    """One short line that names the region: "EU: licensed for adults with severe hemophilia B"."""
    sources: list[SourceId] = Field(min_length=1)


class NotFor(StrictModel):
    """Who cannot be given an option under its licence, and why, in the person's words.

    `when` maps an answer about the person to the answers that rule the option out:
    `{inhibitors: [now, past]}`. Every key must match for the rule to apply. "Not
    sure" and unanswered never rule an option out; the person is told to ask.
    """

    when: dict[ProfileField, list[Text]] = Field(min_length=1)
    reason: Text
    sources: list[SourceId] = Field(min_length=1)


class RubricLevel(StrictModel):
    """One step of a rubric: the evidence that earns this score."""

    score: float = Field(ge=0, le=1)
    when: Text
    firm: bool = False
    """A score at this level is a fact, not a reading of evidence ("makes no factor"):
    the fit gives it no least range (model review M2-1)."""
    short: Text | None = None
    """The level in a few words, for the ends of a rating question among the options
    shown ("about daily"; model review M2-6)."""


class Rubric(StrictModel):
    """The written rule that maps evidence to an attribute's score, the same for every option."""

    measure: Text
    """What is measured, and against what (the comparator, the time frame)."""
    levels: list[RubricLevel] = Field(min_length=2)
    range_rule: Text | None = None
    """How the low-high range of a score is set from the uncertainty of its evidence."""
    firm: bool = False
    """Every score is a fact the label states (a date, a schedule, whether it can be
    stopped), not an estimate: the fit gives none of them a least range (model review
    M2-1); a range its range rule sets is kept."""
    start_up: bool = False
    """The measure is about starting the treatment: for the product the person uses now
    nothing new is asked, so it takes the rubric's top level (model review M2-3), unless
    its score says what staying still asks (`AttributeScore.while_used`, review M4-6)."""
    sources: list[SourceId] = Field(default_factory=list)

    def is_firm(self, score: float) -> bool:
        """Whether a score on this rubric is a fact (the rubric is firm, or the score sits
        on a level marked firm), which the fit keeps as given."""
        return self.firm or any(level.firm and abs(level.score - score) < 1e-9 for level in self.levels)

    @property
    def top(self) -> float:
        """The best level's score."""
        return max(level.score for level in self.levels)


OptionKind = Literal["gene-therapy", "factor", "non-factor", "current"]
OptionStatus = Literal["available", "limited", "withdrawn", "in-review"]


STATEMENT_FIELDS = ("benefits", "harms", "commitments", "unknowns", "eligibility", "licences")
"""The fields of an option that hold sourced statements (each a text with its sources)."""


class Option(StrictModel):
    """A treatment option as the patient would weigh it."""

    id: Id
    name: Text
    generic: Text
    kind: OptionKind
    applies_to: AppliesTo
    status: OptionStatus
    given: Text
    how_often: Text
    doses_per_year: Range | None = None
    """None only where there is no schedule to count ("factor only when I bleed"): the
    doses follow the bleeds, and `how_often` says so."""
    factor_level: FactorLevel | None = None
    first_approved: int | None = Field(default=None, ge=1960, le=2100)
    years_in_use: Text
    availability: Text
    attributes: dict[Id, AttributeScore]
    for_women: dict[Id, AttributeScore] = Field(default_factory=dict)
    """Scores that differ for a woman who could become pregnant (model review M2-12): the
    birth control a label asks of her is a limit on daily life. The fit reads them in
    place of `attributes` when the profile says female (`fit_options.as_for_her`)."""
    benefits: list[Statement]
    harms: list[Statement]
    commitments: list[Statement]
    unknowns: list[Statement]
    eligibility: list[Statement]
    not_for: list[NotFor] = Field(default_factory=list)
    licences: list[Licence] = Field(default_factory=list)
    """Licence lines by region (issue 14), one per region at most; see `Licence`."""
    no_licence_found: list[Region] = Field(default_factory=list)
    """Regions where the sources read showed no licence for it (its availability line says
    so; review M4-10). It stays scored there, since no label or regulator page says it is
    not licensed, and its fit band says "No licence found where you live"."""
    only_when_used_now: bool = False
    """Shown, and scored, only for a person who says he uses it now (review R5-1): a way
    of using a treatment he can stay with ("factor only when I bleed"), not one the aid
    puts before people who do not use it."""
    linked_ranges: list[Id] = Field(default_factory=list)
    """Attributes whose score ranges share one cause and move together (a gene therapy
    that does not take, or fades, lowers how often you treat, bleeds and your own factor
    at once); the fit's interval adds their widths instead of treating them as apart."""
    """Who cannot be given it under its licence: shown with the reason, never scored."""
    sources: list[SourceId] = Field(min_length=1)
    reviewed: dt.date
    body: MarkdownBody

    @field_validator("licences")
    @classmethod
    def _one_line_per_region(cls, licences: list[Licence]) -> list[Licence]:
        regions = [lic.region for lic in licences]
        repeated = sorted({r for r in regions if regions.count(r) > 1})
        if repeated:
            raise ValueError(f"more than one licence line for {', '.join(repeated)}")
        return licences

    @model_validator(mode="after")
    def _no_licence_found_where_none_is_held(self) -> Option:
        both = sorted({lic.region for lic in self.licences} & set(self.no_licence_found))
        if both:
            raise ValueError(f"both a licence line and no licence found: {', '.join(both)}")
        return self


def licence_in(option: Option, region: str | None) -> Licence | None:
    """The option's licence line for a region, or None when it gives none (unknown)."""
    return next((lic for lic in option.licences if lic.region == region), None)


def in_shown_order(options: Sequence[Option], uses_now: str | None = None) -> list[Option]:
    """`options` in the one order they are shown in everywhere (the Options page, the fit
    and its grid, Compare, the summary and the PDF; model review M2-14).

    First the product the person uses now (`uses_now`, his profile's current treatment),
    as the reference point the others are weighed against, then "stay with my current
    treatment", then every other option from A to Z by the name shown, withdrawn
    products last (they are kept for what their trials taught, not as a live choice).
    A to Z says nothing about a treatment: not its kind, age or evidence. It mixes the
    kinds, where the old order by kind put gene therapy first for every person, and a
    reader can check it at a glance. The order never depends on the person's ratings.
    """
    return sorted(
        options,
        key=lambda o: (o.status == "withdrawn", o.id != uses_now, o.kind != "current", o.name.casefold()),
    )


class Attribute(StrictModel):
    """A feature of the options that people weigh differently."""

    id: Id
    name: Text
    values_question: Text
    low_pole: Text
    high_pole: Text
    grid_question: Text
    help: Text | None = None
    rubric: Rubric | None = None


class LimitCrossing(StrictModel):
    """Options that cross a limit only for the people `when` names (review M5-2): Hemlibra
    and Hympavzi ask a woman who could become pregnant for birth control while she uses
    them and for months after, so they cross "I could not put off having a child" for her,
    not for a man. `when` works as in `NotFor`: every key must match, and "not sure" or no
    answer never does (she reads the care-team note instead)."""

    when: dict[ProfileField, list[Text]] = Field(min_length=1)
    options: list[Id] = Field(min_length=1)
    sources: list[SourceId] = Field(min_length=1)
    """The labels that say what these options ask of these people."""


class HardLimit(StrictModel):
    """A line a person may say he will not cross, and the options that cross it: for
    everyone (`crossed_by`), and for some people only (`crossed_by_when`)."""

    id: Id
    statement: Text
    crossed_by: list[Id] = Field(min_length=1)
    crossed_by_when: list[LimitCrossing] = Field(default_factory=list)
    reason: Text
    sources: list[SourceId] = Field(min_length=1)


class AttributeTable(StrictModel):
    """attributes.yaml: the attributes and the hard limits."""

    attributes: list[Attribute] = Field(min_length=1)
    hard_limits: list[HardLimit] = Field(default_factory=list)


FlagId = Literal[
    "under_18",
    "inhibitors",
    "liver_disease",
    "aav_antibodies",
    "plans_for_children",
    "alcohol_use",
    "withdrawn",
    # issue 14
    "type_unknown",
    "mild",
    "moderate",
    "women",
    "hiv",
    "hepatitis_b",
    "hepatitis_c",
    "clot_risk",
    "where_you_live",
]


class FlagVariant(StrictModel):
    """The wording of a note for the people it fits, in place of the general wording.

    `when` works as in `NotFor`: every key must match one of the person's answers.
    "Not sure" and unanswered never match, so a person unsure of his type keeps the
    general text that covers both types. A variant may change the text, the
    question, or both; a text needs its own sources.
    """

    when: dict[ProfileField, list[Text]] = Field(min_length=1)
    text: Text | None = None
    question: Text | None = None
    sources: list[SourceId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _wording_with_sources(self) -> FlagVariant:
        if self.text is None and self.question is None:
            raise ValueError("a variant needs a text, a question or both")
        if self.text is not None and not self.sources:
            raise ValueError("a variant with a text needs at least one source")
        return self


class Flag(StrictModel):
    """An 'ask your care team' note: when it shows, on which options, and why."""

    id: FlagId
    title: Text
    text: Text
    question: Text
    option_kinds: list[OptionKind] = Field(default_factory=list)
    options: list[Id] = Field(default_factory=list)
    sources: list[SourceId] = Field(min_length=1)
    variants: list[FlagVariant] = Field(default_factory=list)
    """Wordings for some people (say, type B only): for the text and for the
    question, the first variant that matches and has one is used."""


class FlagTable(StrictModel):
    """flags.yaml."""

    flags: list[Flag] = Field(min_length=1)


class KnowledgeItem(StrictModel):
    """One question of the knowledge check."""

    id: Id
    applies_to: AppliesTo = "both"
    """Whose type the question is about: an A reader is never asked a B-only question."""
    about: list[Id] = Field(default_factory=list)
    """The options the question is about; it is asked only when one of them is open to the
    person (scored for him, or apart only because his type is not known). Empty: always."""
    question: Text
    choices: list[Text] = Field(min_length=2, max_length=5)
    answer: int = Field(ge=0)
    explanation: Text
    sources: list[SourceId] = Field(min_length=1)

    @model_validator(mode="after")
    def _answer_is_a_choice(self) -> KnowledgeItem:
        if self.answer >= len(self.choices):
            raise ValueError(f"answer {self.answer} is not one of the {len(self.choices)} choices")
        return self


class KnowledgeTable(StrictModel):
    """knowledge.yaml."""

    items: list[KnowledgeItem] = Field(min_length=1)


NextStepKind = Literal["take_time", "facts", "values", "support"]
"""What a "no" to a readiness question leads to (see `domain/next_steps.py`): time to
decide, the facts still missing, back to what matters, or the people to talk to."""


class ReadinessItem(StrictModel):
    """A yes/no decision-readiness question (in the spirit of the SURE test)."""

    id: Id
    text: Text
    if_no: Text
    """The next step when the answer is "no", in plain words."""
    if_no_type_unknown: Text | None = None
    """The next step's words for a person whose type of hemophilia is not known, when
    `if_no` would promise him a fit he cannot see until it is (review R8-7)."""
    leads_to: NextStepKind | None = None
    """What else that next step lists (questions, readings, a page, people)."""


class RoleStatement(StrictModel):
    """One of the five preferred-role statements (Control Preferences Scale)."""

    id: Id
    text: Text


class ReadinessTable(StrictModel):
    """readiness.yaml."""

    readiness: list[ReadinessItem] = Field(min_length=4, max_length=4)
    roles: list[RoleStatement] = Field(min_length=5, max_length=5)
    sources: list[SourceId] = Field(min_length=1)


class ClinicalSignoff(StrictModel):
    """A hemophilia clinician who checked the content and signed it off, and when, with what
    IPDAS asks of every author and reviewer (QI21): credentials and declared interests."""

    by: Text
    """The clinician's name."""
    credentials: Text
    """Role and qualifications, e.g. "consultant haematologist at a hemophilia centre"."""
    interests: Text
    """Their declaration of interests in their own words ("None", or what they are)."""
    date: dt.date


class About(StrictModel):
    """about.md: who made the aid, how, and when."""

    title: Text
    content_version: Text
    content_date: dt.date
    evidence_searched: dt.date
    """The sources were searched up to this date (the printed banner says so)."""
    locale: Text
    written_by: Text
    """Who wrote the content, in a few words ("the decisionaid project team")."""
    authors: list[Text] = Field(min_length=1)
    funding: Text
    conflicts: Text
    update_policy: Text
    sources: list[SourceId] = Field(default_factory=list)
    reviewed: dt.date
    clinical_signoff: ClinicalSignoff | None = None
    """None until a hemophilia clinician has signed the content off: the printed summary
    then says it is not yet clinically reviewed."""
    body: MarkdownBody


class FactorBand(StrictModel):
    """A band of factor levels (% of normal): a goal or a severity, with what it means."""

    id: Id
    low: float = Field(ge=0)
    high: float | None = Field(default=None, ge=0)
    """None when the band has no upper end ("50% or more")."""
    label: Text
    words: Text
    sources: list[SourceId] = Field(min_length=1)

    @model_validator(mode="after")
    def _low_not_above_high(self) -> FactorBand:
        if self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        return self


class LevelPoint(StrictModel):
    """One measured factor level at one time after gene therapy, in one study."""

    year: float = Field(ge=0, le=50)
    """Where the point sits in time, in years after the infusion (0.5 is 6 months)."""
    when: Text
    """The same time in words, as it reads after a number: "6 months", "5 years"."""
    value: float = Field(ge=0)
    statistic: Text
    """What the value is, in words: "average"."""
    low: float | None = Field(default=None, ge=0)
    high: float | None = Field(default=None, ge=0)
    """The lowest and highest man, when the study gave them."""
    study: Text
    men: int = Field(ge=1)
    source: SourceId
    tag: Text | None = None
    """A short word on the row label that tells this point from its neighbours."""
    note: Text | None = None

    @model_validator(mode="after")
    def _range_is_whole(self) -> LevelPoint:
        if (self.low is None) != (self.high is None):
            raise ValueError("give both low and high for a range, or neither")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        return self


class LevelSeries(StrictModel):
    """The levels after one gene therapy (or its earlier forms) over the years."""

    id: Id
    applies_to: Literal["A", "B"]
    label: Text
    option: Id
    points: list[LevelPoint] = Field(min_length=1)


class PeakShare(StrictModel):
    """How much of its highest level factor VIII and IX kept after some months."""

    months: int = Field(ge=1)
    factor_viii: float = Field(ge=0)
    factor_ix: float = Field(ge=0)
    study: Text
    sources: list[SourceId] = Field(min_length=1)


class Durability(StrictModel):
    """The chart of factor levels over the years after gene therapy."""

    module: Id
    """The learning module that shows this chart and explains it."""
    caption: Text
    peak_share: PeakShare
    series: list[LevelSeries] = Field(min_length=1)
    icon_arrays: list[Id] = Field(default_factory=list)
    """Icon arrays shown with the chart, where a trial gave a spread of levels but no average."""


class IconGroup(StrictModel):
    """Some of the 100 people in an icon array, and what happened to them."""

    count: int = Field(ge=0, le=100)
    label: Text


class IconArray(StrictModel):
    """A trial outcome drawn as 100 people: the groups add up to exactly 100."""

    id: Id
    option: Id
    title: Text
    groups: list[IconGroup] = Field(min_length=2)
    denominator: Text
    """Who was counted, in words: "132 men in the GENEr8-1 trial"."""
    time_frame: Text
    sources: list[SourceId] = Field(min_length=1)
    note: Text | None = None
    left_out_for: list[Literal["now", "none"]] = Field(default_factory=list)
    """The inhibitor groups ("now", "none") not shown this picture: one of everyone in the
    trials would stand in for a group whose own, higher, rate no source we read gives
    (review R9-2: Hemlibra's clot picture and a man who may be given aPCC)."""

    left_out_when: list[dict[ProfileField, list[Text]]] = Field(default_factory=list)
    """Answers for which the picture is left out, each map as a licence rule's `when` (every
    key must match; not sure or unanswered never matches): the people counted are not like
    this reader, and the picture would stand in for a risk it does not show (review R11-1:
    boys with severe hemophilia A, shown to a woman with moderate B)."""

    def shown_to(self, group: str | None) -> bool:
        """Whether a person of this inhibitor group (None: not known) is shown the picture."""
        return group is None or group not in self.left_out_for

    @field_validator("groups")
    @classmethod
    def _a_hundred_people(cls, groups: list[IconGroup]) -> list[IconGroup]:
        total = sum(g.count for g in groups)
        if total != 100:
            raise ValueError(f"the counts add up to {total}; a picture of 100 people needs exactly 100")
        if any(g.count == 0 for g in groups):
            # Review M6-1: 100 people, none harmed, reads as "no risk" beside a counted harm.
            raise ValueError("a group with no one in it reads as no risk; say 'none of N' in words instead")
        return groups


LevelKind = Literal["aim", "measured", "estimate"]
"""What a level on the gauge is: an aim of treatment, a level measured in a trial, or an
estimate that no one measured (IPDAS audit 3: aims were drawn like trial results)."""


class PeopleCount(StrictModel):
    """How many of the people treated in a trial a level leaves out, or "not reported".

    `count` is None when no source we read gives it: the gauge then says "not reported"
    with the number of people treated, never a guess."""

    label: Text
    """What is counted, as a line's opening words: "No response"."""
    count: int | None = Field(default=None, ge=0)
    words: Text
    """What happened to them, after "1 of 54 men ...": "made no factor IX at all"."""
    sources: list[SourceId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _a_count_has_a_source(self) -> PeopleCount:
        if self.count is not None and not self.sources:
            raise ValueError("a count needs the source it was read in")
        return self


class GaugeRow(StrictModel):
    """What kind of level an option's bar on the gauge is, and whom it leaves out."""

    option: Id
    kind: LevelKind
    people: int | None = Field(default=None, ge=1)
    """How many people were treated in the trial behind the bar."""
    who: Text | None = None
    """Those people in words, after the number: "men treated in the HOPE-B trial"."""
    no_response: PeopleCount | None = None
    not_reported: PeopleCount | None = None

    @model_validator(mode="after")
    def _counts_have_a_denominator(self) -> GaugeRow:
        if (self.no_response or self.not_reported) and (self.people is None or self.who is None):
            raise ValueError("give people and who: a count is read out of the people treated")
        for part in (self.no_response, self.not_reported):
            if part and part.count is not None and self.people is not None and part.count > self.people:
                raise ValueError(f"{part.count} is more than the {self.people} people treated")
        return self


class Figures(StrictModel):
    """figures.yaml: the data behind the factor-level gauge, the durability chart and icon arrays."""

    factor_goals: list[FactorBand] = Field(default_factory=list)
    """Aims of treatment drawn on the gauge; none until a guideline we have read sets one."""
    gauge: list[GaugeRow] = Field(default_factory=list)
    """Per option on the gauge: aim, measured or estimate, and the people its bar leaves out.
    The loader requires a row for every option with a factor level."""
    severity: list[FactorBand] = Field(min_length=1)
    durability: Durability
    icon_arrays: list[IconArray] = Field(default_factory=list)


class Content(StrictModel):
    """Everything in one locale's content folder, validated and cross-checked."""

    locale: str
    about: About
    modules: list[Module]
    options: list[Option]
    attributes: list[Attribute]
    hard_limits: list[HardLimit]
    flags: list[Flag]
    knowledge: list[KnowledgeItem]
    readiness: ReadinessTable
    figures: Figures
    sources: dict[str, Source]
    ui: dict[str, str]
    outcomes: list[OptionOutcomes] = Field(default_factory=list)
    """The outcome table (outcomes.yaml): one entry per option but "stay as you are"."""
    glossary: list[GlossaryTerm] = Field(default_factory=list)
    """The plain-words glossary (glossary.yaml), in the order it is written."""

    def outcomes_for(self, option_id: str) -> OptionOutcomes | None:
        """The outcome table of this option, or None (the loader makes sure each option has one)."""
        return next((o for o in self.outcomes if o.option == option_id), None)

    def option(self, option_id: str) -> Option:
        """The option with this id (KeyError if there is none)."""
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)

    def text(self, key: str, **values: object) -> str:
        """An interface string from ui.yaml, with `{name}` fields filled in."""
        template = self.ui.get(key)
        if template is None:
            return key
        return _PLAIN_FIELDS.vformat(template, (), values) if values else template


class _PlainFields(string.Formatter):
    """Fills plain `{name}` fields only. The loader refuses a format spec, conversion or
    `{name.attr}` in ui.yaml; should one slip through, it is ignored here rather than
    obeyed, so `{date:>999999999}` can never pad a summary to a gigabyte."""

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> tuple[Any, str]:
        if not field_name.isidentifier():
            return "{" + field_name + "}", field_name
        return kwargs[field_name], field_name

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        return value

    def format_field(self, value: Any, format_spec: str) -> str:
        return str(value)


_PLAIN_FIELDS = _PlainFields()
