"""What the pictures show: the factor-level gauge, levels over the years, doses a year, 100 people.

Pure data for the GUI to draw, each with its text equivalent: the same numbers
as plain sentences, for screen readers and for anyone who would rather read.
Every word comes from the content (figures.yaml, the option files and the
`figure.*` templates in ui.yaml); this module only picks, orders and formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.domain.content import Content, FactorBand, GaugeRow, IconArray, Option, PeopleCount
from decisionaid.domain.eligibility import answers_match
from decisionaid.domain.level_scales import LinearScale, LogScale, Scale
from decisionaid.domain.outcomes import inhibitor_group
from decisionaid.domain.references import strip_citations
from decisionaid.domain.session import Profile

SEPARATOR = "\n"
"""Between the sentences of a text equivalent: one line per row or band."""


LEVEL_KINDS = ("aim", "measured", "estimate")
"""The kinds of level a gauge draws apart (each `figure.kind.<kind>` in ui.yaml)."""


@dataclass(frozen=True)
class Band:
    """A shaded goal band or severity band."""

    low: float
    high: float
    label: str
    words: str


@dataclass(frozen=True)
class LevelRow:
    """One row of a level chart: an option's range, or one study's level at one time."""

    label: str
    """e.g. "Hemgenix" or "5 years · Hemgenix (hemophilia B)"."""
    low: float | None
    """Range start (None when there is no range)."""
    high: float | None
    value: float | None
    """The central value (an average) when there is one."""
    series: str
    """The series id (durability) or the option kind (gauge), so each can have its own marker shape."""
    words: str
    """This row as plain sentences: the number, what it is, how many men, when."""
    sources: tuple[str, ...]
    kind: str = "measured"
    """"aim", "measured" (in a trial) or "estimate": each is drawn with its own mark."""
    kind_word: str = ""
    """The kind in words, shown on the row ("measured in a trial")."""
    no_response: int | None = None
    """How many of the people treated had no response, where a source we read says so."""
    left_out: tuple[str, ...] = ()
    """The lines on those the row leaves out: no response, not reported (gene therapy)."""


@dataclass(frozen=True)
class LevelChart:
    """A chart of factor levels on a log or plain scale, with the goal and severity bands behind it."""

    title: str
    caption: str
    scale: Scale
    goals: tuple[Band, ...]
    severity: tuple[Band, ...]
    rows: tuple[LevelRow, ...]
    words: str
    """The whole text equivalent: what the picture shows, every row, the bands."""
    kinds: tuple[tuple[str, str], ...] = ()
    """(kind, words) for each kind of level the chart shows, for its legend: aims first."""
    scale_words: str = ""
    """What the scale is, in words (stretched or plain)."""


@dataclass(frozen=True)
class DoseRow:
    """One option's doses a year."""

    label: str
    low: float
    high: float
    note: str
    words: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class DoseChart:
    """Doses a year, side by side."""

    title: str
    caption: str
    rows: tuple[DoseRow, ...]
    max_value: float
    """The highest dose count of any row (at least 1, so bars can be drawn as a share of it)."""
    words: str


@dataclass(frozen=True)
class IconArrayView:
    """A trial outcome as 100 people, with who was counted and when."""

    id: str
    title: str
    groups: tuple[tuple[int, str], ...]
    """(count, label); the counts add up to 100."""
    denominator: str
    time_frame: str
    note: str | None
    words: str
    sources: tuple[str, ...]


def number(value: float) -> str:
    """A number as people write it: 5, 36.1, 0.5 (no trailing .0)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def rate(value: float) -> str:
    """Bleeds a year, to one decimal, wherever a rate is printed: the cards, the grid, the
    outcome tables and the bleeds-a-year table. 39.86 beside 3 invited a finer ranking than
    the studies carry (review M8-4), and 5.09 in the grid beside 5.1 in the table a few
    lines on looked like an error (review V9-5)."""
    return f"{value:.1f}"


def _for_type(options: list[Option], hemophilia_type: str | None) -> list[Option]:
    """The options for type A or B; all of them when the type is not known."""
    if hemophilia_type in ("A", "B"):
        return [o for o in options if o.applies_to in (hemophilia_type, "both")]
    return list(options)


def _withdrawn_last(options: list[Option]) -> list[Option]:
    return sorted(options, key=lambda o: o.status == "withdrawn")


def _option_label(content: Content, option: Option) -> str:
    """The option's name, with its status when it is not simply available."""
    if option.status == "available":
        return option.name
    return content.text(
        "figure.row.status", name=option.name, status=content.text(f"figure.status.{option.status}")
    )


def _bands(bands: list[FactorBand], scale: Scale) -> tuple[Band, ...]:
    return tuple(Band(b.low, b.high if b.high is not None else scale.high, b.label, b.words) for b in bands)


