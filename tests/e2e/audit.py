"""What the accessibility audit measures on one screen: its accessibility tree, and the
contrast of its rendered pixels (Pillow on a screenshot).

Kept apart from the test so each check can be read, and tried on a scratch copy, alone.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from PIL import Image, ImageChops

from decisionaid.gui.routes import ASIDE, JOURNEY

ROUTES = tuple(step.path.lstrip("/") for step in (*JOURNEY, *ASIDE))
"""Every page of the app, from the route table: a page added there is audited too."""

THEMES = ("light", "dark", "contrast")
SCALES = (1.0, 2.0)
TEXT_MIN = 4.5
MARK_MIN = 3.0

SIGNATURE = """document.querySelectorAll('flt-semantics').length + ':'
  + (document.querySelector('flt-semantics') || {textContent: ''}).textContent.length"""
SIGNATURE_SCRIPT = f"() => {SIGNATURE}"
"""Cheap to take many times: changes when the tree of the screen does."""

TREE_SCRIPT = """() => {
  const INTERACTIVE = ['button', 'radio', 'checkbox', 'link', 'textbox', 'switch', 'tab',
                       'menuitem', 'slider', 'combobox'];
  const own = e => (e.getAttribute('aria-label') || e.textContent || '').trim()
    || ((e.querySelector('input, textarea') || {}).ariaLabel || '').trim();
  const box = e => { const r = e.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map(Math.round); };
  const all = [...document.querySelectorAll('flt-semantics')];
  const isChoice = e => e.getAttribute('role') === 'button' && e.hasAttribute('aria-current')
    && [...e.parentElement.children].filter(s => s.hasAttribute('aria-current')).length > 1;
  const isFold = e => e.getAttribute('role') === 'button' && e.hasAttribute('aria-current')
    && !isChoice(e);
  const controls = all.filter(e => INTERACTIVE.includes(e.getAttribute('role')));
  const siblings = new Map();
  for (const e of controls) {
    const parent = e.parentElement && e.parentElement.closest('flt-semantics');
    if (!siblings.has(parent)) siblings.set(parent, []);
    siblings.get(parent).push(own(e));
  }
  const duplicates = [];
  for (const names of siblings.values()) {
    const seen = new Set();
    for (const n of names) if (n && seen.has(n) && !duplicates.includes(n)) duplicates.push(n);
      else seen.add(n);
  }
  const leaf = e => !e.querySelector('flt-semantics');
  const inView = b => b[2] > 4 && b[3] > 4 && b[1] >= 0 && b[0] >= 0
    && b[1] + b[3] <= innerHeight && b[0] + b[2] <= innerWidth;
  return {
    path: location.pathname,
    interactive: controls.length,
    unnamed: controls.filter(e => !own(e))
      .map(e => e.getAttribute('role') + '#' + (e.getAttribute('flt-semantics-identifier') || e.id)),
    duplicates,
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
      .map(e => Number(e.getAttribute('aria-level') || e.tagName.slice(1))),
    headingNames: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')].map(own),
    texts: all.filter(e => leaf(e) && !e.getAttribute('role') && own(e) && inView(box(e)))
      .map(e => ({name: own(e).slice(0, 40), box: box(e)})),
    bars: all.filter(e => e.getAttribute('role') === 'progressbar' && inView(box(e)))
      .map(e => ({name: own(e), box: box(e), value: Number(e.getAttribute('aria-valuenow')) / 100})),
    images: all.filter(e => e.getAttribute('role') === 'img' && inView(box(e)))
      .map(e => ({name: own(e).slice(0, 40), box: box(e)})),
    kinds: ['radio', 'checkbox', 'choice', 'fold'].map(kind => [kind, all.find(e => kind === 'choice'
        ? isChoice(e) : kind === 'fold' ? isFold(e) : e.getAttribute('role') === kind)])
      .filter(([_, e]) => e).sort((a, b) => box(a[1])[1] - box(b[1])[1]).map(([kind]) => kind),
    signature: SIGNATURE,
  };
}""".replace("SIGNATURE", SIGNATURE)
"""One pass over the semantics DOM: names, duplicates among siblings, heading levels and words, and
the boxes of text runs, bars and figures in view (their pixels are measured in Python).
A choice is a button with a chosen state among others like it; a fold's header has a
chosen state too (whether it is open), but alone."""

FOCUS_SCRIPT = """() => {
  const e = document.activeElement;
  if (!e || !e.closest('flt-semantics')) return null;
  const node = e.closest('flt-semantics');
  const r = node.getBoundingClientRect();
  const role = node.getAttribute('role');
  const choice = role === 'button' && node.hasAttribute('aria-current')
    && [...node.parentElement.children].filter(s => s.hasAttribute('aria-current')).length > 1;
  const fold = role === 'button' && node.hasAttribute('aria-current') && !choice;
  const kind = choice ? 'choice' : fold ? 'fold' : role;
  return {kind, id: node.getAttribute('flt-semantics-identifier') || '', node: node.id,
    name: (node.getAttribute('aria-label') || node.textContent || '').trim(),
    on: node.getAttribute('aria-checked') || node.getAttribute('aria-current') || '',
    box: [r.x, r.y, r.width, r.height].map(Math.round),
    onScreen: r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth};
}"""
"""What has keyboard focus, and whether it can be seen."""


def luminance(rgb: tuple[int, ...]) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb[:3])]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """#RRGGBB to a tuple."""
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def open_image(png: bytes) -> Image.Image:
    """A screenshot as RGB pixels."""
    return Image.open(io.BytesIO(png)).convert("RGB")


