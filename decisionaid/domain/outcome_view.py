"""The outcome table as the person reads it: labelled lines per option, with short citations.

Pure: built from the content (outcomes.yaml, sources.yaml and the `outcomes.*`
strings in ui.yaml). The option cards, the Compare table and the discussion summary
all render these same lines, so they say the same thing in the same order:
absolute numbers first, the relative change beside them, then the study, how sure
we can be, the main harms on the same footing, and the sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from decisionaid.domain.content import Content, Option, Source
from decisionaid.domain.eligibility import answers_match
from decisionaid.domain.figures import picture_shown, rate
from decisionaid.domain.outcomes import (
    BleedOutcome,
    HarmOutcome,
    InhibitorGroup,
    harms_in_order,
    per_hundred,
    per_thousand,
)
from decisionaid.domain.session import Profile

ROWS = ("bleeds", "compared_with", "change", "study", "certainty", "harms", "sources")
"""The questions of the Compare table, in order; each is `outcomes.row.<key>` in ui.yaml."""


@dataclass(frozen=True)
class OutcomeLine:
    """One labelled line: "Compared with" and its answer."""

    label: str
    value: str


@dataclass(frozen=True)
class BleedView:
    """One bleed row of an option, as labelled lines."""

    title: str
    lines: tuple[OutcomeLine, ...]


@dataclass(frozen=True)
class HarmView:
    """One main harm, as a label and a sentence with how many, of whom and when."""

    harm: str
    value: str
    icon_array: str | None


@dataclass(frozen=True)
class OptionOutcomeView:
    """An option's whole outcome table in words."""

    option_id: str
    name: str
    bleeds: tuple[BleedView, ...]
    harms: tuple[HarmView, ...]
    sources: tuple[str, ...]
    """Short citations ("Pipe SW et al., 2025"), in order of first use."""
    apart: str | None = None
    """Why the option is set apart for this person ("Not for you: ..."), printed under its
    heading so that its numbers are not read as his (review R8-9); set by the summary."""

    def cell(self, row: str) -> str:
        """The answer to one Compare question (one of ROWS), several bleed rows one per line."""
        if row == "harms":
            return "\n".join(f"{h.harm}: {h.value}" for h in self.harms)
        if row == "sources":
            return "; ".join(self.sources)
        index = ROWS.index(row)
        parts = []
        for bleed in self.bleeds:
            value = bleed.lines[index].value
            parts.append(f"{bleed.title}: {value}" if len(self.bleeds) > 1 else value)
        return "\n".join(parts)


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


LABEL_REGIONS = (
    (("FDA", "Food and Drug Administration", "DailyMed"), "US"),
    (("emc", "electronic medicines compendium", "MHRA"), "UK"),
    (("Swissmedic",), "Swiss"),
    (("Health Canada",), "Canada"),
    (("EMA", "European"), "EU"),
)
"""Words in a label's venue that name its regulator, and the region a reader knows it by."""


def label_region(venue: str) -> str:
    """The region whose regulator issued a label, from its venue; "" when none is named."""
    for words, region in LABEL_REGIONS:
        if any(word in venue for word in words):
            return region
    return ""


GENERIC_TITLE_WORDS = {"Summary", "Product", "EPAR", "Prescribing", "Package", "Highlights", "Label"}
"""First words of the parts of a label's title that are not the product's name."""


def label_product(title: str) -> str:
    """The product's name in a label's title, as the product is written in text:
    "HEMLIBRA- emicizumab ..." and "Hympavzi 150 mg solution ..." give "Hemlibra" and
    "Hympavzi"; "Summary report on authorisation - Hympavzi" gives "Hympavzi"."""
    parts = [part.split(" (")[0] for part in re.split(r" - |: ", title)]
    name = next((part for part in parts if part.split(" ")[0] not in GENERIC_TITLE_WORDS), parts[0])
    words = []
    for word in name.split():
        if word[0].isdigit():
            break
        words.append(word.capitalize() if word.isupper() and len(word) > 3 else word)
    return " ".join(words) or title


