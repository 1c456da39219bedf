"""The sensitivity audit of the fit model on a content: who comes first, how often it
is close, and which options cannot come first at all (issue 13; model review M2-7).

Cases: for each type (A, B), an adult with severe hemophilia and no inhibitor using
each product of that type, or "other"; and the people issue 13 asks to walk (from
tests/journey_people.py): the 27-year-old with severe A and an inhibitor now, on
Hemlibra, with no region and in the EU; the 16-year-old with severe B; the
41-year-old woman with moderate B. For each case, PROFILES random importance
profiles: every attribute rated 0-4 at random, a top three taken from the highest
rated (ties broken at random, as a person choosing among equals might).

It counts how often each option has the highest central fit ALONE (a tie for first
is counted apart, never shared out as a first place: the review found an option
passing on shares of ties), how often the close-call notice is on, and how often
the option with the highest fit has an interval that overlaps others (the "cannot
be told apart" list), and how many. It names the options another option matches or
beats on every feature for that person (`dominated`): those cannot come first for
him, whatever he values. It runs the engine's own steps (`fit_options`, `swing`,
`weights`, `fit_interval`, `close_call`, `overlapping`); the audit tests check these
give what `fit()` gives.

`python -m tests.domain.fit_audit` prints the list of people and the tables for the model
card (about.md).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from decisionaid.domain import fit as model
from decisionaid.domain import fit_overlaps
from decisionaid.domain.content import Content, Option
from decisionaid.domain.fit_options import fit_options
from decisionaid.domain.fit_ranges import rubrics
from decisionaid.domain.session import TOP_PRIORITIES, Profile, Session
from tests.journey_people import AMINA, JAKE, OMAR

PROFILES = 10000
"""Random importance profiles per case. Only sole first places count, and an option
that cannot come first is named as dominated instead of passing on a share of ties
(M2-7), so the 40,000 drawn before (to find options that were first only in ties)
are not needed: 10,000 keep the whole audit test file well under a minute."""
SEED = 13
ADULT = {"severity": "severe", "inhibitors": "never", "age_group": "18_to_64"}
"""The person of the per-product cases: an adult with severe hemophilia and no
inhibitor, whom no licence rules out."""

Importance = dict[str, int]
Draw = tuple[Importance, list[str]]
"""One random profile: importance ratings and a top three."""


@dataclass(frozen=True)
class Case:
    """One person audited: his type, what he uses now, and any other answers."""

    hemophilia_type: str
    current: str
    who: str = ""
    """The person of issue 13 this case walks ("" for the per-product cases)."""
    answers: tuple[tuple[str, str], ...] = tuple(ADULT.items())

    def profile(self) -> Profile:
        return Profile(
            hemophilia_type=self.hemophilia_type, current_treatment=self.current, **dict(self.answers)
        )

    @property
    def label(self) -> str:
        return self.who or f"type {self.hemophilia_type}, uses {self.current}"


def _person(who: str, profile: dict[str, str], **changed: str) -> Case:
    # An empty answer drops it (the woman without a region).
    answers = {
        k: v
        for k, v in {**profile, **changed}.items()
        if k not in ("hemophilia_type", "current_treatment") and v != ""
    }
    return Case(profile["hemophilia_type"], profile["current_treatment"], who, tuple(sorted(answers.items())))


PEOPLE = (
    _person("27, severe A, inhibitor now, on Hemlibra, no region", OMAR.profile),
    _person("27, severe A, inhibitor now, on Hemlibra, EU", OMAR.profile, region="eu"),
    _person("16, severe B, on long-acting factor IX", JAKE.profile),
    _person("41, woman, moderate B, factor only when she bleeds, EU", AMINA.profile),
    _person("41, woman, moderate B, factor only when she bleeds, no region", AMINA.profile, region=""),
)
"""The people issue 13 asks to walk (tests/journey_people.py), the inhibitor case and the
woman twice: without a region, Hympavzi is scored for her, with the birth control its
label asks of her in her first year (model review M2-12)."""


def people_list(people: Sequence[Case] = PEOPLE) -> str:
    """The people of issue 13 the audit walks, a Markdown list named as in the table's rows,
    for the model card (model review M4-9: the list written there by hand drifted from
    the table)."""
    return "\n".join(f"- {p.label}" for p in people)


@dataclass(frozen=True)
class Result:
    """One case's audit, each a share of the profiles drawn."""

    case: Case
    first: dict[str, float]
    """Option id -> share of profiles in which it alone had the highest central fit."""
    tied: float
    """Share of profiles in which two or more options shared the highest fit."""
    close_call: float
    overlap_any: float
    """Share of profiles in which the highest option's interval overlaps another's."""
    overlap_mean: float
    """How many others the highest option's interval overlaps, on average."""
    dominated: dict[str, list[str]] = field(default_factory=dict)
    """Option id -> the options that match or beat it on every feature (only those with any)."""


