"""The summary's one-page option grid: the questions patients ask, for the options the person weighs.

In the style of an Option Grid: one column per option he is weighing (the product he
uses now, where he leans now and leaned at the start, the options he picked on
Compare; at most `MAX_COLUMNS`), one row per frequently asked question. Every answer
comes from content that already carries its sources: the option card's fields and
attribute reasons, the outcome table (outcomes.yaml), the licence lines, and for
pregnancy and family the `grid.family.<option>` strings of ui.yaml, which cite their
sources as `[@id]`. A question with no sourced answer says "not known", never a blank.
Pure: no I/O, and no clinical fact is written here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from decisionaid.domain.content import Content, Option, in_shown_order, licence_in
from decisionaid.domain.eligibility import Apart, answers_match, apart_words, crosses, standing
from decisionaid.domain.figures import number
from decisionaid.domain.fit_options import as_scored
from decisionaid.domain.outcome_view import bleed_view, how_often
from decisionaid.domain.outcomes import BleedOutcome, HarmOutcome, harms_in_order, inhibitor_group
from decisionaid.domain.references import CITATION, strip_citations
from decisionaid.domain.session import Profile, Session

MAX_COLUMNS = 4
"""More options than this do not fit on one printed page: the rest are named as left out."""

ROWS = ("given", "bleeds", "harms", "first_year", "track_record", "stop", "family", "licence")
"""The questions, in order; each is `grid.row.<key>` in ui.yaml."""

KINDS_IN_TURN = ("factor", "non-factor", "gene-therapy")
"""The kinds of treatment the filled grid takes in turn, oldest first (review V7-5)."""

ROLES = ("current", "leaning", "start_leaning", "picked", "scored")
"""Why an option is a column, in the order columns are chosen; each is `grid.role.<key>`."""

HARMS_SHOWN = 2
"""The main harms per option in the grid (the outcome table lists them all)."""

FAMILY_KEY = "grid.family.{option}"
"""ui.yaml: what an option asks of people planning a family, with `[@id]` citations.
Optional per option: without it the cell says "not known". `<key>.for_women`, where there
is one, is what a woman reads instead."""

GRID_KEYS: dict[str, frozenset[str]] = {
    "grid.title": frozenset(),
    "grid.intro": frozenset(),
    "grid.none": frozenset(),
    "grid.one": frozenset(),
    "grid.one_type_unknown": frozenset(),
    "grid.filled": frozenset(),
    "grid.left_out": frozenset({"names", "most"}),
    "grid.left_out.crosses": frozenset({"name"}),
    "grid.question": frozenset(),
    "grid.not_known": frozenset(),
    "grid.doses": frozenset({"doses"}),
    "grid.doses.range": frozenset({"low", "high"}),
    "grid.bleeds": frozenset({"numbers", "comparator", "change", "who", "window"}),
    "grid.harm": frozenset({"harm", "how_often", "time_frame", "who"}),
    "grid.harm.untimed": frozenset({"harm", "how_often", "who"}),
    "grid.licence.not_said": frozenset(),
    "grid.licence.unknown": frozenset({"region"}),
    "grid.licence.yours": frozenset(),
    **{f"grid.row.{row}": frozenset() for row in ROWS},
    **{f"grid.role.{role}": frozenset() for role in ROLES if role != "scored"},
    **{f"grid.role.scored.{kind}": frozenset() for kind in KINDS_IN_TURN},
    "grid.role.crosses_limit": frozenset(),
}
"""The ui.yaml strings the grid needs, and the {fields} each may use (checked by the loader)."""


@dataclass(frozen=True)
class GridCell:
    """One answer: its words, the ids of its sources, and their numbers in the summary's
    reference list (filled in by `numbered`). `known` is False for "not known"."""

    text: str
    sources: tuple[str, ...] = ()
    refs: tuple[int, ...] = ()
    known: bool = True


@dataclass(frozen=True)
class GridColumn:
    """An option in the grid, and why it is there ("What you use now")."""

    option_id: str
    name: str
    role: str


@dataclass(frozen=True)
class GridRow:
    """A question and each column's answer, in the columns' order."""

    question: str
    cells: tuple[GridCell, ...]


@dataclass(frozen=True)
class OptionGrid:
    """The whole grid; `columns` is empty (and `none` says why) when no option was named."""

    title: str
    intro: str
    corner: str
    columns: tuple[GridColumn, ...]
    rows: tuple[GridRow, ...]
    left_out: str | None
    none: str | None

    @property
    def source_ids(self) -> list[str]:
        """Every source the cells cite, in reading order (row by row), each once."""
        return list(dict.fromkeys(s for row in self.rows for cell in row.cells for s in cell.sources))


def weighed(content: Content, session: Session) -> list[tuple[Option, str]]:
    """The options the person is weighing, each once with its first role: the product he
    uses now, his leaning now and at the start, his Compare picks. "Stay as you are"
    stands for the product he uses now (nothing when he has not named one)."""
    known = {o.id: o for o in content.options}
    current = known.get(session.profile.current_treatment or "")
    if current is not None and current.kind == "current":
        current = None

    def resolve(option_id: str | None) -> Option | None:
        if option_id == "current":
            return current
        found = known.get(option_id or "")
        return found if found is not None and found.kind != "current" else None

    named = [
        (current, "current"),
        (resolve(session.leaning), "leaning"),
        (resolve(session.start_leaning), "start_leaning"),
        *((resolve(pick), "picked") for pick in session.compare_picks or []),
    ]
    chosen: dict[str, tuple[Option, str]] = {}
    for option, role in named:
        if option is not None and option.id not in chosen:
            chosen[option.id] = (option, role)
    return list(chosen.values())


def _not_known(content: Content) -> GridCell:
    return GridCell(content.text("grid.not_known"), known=False)


def _given(content: Content, option: Option) -> GridCell:
    given = option.given.split(". ")[0].rstrip(".")
    doses = option.doses_per_year
    if doses is None:
        # No schedule (factor only when a bleed needs it): how it is given and how often,
        # cited to the source of its "how often you treat" score.
        burden = option.attributes.get("treatment_burden")
        if burden is None:
            return _not_known(content)
        return GridCell(f"{given}. {option.how_often}".replace("..", "."), (burden.source,))
    count = (
        number(doses.low)
        if doses.low == doses.high
        else content.text("grid.doses.range", low=number(doses.low), high=number(doses.high))
    )
    if not doses.sources:
        return _not_known(content)
    # The card's first sentence says how it is given; the rest (how long a drip takes) is on the card.
    words = f"{given}. {option.how_often}."
    if doses.high > 0:  # a one-time treatment: "Doses a year: 0" read as a typo (review R6-6)
        words += f" {content.text('grid.doses', doses=count)}"
    return GridCell(words.replace("..", "."), tuple(doses.sources))


def about_his_group(rows: Sequence[BleedOutcome], profile: Profile) -> list[BleedOutcome]:
    """The rows about people like him: the rows about the other inhibitor group passed over
    (all of them when he has not said, or when no row is about his group)."""
    has = inhibitor_group(profile.inhibitors)
    return [r for r in rows if r.inhibitors is None or has is None or r.inhibitors == has] or list(rows)


def bleed_row(rows: Sequence[BleedOutcome], profile: Profile, now: Option | None) -> BleedOutcome:
    """The bleed row that speaks of people like this person (review R6-2): rows about the
    other inhibitor status are passed over, then a row against the way he treats now comes
    first (regular prevention, or factor only when he bleeds: a card with no schedule);
    otherwise the option's main row, the first. The grid asks how well an option prevents
    bleeds, a comparison, so the comparison for people like him comes first here (review
    V9-2); the bleeds-a-year table, which gives only the rate on the option, prefers a row
    that gives one (`bleed_rates.rate_source_row`)."""
    fitting = about_his_group(rows, profile)
    if now is None or now.kind == "current":
        wanted: tuple[str, ...] = ()
    else:
        wanted = ("on_demand",) if now.doses_per_year is None else ("prior_prevention",)
    return next((r for r in fitting if r.comparator in wanted), fitting[0])


def row_for(content: Content, profile: Profile) -> Callable[[Sequence[BleedOutcome]], BleedOutcome]:
    """`bleed_row` for this person, as the outcome tables take it to put his row first."""
    now = next((o for o in content.options if o.id == profile.current_treatment), None)
    return lambda rows: bleed_row(rows, profile, now)


def _bleeds(content: Content, option: Option, profile: Profile) -> GridCell:
    table = content.outcomes_for(option.id)
    if table is None:
        return _not_known(content)
    row = row_for(content, profile)(table.bleeds)
    lines = bleed_view(content, row).lines
    words = content.text(
        "grid.bleeds",
        numbers=lines[0].value,
        comparator=lines[1].value,
        change=lines[2].value.rstrip("."),  # the template ends it (review R13-4: "it is..")
        who=row.who,
        window=row.time_window,
    )
    return GridCell(words, tuple(row.sources))


def _harms(content: Content, option: Option, profile: Profile) -> GridCell:
    table = content.outcomes_for(option.id)
    if table is None:
        return _not_known(content)
    # The harms about people like the reader first (review M4-4), then the first few.
    matches = partial(answers_match, profile=profile)
    shown = harms_in_order(table.harms, inhibitor_group(profile.inhibitors), matches)[:HARMS_SHOWN]
    past = profile.inhibitors == "past"
    words = " ".join(_harm_words(content, h, past) for h in shown)
    return GridCell(words, tuple(dict.fromkeys(s for h in shown for s in h.sources)))


def _harm_words(content: Content, harm: HarmOutcome, past: bool = False) -> str:
    """A harm in one sentence: how many and over what time; where no source gives how many,
    what the source does say (the row's note), so the cell is never a bare "not reported".
    A man who had an inhibitor (`past`) also reads the note of a row about people without
    one now: it says what the leaflet says of a past inhibitor (reviews R8-2, R9-3)."""
    often = how_often(content, harm)
    if harm.time_frame == often:  # "not reported" twice reads as a slip
        words = content.text("grid.harm.untimed", harm=harm.harm, how_often=often, who=harm.who)
    else:
        words = content.text(
            "grid.harm", harm=harm.harm, how_often=often, time_frame=harm.time_frame, who=harm.who
        )
    # Review V8-1: a number pooled over another product or a class (gene therapy's serious
    # health problems from any cause) says beside the others' why it cannot be set beside them.
    noted = harm.not_reported or (past and harm.inhibitors == "none") or not harm.same_product
    return f"{words} {harm.note}" if noted and harm.note else words


RANGE_CLAUSE = re.compile(
    r",? so (?:the score stays [^.]*? and )?the range (?:also )?(?:reaches|cannot reach)[^.]*\.$"
)
"""The end of a fit reason that says why its range is wide ("..., so the range reaches one
level lower."): the fit shows ranges, the grid does not (review R13-4)."""


def without_range_talk(reason: str) -> str:
    """A fit reason as the grid prints it: each sentence's range clause cut, and the
    sentences that are only about the range left out."""
    kept = []
    for sentence in re.split(r"(?<=\.)\s+", reason.strip()):
        if "range" in sentence and sentence.startswith(("So the score", "But the range")):
            continue
        kept.append(RANGE_CLAUSE.sub(".", sentence))
    return " ".join(kept)


def _reason(content: Content, option: Option, attribute: str) -> GridCell:
    """An attribute's reason as the fit gives it, without its words on the range, with its
    source."""
    score = option.attributes.get(attribute)
    if score is None:
        return _not_known(content)
    return GridCell(without_range_talk(score.reason), (score.source,))


def _family(content: Content, option: Option, profile: Profile) -> GridCell:
    # A woman reads what the label asks of her, not of a man and his partner (found when the
    # grid began to fill with the options open to her: review M6-3).
    text = (
        content.ui.get(FAMILY_KEY.format(option=option.id) + ".for_women")
        if profile.sex == "female"
        else None
    )
    text = text or content.ui.get(FAMILY_KEY.format(option=option.id))
    if text is None:
        return _not_known(content)
    ids = [
        part.strip().lstrip("@") for match in CITATION.finditer(text) for part in match.group(1).split(";")
    ]
    sources = tuple(dict.fromkeys(i for i in ids if i in content.sources))
    return GridCell(strip_citations(text), sources) if sources else _not_known(content)


def _licence(content: Content, option: Option, profile: Profile, apart: Apart | None) -> GridCell:
    region = profile.region
    if option.status == "withdrawn":  # no licence line anywhere: say it is gone, as the fit does
        return GridCell(option.availability, tuple(option.sources))
    why = apart_words(content, profile, apart)
    if why is not None and apart is not None:
        # Set apart for this person (review R6-4): say why here too, with its sources.
        return GridCell(why, apart.sources, known=bool(apart.sources))
    region_said = region not in (None, "not_sure", "prefer_not_to_say")
    line = licence_in(option, region) if region_said else None
    if line is None and option.id == profile.current_treatment:
        # His own treatment: no "ask if it is offered where you live" (review R6-7, as R5-18).
        return GridCell(content.text("grid.licence.yours"), known=False)
    if not region_said:
        return GridCell(content.text("grid.licence.not_said"), known=False)
    if line is None:
        return GridCell(
            content.text("grid.licence.unknown", region=content.text(f"profile.a.region.{region}")),
            known=False,
        )
    return GridCell(line.text, tuple(line.sources))


def _cell(content: Content, option: Option, row: str, session: Session) -> GridCell:
    if row == "given":
        return _given(content, option)
    if row == "bleeds":
        return _bleeds(content, option, session.profile)
    if row == "harms":
        return _harms(content, option, session.profile)
    if row == "family":
        return _family(content, option, session.profile)
    if row == "licence":
        apart = {a.option_id: a for a in standing(content, session.profile)[1]}
        return _licence(content, option, session.profile, apart.get(option.id))
    attribute = {"first_year": "first_year", "track_record": "track_record", "stop": "future_options"}[row]
    return _reason(content, as_scored(content, session.profile, option), attribute)


def limit_crossers(content: Content, session: Session) -> frozenset[str]:
    """The options that cross a hard limit the person set (review M7-1)."""
    chosen = [h for h in content.hard_limits if h.id in session.hard_limits]
    return frozenset(o.id for o in content.options if any(crosses(h, o.id, session.profile) for h in chosen))


def people_studied(content: Content, option: Option) -> int:
    """The most people a study of the option itself counted, in any bleed row of its
    outcome table (0 when none says): how a kind's example is chosen, not by spelling
    (review R13-1). Rows about other products do not count: standard factor VIII's 83 were
    people on any regular factor before a trial of Hympavzi (review M8-8)."""
    table = content.outcomes_for(option.id)
    return max((row.people or 0 for row in table.bleeds if row.same_product), default=0) if table else 0


def one_of_each_kind(
    content: Content, scored: Sequence[Option], named: Sequence[Option], crossing: frozenset[str]
) -> list[Option]:
    """The scored options not named, taken one of each kind in turn: the kinds with no
    column yet first (in KINDS_IN_TURN order), then the others, round after round. Within
    a kind, the option studied in the most people comes first (then A to Z). Options that
    cross a hard limit he set (`crossing`) come only after all the others (review M7-1)."""
    have = {o.kind for o in named}
    kinds = sorted(KINDS_IN_TURN, key=lambda k: k in have)  # stable: keeps the fixed order
    taken = {o.id for o in named}
    rest = sorted(
        (o for o in scored if o.id not in taken and o.kind in KINDS_IN_TURN),
        key=lambda o: (-people_studied(content, o), o.name.casefold()),
    )
    picked: list[Option] = []
    for over_a_limit in (False, True):
        queues = {k: [o for o in rest if o.kind == k and (o.id in crossing) == over_a_limit] for k in kinds}
        while any(queues.values()):
            for kind in kinds:
                if queues[kind]:
                    picked.append(queues[kind].pop(0))
    return picked


def _role(content: Content, option: Option, role: str, crossing: frozenset[str]) -> str:
    """Why the option is a column, its kind when the aid filled it in, and whether it
    crosses one of his hard limits (review M7-1, M7-2)."""
    words = content.text(f"grid.role.scored.{option.kind}" if role == "scored" else f"grid.role.{role}")
    if option.id in crossing:
        words = f"{words}. {content.text('grid.role.crosses_limit')}"
    return words


def option_grid(content: Content, session: Session) -> OptionGrid:
    """The grid of the options this person is weighing (at most MAX_COLUMNS, the rest named)."""
    t = content.text
    found = weighed(content, session)
    crossing = limit_crossers(content, session)
    filled = len(found) < 2
    if filled:
        # Review M6-3: one column compares nothing, and the person who names fewer than two
        # options (not sure where he leans) is who an Option Grid is for. The options scored
        # for him follow: one of each kind of treatment (review V7-5), in a fixed order.
        scored = in_shown_order(standing(content, session.profile)[0], session.profile.current_treatment)
        found += [(o, "scored") for o in one_of_each_kind(content, scored, [o for o, _ in found], crossing)]
        filled = len(found) >= 2
    shown, rest = found[:MAX_COLUMNS], found[MAX_COLUMNS:]
    columns = tuple(GridColumn(o.id, o.name, _role(content, o, role, crossing)) for o, role in shown)
    rows = tuple(
        GridRow(t(f"grid.row.{row}"), tuple(_cell(content, o, row, session) for o, _ in shown))
        for row in ROWS
    )

    def named(option: Option) -> str:
        # Review M8-9: an option over one of his hard limits says so here too.
        return t("grid.left_out.crosses", name=option.name) if option.id in crossing else option.name

    left_out = (
        t("grid.left_out", names="; ".join(named(o) for o, _ in rest), most=MAX_COLUMNS) if rest else None
    )
    if len(shown) == 1:
        # One column compares nothing: say how to add others, and where all of them are
        # (a page of what he uses now alone would favour staying: M3-6). With no type
        # known, the tables show both types' options, not "every option for your type" (R8-7).
        known = session.profile.hemophilia_type in ("A", "B")
        left_out = t("grid.one" if known else "grid.one_type_unknown")
    return OptionGrid(
        title=t("grid.title"),
        intro=t("grid.filled") if filled else t("grid.intro"),  # V7-5: said above the grid
        corner=t("grid.question"),
        columns=columns,
        rows=rows if columns else (),
        left_out=left_out,
        none=None if columns else t("grid.none"),
    )


def numbered(grid: OptionGrid, reference_ids: Sequence[str]) -> OptionGrid:
    """The grid with each cell's sources as their numbers in the summary's reference list
    (`reference_ids`, in printed order); a source not in the list is not numbered."""
    place = {source: n for n, source in enumerate(reference_ids, 1)}
    rows = tuple(
        dataclasses.replace(
            row,
            cells=tuple(
                dataclasses.replace(c, refs=tuple(place[s] for s in c.sources if s in place))
                for c in row.cells
            ),
        )
        for row in grid.rows
    )
    return dataclasses.replace(grid, rows=rows)
