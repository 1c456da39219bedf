"""Which options each of a set of people sees set apart, worked out by hand (review M4-11).

An oracle apart from the engine: each row below was written by reading the licence
rules (`not_for`) and licence lines in `content/en/options/*.md` and the rules that
`decisionaid/domain/eligibility.py` states in its docstrings, never by running the
engine. The property tests check the engine against the rules as the engine reads
them; these rows check that reading on people whose answers a rule turns on: a rule
the engine drops, or applies to the wrong people, turns a row red. A few rows also tick a
hard limit and list the options it marks for them, from attributes.yaml's `crossed_by` and
`crossed_by_when` (review M5-2: a limit crossed only for a woman who could become pregnant).

The last tests break the content on purpose, rule by rule and answer by answer, and
check that some row goes red each time (and that each row goes red under some break).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from decisionaid.domain.content import Content
from decisionaid.domain.fit import fit
from decisionaid.domain.session import Profile, Session
from tests.domain.fit_factories import shipped

NOT_FOR = "not_for_you"
WITHDRAWN = "withdrawn"
NO_CARD = "current_unknown"
""""Stay with my current treatment" when no card can stand for what he uses."""
TYPE = "type_unknown"

TYPE_A = (
    "concizumab",
    "emicizumab",
    "factor8-extended",
    "factor8-standard",
    "fitusiran",
    "marstacimab",
    "roctavian",
)
TYPE_B = (
    "beqvez",
    "concizumab",
    "factor9-extended",
    "factor9-standard",
    "fitusiran",
    "hemgenix",
    "marstacimab",
)
"""The products shown for each type (their `applies_to`), but "factor only when I bleed",
which is shown only to the person who uses it."""
ON_DEMAND = "factor-on-demand"

MAN = {"sex": "male", "age_group": "18_to_64", "inhibitors": "never", "severity": "severe"}


@dataclass(frozen=True)
class Person:
    """Someone's answers and the options he should see set apart, with the standing of each."""

    who: str
    answers: dict[str, str]
    apart: dict[str, str] = field(default_factory=dict)
    limits: tuple[str, ...] = ()
    """The hard limits this person ticks."""
    marked: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Option id -> the limits it crosses for this person, for each scored option that
    crosses one, written from `crossed_by` and `crossed_by_when` in attributes.yaml
    (review M5-2)."""

    def profile(self) -> Profile:
        return Profile(**self.answers)

    def scored(self) -> set[str]:
        """The rest of the products shown for his type: each of these gets a fit."""
        kind = self.answers.get("hemophilia_type")
        shown = {"A": set(TYPE_A), "B": set(TYPE_B)}.get(kind, {*TYPE_A, *TYPE_B})
        if self.answers.get("current_treatment") == ON_DEMAND:
            shown.add(ON_DEMAND)
        return shown - set(self.apart)


def _a(**answers: str) -> dict[str, str]:
    return {"hemophilia_type": "A", **MAN, **answers}


def _b(**answers: str) -> dict[str, str]:
    return {"hemophilia_type": "B", **MAN, **answers}


EVERYTHING_FOR_NEITHER_TYPE = {o: TYPE for o in {*TYPE_A, *TYPE_B}} | {
    "beqvez": WITHDRAWN,
    "current": NO_CARD,
}
"""Not sure of the type: nothing is scored; Beqvez is withdrawn whatever else is true."""

PEOPLE = [
    # Age: Alhemo, Qfitlia and Hympavzi "from age 12"; Roctavian and Hemgenix "only for adults".
    Person(
        "10, severe A, on standard factor VIII",
        _a(age_group="under_12", current_treatment="factor8-standard"),
        {"concizumab": NOT_FOR, "fitusiran": NOT_FOR, "marstacimab": NOT_FOR, "roctavian": NOT_FOR},
    ),
    Person(
        "16, severe B, on long-acting factor IX",
        _b(age_group="under_18", current_treatment="factor9-extended"),
        {"beqvez": WITHDRAWN, "hemgenix": NOT_FOR},
    ),
    Person(
        "70, severe A, US, on standard factor VIII",
        _a(age_group="65_plus", region="us", current_treatment="factor8-standard"),
    ),
    # Inhibitors: factor "with an inhibitor now"; gene therapy "never had inhibitors";
    # Hympavzi "for people without inhibitors" wherever he lives; Alhemo's EU rules are for
    # people without one, so it stays scored.
    Person(
        "27, severe A, inhibitor now, on Hemlibra, EU",
        _a(inhibitors="now", region="eu", current_treatment="emicizumab"),
        {
            "factor8-extended": NOT_FOR,
            "factor8-standard": NOT_FOR,
            "marstacimab": NOT_FOR,
            "roctavian": NOT_FOR,
        },
    ),
    Person(
        "27, severe A, inhibitor now, on Hemlibra, US",
        _a(inhibitors="now", region="us", current_treatment="emicizumab"),
        {
            "factor8-extended": NOT_FOR,
            "factor8-standard": NOT_FOR,
            "marstacimab": NOT_FOR,
            "roctavian": NOT_FOR,
        },
    ),
    Person(
        "severe A, inhibitor now, keeps his factor only when he bleeds",
        _a(inhibitors="now", current_treatment=ON_DEMAND),
        {
            "factor8-extended": NOT_FOR,
            "factor8-standard": NOT_FOR,
            "marstacimab": NOT_FOR,
            "roctavian": NOT_FOR,
        },
    ),
    Person(
        "mild A, inhibitor now, EU, keeps his standard factor VIII",
        _a(severity="mild", inhibitors="now", region="eu", current_treatment="factor8-standard"),
        {"factor8-extended": NOT_FOR, "marstacimab": NOT_FOR, "roctavian": NOT_FOR},
    ),
    Person(
        "severe B, inhibitor in the past, US, on standard factor IX",
        _b(inhibitors="past", region="us", current_treatment="factor9-standard"),
        {"beqvez": WITHDRAWN, "hemgenix": NOT_FOR},
    ),
    Person(
        "severe B, inhibitor now, EU, on Alhemo",
        _b(inhibitors="now", region="eu", current_treatment="concizumab"),
        {
            "beqvez": WITHDRAWN,
            "factor9-extended": NOT_FOR,
            "factor9-standard": NOT_FOR,
            "hemgenix": NOT_FOR,
            "marstacimab": NOT_FOR,
        },
    ),
    # Women: both gene therapy labels do not advise it for a woman who could get pregnant
    # or plans a pregnancy; "no", "not sure" and no answer leave it scored.
    Person(
        "35, woman who could become pregnant, severe B, EU, on standard factor IX",
        _b(sex="female", pregnancy_possible="yes", region="eu", current_treatment="factor9-standard"),
        {"beqvez": WITHDRAWN, "hemgenix": NOT_FOR},
    ),
    Person(
        "30, woman who could become pregnant, severe A, US, on Hemlibra",
        _a(sex="female", pregnancy_possible="yes", region="us", current_treatment="emicizumab"),
        {"roctavian": NOT_FOR},
    ),
    # Review M5-2: a woman who could become pregnant ticks "I could not put off having a
    # child". Her own Hemlibra and Hympavzi ask for birth control while on them and for 6 or
    # 2 months after, so both cross it for her; Roctavian crosses it but is set apart.
    Person(
        "30, woman who could become pregnant, severe A, on Hemlibra, cannot wait for a child",
        _a(sex="female", pregnancy_possible="yes", current_treatment="emicizumab"),
        {"roctavian": NOT_FOR},
        limits=("wait_for_children",),
        marked={"emicizumab": ("wait_for_children",), "marstacimab": ("wait_for_children",)},
    ),
    Person(
        "man planning a child, severe A, on Hemlibra, cannot wait for a child",
        _a(plans_for_children="yes", current_treatment="emicizumab"),
        limits=("wait_for_children",),
        marked={"roctavian": ("wait_for_children",)},
    ),
    Person(
        "woman planning a child, severe A, pregnancy not answered, on Hemlibra",
        _a(sex="female", plans_for_children="yes", current_treatment="emicizumab"),
        {"roctavian": NOT_FOR},
    ),
    Person(
        "woman who could not become pregnant, severe B, on standard factor IX",
        _b(
            sex="female",
            pregnancy_possible="no",
            plans_for_children="no",
            current_treatment="factor9-standard",
        ),
        {"beqvez": WITHDRAWN},
    ),
    Person(
        "woman not sure she could become pregnant, severe A, on Hemlibra",
        _a(
            sex="female",
            pregnancy_possible="not_sure",
            plans_for_children="prefer_not_to_say",
            current_treatment="emicizumab",
        ),
    ),
    Person(
        "man planning a child, severe B, on standard factor IX",
        _b(plans_for_children="yes", current_treatment="factor9-standard"),
        {"beqvez": WITHDRAWN},
    ),
    Person(
        "41, woman, moderate B, EU, factor only when she bleeds",
        _b(
            sex="female",
            pregnancy_possible="no",
            severity="moderate",
            region="eu",
            current_treatment=ON_DEMAND,
        ),
        {"beqvez": WITHDRAWN, "marstacimab": NOT_FOR},
    ),
    # Severity and where he lives: Roctavian "only for severe"; Hemgenix "not mild";
    # Hemlibra in the EU without inhibitors not for mild; Hympavzi in the EU and UK only
    # for severe; Alhemo in the EU without an inhibitor now only for severe A, and for B
    # not for mild.
    Person(
        "mild A, EU, on standard factor VIII",
        _a(severity="mild", region="eu", current_treatment="factor8-standard"),
        {"concizumab": NOT_FOR, "emicizumab": NOT_FOR, "marstacimab": NOT_FOR, "roctavian": NOT_FOR},
    ),
    Person(
        "mild A, US, on standard factor VIII",
        _a(severity="mild", region="us", current_treatment="factor8-standard"),
        {"roctavian": NOT_FOR},
    ),
    Person(
        "moderate A, EU, on Hemlibra",
        _a(severity="moderate", region="eu", current_treatment="emicizumab"),
        {"concizumab": NOT_FOR, "marstacimab": NOT_FOR, "roctavian": NOT_FOR},
    ),
    Person(
        "moderate A, UK, on Hemlibra",
        _a(severity="moderate", region="uk", current_treatment="emicizumab"),
        {"marstacimab": NOT_FOR, "roctavian": NOT_FOR},
    ),
    *(
        # A region rule never applies where he did not say, or said elsewhere.
        Person(
            f"moderate A, region {region or 'not answered'}, on Hemlibra",
            {
                **_a(severity="moderate", current_treatment="emicizumab"),
                **({"region": region} if region else {}),
            },
            {"roctavian": NOT_FOR},
        )
        for region in ("", "not_sure", "prefer_not_to_say", "other", "canada", "us")
    ),
    Person(
        "mild B, EU, on standard factor IX",
        _b(severity="mild", region="eu", current_treatment="factor9-standard"),
        {"beqvez": WITHDRAWN, "concizumab": NOT_FOR, "hemgenix": NOT_FOR, "marstacimab": NOT_FOR},
    ),
    # Roctavian: "not given if you have antibodies to the virus shell it uses".
    Person(
        "severe A, AAV5 antibodies found, on standard factor VIII",
        _a(aav_antibodies="positive", current_treatment="factor8-standard"),
        {"roctavian": NOT_FOR},
    ),
    # What he uses now: "stay" is his product's card; with no card for it, it is apart.
    Person(
        "severe B, still on Beqvez",
        _b(current_treatment="beqvez"),
        {"beqvez": WITHDRAWN, "current": NO_CARD},
    ),
    Person("severe A, uses another treatment", _a(current_treatment="other"), {"current": NO_CARD}),
    Person("severe A, did not say what he uses", _a(), {"current": NO_CARD}),
    # Not sure of his type: nothing is scored; every option first goes through its licence
    # rules, so a rule that applies whatever his type still says so (review R9-1: a gene
    # therapy for one type only read "cannot tell" to a child or a man with a past inhibitor).
    Person(
        "adult, not sure of type, did not say what he uses",
        {**MAN, "hemophilia_type": "not_sure"},
        EVERYTHING_FOR_NEITHER_TYPE,
    ),
    Person(
        "10, not sure of type, on standard factor VIII",
        {
            **MAN,
            "hemophilia_type": "not_sure",
            "age_group": "under_12",
            "current_treatment": "factor8-standard",
        },
        {
            **{o: TYPE for o in {*TYPE_A, *TYPE_B}},
            "beqvez": WITHDRAWN,
            "concizumab": NOT_FOR,
            "fitusiran": NOT_FOR,
            "hemgenix": NOT_FOR,
            "marstacimab": NOT_FOR,
            "roctavian": NOT_FOR,
        },
    ),
    Person(
        "adult, type not answered, inhibitor in the past, EU, on standard factor VIII",
        {**MAN, "inhibitors": "past", "region": "eu", "current_treatment": "factor8-standard"},
        {
            **{o: TYPE for o in {*TYPE_A, *TYPE_B}},
            "beqvez": WITHDRAWN,
            "hemgenix": NOT_FOR,
            "roctavian": NOT_FOR,
        },
    ),
    # Not answered is as unknown as "not sure": a fit would weigh Hemgenix against Roctavian
    # (found by this table; the engine scored all ten products of both types).
    Person("adult, type not answered, did not say what he uses", MAN, EVERYTHING_FOR_NEITHER_TYPE),
]


def set_apart(
    content: Content, person: Person
) -> tuple[dict[str, str], set[str], dict[str, tuple[str, ...]]]:
    """The engine's answer for this person: option id -> standing, the options scored, and
    option id -> the limits each scored option is marked with (only those marked)."""
    session = Session(
        profile=person.profile(),
        importance={a.id: 3 for a in content.attributes},
        hard_limits=list(person.limits),
    )
    result = fit(content, session)
    marked = {f.option_id: f.limits_crossed for f in result.fits if f.limits_crossed}
    return {a.option_id: a.standing for a in result.apart}, {f.option_id for f in result.fits}, marked


def wrong_rows(content: Content) -> list[str]:
    """The people of the table for whom the engine, on this content, disagrees with the table."""
    return [p.who for p in PEOPLE if set_apart(content, p) != (p.apart, p.scored(), p.marked)]


@pytest.mark.parametrize(
    "person",
    PEOPLE,
    ids=lambda p: p.who,
)
def test_each_person_sees_set_apart_the_options_the_licence_lines_name_and_no_others(person: Person):
    apart, scored, marked = set_apart(shipped(), person)
    assert apart == person.apart
    assert scored == person.scored()
    assert marked == person.marked


def test_the_table_holds_a_row_for_each_standing_and_each_answer_a_licence_rule_names():
    standings = {s for p in PEOPLE for s in p.apart.values()}
    assert standings == {NOT_FOR, WITHDRAWN, NO_CARD, TYPE}
    named = {q for o in shipped().options for rule in o.not_for for q in rule.when}
    answered = {q for p in PEOPLE for q in p.answers}
    assert named <= answered, f"no row answers {sorted(named - answered)}"


# Breaking the content on purpose: every break turns a row red, and every row turns red
# under some break. `never` drops the rules that name an answer (a rule left out of a card);
# `always` drops the answer from each rule, so the rule no longer asks it (a rule that
# names too many people).


def _with_rules(content: Content, change) -> Content:
    options = [
        o.model_copy(update={"not_for": [r for r in map(change, o.not_for) if r is not None]})
        for o in content.options
    ]
    return content.model_copy(update={"options": options})


def never(question: str):
    """A break: every licence rule that names `question` is gone."""
    return lambda content: _with_rules(content, lambda r: None if question in r.when else r)


def always(question: str):
    """A break: every licence rule stops asking `question`, as if every answer matched."""
    return lambda content: _with_rules(
        content, lambda r: r.model_copy(update={"when": {q: a for q, a in r.when.items() if q != question}})
    )


def without_rules(option_id: str):
    """A break: the option's card has no licence rules at all."""
    return lambda content: content.model_copy(
        update={
            "options": [
                o.model_copy(update={"not_for": []}) if o.id == option_id else o for o in content.options
            ]
        }
    )