def cases(content: Content) -> list[Case]:
    """Every type, with each product a person of that type could be using now, and "other";
    then the people of issue 13."""
    found = []
    for kind in ("A", "B"):
        scored = fit_options(content, Profile(hemophilia_type=kind, **ADULT))[0]
        found += [Case(kind, o.id) for o in scored] + [Case(kind, "other")]
    return found + list(PEOPLE)


def draws(attribute_ids: Sequence[str], count: int = PROFILES, seed: int = SEED) -> list[Draw]:
    """Random profiles, the same for every case (so cases compare like with like)."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        importance = {a: rng.randint(0, 4) for a in attribute_ids}
        ties = {a: rng.random() for a in attribute_ids}
        top = sorted(attribute_ids, key=lambda a: (-importance[a], ties[a]))[:TOP_PRIORITIES]
        found.append((importance, top))
    return found


Options = Callable[[Content, Case], list[Option]]


def scored_options(content: Content, case: Case) -> list[Option]:
    """The options the engine scores for this case (what he uses now read as staying on it)."""
    return fit_options(content, case.profile())[0]


def dominated(content: Content, shown: Sequence[Option]) -> dict[str, list[str]]:
    """Option id -> the other options as good on every feature (the app's own rule,
    `fit_overlaps.dominated`, on the options shown to this person)."""
    ids = [a.id for a in content.attributes]
    return fit_overlaps.dominated({o.id: {a: o.attributes[a].score for a in ids} for o in shown})


def audit_case(
    content: Content, case: Case, profiles: Sequence[Draw], options: Options = scored_options
) -> Result:
    """Sole first places, ties, close calls and the highest option's overlaps for one case."""
    attribute_ids = [a.id for a in content.attributes]
    shown = options(content, case)
    grid = model.swing(shown, attribute_ids, rubrics(content))
    columns = [grid.columns[o.id] for o in shown]
    first = dict.fromkeys((o.id for o in shown), 0)
    tied = close = overlap_any = overlap_total = 0
    for importance, top in profiles:
        weight = model.weights(attribute_ids, importance, top)
        weighed = [weight[a] for a in grid.weighed]
        intervals = [model.fit_interval(c, weighed) for c in columns]
        best = max(i[1] for i in intervals)
        winners = [n for n, i in enumerate(intervals) if i[1] >= best - 1e-9]
        if len(winners) == 1:
            first[shown[winners[0]].id] += 1
        else:
            tied += 1
        close += model.close_call(intervals)
        low, _, high = intervals[winners[0]]
        others = sum(
            1
            for n, (o_low, _, o_high) in enumerate(intervals)
            if n != winners[0] and low <= o_high + 1e-9 and o_low <= high + 1e-9
        )
        overlap_any += others > 0
        overlap_total += others
    count = len(profiles)
    return Result(
        case,
        {k: v / count for k, v in first.items()},
        tied / count,
        close / count,
        overlap_any / count,
        overlap_total / count,
        dominated(content, shown),
    )


def audit(content: Content, profiles: int = PROFILES, options: Options = scored_options) -> list[Result]:
    """The audit of every case."""
    drawn = draws([a.id for a in content.attributes], profiles)
    results = []
    done: dict[tuple, Result] = {}
    for case in cases(content):
        # Cases that score the same options the same way get the same answer: count each once.
        shown = options(content, case)
        key = tuple(
            (o.id, tuple(sorted((a, s.score, s.lowest, s.highest) for a, s in o.attributes.items())))
            for o in shown
        )
        if key not in done:
            done[key] = audit_case(content, case, drawn, options)
        found = done[key]
        results.append(
            Result(
                case,
                found.first,
                found.tied,
                found.close_call,
                found.overlap_any,
                found.overlap_mean,
                found.dominated,
            )
        )
    return results


