"""Text size and colours: chosen once, applied to every page, remembered on the device."""

from __future__ import annotations

import flet as ft

from decisionaid.gui.app import make_app
from decisionaid.gui.theme import BASE_SIZES, PALETTES
from tests.gui.harness import start_app


async def test_every_page_offers_the_display_settings(app):
    assert "nav-display" in app.identifiers()
    await app.click("start")
    await app.click("nav-display")
    assert app.page.route == "/display"
    await app.click("back")
    assert app.page.route == "/about-you"


async def test_200_percent_text_applies_at_once_and_is_ticked(app):
    await app.go("/display")
    await app.click("text-size-200")
    assert app.page.theme.text_theme.body_large.size == 2 * BASE_SIZES["body_large"]
    assert app.is_chosen("text-size-200")
    assert not app.is_chosen("text-size-100")


async def test_high_contrast_and_dark_themes_set_the_page(app):
    await app.go("/display")
    await app.click("theme-contrast")
    assert app.page.theme.color_scheme.on_surface == PALETTES["contrast"]["on_surface"]
    assert app.page.theme_mode == ft.ThemeMode.LIGHT
    await app.click("theme-dark")
    assert app.page.theme_mode == ft.ThemeMode.DARK
    assert app.page.dark_theme.color_scheme.surface == PALETTES["dark"]["surface"]
    await app.click("theme-system")
    assert app.page.theme_mode == ft.ThemeMode.SYSTEM


async def test_settings_come_back_after_a_restart(shipped_content, tmp_path):
    first = await start_app(make_app(shipped_content, tmp_path), route="/display")
    await first.click("text-size-150")
    await first.click("theme-dark")
    again = await start_app(make_app(shipped_content, tmp_path))
    assert again.page.theme.text_theme.body_large.size == round(1.5 * BASE_SIZES["body_large"])
    assert again.page.theme_mode == ft.ThemeMode.DARK


async def test_delete_my_data_also_removes_the_settings_file(shipped_content, tmp_path):
    app = await start_app(make_app(shipped_content, tmp_path), route="/display")
    await app.click("theme-contrast")
    assert (tmp_path / "display.json").exists()
    await app.go("/summary")
    await app.click("delete-data")
    await app.click("delete-confirm")
    assert not (tmp_path / "display.json").exists()
