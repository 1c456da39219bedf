"""The person's words made safe to show: the one cleaning every exporter shares, and print limits.

`plain_text` is used by the PDF and by the Markdown/HTML exports alike, so a
control code or a direction override typed (or pasted, or put in a session
file) never reaches any of them. `shortened_for_print` bounds how much of the
person's own text one PDF prints, so that no session, however large, makes
the PDF slow; the saved session always keeps every word.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import fields, is_dataclass

from decisionaid.domain.summary import DiscussionSummary, Question, UserText

# C0 and C1 control codes except tab and the line breaks (which `splitlines`
# has already turned into "\n"), and the bidirectional embeddings, overrides
# and isolates (U+202A-U+202E, U+2066-U+2069): an override can make
# "gnp.exe" read as "exe.png", and a terminal obeys ESC sequences.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

PRINTED_CHARACTERS = 10_000
"""At most this many characters of each of the person's texts are printed: the notes,
the care team's notes, and the person's own questions taken together. It is the
app's own limit for a notes field."""

PRINT_ALLOWANCE = 20_000
"""What each of those texts may cost to print, where a character costs 1, a line break
10 more, and a change between kinds of letters (Latin, right-to-left, other
scripts and emoji) 20 more: each line and each change of font or direction is
work for the PDF. Text typed in the app, even in two scripts, stays well inside
it; 10,000 characters alternating between Latin and Hebrew letter by letter do not."""

_LINE_BREAK_COST = 10
_SWITCH_COST = 20
_QUESTION_COST = 50  # each question takes at least a line of its own
_RTL = frozenset({"R", "AL"})


def plain_text(text: str) -> str:
    """`text` without control codes or direction overrides, every kind of line break
    (CR, CR LF, VT, FF, NEL, U+2028 ...) as one "\\n", in composed form (NFC)."""
    return unicodedata.normalize("NFC", _UNSAFE.sub("", "\n".join(text.splitlines())))


def summary_texts(summary: DiscussionSummary) -> Iterator[str]:
    """Every string the summary holds, the person's words and the content's alike, in order."""
    stack: list[object] = [summary]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(reversed(item.values()))
        elif isinstance(item, tuple | list):
            stack.extend(reversed(item))
        elif is_dataclass(item):
            stack.extend(reversed([getattr(item, f.name) for f in fields(item)]))


def _kind(char: str) -> str | None:
    """Which font and direction a letter or symbol needs; None for spaces, digits,
    punctuation and combining marks, which go with their neighbours."""
    if char.isascii():
        return "main" if char.isalpha() else None
    category = unicodedata.category(char)
    if category[0] not in "LS" or category == "Sk":
        return None
    if unicodedata.bidirectional(char) in _RTL:
        return "rtl"
    return "main" if ord(char) < 0x2000 else "other"


def _running_costs(text: str) -> Iterator[int]:
    """What printing `text` costs so far, after each of its characters."""
    used, kind = 0, None
    for char in text:
        used += 1
        if char == "\n":
            used += _LINE_BREAK_COST
        elif (this := _kind(char)) is not None:
            if kind is not None and this != kind:
                used += _SWITCH_COST
            kind = this
        yield used


def _printed_length(text: str, allowance: int) -> int:
    """How many characters from the start of `text` fit in `allowance`."""
    for index, used in enumerate(_running_costs(text[:PRINTED_CHARACTERS])):
        if used > allowance:
            return index
    return min(len(text), PRINTED_CHARACTERS)


def _print_cost(text: str) -> int:
    """What `text` costs to print, in the units of `PRINT_ALLOWANCE` (more than the
    allowance for text longer than `PRINTED_CHARACTERS`)."""
    if len(text) > PRINTED_CHARACTERS:
        return PRINT_ALLOWANCE + 1
    return max(_running_costs(text), default=0)


def _cut(text: str, allowance: int, note: str) -> str:
    """`text` if it fits in `allowance`; else as much of it as fits, ending at a space
    or line break when one is near, followed by `note`."""
    length = _printed_length(text, allowance)
    if length == len(text):
        return text
    head = text[:length]
    space = max(head.rfind(" "), head.rfind("\n"))
    return f"{(head[:space] if space > length * 0.9 else head).rstrip()} {note}"


def shortened_for_print(summary: DiscussionSummary, note: str) -> DiscussionSummary:
    """The summary with each of the person's texts cut to what the PDF prints
    (`PRINTED_CHARACTERS`, `PRINT_ALLOWANCE`), `note` ("text shortened ...") ending
    each text that was cut; the summary itself when nothing is cut.

    The own questions share one allowance: those that no longer fit are left out,
    and the last question printed ends with the note."""
    notes, clinician, view = summary.notes.text, summary.clinician_notes.text, summary.others_view.text
    own = [
        max(_print_cost(q.text.text), _QUESTION_COST)
        for q in summary.questions
        if isinstance(q.text, UserText)
    ]
    if max(_print_cost(notes), _print_cost(clinician), _print_cost(view), sum(own)) <= PRINT_ALLOWANCE:
        return summary
    questions: list[Question] = []
    left = PRINT_ALLOWANCE
    for question in summary.questions:
        if not isinstance(question.text, UserText):
            questions.append(question)
        elif left > 0:
            text = _cut(question.text.text, left, note)
            questions.append(dataclasses.replace(question, text=UserText(text)))
            left -= max(_print_cost(question.text.text), _QUESTION_COST)
        elif questions and isinstance(questions[-1].text, UserText):
            # Questions left out: the last one printed says so, once.
            last = questions[-1].text.text
            if not last.endswith(note):
                questions[-1] = dataclasses.replace(questions[-1], text=UserText(f"{last} {note}"))
    return dataclasses.replace(
        summary,
        notes=UserText(_cut(notes, PRINT_ALLOWANCE, note)),
        clinician_notes=UserText(_cut(clinician, PRINT_ALLOWANCE, note)),
        questions=tuple(questions),
        # A partner's or parent's view is typed in a field like the notes: the same allowance.
        others_view=UserText(_cut(view, PRINT_ALLOWANCE, note)),
    )


def printed_whole(summary: DiscussionSummary) -> bool:
    """Whether the PDF prints every word of the person's texts (see `shortened_for_print`)."""
    return shortened_for_print(summary, "") is summary
