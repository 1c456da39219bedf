"""Bleeds a year while on each option, one table per type (IPDAS QI7, review M6-4).

Each option's outcome table gives its bleeds against its own comparator, on its own card:
to compare the options on one unit a reader had to hunt across a dozen pages. Here the
rate while on each option (`BleedOutcome.after`) stands in one table per type, one row per
option, with who was counted, for how long, how sure we can be and the source, and a
short line where the row is not on the common footing (treated bleeds, an average,
people on this product, no group apart). The row of each option is the one the option
grid picks for the person (`option_grid.row_for`: his inhibitor group, then the way he
treats now). Pure: every word is from ui.yaml (`RATE_KEYS`) or outcomes.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import get_args

from decisionaid.domain.content import Content, Option, in_shown_order
from decisionaid.domain.eligibility import for_type, standing
from decisionaid.domain.figures import rate
from decisionaid.domain.option_grid import about_his_group, row_for
from decisionaid.domain.outcome_view import short_citation
from decisionaid.domain.outcomes import BleedOutcome, Counted, inhibitor_group
from decisionaid.domain.session import Profile

TYPES = ("A", "B")

COMMON_COUNTED: Counted = "treated"
COMMON_STATISTIC = "average"
"""The common footing a row is measured against: treated bleeds, as an average. A row that
counts otherwise says how (`outcomes.rates.counted.<counted>`, `outcomes.rates.stat.<statistic>`)."""

COLUMNS = ("option", "bleeds", "differs", "about")
"""The table's columns, in order; each header is `outcomes.rates.col.<key>` in ui.yaml."""

MARKED = ("not_for_you", "not_licensed")
"""Standings said beside an option's name (`summary.apart.<standing>`), so that numbers of an
option that is not open to him are not read as his (as review R8-9 asked of the outcome table)."""

_OTHER_COUNTED = tuple(c for c in get_args(Counted) if c != COMMON_COUNTED)

RATE_KEYS: dict[str, frozenset[str]] = {
    "outcomes.rates.title": frozenset(),
    "outcomes.rates.intro": frozenset(),
    "outcomes.rates.table": frozenset({"type"}),
    "outcomes.rates.no_number": frozenset(),
    "outcomes.rates.no_flags": frozenset(),
    "outcomes.rates.no_number_flags": frozenset(),
    "outcomes.rates.flag.other_product": frozenset(),
    "outcomes.rates.flag.children": frozenset(),
    "outcomes.rates.flag.inhibitors": frozenset(),
    "outcomes.rates.flag.without_inhibitors": frozenset(),
    "outcomes.rates.flag.mixed_inhibitors": frozenset(),
    "outcomes.rates.flag.counted_from": frozenset({"start"}),
    "outcomes.rates.flag.early_report": frozenset(),
    "outcomes.rates.compared": frozenset({"before", "kind", "words"}),
    "outcomes.rates.milder": frozenset(),
    "outcomes.rates.stat.middle_value": frozenset(),
    "outcomes.rates.who_count": frozenset({"who", "people"}),
    "outcomes.rates.who_unknown": frozenset({"who"}),
    "outcomes.rates.about": frozenset({"who", "time_window", "level", "sources"}),
    "outcomes.rates.line": frozenset({"option", "bleeds", "differs", "about"}),
    "outcomes.rates.same_people": frozenset({"option"}),
    "outcomes.rates.crosses_limit": frozenset(),
    **{f"outcomes.rates.counted.{c}": frozenset() for c in _OTHER_COUNTED},
    **{f"outcomes.rates.col.{c}": frozenset() for c in COLUMNS},
}
"""The ui.yaml strings the table needs, and the {fields} each may use (checked by the loader)."""


