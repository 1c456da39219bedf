"""What counts as a number in patient text, and which citations count for it."""

from __future__ import annotations

import pytest

from decisionaid.loader.cited_numbers import markdown_units, numbers_in


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("In the trial, 94% were off regular factor.", "94%"),
        ("Levels of 20-30% were seen.", "20-30%"),
        ("About 3 in 100 people get them.", "3 in 100"),
        ("It happens in 1,000 births or so.", "in 1,000"),
        ("In HOPE-B, 51 of 54 men stopped.", "51 of 54"),
        ("About 1.5 bleeds a year on average.", "1.5 bleeds a year"),
        ("Given 6 to 12 doses per year.", "6 to 12 doses per year"),
        ("Results reach 5 years.", "5 years"),
        ("The 5-year results are out.", "5-year"),
        ("Watched for at least 3 hours after.", "3 hours"),
        ("Steroids for 8 weeks.", "8 weeks"),
        ("From month 7 on, bleeds fell.", "month 7"),
        ("You need 2 shots before you start.", "2 shots"),
        ("A dose of 50 IU/kg.", "50 IU/kg"),
        ("In 54 men who had it.", "54 men"),
        ("Adults (18 and over) only.", "18 and over"),
        ("Not for people under 12.", "under 12"),
        ("A fair price would be about $2.9 million.", "$2.9 million"),
        ("The list price was £2,600,000 a dose.", "£2,600,000"),
        ("In Germany it cost €1.2M.", "€1.2M"),
        ("Sales were USD 26 million in 2024.", "USD 26 million"),
        ("It costs 3.5 million dollars.", "3.5 million dollars"),
    ],
)
def test_a_claim_with_a_number_is_found(text, number):
    assert number in numbers_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hemgenix was approved in 2022.",
        "It uses an AAV5 shell, as in the GENEr8-1 trial.",
        "1. Ask your team.\n2. Write it down.",
        "Factor VIII is made in the liver [@R12a; @R13a].",
        "See [the label](https://example.org/100-men-5-years).",
        "Version 0.3 of this aid.",
    ],
)
def test_digits_that_are_not_claims_are_ignored(text):
    assert numbers_in(text) == []


def test_each_paragraph_and_list_item_is_its_own_unit_with_its_line():
    body = (
        "First paragraph.\nStill it [@A].\n\n### A heading\n\nUnder it.\n\n- one\n- two [@B]\n  more of two\n"
    )
    assert markdown_units(body, 20) == [
        (20, "First paragraph.\nStill it [@A]."),
        (23, "### A heading\n\nUnder it."),
        (27, "- one"),
        (28, "- two [@B]\n  more of two"),
    ]
