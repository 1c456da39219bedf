"""The fit part of the discussion summary: bands, the alignment grid, contrasts and the options apart.

Built from the fit engine's `FitResult` (domain/fit.py) in the words of the
content (ui.yaml), so that the fit screen, the summary page and every exporter
show the same thing. Options keep the engine's fixed order, which never
depends on the answers: nothing here sorts by fit.
"""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.domain.content import Content, Option, licence_in
from decisionaid.domain.eligibility import Apart, crosses
from decisionaid.domain.fit import MATTER_AT_LEAST, Cell, Contrast, FitResult, OptionFit, fit, weights
from decisionaid.domain.references import strip_citations
from decisionaid.domain.session import Session
from decisionaid.domain.tailoring import FlagNote, flag_notes, notes_for_option

ALIGNMENTS = ("good", "mixed", "poor", "same")
"""The words of a grid cell, best first, and "same" where every option scores alike (a flat
attribute carries no weight); each also has its own shape in every view."""

BANDS = ("closer", "middle", "further")
STANDINGS = ("withdrawn", "not_for_you", "not_licensed", "current_unknown", "type_unknown")
CONTRAST_KINDS = ("both", "better", "worse", "same")


@dataclass(frozen=True)
class FitCell:
    """One option on one of the person's priorities: good, mixed or poor, and why."""

    priority: str
    """The attribute's name."""
    alignment: str
    """'good', 'mixed', 'poor' or 'same' (a key: each view gives it a shape as well as the word)."""
    word: str
    spoken: str
    """What a screen reader says for the cell: "Hemgenix, How often you treat: good"."""
    reason: str


@dataclass(frozen=True)
class FitLine:
    """One scored option: its fit band with its interval, its grid cells, and why it lines up so."""

    option_id: str
    option: str
    uses_now: bool
    band: str
    """'closer', 'middle' or 'further'."""
    band_words: str
    low: int
    fit: int
    high: int
    """Whole numbers 0-100: the interval and its central mark (never shown to a decimal)."""
    interval: str
    """The band and its interval in words, e.g. "In between: from 41 to 66 out of 100"."""
    cells: tuple[FitCell, ...]
    contrasts: tuple[str, ...]
    limits_crossed: tuple[str, ...]
    """The statements of the hard limits the person chose that this option crosses."""
    overlaps: str
    """ "Cannot be told apart from: X, Y": the options whose interval overlaps this one's,
    in the fixed order; "" when none does."""
    flags: tuple[str, ...]
    status_note: str | None
    """Said on the band: the option's market status ("Offered in few places"), and "No licence
    found where you live" when this aid holds no licence line for his region (review M4-10)."""


@dataclass(frozen=True)
class ApartLine:
    """An option shown but not scored, and why."""

    option_id: str
    option: str
    standing: str
    """Why it is apart, in a few words ("No longer offered")."""
    reasons: tuple[str, ...]
    sources: tuple[str, ...] = ()
    """Source ids behind the reasons (the licence or the card): cited on the summary."""
    limits_crossed: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    """Only on an option that waits for his type: the statements of his hard limits it
    crosses and the titles of its care-team notes, as a scored option carries them (review
    R9-1: a skipped type hid "cannot be undone" and the liver note). An option set apart for
    a reason of its own is not weighed at all, as with his type given."""


@dataclass(frozen=True)
class FitView:
    """Everything the summary shows about the fit."""

    available: bool
    notes: tuple[str, ...]
    priorities: tuple[str, ...]
    """The names of the grid's rows: the person's top three, then others rated very or extremely."""
    fits: tuple[FitLine, ...]
    apart: tuple[ApartLine, ...]
    top_three: tuple[str, ...]
    not_answered: tuple[str, ...]
    not_important: tuple[str, ...]