@dataclass(frozen=True)
class RateRow:
    """One option's bleeds a year while on it, in words, and the outcome row behind them."""

    option_id: str
    name: str
    bleeds: str
    """"1.52 a year (average)", or that no number we read gives it."""
    differs: str
    """How the row differs from the common footing, one short sentence each; or that it does
    not, as far as we know."""
    about: str
    """Who was counted and how many, the time window, how sure we can be, the sources."""
    line: str
    """The whole row in one line, as a list reads it (the Compare screen)."""
    outcome: BleedOutcome

    @property
    def cells(self) -> tuple[str, str, str, str]:
        """The row's cells in the order of COLUMNS."""
        return (self.name, self.bleeds, self.differs, self.about)


@dataclass(frozen=True)
class RateTable:
    """The rows of one type's options, in the fixed order, with the table's title and headers."""

    hemophilia_type: str
    title: str
    header: tuple[str, ...]
    rows: tuple[RateRow, ...]


@dataclass(frozen=True)
class BleedRates:
    """The section: its heading, the words above the tables, and a table per type shown."""

    title: str
    intro: str
    tables: tuple[RateTable, ...]


def _differs(content: Content, row: BleedOutcome, profile: Profile | None = None) -> str:
    t = content.text
    if row.after is None:  # review V9-6: no number, so nothing it could differ in
        return t("outcomes.rates.no_number_flags")
    flags = []
    has = inhibitor_group(profile.inhibitors) if profile is not None else None
    if row.counted != COMMON_COUNTED:
        flags.append(t(f"outcomes.rates.counted.{row.counted}"))
    if row.statistic != COMMON_STATISTIC:
        flags.append(t(f"outcomes.rates.stat.{row.statistic}"))
    if not row.same_product:
        flags.append(t("outcomes.rates.flag.other_product"))
    if row.children:
        flags.append(t("outcomes.rates.flag.children"))
    # Review M8-6: how the number was made, where a source says it differs.
    if row.counted_from:
        flags.append(t("outcomes.rates.flag.counted_from", start=row.counted_from))
    if row.early_report:
        flags.append(t("outcomes.rates.flag.early_report"))
    # Review M8-1: said against the reader's own group, not one footing for all.
    if row.inhibitors == "now" and has != "now":
        flags.append(t("outcomes.rates.flag.inhibitors"))
    if has == "now" and row.inhibitors != "now":
        key = "without_inhibitors" if row.inhibitors == "none" else "mixed_inhibitors"
        flags.append(t(f"outcomes.rates.flag.{key}"))
    return " ".join(flags) or t("outcomes.rates.no_flags")


def _who(content: Content, row: BleedOutcome) -> str:
    who = row.who[:1].upper() + row.who[1:]
    if any(ch.isdigit() for ch in who):  # "54 men with hemophilia B" says how many itself
        return who
    if row.people is None:
        return content.text("outcomes.rates.who_unknown", who=who)
    return content.text("outcomes.rates.who_count", who=who, people=row.people)


def rate_row(
    content: Content,
    option: Option,
    row: BleedOutcome,
    name: str | None = None,
    profile: Profile | None = None,
) -> RateRow:
    """One option's row, from the bleed row picked for the person; when the same people's
    rate before is known, it is said beside (review R14-1: Hympavzi's 5.1 came from people
    who bled 7.9 a year on their own factor before)."""
    t = content.text
    if row.after is None:
        bleeds = t("outcomes.rates.no_number")
    else:  # as the outcome table writes a rate
        bleeds = t("outcomes.rate", value=rate(row.after), statistic=t(f"outcomes.stat.{row.statistic}"))
    cited = [short_citation(content.sources[s]) for s in row.sources if s in content.sources]
    about = t(
        "outcomes.rates.about",
        who=_who(content, row).rstrip("."),
        time_window=row.time_window.rstrip("."),
        level=t(f"outcomes.level.{row.certainty.level}"),
        sources="; ".join(dict.fromkeys(cited)),
    )
    if row.after is not None and row.before is not None and row.design != "external_groups":
        # Review V9-1, V9-8: the rate before or in the group compared, with what it was, in the
        # wide column, not beside the rate on the option (where it read as a vivid drop).
        kind = t(f"outcomes.comparator.{row.comparator}")
        compared = t(
            "outcomes.rates.compared",
            before=rate(row.before),
            kind=kind[:1].lower() + kind[1:],
            words=row.comparator_words,
        )
        about = f"{about} {compared}"
    if row.same_people_as is not None:  # review V9-7; the limits of such a pair are above the table (V11-2)
        about = f"{about} {t('outcomes.rates.same_people', option=content.option(row.same_people_as).name)}"
    name = name or option.name
    differs = _differs(content, row, profile)
    line = t("outcomes.rates.line", option=name, bleeds=bleeds, differs=differs, about=about)
    return RateRow(option.id, name, bleeds, differs, about, line, row)


