"""People from PERSONAS.md and issue 14 as the answers they give on every step of the journey.

The in-process journey (tests/gui/test_journey.py) walks all seven; the Chromium journeys walk
Ray and Daniel through every control (tests/e2e/test_full_journeys_in_chromium.py) and the
five of issue 14 through what they read (tests/e2e/test_issue_14_people_in_chromium.py).
"""

from __future__ import annotations

from dataclasses import dataclass

ODD_NOTES = "\n".join(
    [
        "My wife takes the notes: how sure are the numbers?",
        "مرحبا، هل العلاج الجيني آمن لي؟",
        "Bleeds 🩸 and football ⚽ 👍",
        "<b>not bold</b> and **not bold either** [not a link](http://example.com)",
    ]
)
"""Notes a person may type: a question, right-to-left Arabic, emoji, and text that is markup
elsewhere. The summary must show it exactly as typed."""


@dataclass(frozen=True)
class Person:
    """What one person answers on each page, and what the app should show him."""

    key: str
    type_label: str
    """The type of hemophilia as the app words it (profile.a.hemophilia_type.X)."""
    profile: dict[str, str]
    """About you: field -> answer value (the q-<field>-<value> radios)."""
    modules: tuple[str, ...]
    """Learn: the modules he marks read."""
    options_shown: tuple[str, ...]
    options_hidden: tuple[str, ...]
    gene_therapy: str
    """The name of his type's gene therapy, which the factor-level figure must mention."""
    compare_add: tuple[str, ...]
    compare_remove: tuple[str, ...]
    importance_steps: tuple[int, ...]
    """What matters: the step (0..4) for each attribute by its place in the content,
    repeated when there are more attributes (ids are not pinned: the content may rename them)."""
    fit_change: tuple[int, int]
    """One importance changed again on the fit page (attribute place, step)."""
    top_three: tuple[int, int, int]
    """The places of the three attributes chosen as mattering most."""
    hard_limit: str
    knowledge: dict[str, int]
    readiness: dict[str, bool]
    leaning: str
    leaning_name: str
    role: str
    own_question: str
    notes: str = ODD_NOTES
    sees_notes: tuple[str, ...] = ()
    """Issue 14: the care-team notes (flag ids) the answers must raise for this person."""
    never_scored: tuple[str, ...] = ()
    """Options that must never get a fit for this person (the licence or type rules them out)."""
    never_reads: tuple[str, ...] = ()
    """Words that would be false for this person anywhere in the notes, the reasons an option
    is set apart, or the option cards shown (checked in tests/domain/test_journey_people_truth.py)."""

    def importance(self, attribute_ids: list[str]) -> dict[str, int]:
        """Attribute id -> step, for every attribute of the content."""
        steps = self.importance_steps
        return {a: steps[n % len(steps)] for n, a in enumerate(attribute_ids)}

    def changed_on_fit(self, attribute_ids: list[str]) -> tuple[str, int]:
        """The attribute id and step changed on the fit page."""
        place, step = self.fit_change
        return attribute_ids[place % len(attribute_ids)], step

    def importance_saved(self, attribute_ids: list[str]) -> dict[str, int]:
        attribute, step = self.changed_on_fit(attribute_ids)
        return {**self.importance(attribute_ids), attribute: step}

    def top_three_ids(self, attribute_ids: list[str]) -> list[str]:
        """The ids of his top three, in the order he chooses them."""
        return list(dict.fromkeys(attribute_ids[n % len(attribute_ids)] for n in self.top_three))


