"""The sensitivity audit of the fit model on a content: who comes first, and how often it is close.

For each type (A, B) and each current treatment (each product of that type, and
"other"), 40,000 random importance profiles are drawn: every attribute rated 0-4 at
random, and a top three taken from the highest rated (ties broken at random, as a
person choosing among equally rated ones might). The audit counts how often each
scored option has the highest central fit (a tie shares the place) and how often
the close-call notice is on. It runs the engine's own steps (`swing`, `weights`,
`fit_interval`, `close_call`) on one precomputed swing per case; the audit tests
check these give what `fit()` gives.

`python -m tests.domain.fit_audit` prints the table for the model card, and the
options that another option beats on every attribute (those can never come first).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from decisionaid.domain import fit as model
from decisionaid.domain.content import Content, Option
from decisionaid.domain.eligibility import standing
from decisionaid.domain.fit_ranges import rubrics
from decisionaid.domain.session import TOP_PRIORITIES, Profile, Session

PROFILES = 40000
"""Random importance profiles per case. 40,000 since the model review's first-year
attribute (M-7): with it, fitusiran (type A) and concizumab (type A, which emicizumab
matches or beats on every feature) come first in about 1 profile in 16,000, so 2,000
profiles found none and could not tell "rarely" from "never"."""
SEED = 13
ADULT = {"severity": "severe", "inhibitors": "never", "age_group": "18_to_64"}
"""The person audited: an adult with severe hemophilia and no inhibitor, whom no licence rules out."""

Importance = dict[str, int]
Draw = tuple[Importance, list[str]]
"""One random profile: importance ratings and a top three."""


@dataclass(frozen=True)
class Case:
    """One person audited: his type and what he uses now."""

    hemophilia_type: str
    current: str

    def profile(self) -> Profile:
        return Profile(hemophilia_type=self.hemophilia_type, current_treatment=self.current, **ADULT)


@dataclass(frozen=True)
class Result:
    """One case's audit: the share of profiles each scored option came first in, and
    the share with the close-call notice on."""

    case: Case
    first: dict[str, float]
    close_call: float


def cases(content: Content) -> list[Case]:
    """Every type, with each product a person of that type could be using now, and "other"."""
    found = []
    for kind in ("A", "B"):
        scored, _ = standing(content, Profile(hemophilia_type=kind, **ADULT))
        found += [Case(kind, o.id) for o in scored] + [Case(kind, "other")]
    return found


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
    """The options the engine scores for this case."""
    return standing(content, case.profile())[0]


def audit_case(
    content: Content, case: Case, profiles: Sequence[Draw], options: Options = scored_options
) -> Result:
    """First-place shares and the close-call rate for one case."""
    attribute_ids = [a.id for a in content.attributes]
    shown = options(content, case)
    grid = model.swing(shown, attribute_ids, rubrics(content))
    columns = [grid.columns[o.id] for o in shown]
    first = dict.fromkeys((o.id for o in shown), 0.0)
    close = 0
    for importance, top in profiles:
        weight = model.weights(attribute_ids, importance, top)
        weighed = [weight[a] for a in grid.weighed]
        intervals = [model.fit_interval(c, weighed) for c in columns]
        best = max(i[1] for i in intervals)
        winners = [o.id for o, i in zip(shown, intervals, strict=True) if i[1] >= best - 1e-9]
        for winner in winners:
            first[winner] += 1 / len(winners)
        close += model.close_call(intervals)
    return Result(case, {k: v / len(profiles) for k, v in first.items()}, close / len(profiles))


def audit(content: Content, profiles: int = PROFILES, options: Options = scored_options) -> list[Result]:
    """The audit of every case."""
    drawn = draws([a.id for a in content.attributes], profiles)
    results = []
    done: dict[tuple[str, ...], Result] = {}
    for case in cases(content):
        # Cases that score the same options get the same answer (what he uses now only
        # marks a card): count each set of options once, which keeps the audit fast.
        shown = tuple(o.id for o in options(content, case))
        if shown not in done:
            done[shown] = audit_case(content, case, drawn, options)
        results.append(Result(case, done[shown].first, done[shown].close_call))
    return results


def session_for(case: Case, draw: Draw) -> Session:
    """The session a drawn profile stands for (to check the audit against `fit()`)."""
    importance, top = draw
    return Session(profile=case.profile(), importance=importance, top_priorities=top)


def table(results: Sequence[Result]) -> str:
    """Markdown tables, one per type: a row per current treatment, a column per option
    scored, each cell the share of profiles (%) in which that option came first."""
    tables = []
    for kind in dict.fromkeys(r.case.hemophilia_type for r in results):
        rows = [r for r in results if r.case.hemophilia_type == kind]
        columns = list(dict.fromkeys(o for r in rows for o in r.first))
        lines = [
            f"| type {kind}, uses now | " + " | ".join(columns) + " | close call |",
            "|---|" + "---:|" * (len(columns) + 1),
        ]
        for r in rows:
            cells = [f"{100 * r.first[o]:.1f}" if o in r.first else "-" for o in columns]
            lines.append("| " + " | ".join([r.case.current, *cells, f"{100 * r.close_call:.1f}"]) + " |")
        tables.append("\n".join(lines))
    return "\n\n".join(tables)


def dominated(content: Content, case: Case) -> dict[str, list[str]]:
    """Option id -> the options at least as good on every attribute and better on one.

    A dominated option can never come first, whatever the person values: the first
    thing to look at when the audit finds an option out of reach."""
    shown = scored_options(content, case)
    ids = [a.id for a in content.attributes]

    def beats(x: Option, o: Option) -> bool:
        pairs = [(x.attributes[a].score, o.attributes[a].score) for a in ids]
        return all(p >= q for p, q in pairs) and any(p > q for p, q in pairs)

    return {o.id: [x.id for x in shown if x is not o and beats(x, o)] for o in shown}


if __name__ == "__main__":
    from decisionaid import locations
    from decisionaid.loader import load_content

    shipped = load_content(locations.locale_root("en"))
    print(table(audit(shipped)))
    for kind in ("A", "B"):
        for option_id, by in dominated(shipped, Case(kind, "other")).items():
            if by:
                print(f"type {kind}: {option_id} is dominated by {', '.join(by)}")