def short_citation(source: Source) -> str:
    """A source as a reader spots it beside a number: "Pipe SW et al., 2025" for a paper,
    "Hemlibra EU label, 2022" for a label (the product and the regulator's region)."""
    if source.kind == "label":
        region = label_region(source.venue)
        return f"{label_product(source.title)} {region + ' ' if region else ''}label, {source.year}"
    first = source.authors.split(";")[0].split(",")[0].strip()
    more = "," in source.authors or ";" in source.authors
    lead = f"{first} et al." if more and "et al" not in first else first
    return f"{lead}, {source.year}"


def _rate(content: Content, value: float | None, statistic: str) -> str:
    if value is None:
        return content.text("outcomes.not_reported")
    return content.text(
        "outcomes.rate", value=rate(value), statistic=content.text(f"outcomes.stat.{statistic}")
    )


def _change(content: Content, row: BleedOutcome) -> str:
    t = content.text
    if row.comparator == "none":
        return t("outcomes.change.none")
    if row.relative_fewer is None:
        # Review R9-7: for groups not drawn by chance the change is left out on purpose.
        return t("outcomes.change.not_fair" if row.design == "external_groups" else "outcomes.not_reported")
    key = "outcomes.change.fewer" if row.relative_fewer >= 0 else "outcomes.change.more"
    words = t(key, percent=abs(row.relative_fewer))
    if row.relative_by == "our_arithmetic":
        words = f"{words} {t('outcomes.change.ours')}"
    if row.before is None or row.after is None:
        # Review M6-2: a change with no numbers before and after looks bigger than it is.
        words = f"{words}. {t('outcomes.change.relative_only')}"
    return words


def bleed_view(content: Content, row: BleedOutcome) -> BleedView:
    """One bleed row as labelled lines, in the order of ROWS (bleeds to certainty)."""
    t = content.text
    comparator = t(f"outcomes.comparator.{row.comparator}")
    # Two groups are not the same people before and after, whether drawn by chance
    # (review R4-9) or not (review R7-3: a trial's own on-demand group).
    key = "outcomes.groups" if row.design in ("randomised", "external_groups") else "outcomes.before_after"
    numbers = t(
        key,
        before=_rate(content, row.before, row.statistic),
        after=_rate(content, row.after, row.statistic),
    )
    if row.comparator == "none":
        numbers = t("outcomes.on_it", after=_rate(content, row.after, row.statistic))
    if row.same_people_as is not None:
        # Review V10-6: "On it: 4.2" read as standard factor IX's own result; it is the time
        # before the same men had Hemgenix, on any regular factor IX.
        later = content.option(row.same_people_as).name  # the loader checked it has a table
        numbers = t("outcomes.lead_in", option=later, after=_rate(content, row.after, row.statistic))
    # Which bleeds were counted leads the line: rows that count differently are not
    # comparable, and the reader must see that before the numbers (review R4-1).
    numbers = f"{t(f'outcomes.counted.{row.counted}')} {numbers}"
    study = t("outcomes.study_words", study=row.study, who=row.who, time_window=row.time_window)
    if row.note:
        study = f"{study} {row.note}"
    certainty = t(
        "outcomes.certainty_words", level=t(f"outcomes.level.{row.certainty.level}"), why=row.certainty.why
    )
    lines = (
        OutcomeLine(t("outcomes.row.bleeds"), numbers),
        OutcomeLine(t("outcomes.row.compared_with"), f"{comparator} ({row.comparator_words})"),
        OutcomeLine(t("outcomes.row.change"), _change(content, row)),
        OutcomeLine(t("outcomes.row.study"), study),
        OutcomeLine(t("outcomes.row.certainty"), certainty),
    )
    return BleedView(
        row.group or t("outcomes.row.bleeds"),
        tuple(OutcomeLine(x.label, _sentence_case(x.value)) for x in lines),
    )