RAY = Person(
    key="ray-hemophilia-a",
    type_label="Hemophilia A",
    profile={
        "hemophilia_type": "A",
        "severity": "severe",
        "current_treatment": "emicizumab",
        "inhibitors": "never",
        "age_group": "18_to_64",
        "liver_problems": "yes",
        "aav_antibodies": "not_sure",
        "plans_for_children": "no",
        "alcohol": "none",
        # issue 14: PERSONAS.md (HIV controlled for decades, hepatitis C cured in 2016, 58)
        "sex": "male",
        "region": "us",
        "hiv": "yes",
        "hepatitis_b": "not_sure",
        "hepatitis_c": "past_cured",
        "heart_risk": "yes",
    },
    modules=("history-and-trust", "how-long-it-lasts", "other-options"),
    options_shown=("roctavian", "emicizumab", "factor8-extended", "factor8-standard", "current"),
    options_hidden=("hemgenix", "beqvez", "factor9-extended", "factor9-standard"),
    gene_therapy="Roctavian",
    compare_add=("roctavian",),
    compare_remove=("emicizumab",),  # what he uses now: its own column, marked
    importance_steps=(1, 3, 4, 2, 2, 0, 3, 4, 2, 1, 4, 0),
    fit_change=(5, 4),
    top_three=(2, 5, 7),
    hard_limit="cannot_undo",
    knowledge={"given_once": 1, "how_long_it_lasts": 2, "liver_tests": 1},
    readiness={"sure_of_myself": True, "understand_information": False, "enough_support": True},
    leaning="current",
    leaning_name="Stay with my current treatment",
    role="role_together",
    own_question=(
        "My liver has some scarring from hepatitis C (cured in 2016). Does that rule out gene therapy for me?"
    ),
)

DANIEL = Person(
    key="daniel-hemophilia-b",
    type_label="Hemophilia B",
    profile={
        "hemophilia_type": "B",
        "severity": "severe",
        "current_treatment": "factor9-extended",
        "inhibitors": "never",
        "age_group": "18_to_64",
        "liver_problems": "no",
        "aav_antibodies": "not_tested",
        "plans_for_children": "yes",
        "alcohol": "sometimes",
        # issue 14: every new question answered, one of them with "prefer not to say"
        "sex": "male",
        "region": "uk",
        "hiv": "no",
        "hepatitis_b": "never",
        "hepatitis_c": "prefer_not_to_say",
        "heart_risk": "no",
    },
    modules=("how-gene-therapy-works", "living-with-gene-therapy"),
    options_shown=("hemgenix", "factor9-extended", "factor9-standard", "concizumab", "current"),
    options_hidden=("roctavian", "emicizumab", "factor8-extended", "factor8-standard"),
    gene_therapy="Hemgenix",
    compare_add=("hemgenix",),
    compare_remove=("factor9-extended",),  # what he uses now: its own column, marked
    importance_steps=(4, 3, 1, 2, 2, 1, 2, 1, 3, 2, 1, 4),
    fit_change=(8, 0),
    top_three=(0, 3, 1),
    hard_limit="hub_travel",
    knowledge={"given_once": 1, "liver_tests": 0, "steroids": 1, "staying_is_a_choice": 0},
    readiness={"sure_of_myself": False, "understand_information": True, "risk_benefit_clear": True},
    leaning="hemgenix",
    leaning_name="Hemgenix",
    role="role_i_decide_after_hearing",
    own_question="Do the liver checks mean weekly trips to a centre two hours away?",
)

PEOPLE = (RAY, DANIEL)

# The five people of issue 14, as data, each answering every About-you question the issue
# names. The domain test (tests/domain/test_journey_people_truth.py), the in-process journey
# and the Chromium walk (tests/e2e/test_issue_14_people_in_chromium.py) walk them all.

