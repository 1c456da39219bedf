"""An audit of every screen as assistive technology and low-vision users meet it, in Chromium.

Every route of the route table, in the three themes (light and dark at 100% text, high
contrast at 200%), switched through the app's own display settings: no interactive node
without a name, no two sibling controls with the same name, one h1 and no skipped heading
level, every heading of the content's Markdown exposed as a heading, text at 4.5:1 and
bars and chart marks at 3:1 measured on the rendered pixels, a keyboard focus indicator
that changes its pixels by 3:1, and focus that stays on the control the person pressed,
on the screen. The 2026-11 audit found 218 unnamed nodes, progress bars drawn full in
high contrast (1.00:1), a 1.16:1 radio focus halo, and no Markdown heading exposed.

One server and one page serve the whole walk; each screen is snapshotted once per theme
and size (set A11Y_SHOTS=<folder> to keep the screenshots and look at them).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from decisionaid import __version__, locations
from decisionaid.domain.summary import build_summary
from decisionaid.export.markdown_html import render_markdown
from decisionaid.gui.theme import PALETTES
from decisionaid.loader import load_content
from decisionaid.storage import read_session_file
from tests.e2e import audit
from tests.e2e.conftest import Server

# The walk measures pixels, so it runs on its own after the rest (`make test`): beside
# the other Chromium tests on two cores it took over 10 minutes instead of 2.
pytestmark = [pytest.mark.audit, pytest.mark.timeout(1200)]

SESSION = Path(__file__).parents[1] / "testdata" / "sessions" / "daniel-hemophilia-b.json"
VIEWPORT = {"width": 1280, "height": 860}
CONFIGS = [("light", 1.0), ("dark", 1.0), ("contrast", 2.0)]
"""Each theme once: light and dark at 100% text, high contrast at 200%, the pair low-vision
readers use together. Colours do not change with the text size, and names, headings and
layout do not change with the theme: the other three of the six pairs (dark and light at
200%, then high contrast at 100%) measured nothing these do not, in a test run over its
10 minutes. Each theme's focus rings are measured in its one walk."""
WALK = (*(route for route in audit.ROUTES if route != "display"), "display")
"""Every route; the display settings last, where the next theme and size are chosen."""
KEYS = {"radio": "Space", "checkbox": "Space", "choice": "Enter"}


def go(page, route: str) -> None:
    """Open `route` inside the running app, as the browser's back and forward buttons do."""
    page.evaluate(
        "r => { history.pushState(null, '', '/' + r); dispatchEvent(new PopStateEvent('popstate')); }", route
    )
    page.wait_for_function("r => location.pathname === '/' + r", arg=route, timeout=10_000)


SETTLE_SECONDS = 15
"""How long a screen may take to stop changing. On a quiet machine a screen settles in
under a second (55 s for all 72); at load 8 to 12 some took more than 8 s. A caret no
longer counts as change (audit.still), so the deadline is only reached by a screen
that is really late: 15 minutes of walking came from a caret that never stopped."""


def settle(page, before: tuple[dict, bytes] | None, unsettled: list[str]) -> tuple[dict, bytes]:
    """The screen's semantics and pixels once both have changed from `before` (the last
    screen's) and stopped changing: Flutter builds the tree before it paints, and paints
    text over more than one frame. A blinking caret does not count as change: a focused
    text field's caret kept two screenshots from ever matching, and a walk that ran out
    every deadline took 15 minutes instead of 3 (audit.still). A screen that runs out of
    time is added to `unsettled`, with what was still changing."""
    old_tree, old_shot = before or ({"signature": None}, None)
    page.get_by_role("heading", level=1).first.wait_for(timeout=30_000)
    where = page.evaluate("() => location.pathname")
    deadline, last = time.monotonic() + SETTLE_SECONDS, None
    while time.monotonic() < deadline:
        signature = page.evaluate(audit.SIGNATURE_SCRIPT)
        if signature != old_tree["signature"] and signature == last:
            break
        last = signature
        page.wait_for_timeout(120)
    else:
        unsettled.append(f"{where}: the tree kept changing or never left the last screen's")
    tree, shot = page.evaluate(audit.TREE_SCRIPT), None
    # The paint gets its own time: on a busy machine the tree can take all of the first.
    deadline = time.monotonic() + SETTLE_SECONDS
    while True:
        again = page.screenshot()
        if audit.still(shot, again) and again != old_shot and audit.painted(again, tree):
            return tree, again
        if time.monotonic() >= deadline:
            box = audit.change_box(shot, again) if shot is not None else None
            unsettled.append(f"{where}: pixels still changing in {box}, painted={audit.painted(again, tree)}")
            return tree, again
        shot = again
        page.wait_for_timeout(80)


