"""The pictures of 100 people that go with each weighed option's main harms, for the summary.

Pure: the icon arrays of figures.yaml that the outcome table's harms point to, with
their legend and caption in the words of ui.yaml (`figure.icons.*`), so the printed
summary draws and says what the option cards show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from decisionaid.domain.content import Content
from decisionaid.domain.figures import IconArrayView, icon_array_view, icon_caption, icon_group_line
from decisionaid.domain.outcome_view import OptionOutcomeView


@dataclass(frozen=True)
class HarmPicture:
    """One main harm of one option as 100 people, with the words printed beside it."""

    option_id: str
    view: IconArrayView
    legend: tuple[str, ...]
    """One line per group, in the picture's order: "21 in 100: had a serious side effect."."""
    caption: str
    """Who was counted, when, and the note."""


def harm_pictures(content: Content, outcomes: Sequence[OptionOutcomeView]) -> tuple[HarmPicture, ...]:
    """The pictures of the main harms of these options, option by option, each drawn once."""
    arrays = {a.id: a for a in content.figures.icon_arrays}
    pictures: list[HarmPicture] = []
    seen: set[str] = set()
    for outcome in outcomes:
        for harm in outcome.harms:
            if not harm.icon_array or harm.icon_array in seen or harm.icon_array not in arrays:
                continue
            seen.add(harm.icon_array)
            view = icon_array_view(content, arrays[harm.icon_array])
            legend = tuple(icon_group_line(content, c, label) for c, label in view.groups)
            pictures.append(HarmPicture(outcome.option_id, view, legend, icon_caption(content, view)))
    return tuple(pictures)