AMINA = Person(
    key="amina-woman-hemophilia-b",
    type_label="Hemophilia B",
    profile={
        "hemophilia_type": "B",
        "severity": "moderate",  # factor IX 4%
        "current_treatment": "factor-on-demand",  # factor IX when she bleeds (review R5-1)
        "inhibitors": "never",
        "age_group": "18_to_64",  # 41
        "sex": "female",
        "region": "eu",
        "hiv": "prefer_not_to_say",
        "hepatitis_b": "never",
        "hepatitis_c": "never",
        "heart_risk": "no",
        "plans_for_children": "not_sure",
    },
    modules=("hemophilia-and-factor-levels", "other-options"),
    options_shown=(
        "hemgenix",
        "factor-on-demand",
        "factor9-standard",
        "factor9-extended",
        "concizumab",
        "current",
    ),
    options_hidden=("roctavian", "emicizumab", "factor8-standard", "factor8-extended"),
    gene_therapy="Hemgenix",
    compare_add=("hemgenix",),
    compare_remove=("factor-on-demand",),
    importance_steps=(3, 2, 4, 1, 3, 2, 1, 2),
    fit_change=(1, 4),
    top_three=(2, 0, 4),
    hard_limit="wait_for_children",
    knowledge={"given_once": 1, "staying_is_a_choice": 0},
    readiness={"sure_of_myself": False, "understand_information": True},
    leaning="not_sure",
    leaning_name="Not sure yet",
    role="role_together",
    own_question="Is there anything known about gene therapy in women?",
    sees_notes=("women", "plans_for_children", "where_you_live", "moderate"),
    never_scored=("marstacimab",),  # EU licence: severe hemophilia only
    never_reads=(
        "a man passes on",
        "you and any female partner",
        "his daughters",
        "He must never",
        "only for men",
        "treated men",
        # Found walking her in Chromium: men in general, outside any trial.
        "some men need steroids",
        "from man to man",
        "Some men may go back",
    ),
)

OMAR = Person(
    key="omar-inhibitor-hemophilia-a",
    type_label="Hemophilia A",
    profile={
        "hemophilia_type": "A",
        "severity": "severe",
        "current_treatment": "emicizumab",
        "inhibitors": "now",
        "age_group": "18_to_64",  # 27
        "sex": "male",
        # Where he lives: not answered (review R4-5 walked him so; tests/domain/fit_audit.py
        # adds an EU variant of him).
        "hiv": "no",
        "hepatitis_b": "never",
        "hepatitis_c": "never",
        "heart_risk": "no",
    },
    modules=("other-options",),
    options_shown=("emicizumab", "concizumab", "fitusiran", "current"),
    options_hidden=("hemgenix", "factor9-standard"),
    gene_therapy="Roctavian",
    compare_add=("concizumab",),
    compare_remove=("emicizumab",),
    importance_steps=(4, 1, 2, 3, 0, 2, 3, 1),
    fit_change=(0, 3),
    top_three=(0, 3, 6),
    hard_limit="daily_injections",
    knowledge={"staying_is_a_choice": 0},
    readiness={"sure_of_myself": True},
    leaning="current",
    leaning_name="Stay with my current treatment",
    role="role_i_decide_after_hearing",
    own_question="How would my bleeds be treated on each option, with my inhibitor?",
    sees_notes=("inhibitors",),
    never_scored=("roctavian", "factor8-standard", "factor8-extended"),
    never_reads=("Do I have inhibitors",),
)

JAKE = Person(
    key="jake-16-hemophilia-b",
    type_label="Hemophilia B",
    profile={
        "hemophilia_type": "B",
        "severity": "severe",
        "current_treatment": "factor9-extended",
        "inhibitors": "never",
        "age_group": "under_18",  # 16
        "sex": "male",
        "region": "us",  # where two newer medicines are licensed from 12
        "hiv": "no",
        "hepatitis_b": "not_sure",
        "hepatitis_c": "never",
        "heart_risk": "no",
    },
    modules=("hemophilia-and-factor-levels", "how-gene-therapy-works"),
    options_shown=("hemgenix", "factor9-extended", "factor9-standard", "current"),
    options_hidden=("roctavian", "emicizumab"),
    gene_therapy="Hemgenix",
    compare_add=("hemgenix",),
    compare_remove=("factor9-extended",),
    importance_steps=(2, 4, 3, 1, 2, 0, 3, 2),
    fit_change=(2, 1),
    top_three=(1, 2, 6),
    hard_limit="cannot_undo",
    knowledge={"factor9_long_acting": 1},  # review R4-12: no gene therapy questions at 16
    readiness={"sure_of_myself": False},
    leaning="not_sure",
    leaning_name="Not sure yet",
    role="role_together",
    own_question="Which treatments could I have when I turn 18?",
    sees_notes=("under_18",),
    never_scored=("hemgenix", "beqvez"),
)