def focused(page) -> dict | None:
    """The focused node (after the scroll that brings it into view has ended)."""
    page.wait_for_timeout(350)
    return page.evaluate(audit.FOCUS_SCRIPT)


def tab_to(page, kind: str, chosen: bool | None = None, presses: int = 60) -> dict | None:
    """Press Tab until a control of `kind` (radio, checkbox, choice) has focus; a chosen
    one only, or an unchosen one only, if `chosen` says so."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        now = page.evaluate(audit.FOCUS_SCRIPT)
        if now and now["kind"] == kind and chosen in (None, now["on"] == "true"):
            return focused(page)
    return None


BOX_OF = """id => { const e = document.getElementById(id); if (!e) return null;
  const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); }"""


def ring_pixels(page, kind: str, keep: Path | None = None) -> int | None:
    """Pixels around a control that change by 3:1 when it takes keyboard focus: the
    control with focus moved back to the control before it (Shift+Tab), then with focus
    on it again (Tab); tried again if the page scrolled in between (None if it always
    did). A chosen control is measured where there is one: a ring must show on its fill.
    With `keep`, both screenshots are kept as `keep`-without.png and `keep`-with.png."""
    now = tab_to(page, kind, chosen=True, presses=30) or tab_to(page, kind)
    if now is None:
        return None
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
        page.wait_for_timeout(400)
        without, box = page.screenshot(), page.evaluate(BOX_OF, now["node"])
        page.keyboard.press("Tab")
        again = focused(page)
        if again and again["node"] == now["node"] and again["box"] == box:
            with_focus = page.screenshot()
            if keep:
                Path(f"{keep}-without.png").write_bytes(without)
                Path(f"{keep}-with.png").write_bytes(with_focus)
            return audit.focus_change(without, with_focus, box)
    return None


def press_and_follow(page, kind: str) -> list[str]:
    """Press a control of `kind` with the keyboard: focus must stay on the same named
    control, now chosen, and on the screen (audit D3: it jumped to the previous choice)."""
    # An unchosen choice (its button was once replaced when chosen); a radio group is one
    # Tab stop, on its chosen answer; a checkbox as it comes.
    before = tab_to(page, kind, chosen=False if kind == "choice" else None)
    if before is None:
        return [f"no {kind} reached by Tab"]
    page.keyboard.press(KEYS[kind])
    page.wait_for_timeout(600)
    after = focused(page)
    where = f"{kind} {before['name'][:40]!r}"
    if after is None:
        return [f"{where}: focus left the page's controls"]
    problems = []
    if (after["kind"], after["name"], after["id"]) != (before["kind"], before["name"], before["id"]):
        problems.append(f"{where}: focus moved to {after['kind']} {after['name'][:40]!r}")
    if not after["onScreen"]:
        problems.append(f"{where}: focus is off-screen at {after['box']}")
    if kind != "checkbox" and after["on"] != "true":
        problems.append(f"{where}: not chosen after the key ({after['on']})")
    if kind == "checkbox":
        page.keyboard.press("Space")  # tick it back: the picks stay as they were
        page.wait_for_timeout(400)
    return problems


def choose_display(page, theme: str, scale: float) -> None:
    """Theme and text size, chosen on the app's own display settings page."""
    for identifier in (f"theme-{theme}", f"text-size-{round(scale * 100)}"):
        page.locator(f'[flt-semantics-identifier="{identifier}"]').click()
        page.wait_for_timeout(300)