def rate_source_row(content: Content, profile: Profile, rows: Sequence[BleedOutcome]) -> BleedOutcome:
    """The bleed row whose rate on the option the table gives. Of the rows about people like
    him (his inhibitor group; when he has not said, rows not about people with inhibitors
    only), those that give a rate on the option come first, then the grid's rule (`row_for`).
    The comparison does not matter here, as only the rate on the option is the number: so
    Qfitlia's rate for all 213 people, not its row against prior prevention, which has none
    (reviews M8-3, V9-2)."""
    fitting = about_his_group(rows, profile)
    if inhibitor_group(profile.inhibitors) is None:
        fitting = [r for r in fitting if r.inhibitors != "now"] or fitting
    numbered = [r for r in fitting if r.after is not None]
    return row_for(content, profile)(numbered or fitting)


def _table(
    content: Content, profile: Profile, kind: str, apart: dict[str, str], crossing: frozenset[str]
) -> RateTable:
    t = content.text
    of_type = for_type(content, profile.model_copy(update={"hemophilia_type": kind}))
    uses_now = profile.current_treatment
    rows = []
    # Withdrawn products are kept for what their trials taught, not as a choice: no row.
    for option in in_shown_order([o for o in of_type if o.status != "withdrawn"], uses_now):
        table = content.outcomes_for(option.id)
        if table is None:  # staying as you are: its numbers are those of what he uses now
            continue
        marks = [t("summary.uses_now")] if option.id == uses_now else []
        marks += [t(f"summary.apart.{apart[option.id]}")] if apart.get(option.id) in MARKED else []
        marks += [t("outcomes.rates.crosses_limit")] if option.id in crossing else []  # review M8-9
        name = f"{option.name} ({'; '.join(marks)})" if marks else option.name
        rows.append(rate_row(content, option, rate_source_row(content, profile, table.bleeds), name, profile))
    return RateTable(
        hemophilia_type=kind,
        title=t("outcomes.rates.table", type=kind),
        header=tuple(t(f"outcomes.rates.col.{c}") for c in COLUMNS),
        rows=tuple(rows),
    )


def bleed_rates(content: Content, profile: Profile, crossing: frozenset[str] = frozenset()) -> BleedRates:
    """The bleeds a year while on each option for this person's type; a table for each type
    when his type is not known or not answered. A type with no option that has numbers (no
    such content today) gets no table, rather than an empty one. Options that cross a hard
    limit he set (`crossing`, `option_grid.limit_crossers`) say so beside their name."""
    kind = profile.hemophilia_type
    kinds = (kind,) if kind in TYPES else TYPES
    apart = {a.option_id: a.standing for a in standing(content, profile)[1]}  # once, not per type
    intro = content.text("outcomes.rates.intro")
    if profile.severity in ("mild", "moderate"):
        intro = f"{intro} {content.text('outcomes.rates.milder')}"  # review V9-3
    return BleedRates(
        title=content.text("outcomes.rates.title"),
        intro=intro,
        tables=tuple(table for k in kinds if (table := _table(content, profile, k, apart, crossing)).rows),
    )