def _names(content: Content, ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    names = {a.id: a.name for a in content.attributes}
    return tuple(names[i] for i in ids if i in names)


MOST_NAMED = 3
"""A contrast names at most this many features each way (the person's priorities come
first); the rest are counted, so a sentence stays short enough to take in."""


def _joined(names: tuple[str, ...]) -> str:
    return "; ".join(names)


def _named(content: Content, names: tuple[str, ...]) -> str:
    if len(names) <= MOST_NAMED:
        return _joined(names)
    more = content.text("summary.contrast.more", count=len(names) - MOST_NAMED)
    return f"{_joined(names[:MOST_NAMED])}; {more}"


def contrast_sentence(content: Content, option: str, contrast: Contrast) -> str:
    """One contrast in words: "Hemgenix over Alprolix: fewer doses; against it: first-year visits"."""
    better, worse = _names(content, contrast.better_on), _names(content, contrast.worse_on)
    kind = "both" if better and worse else "better" if better else "worse" if worse else "same"
    sentence = content.text(
        f"summary.contrast.{kind}",
        option=option,
        other=content.option(contrast.other_id).name,
        better=_named(content, better),
        worse=_named(content, worse),
    )
    unclear = _names(content, contrast.unclear_on)
    if not unclear:
        return sentence
    return f"{sentence} {content.text('summary.contrast.unclear', unclear=_named(content, unclear))}"


def _alignment(result: FitResult, cell: Cell) -> str:
    """The cell's word: "same" on an attribute where every option shown scores alike."""
    return "same" if cell.attribute_id in result.flat else cell.alignment


def _line(content: Content, result: FitResult, option_fit: OptionFit, session: Session) -> FitLine:
    t = content.text
    option = content.option(option_fit.option_id)
    names = {a.id: a.name for a in content.attributes}
    limits = {h.id: h.statement for h in content.hard_limits}
    notes = flag_notes(content, session.profile)
    overlapping = ", ".join(content.option(i).name for i in option_fit.overlaps)
    low, mid, high = (
        round(max(0.0, min(100.0, v))) for v in (option_fit.low, option_fit.fit, option_fit.high)
    )
    band_words = t(f"summary.band.{option_fit.band}")
    cells = tuple(
        FitCell(
            priority=names[cell.attribute_id],
            alignment=_alignment(result, cell),
            word=t(f"summary.align.{_alignment(result, cell)}"),
            spoken=t(
                "summary.cell_spoken",
                option=option.name,
                priority=names[cell.attribute_id],
                alignment=t(f"summary.align.{_alignment(result, cell)}"),
            ),
            reason=strip_citations(cell.reason),
        )
        for cell in option_fit.cells
        if cell.attribute_id in names
    )
    return FitLine(
        option_id=option.id,
        option=option.name,
        uses_now=option_fit.uses_now,
        band=option_fit.band,
        band_words=band_words,
        low=low,
        fit=mid,
        high=high,
        # An option whose scores have no range has no interval to speak of.
        interval=t(
            "summary.interval" if high > low else "summary.interval_point",
            band=band_words,
            low=low,
            high=high,
            fit=mid,
        ),
        cells=cells,
        contrasts=tuple(contrast_sentence(content, option.name, c) for c in option_fit.contrasts),
        limits_crossed=tuple(limits[i] for i in option_fit.limits_crossed if i in limits),
        overlaps=t("summary.overlaps", options=overlapping) if overlapping else "",
        flags=tuple(n.flag.title for n in notes_for_option(notes, option.id)),
        status_note=_status_note(content, option, session, option_fit.uses_now),
    )


def _status_note(content: Content, option: Option, session: Session, uses_now: bool) -> str | None:
    """The option's market status and, where he lives in a region in which the sources read
    showed no licence for it (`no_licence_found`), a line that says so (review M4-10). Such
    an option stays scored (only a label or regulator page that says "not licensed" sets an
    option apart), so the band itself must say the comparison may be with one he cannot
    get. A region nobody looked in stays "not known" (the care-team note). The product he
    uses now gets no such doubt (review R5-18)."""
    t = content.text
    said = [t(f"summary.status.{option.status}")] if option.status != "available" else []
    region = session.profile.region
    if not uses_now and region in option.no_licence_found and licence_in(option, region) is None:
        place = t(f"profile.a.region.{region}")
        said.append(t("summary.no_licence_here", option=option.name, region=place))
    if len(said) > 1:
        return f"{said[0].rstrip('.')}. {said[1]}"
    return said[0] if said else None


def _notes(content: Content, result: FitResult, session: Session) -> tuple[str, ...]:
    t = content.text
    # No option is scored until the type is known, whether "not sure" or not answered
    # (review R5-12). That note comes first: rating every feature shows no fit without
    # it, so the rating note then says the fit needs both (review R8-7).
    if session.profile.hemophilia_type not in ("A", "B"):
        type_note = t("summary.fit.type_unknown")
        if not session.importance:
            return (type_note, t("summary.fit.not_answered_type_unknown"))
        return (type_note,)
    if not session.importance:
        return (t("summary.fit.not_answered"),)
    if not result.enough:
        if result.answered >= result.needed:
            return (_why_no_fit(content, result, session),)
        return (
            t(
                "summary.fit.not_enough",
                answered=result.answered,
                total=len(content.attributes) - len(result.flat),
                needed=result.needed,
                more=result.needed - result.answered,
                at_least=MATTER_AT_LEAST,
            ),
        )
    notes = []
    if len(result.fits) >= 2 and result.open_options <= 2:
        # Few options left to weigh: one may lead whatever he values (review M4-1).
        notes.append(t("summary.fit.few_open", count=result.open_options))
    if result.close_call:
        notes.append(t("summary.fit.close_call"))
    if not result.priorities:
        notes.append(t("summary.fit.no_priorities"))
    elif not session.top_priorities:
        # The trade-off step was skipped: say so beside the fit, not only under the
        # priorities (M3-20), since ties among "extremely" ratings then stay ties.
        notes.append(t("summary.fit.no_top_three"))
    flat = _names(content, result.flat)
    if flat:
        notes.append(t("summary.fit.flat", attributes=_joined(flat)))
    return tuple(notes)


def _why_no_fit(content: Content, result: FitResult, session: Session) -> str:
    """Why there is no fit although enough features are rated: the engine needs two or
    more options and MATTER_AT_LEAST features that matter on which they differ."""
    t = content.text
    if not result.fits:
        return t("summary.fit.none_scored")
    if len(result.fits) == 1:
        return t("summary.fit.only_one", option=content.option(result.fits[0].option_id).name)
    weight = weights([a.id for a in content.attributes], session.importance, session.top_priorities)
    if not any(weight.values()):
        return t("summary.fit.nothing_matters")
    if not result.matter:
        return t("summary.fit.all_alike")
    return t("summary.fit.too_few_matter", matter=result.matter, at_least=MATTER_AT_LEAST)


def _apart_line(content: Content, session: Session, apart: Apart, notes: list[FlagNote]) -> ApartLine:
    """One option apart in words; one that waits only for the type keeps its limits and notes."""
    waits = apart.standing == "type_unknown"
    crossed = [
        h.statement
        for h in content.hard_limits
        if h.id in session.hard_limits and crosses(h, apart.option_id, session.profile)
    ]
    return ApartLine(
        option_id=apart.option_id,
        option=content.option(apart.option_id).name,
        standing=content.text(f"summary.apart.{apart.standing}"),
        reasons=tuple(strip_citations(r) for r in apart.reasons),
        sources=apart.sources,
        limits_crossed=tuple(crossed) if waits else (),
        flags=tuple(n.flag.title for n in notes_for_option(notes, apart.option_id)) if waits else (),
    )


def fit_view(content: Content, session: Session) -> FitView:
    """The fit of each option, in the engine's fixed order, in the words of this content."""
    result = fit(content, session)
    notes = flag_notes(content, session.profile)
    apart = tuple(_apart_line(content, session, a, notes) for a in result.apart)
    return FitView(
        available=result.enough and bool(result.fits),
        notes=_notes(content, result, session),
        priorities=_names(content, result.priorities),
        fits=tuple(_line(content, result, f, session) for f in result.fits),
        apart=apart,
        top_three=_names(content, session.top_priorities),
        not_answered=_names(content, result.not_answered),
        not_important=_names(content, result.not_important),
    )
