"""Which options and "ask your care team" notes a person sees, and why.

Type A or B is the only filter. Everything else (age, inhibitors, liver,
antibodies, plans for children, alcohol, a product that is withdrawn) becomes
a note with its reason, never a silent exclusion: the care team decides
eligibility, the aid helps the person ask.
"""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.domain.content import Content, Flag, FlagVariant, Option
from decisionaid.domain.session import Profile


def options_for(content: Content, profile: Profile) -> list[Option]:
    """The options for this person's type; both types when he is not sure or did not say."""
    kind = profile.hemophilia_type
    if kind in ("A", "B"):
        return [o for o in content.options if o.applies_to in (kind, "both")]
    return list(content.options)


@dataclass(frozen=True)
class FlagNote:
    """A care-team note that applies to this person, the options it touches, and why."""

    flag: Flag
    option_ids: tuple[str, ...]
    reason: str
    text: str
    """The note's text worded for this person (a variant's, or the flag's own)."""
    question: str
    """The suggested question worded for this person's answers."""


NEVER_MATCHES = frozenset({"not_sure"})
"""Answers that never pick a variant: a person unsure keeps the general wording."""


def _matches(variant: FlagVariant, profile: Profile) -> bool:
    """True when every key of the variant's `when` holds one of the person's answers."""
    for field, answers in variant.when.items():
        given = getattr(profile, field)
        if given is None or given in NEVER_MATCHES or given not in answers:
            return False
    return True


def worded_for(flag: Flag, profile: Profile) -> tuple[str, str]:
    """The flag's text and question for this person: for each, the first matching
    variant that has one, else the flag's own."""
    matching = [v for v in flag.variants if _matches(v, profile)]
    text = next((v.text for v in matching if v.text is not None), flag.text)
    question = next((v.question for v in matching if v.question is not None), flag.question)
    return text, question


def _reasons(content: Content, profile: Profile, shown: list[Option]) -> dict[str, str]:
    """Flag id -> the reason it shows, in the person's terms (from ui.yaml)."""
    t = content.text
    reasons: dict[str, str] = {}
    if profile.age_group == "under_18":
        reasons["under_18"] = t("flag_reason.under_18")
    if profile.inhibitors in ("now", "past"):
        reasons["inhibitors"] = t(f"flag_reason.inhibitors.{profile.inhibitors}")
    elif profile.inhibitors == "not_sure":
        reasons["inhibitors"] = t("flag_reason.not_sure.inhibitors")
    if profile.liver_problems == "yes":
        reasons["liver_disease"] = t("flag_reason.liver_disease")
    elif profile.liver_problems == "not_sure":
        reasons["liver_disease"] = t("flag_reason.not_sure.liver")
    if profile.aav_antibodies == "positive":
        reasons["aav_antibodies"] = t("flag_reason.aav_antibodies")
    elif profile.aav_antibodies in ("not_tested", "not_sure"):
        reasons["aav_antibodies"] = t("flag_reason.aav_untested")
    if profile.plans_for_children in ("yes", "not_sure"):
        reasons["plans_for_children"] = t(f"flag_reason.children.{profile.plans_for_children}")
    if profile.alcohol in ("sometimes", "most_days"):
        reasons["alcohol_use"] = t(f"flag_reason.alcohol.{profile.alcohol}")
    if any(o.status in ("withdrawn", "limited") for o in shown):
        reasons["withdrawn"] = t("flag_reason.withdrawn")
    return reasons


def flag_notes(content: Content, profile: Profile) -> list[FlagNote]:
    """The care-team notes that apply, each limited to the options shown to this person."""
    shown = options_for(content, profile)
    reasons = _reasons(content, profile, shown)
    notes = []
    for flag in content.flags:
        if flag.id not in reasons:
            continue
        touched = tuple(
            o.id
            for o in shown
            if o.id in flag.options
            or (
                o.kind in flag.option_kinds
                and (flag.id != "withdrawn" or o.status in ("withdrawn", "limited"))
            )
        )
        if touched:
            text, question = worded_for(flag, profile)
            notes.append(FlagNote(flag, touched, reasons[flag.id], text, question))
    return notes


def notes_for_option(notes: list[FlagNote], option_id: str) -> list[FlagNote]:
    """The notes that touch one option, in content order."""
    return [n for n in notes if option_id in n.option_ids]