def markdown_screens(content) -> dict[str, tuple[list[str], list[str]]]:
    """Per screen that draws content Markdown: the folds to open, and the content's headings
    it then shows. About (its clinicians' part folded), the first reading on Learn for this
    person (opened, and its clinicians' part), and the summary preview. Options draws no
    Markdown: an option file's Markdown holds only notes for clinicians, not shown."""
    session = read_session_file(SESSION)
    kind = session.profile.hemophilia_type
    module = next(m for m in content.modules if kind not in ("A", "B") or m.applies_to in (kind, "both"))
    summary = render_markdown(build_summary(content, session, dt.date.today(), __version__))
    about = content.about.body
    sources = {
        "about": (["about-clinicians"], [about.patient, about.clinician or ""]),
        "learn": (
            [f"module-{module.id}", f"clinicians-{module.id}"],
            [module.body.patient, module.body.clinician or ""],
        ),
        "summary": ([], [summary]),
    }
    return {
        route: (folds, [words for text in texts for words in audit.markdown_headings(text)])
        for route, (folds, texts) in sources.items()
    }


def exposed_headings(page, content, last, unsettled: list[str]) -> tuple[dict, tuple[dict, bytes]]:
    """Each Markdown screen's content headings and the headings its accessibility tree has,
    with its folds opened."""
    found = {}
    for route, (folds, expected) in markdown_screens(content).items():
        go(page, route)
        last = settle(page, last, unsettled)
        for fold in folds:
            # The fold's header button, not its wrapper (which has no action); a click
            # event, as the screen reader sends: the clinicians' fold is below the screen.
            page.locator(f'[flt-semantics-identifier="{fold}"] [role=button]').first.dispatch_event("click")
            # Its tree changes, not always its pixels: the fold opens below the screen.
            last = settle(page, (last[0], None), unsettled)
        exposed = last[0]["headingNames"]
        found[route] = (expected, exposed, audit.unexposed_headings(expected, exposed))
    return found, last


@pytest.fixture(scope="module")
def walk(browser, tmp_path_factory):
    """Every screen in every theme and size: the audit of each, the focus ring of each
    kind of control, and, last (it changes answers), focus after pressing one of each."""
    root = tmp_path_factory.mktemp("audit")
    (root / "data").mkdir()
    shutil.copy(SESSION, root / "data" / "session.json")
    (root / "data" / "display.json").write_text(json.dumps({"theme": "light", "text_scale": 1.0}))
    shots = Path(os.environ["A11Y_SHOTS"]) if os.environ.get("A11Y_SHOTS") else None
    content = load_content(locations.locale_root("en"))
    more_label = content.text("options.more")
    server = Server(root / "data", root / "server.log").start()
    context = browser.new_context(viewport=VIEWPORT)
    found: dict = {
        "screens": {},
        "rings": {},
        "follow": {},
        "folds": None,
        "kinds": {},
        "unsettled": [],
        "markdown": {},
    }
    last, timing = None, []
    try:
        page = context.new_page()
        page.goto(server.link(WALK[0]))
        placeholder = page.locator("flt-semantics-placeholder")
        placeholder.wait_for(state="attached", timeout=60_000)
        placeholder.dispatch_event("click")
        for number, (theme, scale) in enumerate(CONFIGS):
            for route in WALK:
                go(page, route)
                started = time.monotonic()
                tree, png = last = settle(page, last, found["unsettled"])
                timing.append(time.monotonic() - started)
                if shots:
                    shots.mkdir(parents=True, exist_ok=True)
                    (shots / f"{theme}-{round(scale * 100)}-{route or 'welcome'}.png").write_bytes(png)
                found["screens"][theme, scale, route] = audit.measure(tree, png, PALETTES[theme])
                found["kinds"][route] = tree["kinds"]
                if route == "options" and found["folds"] is None:
                    # Each option card's fold is a button of its own (once it was folded
                    # into the card's label and could not be reached by a screen reader).
                    cards = page.locator('[flt-semantics-identifier^="option-"]').count()
                    found["folds"] = (cards, page.get_by_role("button", name=more_label).count())
                for kind in tree["kinds"]:
                    # Colours do not change with the text size: each theme's rings once.
                    if (theme, kind) not in found["rings"]:
                        found["rings"][theme, kind] = (
                            route,
                            ring_pixels(page, kind, shots and shots / f"ring-{theme}-{kind}"),
                        )
                        last = (tree, page.screenshot())  # the screen as the ring left it
            if number == 0:  # headings do not change with theme or size: once, at 100%
                found["markdown"], last = exposed_headings(page, content, last, found["unsettled"])
                go(page, WALK[-1])  # back to the display settings, where the next are chosen
                last = settle(page, last, found["unsettled"])
            if number + 1 < len(CONFIGS):  # the walk ends on the display settings: the next ones
                choose_display(page, *CONFIGS[number + 1])
        for route, kinds in found["kinds"].items():
            if kinds:
                go(page, route)
                # Not against the last screen: the walk may end on this very route.
                settle(page, None, found["unsettled"])
                # In the order they stand on the page: Tab goes on from the last one pressed.
                # A fold is measured for its ring only: pressing one opens it, which is not
                # a choice that must show as chosen.
                for kind in (k for k in kinds if k != "fold"):
                    found["follow"][route, kind] = press_and_follow(page, kind)
    finally:
        context.close()
        server.stop()
    print_table(found)
    print(f"settle: {sum(timing):.1f} s for {len(timing)} screens, slowest {max(timing):.1f} s")
    print(
        "\n".join(["ran out of time:", *found["unsettled"]]) if found["unsettled"] else "every screen settled"
    )
    return found


