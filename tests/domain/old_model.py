"""The fit model the reviews found wanting, rebuilt as mutants, so the audit and
property tests can show that they catch it.

Mutants (each one rule of the old model, `scoring.py` with `tailoring.as_weighed`):
- `with_stay_scored`: "Stay with my current treatment" scored as an option beside
  its own product, with the product's scores on four attributes and fixed
  favourable ones elsewhere;
- `old_fit`: the whole old pipeline: type filter only (withdrawn and ruled-out
  options scored), stay scored beside its product, raw scores summed without
  rescaling, hard limits matched by option id (so never on stay), fits best first.
"""

from __future__ import annotations

from decisionaid.domain.content import AttributeScore, Content, Option
from decisionaid.domain.eligibility import for_type
from decisionaid.domain.fit import FitResult, OptionFit, close_call
from decisionaid.domain.session import Session
from tests.domain.fit_audit import Case, scored_options

STAY_DEPENDS_ON = ("treatment_burden", "bleed_protection", "serious_side_effects", "needles")
"""The four attributes the old "stay" option took from the product (current.md before issue 13)."""


def _stay(content: Content, session_current: str | None, shown: list[Option]) -> Option:
    """The old "stay" option: the product's scores on STAY_DEPENDS_ON when it is listed,
    and elsewhere the best score any option shown has: the old status-quo bonus
    (0.85-1.0 on eight attributes, whatever the person used), kept whatever the content
    now says about "stay", so the mutant stays the old model."""
    stay = next(o for o in content.options if o.kind == "current")
    product = next((o for o in shown if o.id == session_current), None)
    scores: dict[str, AttributeScore] = {}
    for attribute in content.attributes:
        a = attribute.id
        if product is not None and a in STAY_DEPENDS_ON:
            scores[a] = product.attributes[a]
        else:
            scores[a] = max((o.attributes[a] for o in shown), key=lambda s: s.score)
    return stay.model_copy(update={"attributes": scores})


def with_stay_scored(content: Content, case: Case) -> list[Option]:
    """The options the engine scores, plus the old "stay" option beside its product."""
    shown = scored_options(content, case)
    return [*shown, _stay(content, case.current, shown)]


def old_fit(content: Content, session: Session) -> FitResult:
    """The old model's answer, in the new result's shape."""
    products = [o for o in for_type(content, session.profile) if o.kind != "current"]
    options = [*products, _stay(content, session.profile.current_treatment, products)]
    weights = {a.id: session.importance.get(a.id, 0) for a in content.attributes}
    total = sum(weights.values()) or 1
    chosen = [h for h in content.hard_limits if h.id in session.hard_limits]
    fits = []
    for o in options:
        central = 100 * sum(w * o.attributes[a].score for a, w in weights.items()) / total
        crossed = tuple(h.id for h in chosen if o.id in h.crossed_by)
        fits.append(
            OptionFit(o.id, o.kind == "current", central, central, central, "middle", (), crossed, (), ())
        )
    fits.sort(key=lambda f: -f.fit)
    return FitResult(
        fits=tuple(fits),
        apart=(),
        priorities=(),
        enough=True,
        answered=len(session.importance),
        needed=1,
        matter=len(session.importance),
        not_answered=(),
        not_important=(),
        flat=(),
        close_call=close_call([(f.low, f.fit, f.high) for f in fits]),
    )