def focused_draws(attribute_ids: Sequence[str]) -> list[Draw]:
    """The people who care about one to three features only: those rated "extremely
    important" and chosen as the top three, every other feature "not important"."""
    found = []
    for size in range(1, TOP_PRIORITIES + 1):
        for chosen in combinations(attribute_ids, size):
            found.append(({a: 4 if a in chosen else 0 for a in attribute_ids}, list(chosen)))
    return found


def witnesses(content: Content, case: Case, options: Options = scored_options) -> dict[str, Draw]:
    """Option id -> a focused profile (`focused_draws`) in which it alone comes first, for
    each option that has one: proof that it can come first for someone, when random
    profiles rarely find it (fitusiran in type A is first for a person who weighs only
    how often he treats and whether he can stop)."""
    attribute_ids = [a.id for a in content.attributes]
    shown = options(content, case)
    grid = model.swing(shown, attribute_ids, rubrics(content))
    found: dict[str, Draw] = {}
    for draw in focused_draws(attribute_ids):
        weight = model.weights(attribute_ids, *draw)
        weighed = [weight[a] for a in grid.weighed]
        centrals = [model.fit_interval(grid.columns[o.id], weighed)[1] for o in shown]
        best = max(centrals)
        winners = [o.id for o, c in zip(shown, centrals, strict=True) if c >= best - 1e-9]
        if len(winners) == 1:
            found.setdefault(winners[0], draw)
    return found


def session_for(case: Case, draw: Draw) -> Session:
    """The session a drawn profile stands for (to check the audit against `fit()`)."""
    importance, top = draw
    return Session(profile=case.profile(), importance=importance, top_priorities=top)


def table(results: Sequence[Result]) -> str:
    """Markdown tables, one per type: a row per case, a column per option (its sole
    first places, %; "-" when not scored, "dom." when it cannot come first), then ties,
    close calls and the highest option's overlaps."""
    tables = []
    for kind in dict.fromkeys(r.case.hemophilia_type for r in results):
        rows = [r for r in results if r.case.hemophilia_type == kind]
        columns = list(dict.fromkeys(o for r in rows for o in r.first))
        lines = [
            f"| type {kind}: who | "
            + " | ".join(columns)
            + " | tied | close call | top overlaps any | top overlaps (mean) |",
            "|---|" + "---:|" * (len(columns) + 4),
        ]
        for r in rows:
            cells = [
                ("dom." if o in r.dominated else f"{100 * r.first[o]:.1f}") if o in r.first else "-"
                for o in columns
            ]
            tail = [
                f"{100 * r.tied:.1f}",
                f"{100 * r.close_call:.1f}",
                f"{100 * r.overlap_any:.1f}",
                f"{r.overlap_mean:.2f}",
            ]
            lines.append("| " + " | ".join([r.case.label, *cells, *tail]) + " |")
        tables.append("\n".join(lines))
    return "\n\n".join(tables)


def why_dominated(content: Content, results: Sequence[Result]) -> list[str]:
    """One line per case and dominated option: "who: X cannot come first for you because Y
    is as good or better on every feature (better on: ...)"."""
    lines = []
    for r in results:
        shown = {o.id: o for o in scored_options(content, r.case)}
        for option_id, by in r.dominated.items():
            better = [
                a.name
                for a in content.attributes
                if any(shown[x].attributes[a.id].score > shown[option_id].attributes[a.id].score for x in by)
            ]
            names = ", ".join(content.option(x).name for x in by)
            lines.append(
                f"{r.case.label}: {content.option(option_id).name} cannot come first because {names} "
                f"is as good or better on every feature (better on: {', '.join(better) or 'none, the same'})"
            )
    return lines


if __name__ == "__main__":
    from decisionaid import locations
    from decisionaid.loader import load_content

    shipped = load_content(locations.locale_root("en"))
    found = audit(shipped)
    print(people_list())
    print()
    print(table(found))
    print()
    print("\n".join(why_dominated(shipped, found)))
