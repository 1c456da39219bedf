"""Entry module for `flet build`: the packaged app runs this as its main."""

from __future__ import annotations

import flet as ft

from decisionaid import locations
from decisionaid.gui.app import make_app

if __name__ == "__main__":
    app = make_app(locations.locale_root(), locations.data_dir(), cache_dir=locations.cache_dir())
    ft.run(app, assets_dir=str(locations.assets_dir()))
