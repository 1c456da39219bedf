"""No two attributes measure the same thing across the products a person can be scored on.

ISPOR MCDA good practice (Thokala 2016, Marsh 2016) asks for criteria that do not
overlap. Two attributes whose scores rise and fall together across the products
count one feature twice: the clinical review (S4) and the IPDAS audit (2.3, point 3)
found five attributes at r = 0.95-0.99, in effect "gene therapy or not" counted five
times. The check is Pearson's r between the central scores of each pair of
attributes, over the products (kind not "current", status not "withdrawn"), for the
hemophilia A products, the B products and all of them together
(tests/content/overlap_report.py).

A strong negative r is a trade-off (what one option gains, it loses elsewhere), not
a feature counted twice, so only r above the limit counts. Model review M2-15: a pass
or fail at exactly 0.8 invites tuning scores to the threshold. So a pair above 0.8
(LIMIT) is a warning that needs a written judgement on meaning (JUDGED, printed in the
model card), and it is kept only when the two are scored from different sources and
stay under 0.9 (CEILING, where no judgement can keep them apart). The model card
prints the full r matrix and the principal-component summary, and this test checks
that it is the one this content gives.
"""

from __future__ import annotations

import pytest

from decisionaid import locations
from decisionaid.domain.content import Content
from decisionaid.loader import load_content
from tests.content.overlap_report import (
    CEILING,
    JUDGED,
    LIMIT,
    TYPES,
    above_limit,
    first_component_share,
    judgement,
    matrix,
    report,
    scored_products,
)


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content(locations.locale_root("en"))


def test_no_two_attributes_rise_and_fall_together_across_the_products_without_a_judgement(shipped):
    unjudged = [
        f"{a} and {b}, {label}: r = {r:.2f}" for r, label, a, b in above_limit(shipped) if not judgement(a, b)
    ]
    assert unjudged == [], f"attributes that overlap above r = {LIMIT} with no written judgement: {unjudged}"


def test_no_judgement_keeps_a_pair_above_the_ceiling(shipped):
    over = [f"{a} and {b}, {label}: r = {r:.2f}" for r, label, a, b in above_limit(shipped) if r > CEILING]
    assert over == []


def test_a_judged_pair_is_scored_from_different_sources_where_it_overlaps(shipped):
    # "Different facts" checked where it can be: over the products on which the pair
    # rises above the limit, no card scores both from one source.
    kinds = {label: kind for kind, label in TYPES}
    shared = [
        (label, o.id, a, b)
        for _, label, a, b in above_limit(shipped)
        if judgement(a, b)
        for o in scored_products(shipped, kinds[label])
        if o.attributes[a].source == o.attributes[b].source
    ]
    assert shared == []


def test_every_judgement_is_about_a_pair_that_is_still_above_the_limit(shipped):
    # A stale judgement would keep a pair that no longer needs one.
    over = {frozenset((a, b)) for _, _, a, b in above_limit(shipped)}
    assert all(frozenset(pair) in over for pair in JUDGED)


def test_the_model_card_prints_the_r_matrix_and_components_this_content_gives(shipped):
    about = (locations.locale_root("en") / "about.md").read_text(encoding="utf-8")
    assert report(shipped) in about, "run `python -m tests.content.overlap_report` and paste it into about.md"


def test_the_overlap_check_sees_two_attributes_that_are_the_same(shipped):
    # A mutant: one attribute's scores copied onto another must be caught (r = 1), and no
    # judgement can keep it (above the ceiling).
    first, second = shipped.attributes[0].id, shipped.attributes[1].id
    options = [
        o.model_copy(update={"attributes": {**o.attributes, second: o.attributes[first]}})
        if first in o.attributes
        else o  # "stay with my current treatment" has no scores of its own
        for o in shipped.options
    ]
    mutant = shipped.model_copy(update={"options": options})
    assert matrix(mutant, None)[1][0] == pytest.approx(1.0)
    top = above_limit(mutant)[0]
    assert top[0] > CEILING and {top[2], top[3]} == {first, second}


def test_the_first_component_share_is_one_for_a_set_that_is_one_feature(shipped):
    # Every attribute a copy of the first: one component carries all the variance.
    first = shipped.attributes[0].id
    options = [
        o.model_copy(update={"attributes": dict.fromkeys(o.attributes, o.attributes[first])})
        if first in o.attributes
        else o
        for o in shipped.options
    ]
    mutant = shipped.model_copy(update={"options": options})
    assert first_component_share(mutant, None)[0] == pytest.approx(1.0)


def test_the_products_are_the_ones_a_person_can_be_scored_on(shipped):
    ids_a = {o.id for o in scored_products(shipped, "A")}
    ids_b = {o.id for o in scored_products(shipped, "B")}
    assert "current" not in ids_a | ids_b
    assert all(shipped.option(i).status != "withdrawn" for i in ids_a | ids_b)
    assert len(ids_a) >= 5 and len(ids_b) >= 5


def test_every_pair_above_the_limit_for_one_person_is_in_the_judged_first_year_cluster(shipped):
    """M5-4: over the options one person is scored on, a pair above the limit is reported, and
    the written judgement covers only pairs with `first_year`; a new cluster needs its own."""
    from tests.content.overlap_report import MIN_OPTIONS, PER_PERSON_CLUSTER, per_person

    read = [(who, over) for who, count, over in per_person(shipped) if count >= MIN_OPTIONS]
    assert len(read) >= 15
    outside = [(who, a, b) for who, over in read for _, a, b in over if PER_PERSON_CLUSTER not in (a, b)]
    assert outside == []
    assert any(over for _, over in read)  # the screen still sees the cluster it judges


def test_the_per_person_screen_sees_a_copied_attribute_for_every_person(shipped):
    # A mutant: `needles` copied onto `own_factor` must show up for everyone read, outside the cluster.
    from tests.content.overlap_report import MIN_OPTIONS, per_person

    options = [
        o.model_copy(update={"attributes": {**o.attributes, "own_factor": o.attributes["needles"]}})
        if "needles" in o.attributes
        else o
        for o in shipped.options
    ]
    mutant = shipped.model_copy(update={"options": options})
    for who, count, over in per_person(mutant):
        if count >= MIN_OPTIONS:
            assert ("needles", "own_factor") in {(a, b) for _, a, b in over} | {(b, a) for _, a, b in over}, (
                who
            )
