"""Which options and "ask your care team" notes a person sees, and why.

Type A or B is the only filter here (the licence rules that set options apart
are in `eligibility`). Every other answer (age, sex, inhibitors, liver, HIV,
hepatitis, clot risks, where he lives, antibodies, plans for children, alcohol,
a product that is withdrawn) becomes a note with its reason, never a silent
exclusion: the care team decides, the aid helps the person ask.
"""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.domain.content import Content, Flag, Option, licence_in
from decisionaid.domain.eligibility import answers_match, current_product, for_type
from decisionaid.domain.session import Profile


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


REGION_FLAG = "where_you_live"
"""The note built per option from its licence lines, not from one text."""

LICENSED_REGIONS = ("us", "eu", "uk", "canada")
"""The "where you live" answers that options state licences for; "other" is told to check."""


def worded_for(flag: Flag, profile: Profile) -> tuple[str, str]:
    """The flag's text and question for this person: for each, the first matching
    variant that has one, else the flag's own."""
    # A person unsure, or who would rather not say, keeps the general wording.
    matching = [v for v in flag.variants if answers_match(v.when, profile)]
    text = next((v.text for v in matching if v.text is not None), flag.text)
    question = next((v.question for v in matching if v.question is not None), flag.question)
    return text, question


def _reasons(content: Content, profile: Profile, shown: list[Option]) -> dict[str, str]:
    """Flag id -> the reason it shows, in the person's terms (from ui.yaml)."""
    t = content.text
    reasons: dict[str, str] = {}
    if profile.age_group in ("under_12", "under_18"):
        # A child under 12 is a minor too, with more licences closed (review R5-3).
        reasons["under_18"] = t(f"flag_reason.{profile.age_group}")
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
    reasons |= _more_reasons(content, profile)
    return reasons


def _more_reasons(content: Content, profile: Profile) -> dict[str, str]:
    """The reasons for the notes added with issue 14's questions."""
    t = content.text
    reasons: dict[str, str] = {}
    if profile.hemophilia_type == "not_sure":
        reasons["type_unknown"] = t("flag_reason.type_not_sure")
    elif profile.hemophilia_type is None:
        # Skipped: the fit waits for the type as for "not sure" (review R8-3).
        reasons["type_unknown"] = t("flag_reason.type_not_answered")
    if profile.severity in ("mild", "moderate"):
        reasons[profile.severity] = t(f"flag_reason.severity.{profile.severity}")
    if profile.sex == "female":
        # The gene therapy labels turn on being able to become pregnant (review R5-4).
        possible = profile.pregnancy_possible
        key = f"pregnancy_possible.{possible}" if possible in ("yes", "not_sure") else "sex.female"
        reasons["women"] = t(f"flag_reason.{key}")
    if profile.hiv == "yes":
        reasons["hiv"] = t("flag_reason.hiv")
    if profile.hepatitis_b in ("now", "past"):
        reasons["hepatitis_b"] = t(f"flag_reason.hepatitis_b.{profile.hepatitis_b}")
    if profile.hepatitis_c in ("now", "past_cured"):
        reasons["hepatitis_c"] = t(f"flag_reason.hepatitis_c.{profile.hepatitis_c}")
    if profile.heart_risk == "yes":
        reasons["clot_risk"] = t("flag_reason.heart_risk")
    elif profile.age_group == "65_plus":
        # The Hemgenix label names age over 50 among the clot risks (review R4-11).
        reasons["clot_risk"] = t("flag_reason.age_65_plus")
    if profile.region in LICENSED_REGIONS:
        reasons[REGION_FLAG] = t("flag_reason.region", region=t(f"profile.a.region.{profile.region}"))
    elif profile.region == "other":
        reasons[REGION_FLAG] = t("flag_reason.region.other")
    return reasons


def _region_notes(
    content: Content, profile: Profile, flag: Flag, shown: list[Option], reason: str
) -> list[FlagNote]:
    """The "where you live" note: one per option, its licence line for his region, or
    "check with your team" where the option states none (never a guess). A person
    elsewhere gets the note's own text once, on every option on the market. The product
    he uses now gets no "check whether it is offered" doubt (review R5-18)."""
    now = current_product(content, profile)
    now_id = now.id if now is not None else None
    market = [o for o in shown if o.kind != "current" and o.status != "withdrawn" and o.id != now_id]
    if profile.region not in LICENSED_REGIONS:
        touched = tuple(o.id for o in market)
        return [FlagNote(flag, touched, reason, flag.text, flag.question)] if touched else []
    t = content.text
    place = t(f"profile.a.region.{profile.region}")
    notes = []
    for option in market:
        licence = licence_in(option, profile.region)
        text = licence.text if licence else t("region.unknown", region=place, option=option.name)
        notes.append(FlagNote(flag, (option.id,), reason, text, flag.question))
    return notes


def flag_notes(content: Content, profile: Profile) -> list[FlagNote]:
    """The care-team notes that apply, each limited to the options shown to this person."""
    shown = for_type(content, profile)
    reasons = _reasons(content, profile, shown)
    notes = []
    for flag in content.flags:
        if flag.id not in reasons:
            continue
        if flag.id == REGION_FLAG:
            notes += _region_notes(content, profile, flag, shown, reasons[flag.id])
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


def one_per_flag(notes: list[FlagNote]) -> list[FlagNote]:
    """The first note of each flag: the "where you live" note comes once per option, and a
    list of questions or talking points needs it once."""
    return list({n.flag.id: n for n in reversed(notes)}.values())[::-1]
