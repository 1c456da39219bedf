"""The loader: an option's `linked_ranges` name attributes that exist (model review M-6)."""

from __future__ import annotations

from decisionaid.loader import load_content, read_content


def _with_linked(text: str, linked: str) -> str:
    return text.replace("\nbenefits:\n", f"\nlinked_ranges: [{linked}]\nbenefits:\n", 1)


def test_linked_ranges_on_real_attributes_load(content_copy):
    root = content_copy()
    beta = root / "options" / "beta.md"
    beta.write_text(_with_linked(beta.read_text(), "burden, record"))
    assert load_content(root).option("beta").linked_ranges == ["burden", "record"]


def test_a_linked_range_on_an_attribute_that_does_not_exist_is_reported_at_its_line(content_copy):
    root = content_copy()
    beta = root / "options" / "beta.md"
    beta.write_text(_with_linked(beta.read_text(), "burden, sparkle"))
    _, problems = read_content(root)
    lines = [str(p) for p in problems]
    wanted = "linked_ranges: 'sparkle' is not an attribute in attributes.yaml"
    assert any(wanted in line for line in lines), lines
