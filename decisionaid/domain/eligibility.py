"""Which options get a fit for this person, and which are shown apart, with why.

One option per real choice (issue 13): "Stay with my current treatment" is never
scored on its own. When the person names a listed product, that product's card
is his current treatment and is scored with all its own scores and limits; when
he names another treatment, or none, we cannot score what we know nothing of,
and say so. Withdrawn products, options his licence rules out (`not_for`) and options
not licensed where he lives (`licences`) are shown with the reason, never scored.
While his type is not known, whether he is not sure of it or has not said (reviews R4-6,
R5-12; cfd98d2), no option is scored: an option for one type only may not be for him, and
a fit of the few options for both types alone would rank three new medicines while leaving
out factor, the option most people use, which anchors as much as a wrong-type score would.
Each is shown with why. Every option first goes through the rules that do not turn on
the type (licences where he lives, `not_for`), so a rule that applies says so whatever his
type (review R9-1); an option apart only for the type keeps his limit marks and care-team
notes, and the product he uses now waits with words of its own (reviews R8-6, R9-10).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from decisionaid.domain.content import AttributeScore, Content, HardLimit, NotFor, Option, licence_in
from decisionaid.domain.session import UNKNOWN_ANSWERS, Profile

Standing = Literal["scored", "withdrawn", "not_for_you", "not_licensed", "current_unknown", "type_unknown"]

CURRENT_UNKNOWN_KEY = "fit.apart.current_unknown"
"""ui.yaml: why a current treatment we have no card for (or one withdrawn) is not scored."""
CURRENT_NOT_ANSWERED_KEY = "fit.apart.current_not_answered"
"""ui.yaml: why "stay with my current treatment" has no fit while he has not said what he uses."""
TYPE_UNKNOWN_KEY = "fit.apart.type_unknown"
"""ui.yaml: why an option for one type only ({type}) has no fit while his type is not known."""
TYPE_OF_YOURS_KEY = "fit.apart.type_of_yours"
"""ui.yaml: which type ({type}) what he uses now ({option}) is for, said beside it while his
type is not known; the type itself stays his to give (review R9-10)."""
TYPE_UNKNOWN_BOTH_KEY = "fit.apart.type_unknown_both"
"""ui.yaml: why an option for both types has no fit either while his type is not known."""
TYPE_UNKNOWN_YOURS_KEY = "fit.apart.type_unknown_yours"
"""ui.yaml: why what he uses now has no fit while his type is not known, with no doubt cast
on it (review R8-6)."""


@dataclass(frozen=True)
class Apart:
    """An option shown but never scored, and why."""

    option_id: str
    standing: Standing
    """Never "scored"."""
    reasons: tuple[str, ...]
    """In the person's words: the licence rule's reason, the card's availability, or ui text."""
    sources: tuple[str, ...]


def for_type(content: Content, profile: Profile) -> list[Option]:
    """The options for this person's type, in content order: both types when he is
    not sure or did not say. A card shown only to its users (`only_when_used_now`) is
    left out unless he uses it; each option carries the scores worded for him."""
    kind = profile.hemophilia_type
    return [
        for_person(o, profile)
        for o in content.options
        if (kind not in ("A", "B") or o.applies_to in (kind, "both"))
        and (not o.only_when_used_now or o.id == profile.current_treatment)
    ]


def for_person(option: Option, profile: Profile) -> Option:
    """The option with each attribute score that has a variant for this person replaced
    by the first variant that matches his answers (review R5-14); the option itself when
    none does."""
    update = {}
    for attr_id, score in option.attributes.items():
        variant = next((v for v in score.variants if answers_match(v.when, profile)), None)
        if variant is not None:
            fields = variant.model_dump(exclude={"when"})
            update[attr_id] = AttributeScore(**fields)
    if not update:
        return option
    return option.model_copy(update={"attributes": {**option.attributes, **update}})


def rules_against(option: Option, profile: Profile) -> list[NotFor]:
    """The licence rules of this option that rule it out for this person.

    A rule applies only when every answer it names matches; an answer he has not
    given, "not sure" or "prefer not to say" never matches, so it never rules an
    option out.
    """
    return [rule for rule in option.not_for if answers_match(rule.when, profile)]


def rules_for_any_type(option: Option, profile: Profile) -> list[NotFor]:
    """For a person whose type is not known: the rules that rule this option out whatever his
    type turns out to be, or [] when some type would leave it open (review R10-8: Alhemo
    for mild hemophilia in the EU has one rule for A and one for B, and each names a type).
    A type the option is not for rules it out with no rule of its own."""
    found: list[NotFor] = []
    for kind in ("A", "B"):
        if option.applies_to not in (kind, "both"):
            continue
        rules = rules_against(option, profile.model_copy(update={"hemophilia_type": kind}))
        if not rules:
            return []
        found += [r for r in rules if r not in found]
    return found


def answers_match(when: Mapping[str, Sequence[str]], profile: Profile) -> bool:
    """Whether every question `when` names has one of its listed answers from this person.
    An answer not given, "not sure" or "prefer not to say" never matches: the one rule for
    licence rules (`not_for`) and worded notes (flag variants) alike."""
    for field, allowed in when.items():
        answer = getattr(profile, field)
        if answer is None or answer in UNKNOWN_ANSWERS or answer not in allowed:
            return False
    return True