SAM = Person(
    key="sam-not-sure-of-type",
    type_label="Not sure",
    profile={
        "hemophilia_type": "not_sure",
        "severity": "not_sure",
        "current_treatment": "other",  # factor, he does not know which
        "inhibitors": "not_sure",
        "age_group": "18_to_64",  # 30
        "sex": "male",
        "region": "canada",
        "hiv": "no",
        "hepatitis_b": "never",
        "hepatitis_c": "never",
        "heart_risk": "no",
    },
    modules=("hemophilia-and-factor-levels",),
    options_shown=("hemgenix", "roctavian", "emicizumab", "factor8-standard", "factor9-standard", "current"),
    options_hidden=(),
    gene_therapy="Hemgenix",
    compare_add=("emicizumab",),
    compare_remove=(),
    importance_steps=(2, 2, 3, 1, 1, 2, 3, 2),
    fit_change=(1, 4),  # bleed protection: it differs among the options scored for both types
    top_three=(0, 1, 2),
    hard_limit="cannot_undo",
    knowledge={"given_once": 1},
    readiness={"understand_information": False},
    leaning="not_sure",
    leaning_name="Not sure yet",
    role="role_doctor_after_hearing_me",
    own_question="Which type of hemophilia do I have?",
    sees_notes=("type_unknown",),
    # Review R4-6: options for one type only are shown, never scored, while he is not sure.
    never_scored=("hemgenix", "roctavian", "emicizumab", "factor8-standard", "factor9-standard"),
)

GEORGE = Person(
    key="george-66-hemophilia-a-uk",
    type_label="Hemophilia A",
    profile={
        "hemophilia_type": "A",
        "severity": "severe",
        "current_treatment": "factor8-standard",
        "inhibitors": "never",
        "age_group": "65_plus",  # 66
        "sex": "male",
        "region": "uk",
        "hiv": "yes",  # on treatment
        "hepatitis_b": "never",
        "hepatitis_c": "past_cured",
        "heart_risk": "yes",  # high blood pressure, and over 50
    },
    modules=("history-and-trust", "living-with-gene-therapy"),
    options_shown=("roctavian", "emicizumab", "factor8-standard", "factor8-extended", "current"),
    options_hidden=("hemgenix", "beqvez"),
    gene_therapy="Roctavian",
    compare_add=("roctavian", "emicizumab"),
    compare_remove=("factor8-standard",),
    importance_steps=(1, 4, 2, 3, 4, 1, 2, 3),
    fit_change=(4, 2),
    top_three=(1, 4, 3),
    hard_limit="clot_warning",
    knowledge={"liver_tests": 1, "steroids": 1},
    readiness={"enough_support": True},
    leaning="current",
    leaning_name="Stay with my current treatment",
    role="role_together",
    own_question="Do my HIV medicines rule out Roctavian?",
    sees_notes=("hiv", "hepatitis_c", "clot_risk", "where_you_live"),
    never_reads=("under 18", "Hemgenix"),
)

ISSUE_14_PEOPLE = (AMINA, OMAR, JAKE, SAM, GEORGE)


def assert_saved_as_given(
    saved: dict, person: Person, modules: tuple[str, ...], notes: str, attribute_ids: list[str]
) -> None:
    """The saved session at the end of a journey holds every answer exactly as given."""
    assert saved["last_route"] == "/summary"
    assert sorted(saved["modules_read"]) == sorted(modules)
    expected = {
        "profile": person.profile,
        "importance": person.importance_saved(attribute_ids),
        "top_priorities": person.top_three_ids(attribute_ids),
        "hard_limits": [person.hard_limit],
        "knowledge_answers": person.knowledge,
        "readiness": person.readiness,
        "leaning": person.leaning,
        "preferred_role": person.role,
        "own_questions": [person.own_question],
        "notes": notes,
    }
    answered = {field: value for field, value in saved["profile"].items() if value is not None}
    assert {key: saved[key] for key in expected} | {"profile": answered} == expected