def colours(image: Image.Image, box: list[int]) -> Counter:
    """How many pixels of each colour lie in `box` (x, y, width, height)."""
    x, y, w, h = box
    crop = image.crop((x, y, x + w, y + h))
    return Counter({rgb: n for n, rgb in crop.getcolors(maxcolors=w * h + 1)})


def text_contrast(image: Image.Image, box: list[int]) -> float:
    """The contrast of a run of text with its background: the commonest colour in the box is
    the background, and the glyphs' full colour is the one furthest from it (edge pixels are
    blends, so the furthest one is the stroke's core)."""
    found = colours(image, box)
    background = found.most_common(1)[0][0]
    return max(contrast(rgb, background) for rgb in found)


def bar_contrasts(image: Image.Image, box: list[int], value: float) -> dict[str, float]:
    """Fill against track, and fill against the page, sampled at the middle of a bar.

    The fill is sampled halfway along its length, the track halfway along the rest, and
    the page just left of the bar (beyond its outline)."""
    x, y, w, h = box
    middle = y + h // 2
    page = image.getpixel((max(x - 6, 0), middle))
    found: dict[str, float] = {}
    if value >= 0.04:
        fill = image.getpixel((x + int(w * value / 2), middle))
        found["fill/page"] = contrast(fill, page)
        if value <= 0.96:
            track = image.getpixel((x + int(w * (1 + value) / 2), middle))
            found["fill/track"] = contrast(fill, track)
    return found


def is_shading(rgb: tuple[int, ...], background: tuple[int, ...], marks: list[tuple[int, int, int]]) -> bool:
    """Whether `rgb` is a see-through tint (under 60%) of a mark colour over the background:
    a band or range fill, whose edge or values carry the information, not a mark itself."""
    for mark in marks:
        spans = [m - b for m, b in zip(mark, background, strict=False)]
        if max(abs(s) for s in spans) < 40:
            continue
        shares = [(c - b) / s for c, b, s in zip(rgb, background, spans, strict=False) if abs(s) >= 40]
        if shares and max(shares) - min(shares) < 0.08 and 0.02 < sum(shares) / len(shares) < 0.6:
            return True
    return False


def chart_failures(image: Image.Image, box: list[int], marks: list[tuple[int, int, int]]) -> list[str]:
    """Colours that fill at least 0.5% of a figure, are not its background nor shading, and
    stand out from the background by less than 3:1 (an icon, marker or bar hard to see)."""
    found = colours(image, box)
    total = sum(found.values())
    background = found.most_common(1)[0][0]
    failures = []
    for rgb, count in found.most_common(12):
        if rgb == background or count < total * 0.005 or is_shading(rgb, background, marks):
            continue
        ratio = contrast(rgb, background)
        if ratio < MARK_MIN:
            failures.append(f"#{bytes(rgb).hex()} on #{bytes(background).hex()} {ratio:.2f}")
    return failures


CARET_WIDTH, CARET_HEIGHT = 4, 64
"""The largest change that still counts as a still screen: a text caret, 2 px wide and
one line high (up to 64 px at 200% text), blinks for as long as its field has focus.
A radio dot or a tick still growing is wider, and counts as change."""


def change_box(a: bytes, b: bytes) -> tuple[int, int, int, int] | None:
    """The box around every pixel that differs between two screenshots (None: none)."""
    return ImageChops.difference(open_image(a), open_image(b)).getbbox()


def still(a: bytes | None, b: bytes) -> bool:
    """Whether two screenshots show the same screen, but for a blinking caret."""
    if a is None:
        return False
    if a == b:
        return True
    box = change_box(a, b)
    return box is None or (box[2] - box[0] <= CARET_WIDTH and box[3] - box[1] <= CARET_HEIGHT)