def crosses(limit: HardLimit, option_id: str, profile: Profile) -> bool:
    """Whether this option crosses this limit for this person: it is in the limit's
    `crossed_by`, or in a `crossed_by_when` whose answers match his (review M5-2), by the
    same rule as licence rules (`answers_match`)."""
    return option_id in limit.crossed_by or any(
        option_id in c.options and answers_match(c.when, profile) for c in limit.crossed_by_when
    )


def current_product(content: Content, profile: Profile) -> Option | None:
    """The listed product the person uses now, when it can be scored: shown for his
    type and still on the market. None for "other", no answer, or anything else."""
    named = profile.current_treatment
    for option in for_type(content, profile):
        if option.id == named and option.kind != "current" and option.status != "withdrawn":
            return option
    return None


def standing(content: Content, profile: Profile) -> tuple[list[Option], list[Apart]]:
    """The options scored for this person, in content order, and the ones apart.

    His own current product is scored even where a licence rule would rule it out
    for someone starting it: he is on it with his care team, and staying with it is
    a real choice (the care-team notes still show). While his type is not known (not
    sure, or not said) it is set apart like every other option, with words of its own.
    Hard limits are not applied here: they mark options, they do not hide them.
    """
    now = current_product(content, profile)
    now_id = now.id if now is not None else None
    scored: list[Option] = []
    apart: list[Apart] = []
    # Not answered is as unknown as "not sure" (found by the hand-written apart table):
    # a fit would weigh Hemgenix against Roctavian.
    type_unknown = profile.hemophilia_type not in ("A", "B")
    for option in for_type(content, profile):
        if option.kind == "current":
            if now is None:
                key = CURRENT_NOT_ANSWERED_KEY if not profile.current_treatment else CURRENT_UNKNOWN_KEY
                apart.append(Apart(option.id, "current_unknown", (content.text(key),), ()))
            continue  # otherwise the product's own card stands for it
        if option.status == "withdrawn":
            apart.append(Apart(option.id, "withdrawn", (option.availability,), tuple(option.sources)))
            continue
        if type_unknown and option.id == now_id:
            reasons = (content.text(TYPE_UNKNOWN_YOURS_KEY),)
            if option.applies_to in ("A", "B"):
                # Said, never set (review R9-10): a product named wrong would give a
                # wrong-type fit, and "not answered" must still print as not answered.
                kind = option.applies_to
                reasons += (content.text(TYPE_OF_YOURS_KEY, option=option.name, type=kind),)
            apart.append(Apart(option.id, "type_unknown", reasons, ()))
            continue
        licence = licence_in(option, profile.region)
        if option.id != now_id and licence is not None and licence.status == "not_licensed":
            # Not licensed where he lives (a label or regulator page says so): shown
            # apart with the line that says where, never scored. Unknown stays scored.
            apart.append(Apart(option.id, "not_licensed", (licence.text,), tuple(licence.sources)))
            continue
        rules = [] if option.id == now_id else rules_against(option, profile)
        if not rules and type_unknown and option.id != now_id:
            rules = rules_for_any_type(option, profile)
        if rules:
            sources = tuple(dict.fromkeys(s for rule in rules for s in rule.sources))
            reasons = tuple(dict.fromkeys(rule.reason for rule in rules))
            apart.append(Apart(option.id, "not_for_you", reasons, sources))
            continue
        # Only now the type (review R9-1): a rule or licence line above that rules an option
        # out does so whatever his type, and a rule that names the type never matches an
        # unknown one, so "not for you" here holds for type A and type B alike.
        if type_unknown and option.applies_to in ("A", "B"):
            reason = content.text(TYPE_UNKNOWN_KEY, type=option.applies_to)
            apart.append(Apart(option.id, "type_unknown", (reason,), ()))
            continue
        if type_unknown:
            apart.append(Apart(option.id, "type_unknown", (content.text(TYPE_UNKNOWN_BOTH_KEY),), ()))
            continue
        scored.append(option)
    return scored, apart


SAID_WITH_ITS_FACTS: tuple[Standing, ...] = ("not_for_you", "not_licensed", "type_unknown")
"""The standings said again where an option's facts are printed for him (the grid's licence
row, review R6-4; the numbers tables, review R8-9), so its facts are not read as his."""


def apart_words(content: Content, profile: Profile, apart: Apart | None) -> str | None:
    """Why the option is set apart for this person, as "Not for you: <reasons>", to print
    beside its facts; None when it is not set apart, or only withdrawn (its facts say so),
    or is the product he uses now waiting only for his type (no doubt cast on it: R8-6)."""
    if apart is None or apart.standing not in SAID_WITH_ITS_FACTS:
        return None
    if apart.standing == "type_unknown" and apart.option_id == profile.current_treatment:
        return None
    return f"{content.text(f'summary.apart.{apart.standing}')}: {' '.join(apart.reasons)}"
