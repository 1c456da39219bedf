"""The ends of each rating question among the options a person is shown (model review M-13).

The fit rescales every attribute across the options scored for this person: the
worst of them counts 0 and the best 1 (`fit.swing`). The rating question's own poles
are global ("A dose every day" ... "One treatment, then none"), and may describe a
gap that is not on offer (gene therapy ruled out, say). So once the person's type is
known, each question also says which of his options sit at its two ends, or that his
options do not differ on it (then the rating does not change his fit)."""

from __future__ import annotations

from dataclasses import dataclass

from decisionaid.domain.content import Content, in_shown_order
from decisionaid.domain.fit_options import fit_options
from decisionaid.domain.session import Profile

_EPS = 1e-9
"""Scores are binary fractions: differences below this are ties (as in fit.py)."""


@dataclass(frozen=True)
class LocalEnds:
    """One attribute's ends among the options shown: the names at its worst and best."""

    attribute_id: str
    worst: tuple[str, ...]
    """Names of the options with the lowest central score, in the Options page's order;
    empty when the options shown do not differ on this attribute."""
    best: tuple[str, ...]
    shown: int = 0
    """How many options are shown (and scored) for this person."""

    @property
    def flat(self) -> bool:
        """The options shown all score the same here, so a rating of it moves no fit."""
        return not self.worst


def local_ends(content: Content, profile: Profile) -> dict[str, LocalEnds]:
    """Attribute id -> its ends among the options scored for this person (the ones the
    fit rescales on); empty until his hemophilia type is known, as the options are not."""
    if profile.hemophilia_type not in ("A", "B"):
        return {}
    shown = in_shown_order(fit_options(content, profile)[0])
    ends: dict[str, LocalEnds] = {}
    for attribute in content.attributes:
        scores = [(o.name, o.attributes[attribute.id].score) for o in shown if attribute.id in o.attributes]
        if not scores:
            ends[attribute.id] = LocalEnds(attribute.id, (), (), len(shown))
            continue
        least = min(s for _, s in scores)
        most = max(s for _, s in scores)
        if most - least <= _EPS:
            ends[attribute.id] = LocalEnds(attribute.id, (), (), len(shown))
            continue
        ends[attribute.id] = LocalEnds(
            attribute.id,
            tuple(name for name, s in scores if s <= least + _EPS),
            tuple(name for name, s in scores if s >= most - _EPS),
            len(shown),
        )
    return ends