def painted(png: bytes, tree: dict) -> bool:
    """Whether the text runs and bars the tree has in view show on the screenshot (more
    than one colour in the box of 9 in 10 of them): the tree is ready before the paint."""
    image = open_image(png)
    boxes = [item["box"] for item in (*tree["texts"], *tree["bars"])]
    return sum(len(colours(image, box)) > 1 for box in boxes) >= 0.9 * len(boxes)


def heading_problems(levels: list[int]) -> list[str]:
    """Not exactly one h1 first, or a level skipped on the way down (h1 then h3)."""
    problems = []
    if levels.count(1) != 1 or (levels and levels[0] != 1):
        problems.append(f"h1 x{levels.count(1)}")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            problems.append(f"h{before}->h{after}")
    return problems


HEADING_LINE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
CITATION = re.compile(r"\s*\[(?:@[^\]]*|[\d, ?]+)\]")


def markdown_headings(source: str) -> list[str]:
    """The words of each heading (`#` to `######`) of a Markdown source, read with a plain
    pattern: what the content says is a heading, whatever draws it."""
    return [words for _, words in HEADING_LINE.findall(source)]


def heading_words(text: str) -> str:
    """A heading's words for comparing source and screen: no citation marks (`[@R3]` in the
    source, `[1]` on the screen), emphasis marks or escapes; spaces and case evened out."""
    text = re.sub(r"\\(.)", r"\1", CITATION.sub("", text)).replace("*", "").replace("`", "")
    return " ".join(text.split()).casefold()


def unexposed_headings(expected: list[str], exposed: list[str]) -> list[str]:
    """The content's headings that the screen does not expose as headings (role heading or
    h1 to h6 in the accessibility tree), each heading counted once (audit D5)."""
    left = Counter(heading_words(name) for name in exposed)
    missing = []
    for words in expected:
        if left[heading_words(words)] > 0:
            left[heading_words(words)] -= 1
        else:
            missing.append(words)
    return missing


@dataclass
class ScreenResult:
    """What one screen showed in one theme and text size."""

    interactive: int = 0
    unnamed: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    measured: int = 0

    def failures(self) -> dict[str, list[str]]:
        """Each failing check with what failed."""
        found = {
            "unnamed": self.unnamed,
            "duplicate names": self.duplicates,
            "headings": self.headings,
            "text contrast": self.text,
            "mark contrast": self.marks,
        }
        return {check: items for check, items in found.items() if items}


def measure(tree: dict, png: bytes, palette: dict[str, str]) -> ScreenResult:
    """Every check of one screen from its semantics snapshot and its screenshot."""
    image = open_image(png)
    marks = [hex_rgb(palette[role]) for role in ("primary", "on_surface", "outline")]
    result = ScreenResult(
        interactive=tree["interactive"],
        unnamed=tree["unnamed"],
        duplicates=tree["duplicates"],
        headings=heading_problems(tree["headings"]),
    )
    for text in tree["texts"]:
        ratio = text_contrast(image, text["box"])
        result.measured += 1
        if ratio < TEXT_MIN:
            result.text.append(f"{text['name']!r} {ratio:.2f}")
    for bar in tree["bars"]:
        for pair, ratio in bar_contrasts(image, bar["box"], bar["value"]).items():
            result.measured += 1
            if ratio < MARK_MIN:
                result.marks.append(f"bar {bar['name'][:30]!r} {pair} {ratio:.2f}")
    for figure in tree["images"]:
        result.measured += 1
        result.marks += [
            f"figure {figure['name']!r}: {f}" for f in chart_failures(image, figure["box"], marks)
        ]
    return result


FOCUS_MIN_PIXELS = 192
"""Pixels that must change by 3:1 when a control takes focus: the area of a 2 px line
around a 24 px box (WCAG 2.4.13's minimum for the smallest control here, a radio)."""


def focus_change(unfocused: bytes, focused: bytes, box: list[int], margin: int = 24) -> int:
    """How many pixels around `box` change by at least 3:1 between the two screenshots:
    the part of the focus indicator that can be seen (WCAG 2.4.13)."""
    x, y, w, h = box
    area = (max(x - margin, 0), max(y - margin, 0), x + w + margin, y + h + margin)
    before = open_image(unfocused).crop(area)
    after = open_image(focused).crop(area)
    cache: dict[tuple, float] = {}
    changed = 0
    for a, b in zip(before.get_flattened_data(), after.get_flattened_data(), strict=True):
        if a != b:
            if (a, b) not in cache:
                cache[(a, b)] = contrast(a, b)
            changed += cache[(a, b)] >= MARK_MIN
    return changed
