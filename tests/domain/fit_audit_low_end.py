"""The inhibitor cases of the sensitivity audit again, with each bleed score that rests on
a figure pooling people with and without inhibitors moved to the low end of its range
(review M4-1). Hemlibra's HAVEN 1-4 figure is such a figure; its result for people with
inhibitors alone could not be read, so its range for them reaches one level lower. This
shows how much the inhibitor case's lopsided shares rest on that unread figure.

`python -m tests.domain.fit_audit_low_end` prints the table for the model card (about.md).
"""

from __future__ import annotations

from decisionaid.domain.content import Content, Option
from tests.domain.fit_audit import PEOPLE, PROFILES, Result, audit_case, draws, scored_options, table

BLEEDS = "bleed_protection"


def pooled_at_low_end(content: Content, case) -> list[Option]:
    """The options scored for this case, each bleed score that a variant for him only
    widened (same source as the general score: the pooled figure worded for him) set to
    its low end. A variant from another source (Alhemo's explorer7) is his own group's
    figure and stays."""
    found = []
    for option in scored_options(content, case):
        used = option.attributes[BLEEDS]
        general = content.option(option.id).attributes[BLEEDS]
        if used != general and used.source == general.source and used.lowest < used.score:
            low = used.model_copy(update={"score": used.lowest})
            option = option.model_copy(update={"attributes": {**option.attributes, BLEEDS: low}})
        found.append(option)
    return found


def inhibitor_cases():
    """The people of the audit with an inhibitor now."""
    return [c for c in PEOPLE if dict(c.answers).get("inhibitors") == "now"]


def low_end_audit(content: Content, profiles: int = PROFILES) -> list[Result]:
    """The inhibitor cases audited with pooled bleed figures at the low end of their range."""
    drawn = draws([a.id for a in content.attributes], profiles)
    return [audit_case(content, case, drawn, pooled_at_low_end) for case in inhibitor_cases()]


if __name__ == "__main__":
    from decisionaid import locations
    from decisionaid.loader import load_content

    print(table(low_end_audit(load_content(locations.locale_root("en")))))
