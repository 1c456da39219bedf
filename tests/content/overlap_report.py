"""The overlap of the attributes across the products, as printed in the model card
(model review M2-15): the full Pearson r matrix per type and over all products, and a
principal-component summary (the share of the variance the first component carries).

`python -m tests.content.overlap_report` prints the block; tests/content/
test_attribute_overlap.py checks that content/en/about.md holds it word for word, so
the card cannot go stale when a score changes.

The principal components are those of the correlation matrix (each attribute
standardised, as the fit rescales each one), found with the Jacobi method: pure
Python, so the tests need no numerical library.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from decisionaid.domain.content import Content, Option

TYPES: tuple[tuple[str | None, str], ...] = (("A", "type A"), ("B", "type B"), (None, "all products"))
LIMIT = 0.8
"""The screen of issue 13: two attributes whose scores rise together above this across
the products may count one feature twice."""
CEILING = 0.9
"""Above this, no written judgement keeps a pair: more than 80% of their variance is
shared, the range of the five attributes issue 13 found (r = 0.95-0.99)."""
JUDGED: dict[tuple[str, str], str] = {
    ("track_record", "first_year"): (
        "The newer medicines ask more at the start, so over today's products the two rise"
        " together. They are scored from different facts (the date of first approval; the"
        " label's starting doses, doses set by tests and limits on daily life), and no type A"
        " card scores both from one source. They ask about different things: how much is known"
        " about the long term, and a burden that ends after the first year. A person can"
        " care about one and not the other, so both are kept, and the pair is shown here."
    ),
}
"""Pairs above LIMIT kept with a written judgement (model review M2-15: the screen is a
warning that asks for a judgement on meaning, Marsh 2016, not a threshold that scores
are tuned to pass). Each must stay under CEILING and be scored from different sources."""


def scored_products(content: Content, hemophilia_type: str | None) -> list[Option]:
    """The products a person of this type ("A", "B", or None for any) can be scored on."""
    return [
        o
        for o in content.options
        if o.kind != "current"
        and o.status != "withdrawn"
        and (hemophilia_type is None or o.applies_to in (hemophilia_type, "both"))
    ]


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson's r of two equally long series (0 when either does not vary)."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)


def matrix(content: Content, hemophilia_type: str | None) -> list[list[float]]:
    """r of every pair of attributes (content order) across the scored products."""
    products = scored_products(content, hemophilia_type)
    columns = [[o.attributes[a.id].score for o in products] for a in content.attributes]
    return [[1.0 if i == j else pearson(x, y) for j, y in enumerate(columns)] for i, x in enumerate(columns)]


def eigenvalues(symmetric: list[list[float]], sweeps: int = 100) -> list[float]:
    """The eigenvalues of a symmetric matrix, largest first (cyclic Jacobi rotations)."""
    a = [row[:] for row in symmetric]
    n = len(a)
    for _ in range(sweeps):
        off = sum(a[i][j] ** 2 for i in range(n) for j in range(n) if i != j)
        if off < 1e-22:
            break
        for p, q in itertools.combinations(range(n), 2):
            if abs(a[p][q]) < 1e-15:
                continue
            theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
            t = math.copysign(1.0, theta) / (abs(theta) + math.sqrt(theta * theta + 1))
            c = 1 / math.sqrt(t * t + 1)
            s = t * c
            for k in range(n):
                akp, akq = a[k][p], a[k][q]
                a[k][p], a[k][q] = c * akp - s * akq, s * akp + c * akq
            for k in range(n):
                apk, aqk = a[p][k], a[q][k]
                a[p][k], a[q][k] = c * apk - s * aqk, s * apk + c * aqk
    return sorted((a[i][i] for i in range(n)), reverse=True)


def first_component_share(content: Content, hemophilia_type: str | None) -> tuple[float, float]:
    """The shares of the total variance carried by the first and second principal
    components of the standardised scores (a flat attribute adds no variance)."""
    r = matrix(content, hemophilia_type)
    values = [max(0.0, v) for v in eigenvalues(r)]
    total = sum(values) or 1.0
    return values[0] / total, values[1] / total


def above_limit(content: Content) -> list[tuple[float, str, str, str]]:
    """(r, type label, attribute, attribute) of every pair above LIMIT, highest first."""
    ids = [a.id for a in content.attributes]
    found = []
    for hemophilia_type, label in TYPES:
        r = matrix(content, hemophilia_type)
        for i, j in itertools.combinations(range(len(ids)), 2):
            if r[i][j] > LIMIT:
                found.append((r[i][j], label, ids[i], ids[j]))
    return sorted(found, reverse=True)


MIN_OPTIONS = 5
"""Below this many options scored for a person, r says almost nothing (with three, nearly
any two attributes sit at +1 or -1), so the per-person screen names them but reads no pair."""
PER_PERSON_CLUSTER = "first_year"
PER_PERSON_JUDGEMENT = (
    "Over the few options one person is scored on, every pair above the limit includes"
    " `first_year`: the options that ask most in the first year are also, for that person,"
    " the newest ones, or those with a clot warning or more serious side effects. The four"
    " are scored from different facts (the label's starting plan; the date of approval;"
    " the label's clot warning; its side-effect list),"
    " and a person can mind a hard first year without minding the others, so all are kept."
    " But for that person, rating `first_year` and one of these high counts newness more"
    " than once, and the grid and the fit do not undo it (fifth methods review M5-4)."
    " The 0.9 ceiling that holds over all products is not applied per person: over 5 to 7"
    " options, r moves a lot when one option changes, and dropping an attribute for one"
    " person would take away a question others need (sixth methods review M6-10)."
)
"""The written judgement on the per-person pairs (Marsh 2016: judged and reported)."""


def per_person(content: Content) -> list[tuple[str, int, list[tuple[float, str, str]]]]:
    """(who, options scored, pairs above LIMIT highest first) for each audited person
    (tests/domain/fit_audit.py), r taken over the options scored for that person only."""
    from tests.domain.fit_audit import cases, scored_options

    ids = [a.id for a in content.attributes]
    found = []
    for case in cases(content):
        options = scored_options(content, case)
        columns = {a: [o.attributes[a].score for o in options] for a in ids}
        pairs = [(pearson(columns[a], columns[b]), a, b) for a, b in itertools.combinations(ids, 2)]
        found.append((case.label, len(options), sorted((p for p in pairs if p[0] > LIMIT), reverse=True)))
    return found


def per_person_block(content: Content) -> str:
    """The per-person screen as a Markdown table, then its judgement."""
    lines = [
        f"| per person: who | options scored | pairs above r = {LIMIT} |",
        "|---|---:|---|",
    ]
    for who, count, over in per_person(content):
        if count < MIN_OPTIONS:
            cell = f"not read: r over {count} options says almost nothing"
        else:
            cell = "; ".join(f"`{a}` and `{b}` {r:.2f}" for r, a, b in over) or "none"
        lines.append(f"| {who} | {count} | {cell} |")
    return "\n".join(lines) + "\n\n" + PER_PERSON_JUDGEMENT


def judgement(a: str, b: str) -> str | None:
    """The written judgement on a pair, in either order."""
    return JUDGED.get((a, b)) or JUDGED.get((b, a))


def report(content: Content) -> str:
    """The markdown block of the model card: one r matrix per type and over all products,
    then the first components' shares."""
    ids = [a.id for a in content.attributes]
    short = {a: f"{i + 1}" for i, a in enumerate(ids)}
    key = "; ".join(f"{short[a]} `{a}`" for a in ids)
    blocks = [f"Columns: {key}."]
    for hemophilia_type, label in TYPES:
        r = matrix(content, hemophilia_type)
        n = len(scored_products(content, hemophilia_type))
        lines = [
            f"| r, {label} ({n} products) | " + " | ".join(short[a] for a in ids) + " |",
            "|---|" + "---:|" * len(ids),
        ]
        for i, a in enumerate(ids):
            cells = ["" if j > i else f"{r[i][j]:.2f}" for j in range(len(ids))]
            lines.append(f"| {short[a]} `{a}` | " + " | ".join(cells) + " |")
        blocks.append("\n".join(lines))
    shares = []
    for hemophilia_type, label in TYPES:
        first, second = first_component_share(content, hemophilia_type)
        shares.append(f"{label} {100 * first:.0f}% (second {100 * second:.0f}%)")
    blocks.append(
        "Principal components of the standardised scores: the first carries " + "; ".join(shares) + "."
    )
    over = above_limit(content)
    if not over:
        blocks.append(f"No pair is above r = {LIMIT}.")
    for r, label, a, b in over:
        blocks.append(
            f"Above r = {LIMIT}: `{a}` and `{b}`, {label}, r = {r:.2f}. {judgement(a, b) or 'No judgement.'}"
        )
    blocks.append(per_person_block(content))
    return "\n\n".join(blocks)


if __name__ == "__main__":
    from decisionaid import locations
    from decisionaid.loader import load_content

    print(report(load_content(locations.locale_root("en"))))