def back_on_the_market(content: Content) -> Content:
    """A break: no product is withdrawn."""
    options = [o.model_copy(update={"status": "available"}) for o in content.options]
    return content.model_copy(update={"options": options})


QUESTIONS = sorted({q for o in shipped().options for rule in o.not_for for q in rule.when})
RULED = sorted(
    o.id for o in shipped().options if o.not_for and o.status != "withdrawn" and not o.only_when_used_now
)
"""The cards whose licence rules can set them apart: not Beqvez (withdrawn comes first), nor
"factor only when I bleed" (shown only to the person who uses it, and a rule never takes
away what he uses now), whose rules no answer can make the fit show."""


def limits_for_everyone_only(content: Content) -> Content:
    """A break: no limit is crossed only for some people (the content before review M5-2)."""
    limits = [h.model_copy(update={"crossed_by_when": []}) for h in content.hard_limits]
    return content.model_copy(update={"hard_limits": limits})


BREAKS = {
    "limits crossed the same for everyone": limits_for_everyone_only,
    **{f"never {q}": never(q) for q in QUESTIONS},
    **{f"always {q}": always(q) for q in QUESTIONS},
    **{f"no rules on {o}": without_rules(o) for o in RULED},
    "nothing withdrawn": back_on_the_market,
}


@pytest.mark.parametrize("name", list(BREAKS))
def test_each_break_of_a_licence_rule_turns_a_row_red(name: str):
    # Only rows the break turns red count, not any the shipped content already fails.
    red = set(wrong_rows(BREAKS[name](shipped()))) - set(wrong_rows(shipped()))
    assert red, f"'{name}' passes every row: the table misses it"


def test_each_row_turns_red_under_some_break():
    red: set[str] = set()
    for make_broken in BREAKS.values():
        red |= set(wrong_rows(make_broken(shipped())))
    never_red = {p.who for p in PEOPLE} - (red - set(wrong_rows(shipped())))
    assert not never_red, f"no break turns these rows red: {sorted(never_red)}"