def _band_words(content: Content, goals: tuple[Band, ...], severity: tuple[Band, ...]) -> list[str]:
    lines = [content.text("figure.bands.goals")] if goals else []
    lines += [content.text("figure.band", label=b.label, words=b.words) for b in goals]
    lines.append(content.text("figure.bands.severity"))
    lines += [content.text("figure.band", label=b.label, words=b.words) for b in severity]
    return lines


def _chart(
    content: Content,
    title: str,
    caption: str,
    rows: list[LevelRow],
    scale: Scale | None = None,
    kinds: bool = False,
) -> LevelChart:
    """`kinds`: the chart tells aims, trial results and estimates apart, with a legend."""
    scale = scale or LogScale()
    goals = _bands(content.figures.factor_goals, scale)
    severity = _bands(content.figures.severity, scale)
    present = [k for k in LEVEL_KINDS if (k == "aim" and goals) or any(r.kind == k for r in rows)]
    legend = tuple((k, content.text(f"figure.kind.{k}")) for k in present) if kinds else ()
    scale_words = content.text("figure.scale.linear" if scale.linear else "figure.scale.log") if kinds else ""
    words = [title, caption, *([scale_words] if scale_words else [])]
    if legend:
        words.append(content.text("figure.kinds", kinds="; ".join(w for _, w in legend)))
    words += [*(r.words for r in rows), *_band_words(content, goals, severity)]
    return LevelChart(
        title=title,
        caption=caption,
        scale=scale,
        goals=goals,
        severity=severity,
        rows=tuple(rows),
        words=SEPARATOR.join(words),
        kinds=legend,
        scale_words=scale_words,
    )


def _left_out(content: Content, row: GaugeRow) -> tuple[str, ...]:
    """The lines on the people a gene therapy's bar leaves out: a count where a source we read
    gives one, otherwise "not reported" with the number of people treated."""
    lines = []
    parts: list[PeopleCount] = [p for p in (row.no_response, row.not_reported) if p is not None]
    for part in parts:
        if part.count is None:
            lines.append(
                content.text("figure.left_out.not_reported", label=part.label, people=row.people, who=row.who)
            )
        else:
            lines.append(
                content.text(
                    "figure.left_out.count",
                    label=part.label,
                    count=part.count,
                    people=row.people,
                    who=row.who,
                    words=part.words,
                )
            )
    return tuple(lines)


def factor_level_chart(content: Content, hemophilia_type: str | None, linear: bool = False) -> LevelChart:
    """The gauge: each option's factor-level range for this type, against the goal bands.

    One row per option that has a factor level; both types when the type is
    None or "not_sure". Withdrawn options come last, and every option that is
    not simply available carries its status in its label. Each row says what kind
    of level it is (aim, measured in a trial, estimate) and, for gene therapy, whom
    it leaves out. `linear`: the plain scale instead of the stretched (log) one.
    """
    gauge = {g.option: g for g in content.figures.gauge}
    rows = []
    for option in _withdrawn_last(_for_type(content.options, hemophilia_type)):
        level = option.factor_level
        if level is None:
            continue
        about = gauge.get(option.id) or GaugeRow(option=option.id, kind="measured")
        kind_word = content.text(f"figure.kind.{about.kind}")
        name, note = _option_label(content, option), strip_citations(level.note)
        label = content.text("figure.row.kind", label=name, kind=kind_word)
        if level.low == level.high:
            low = high = None
            value: float | None = level.low
            key = "figure.row.rise" if level.measure == "average_rise" else "figure.row.value"
            words = content.text(key, label=label, value=number(level.low), note=note)
        else:
            low, high, value = level.low, level.high, None
            words = content.text(
                "figure.row.range", label=label, low=number(level.low), high=number(level.high), note=note
            )
        left_out = _left_out(content, about)
        sources = (
            *level.sources,
            *(s for p in (about.no_response, about.not_reported) if p for s in p.sources),
        )
        rows.append(
            LevelRow(
                label=name,
                low=low,
                high=high,
                value=value,
                series=option.kind,
                words=" ".join([words, *left_out]),
                sources=tuple(dict.fromkeys(sources)),
                kind=about.kind,
                kind_word=kind_word,
                no_response=about.no_response.count if about.no_response else None,
                left_out=left_out,
            )
        )
    scale: Scale = LinearScale() if linear else LogScale()
    title, caption = content.text("figure.gauge.title"), content.text("figure.gauge.caption")
    return _chart(content, title, caption, rows, scale=scale, kinds=True)