def print_table(found: dict) -> None:
    """The per-screen table of the closing note: one line per screen, theme and size."""
    print("\ntheme    size screen     interactive unnamed dup headings  text  marks measured")
    for (theme, scale, route), r in found["screens"].items():
        print(
            f"{theme:<8} {round(scale * 100):>3}% {route or 'welcome':<11}"
            f"{r.interactive:>6} {len(r.unnamed):>7}"
            f" {len(r.duplicates):>3} {len(r.headings):>8} {len(r.text):>5} {len(r.marks):>6} {r.measured:>8}"
        )
        for check, items in r.failures().items():
            print(f"    {check}: {items[:4]}")
    for (theme, kind), (route, pixels) in found["rings"].items():
        print(f"focus ring {theme} {kind} on {route or 'welcome'}: {pixels} px changed by 3:1")
    for (route, kind), problems in found["follow"].items():
        print(f"pressed {kind} on {route or 'welcome'}: {problems or 'focus stayed'}")
    for route, (expected, exposed, missing) in found["markdown"].items():
        print(
            f"markdown headings on {route}: {len(expected)} in the content, {len(exposed)} headings"
            f" in the tree, {len(missing)} not exposed {missing[:4]}"
        )


def failing(walk, check: str) -> dict:
    return {
        key: result.failures()[check] for key, result in walk["screens"].items() if check in result.failures()
    }


def test_every_route_is_audited_in_three_themes_at_two_text_sizes(walk):
    assert len(walk["screens"]) == len(audit.ROUTES) * len(CONFIGS)
    assert all(result.interactive > 0 and result.measured > 0 for result in walk["screens"].values())


def test_no_screen_has_an_interactive_node_without_a_name(walk):
    assert failing(walk, "unnamed") == {}
    cards, folds = walk["folds"]
    assert cards > 0 and folds == cards


def test_no_two_sibling_controls_share_a_name(walk):
    assert failing(walk, "duplicate names") == {}


def test_every_screen_has_one_h1_and_no_skipped_heading_level(walk):
    assert failing(walk, "headings") == {}


def test_every_markdown_heading_is_exposed_as_a_heading(walk):
    """Audit D5: about.md's 10 sections, a reading's 6 and the summary's 15 headings were
    drawn as plain text by Flet's Markdown control."""
    assert set(walk["markdown"]) == {"about", "learn", "summary"}
    assert all(expected for expected, _, _ in walk["markdown"].values())
    assert {route: missing for route, (_, _, missing) in walk["markdown"].items() if missing} == {}


def test_text_on_the_screen_reaches_4_5_to_1_against_its_background(walk):
    assert failing(walk, "text contrast") == {}


def test_bars_and_chart_marks_reach_3_to_1_on_the_screen(walk):
    assert failing(walk, "mark contrast") == {}


def test_the_keyboard_focus_indicator_changes_enough_pixels_by_3_to_1(walk):
    measured = {key: pixels for key, (_route, pixels) in walk["rings"].items()}
    assert set(measured) == {
        (theme, kind) for theme in audit.THEMES for kind in ("radio", "checkbox", "choice", "fold")
    }
    assert {
        key: pixels for key, pixels in measured.items() if not pixels or pixels < audit.FOCUS_MIN_PIXELS
    } == {}


def test_focus_stays_on_the_pressed_control_and_on_the_screen(walk):
    assert walk["follow"], "no radio, checkbox or choice was found to press"
    assert {key: problems for key, problems in walk["follow"].items() if problems} == {}