def how_often(content: Content, harm: HarmOutcome) -> str:
    """How many had the harm: a count out of how many (and per 100 or 1,000), a label's
    words, or not reported. The outcome table and the summary's option grid both say this."""
    t = content.text
    if harm.count == 0 and harm.people is not None:
        return t("outcomes.count_none", people=harm.people)  # not "about 0 in 100"
    if harm.count is not None and harm.people is not None:
        rare = per_thousand(harm.count, harm.people)
        natural = (
            t("outcomes.per_thousand", value=rare)
            if rare is not None
            else t("outcomes.per_hundred", value=per_hundred(harm.count, harm.people))
        )
        # Review M6-6: both sides, as the share rule asks of the text (IPDAS QI9).
        rest = f"{harm.people - harm.count:,}"
        return t("outcomes.count", count=harm.count, people=harm.people, natural=natural, rest=rest)
    if harm.frequency is not None:
        return harm.frequency
    return t("outcomes.not_reported")


def harm_view(
    content: Content, harm: HarmOutcome, group: InhibitorGroup | None = None, reader: Profile | None = None
) -> HarmView:
    """One harm: how many (a count, a label's words, or not reported), of whom, over what time;
    its picture only if it is shown to the reader's inhibitor `group` (review R9-2) and none
    of its `left_out_when` answers are the `reader`'s (review R11-1)."""
    t = content.text
    value = t(
        "outcomes.harm_words",
        how_often=_sentence_case(how_often(content, harm)),
        who=harm.who,
        time_frame=harm.time_frame,
    )
    if harm.note:
        value = f"{value} {harm.note}"
    # IPDAS QI20 (review M4-8): a harm says how sure we can be of it, as a bleed row does.
    sure = t(
        "outcomes.certainty_words", level=t(f"outcomes.level.{harm.certainty.level}"), why=harm.certainty.why
    )
    value = f"{value} {t('outcomes.harm_certainty', certainty=sure)}"
    arrays = {a.id: a for a in content.figures.icon_arrays}
    picture = harm.icon_array
    if picture in arrays and not picture_shown(arrays[picture], group, reader):
        picture = None
    return HarmView(harm.harm, value, picture)


def outcome_view(
    content: Content,
    option: Option,
    first: Callable[[Sequence[BleedOutcome]], BleedOutcome] | None = None,
    group: InhibitorGroup | None = None,
    reader: Profile | None = None,
) -> OptionOutcomeView | None:
    """The outcome table of an option in words, or None when it has none ("stay as you are");
    `first` picks the bleed row to lead with (the one about people like the reader), and
    `group` (the reader's inhibitor group) puts the harms about his group first."""
    table = content.outcomes_for(option.id)
    if table is None:
        return None
    matches = None if reader is None else partial(answers_match, profile=reader)
    cited: list[str] = []
    for row in [*table.bleeds, *table.harms]:
        cited += [s for s in row.sources if s not in cited and s in content.sources]
    bleeds = list(table.bleeds)
    if first is not None:
        lead = first(bleeds)
        bleeds = [lead, *(b for b in bleeds if b is not lead)]
    return OptionOutcomeView(
        option_id=option.id,
        name=option.name,
        bleeds=tuple(bleed_view(content, b) for b in bleeds),
        harms=tuple(
            harm_view(content, h, group, reader) for h in harms_in_order(table.harms, group, matches)
        ),
        sources=tuple(dict.fromkeys(short_citation(content.sources[s]) for s in cited)),
    )


def outcome_views(
    content: Content,
    options: list[Option],
    first: Callable[[Sequence[BleedOutcome]], BleedOutcome] | None = None,
    group: InhibitorGroup | None = None,
    reader: Profile | None = None,
) -> tuple[OptionOutcomeView, ...]:
    """The outcome tables of these options, in their order; options without one are skipped."""
    return tuple(v for o in options if (v := outcome_view(content, o, first, group, reader)) is not None)
