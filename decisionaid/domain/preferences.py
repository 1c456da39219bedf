"""How the person wants the app to look: text size and colours. Kept apart from the
session, because they belong to the device and the person's eyes, not to the decision."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
"""The text sizes offered, 100% to 200%."""

THEMES = ("system", "light", "dark", "contrast")
"""Follow the device, light, dark, or high contrast."""

Theme = Literal["system", "light", "dark", "contrast"]
TextScale = Literal[1.0, 1.25, 1.5, 1.75, 2.0]


class Display(BaseModel):
    """The display settings; unknown keys are ignored so an older app can read a newer file."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    text_scale: TextScale = 1.0
    theme: Theme = "system"
