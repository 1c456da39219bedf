"""The pictures on Your options and Learn: drawn, labelled with their words, and tailored."""

from __future__ import annotations

from decisionaid.domain.figures import durability_chart, factor_level_chart
from decisionaid.domain.session import Profile, Session
from decisionaid.gui.app import make_app
from decisionaid.storage import SessionStore
from tests.content_once import loaded
from tests.gui.harness import start_app


async def open_with_type(shipped_content, tmp_path, hemophilia_type, route):
    SessionStore(tmp_path).save(Session(profile=Profile(hemophilia_type=hemophilia_type)))
    return await start_app(make_app(shipped_content, tmp_path), route=route)


async def test_options_show_the_gauge_and_doses_as_images_labelled_with_their_words(
    shipped_content, tmp_path
):
    app = await open_with_type(shipped_content, tmp_path, "B", "/options")
    content = loaded(shipped_content)
    gauge = app.semantics("figure-gauge")
    assert gauge.image is True
    assert gauge.label == factor_level_chart(content, "B").words
    assert (
        "Hemgenix (measured in a trial): an average rise of about 34 on the % of normal scale." in gauge.label
    )
    doses = app.semantics("figure-doses")
    assert "Hemgenix: one infusion, then none for most people." in doses.label
    assert {"figure-gauge-words", "figure-doses-words"} <= set(app.identifiers())


async def test_the_gauge_follows_the_type_of_hemophilia(shipped_content, tmp_path):
    app = await open_with_type(shipped_content, tmp_path, "A", "/options")
    label = app.semantics("figure-gauge").label
    assert "Roctavian" in label
    assert "Hemgenix" not in label


async def test_the_hemgenix_card_draws_no_picture_from_press_only_numbers(shipped_content, tmp_path):
    # The HOPE-B year-5 bands and the 94% off prophylaxis were seen only in press
    # reports of the paper, so no picture of 100 men is drawn from them.
    app = await open_with_type(shipped_content, tmp_path, "B", "/options")
    identifiers = set(app.identifiers())
    assert "icons-hemgenix-factor-ix-5-years" not in identifiers
    assert "icons-hemgenix-off-prophylaxis-5-years" not in identifiers
    assert "icons-roctavian-factor-viii-year-1" not in identifiers
    assert "94 in 100: off regular preventive treatment." not in app.texts()


async def test_the_how_long_it_lasts_module_shows_the_durability_chart_without_the_best_year_picture(
    shipped_content, tmp_path
):
    # Second review R2-1/R2-6: the year-1 spread (the best year) is no longer drawn,
    # as the later spread could not be shown from a read report either.
    app = await open_with_type(shipped_content, tmp_path, "A", "/learn")
    content = loaded(shipped_content)
    await app.open_fold(f"module-{content.figures.durability.module}")
    chart = app.semantics("figure-durability")
    assert chart.label == durability_chart(loaded(shipped_content)).words
    assert "icons-roctavian-factor-viii-year-1" not in app.identifiers()


async def test_the_gauge_draws_no_legend_for_aims_when_there_are_none(shipped_content, tmp_path):
    """With no aim band (R2-8), the legend's shaded box stood alone above the bars."""
    import flet as ft

    app = await start_app(make_app(shipped_content, tmp_path), route="/options")
    gauge = app.semantics("figure-gauge")
    assert gauge is not None
    swatches = [c for c in app.controls() if isinstance(c, ft.Container) and c.width == 28 and c.height == 14]
    assert swatches == []


async def test_an_option_card_not_for_the_person_says_so_under_its_name_with_why(shipped_content, tmp_path):
    # Issue 14 walks: the Options page said notes "do not rule anything out", and a man with
    # an inhibitor saw Roctavian's card with nothing to say it is not for him.
    profile = Profile(
        hemophilia_type="A", severity="severe", inhibitors="now", current_treatment="emicizumab"
    )
    SessionStore(tmp_path).save(Session(profile=profile))
    app = await start_app(make_app(shipped_content, tmp_path), route="/options")
    content = loaded(shipped_content)
    words = content.text("summary.apart.not_for_you")
    roctavian = [t for t in app.texts() if t.startswith(f"{words}:")]
    assert roctavian, "no card says it is not for him"
    card = [
        t for c in app.controls(app.semantics("option-roctavian")) for t in [getattr(c, "value", None)] if t
    ]
    assert any(str(t).startswith(f"{words}:") for t in card)
    own = [
        t for c in app.controls(app.semantics("option-emicizumab")) for t in [getattr(c, "value", None)] if t
    ]
    assert not any(str(t).startswith(f"{words}:") for t in own)


async def test_the_hemlibra_card_leaves_out_the_all_trial_clot_picture_for_a_man_with_an_inhibitor_now(
    shipped_content, tmp_path
):
    """Review R9-2: for a man who may be given aPCC, the 1 in 100 over everyone would be his
    only picture of that risk; a man without an inhibitor still sees it."""
    now = tmp_path / "now"
    SessionStore(now).save(Session(profile=Profile(hemophilia_type="A", inhibitors="now")))
    app = await start_app(make_app(shipped_content, now), route="/options")
    assert "icons-emicizumab-tma-clots" not in app.identifiers()
    never = tmp_path / "never"
    SessionStore(never).save(Session(profile=Profile(hemophilia_type="A", inhibitors="never")))
    app = await start_app(make_app(shipped_content, never), route="/options")
    assert "icons-emicizumab-tma-clots" in app.identifiers()


async def test_the_options_screen_leaves_out_pictures_of_people_unlike_the_reader(shipped_content, tmp_path):
    """Review R11-1 on screen: the joint-damage pictures (young boys with severe hemophilia A)
    were left out of the summary for a woman with moderate B, but the option card still drew
    them; the card now asks the same test (`picture_shown`) with her answers."""
    import flet as ft

    title = "Joint damage on a scan by age 6, in boys who treated bleeds only when they happened"

    async def drawn(severity: str) -> bool:
        data = tmp_path / severity
        profile = Profile(
            hemophilia_type="B", severity=severity, sex="female", current_treatment="factor-on-demand"
        )
        SessionStore(data).save(Session(profile=profile))
        app = await start_app(make_app(shipped_content, data), route="/options")
        return any(isinstance(c, ft.Text) and c.value == title for c in app.controls())

    assert not await drawn("moderate")
    assert await drawn("severe")