def durability_chart(content: Content) -> LevelChart:
    """Factor levels in the years after gene therapy: one row per study and time, A and B labelled.

    Rows go series by series (in the order of figures.yaml), then by year.
    """
    durability = content.figures.durability
    peak = durability.peak_share
    peak_words = content.text(
        "figure.durability.peak_share",
        study=peak.study,
        months=peak.months,
        factor_viii=number(peak.factor_viii),
        factor_ix=number(peak.factor_ix),
    )
    rows = []
    for series in durability.series:
        for point in sorted(series.points, key=lambda p: p.year):
            if point.tag:
                label = content.text(
                    "figure.row.label_tag", when=point.when, series=series.label, tag=point.tag
                )
            else:
                label = content.text("figure.row.label", when=point.when, series=series.label)
            words = [
                content.text(
                    "figure.row.point",
                    series=series.label,
                    when=point.when,
                    statistic=point.statistic,
                    value=number(point.value),
                    men=point.men,
                    study=point.study,
                )
            ]
            if point.low is not None and point.high is not None:
                words.append(
                    content.text("figure.row.spread", low=number(point.low), high=number(point.high))
                )
            if point.note:
                words.append(point.note)
            rows.append(
                LevelRow(
                    label=label,
                    low=point.low,
                    high=point.high,
                    value=point.value,
                    series=series.id,
                    words=" ".join(words),
                    sources=(point.source,),
                )
            )
    caption = f"{durability.caption} {peak_words}"
    return _chart(content, content.text("figure.durability.title"), caption, rows)


def doses_chart(content: Content, hemophilia_type: str | None) -> DoseChart:
    """Doses a year for each option of this type, side by side (not "stay with current").

    A gene therapy is one infusion and then, for most people, no regular
    doses: its words say so, rather than a bare "0 a year".
    """
    rows = []
    # An option with no schedule (doses follow the bleeds) has no number to draw.
    options = [
        o for o in _for_type(content.options, hemophilia_type) if o.kind != "current" and o.doses_per_year
    ]
    for option in _withdrawn_last(options):
        doses = option.doses_per_year
        assert doses is not None
        label, note = _option_label(content, option), strip_citations(doses.note)
        if option.kind == "gene-therapy":
            words = content.text("figure.doses.once", label=label, note=note)
        elif doses.low == doses.high:
            words = content.text("figure.doses.value", label=label, value=number(doses.low), note=note)
        else:
            words = content.text(
                "figure.doses.range", label=label, low=number(doses.low), high=number(doses.high), note=note
            )
        rows.append(DoseRow(label, doses.low, doses.high, note, words, tuple(doses.sources)))
    title, caption = content.text("figure.doses.title"), content.text("figure.doses.caption")
    return DoseChart(
        title=title,
        caption=caption,
        rows=tuple(rows),
        max_value=max((r.high for r in rows), default=0.0) or 1.0,
        words=SEPARATOR.join([title, caption, *(r.words for r in rows)]),
    )


def icon_group_line(content: Content, count: int, label: str) -> str:
    """One group of an icon array in words, as its legend and text equivalent say it (a group
    is never empty: the loader refuses one, review M6-1)."""
    return content.text("figure.icons.group", count=count, label=label)


def icon_caption(content: Content, view: IconArrayView) -> str:
    """The words under an icon array: who was counted, when, and its note."""
    return content.text(
        "figure.icons.caption",
        denominator=view.denominator.rstrip("."),
        time_frame=view.time_frame.rstrip("."),
        note=view.note or "",
    ).strip()


def icon_array_view(content: Content, array: IconArray) -> IconArrayView:
    """One icon array with its text equivalent."""
    groups = tuple((g.count, g.label) for g in array.groups)
    group_words = " ".join(icon_group_line(content, c, label) for c, label in groups)
    words = content.text(
        "figure.icons.words",
        title=array.title,
        groups=group_words,
        denominator=array.denominator,
        time_frame=array.time_frame,
    )
    if array.note:
        words = f"{words} {array.note}"
    return IconArrayView(
        id=array.id,
        title=array.title,
        groups=groups,
        denominator=array.denominator,
        time_frame=array.time_frame,
        note=array.note,
        words=words,
        sources=tuple(array.sources),
    )


def picture_shown(array: IconArray, group: str | None = None, reader: Profile | None = None) -> bool:
    """Whether a picture is shown to this reader: not left out for his inhibitor `group`
    (review R9-2), nor for any of his answers in its `left_out_when` (review R11-1). The one
    test for the option cards, Compare and the summary alike."""
    if reader is not None:
        group = inhibitor_group(reader.inhibitors)
        if any(answers_match(when, reader) for when in array.left_out_when):
            return False
    return array.shown_to(group)


def icon_arrays_for(
    content: Content, option_id: str, group: str | None = None, reader: Profile | None = None
) -> list[IconArrayView]:
    """The pictures of 100 people that belong to this option, in the order of figures.yaml,
    less those left out for this reader (`picture_shown`; None: nothing known of him)."""
    arrays = content.figures.icon_arrays
    return [
        icon_array_view(content, a)
        for a in arrays
        if a.option == option_id and picture_shown(a, group, reader)
    ]


def durability_icon_arrays(content: Content) -> list[IconArrayView]:
    """The pictures of 100 people shown with the durability chart, in its order."""
    by_id = {a.id: a for a in content.figures.icon_arrays}
    return [icon_array_view(content, by_id[i]) for i in content.figures.durability.icon_arrays]
