"""The `decisionaid` command: check-content, version, and how the app is served."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from decisionaid import __version__, cli


def test_check_content_prints_a_count_and_exits_0_on_clean_content(content_copy, capsys):
    assert cli.main(["check-content", str(content_copy())]) == 0
    out = capsys.readouterr().out
    assert "ok: 1 modules, 2 options, 2 attributes" in out


def test_check_content_prints_three_path_line_problems_for_three_faults(content_copy, capsys):
    root = content_copy("wrong-type", "unknown-source", "no-harms")
    assert cli.main(["check-content", str(root.parent)]) == 1
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln]
    assert len(lines) == 3, lines
    for line in lines:
        path, rest = line.split(":", 1)
        assert path.endswith(".md")
        assert rest.split(" ", 1)[0].isdigit()


def test_check_content_never_shows_a_traceback_on_a_broken_folder(content_copy):
    root = content_copy("malformed-yaml", "unknown-key")
    done = subprocess.run(
        [sys.executable, "-m", "decisionaid", "check-content", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "malformed YAML" in done.stdout


def test_check_content_counts_source_rule_problems_but_passes_until_they_are_switched_on(
    content_copy, capsys, monkeypatch
):
    from decisionaid.loader import source_rules

    monkeypatch.setattr(source_rules, "ENFORCED", False)
    root = content_copy("mirror-host")
    assert cli.main(["check-content", str(root)]) == 0
    captured = capsys.readouterr()
    assert "ok: 1 modules" in captured.out
    assert "1 source-rule problem(s), not yet enforced" in captured.err


def test_check_content_with_strict_sources_lists_them_and_fails(content_copy, capsys):
    root = content_copy("number-cited-to-news")
    sources = root / "sources.yaml"
    sources.write_text(
        sources.read_text().replace(
            "doi: 10.0000/test.2", "doi: 10.0000/test.2\n    url: https://vdocuments.mx/s2"
        )
    )
    assert cli.main(["check-content", "--strict-sources", str(root)]) == 1
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln]
    assert len(lines) == 3, lines
    assert any("vdocuments.mx is a document-sharing site" in ln for ln in lines)
    assert sum("cited only to news (S3)" in ln for ln in lines) == 2


def test_the_sources_report_counts_what_remains_per_rule_and_per_file(content_copy, capsys):
    root = content_copy("number-cited-to-news")
    sources = root / "sources.yaml"
    trial = "url: https://www.example-news.com/trial\n    kind: trial"
    sources.write_text(sources.read_text().replace("doi: 10.0000/test.2\n    kind: review", trial))
    assert cli.main(["check-content", "--sources-report", str(root)]) == 1
    out = capsys.readouterr().out
    assert "5 source-rule problem(s)" in out
    counts = {m.group(2): int(m.group(1)) for m in re.finditer(r"^ +(\d+)  ([a-z-]+):", out, re.M)}
    assert counts["number-weak-source"] == 2 and counts["identifier-missing"] == 1
    assert counts["printed-source"] == 2 and counts["url-refused"] == 0
    assert re.search(r"^ +1  \S*options/alpha\.md \(printed-source 1\)$", out, re.M)
    assert re.search(r"^ +1  \S*sources\.yaml \(identifier-missing 1\)$", out, re.M)


def test_the_sources_report_of_clean_content_exits_0(content_copy, capsys):
    assert cli.main(["check-content", "--sources-report", str(content_copy())]) == 0
    assert "0 source-rule problem(s)" in capsys.readouterr().out


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("clinic-pc", False),
    ],
)
def test_only_loopback_hosts_count_as_private(host, loopback):
    assert cli.is_loopback(host) is loopback


@pytest.fixture
def recorded_run(monkeypatch, content_copy, tmp_path):
    """Runs the command with the window and the web server replaced by recorders."""
    import flet as ft

    from decisionaid.gui import server

    calls = []
    monkeypatch.setattr(ft, "run", lambda main, **kwargs: calls.append({"window": True, **kwargs}))

    def serve(main, **kwargs):
        calls.append({"web": True, **kwargs})
        kwargs["announce"](server.Guard(kwargs["host"], kwargs["port"]).url())
        kwargs["warm_up"]()  # as the server does at the first page load: the app is built

    monkeypatch.setattr(server, "serve", serve)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    base = ["--content", str(content_copy()), "--data-dir", str(tmp_path / "data")]
    return calls, base


def test_without_a_display_it_serves_on_loopback_with_no_cdn(recorded_run, capsys):
    calls, base = recorded_run
    assert cli.main(base) == 0
    (kwargs,) = calls
    assert kwargs["web"]
    assert kwargs["host"] == "127.0.0.1"
    assert kwargs["port"] == 8550
    captured = capsys.readouterr()
    assert "http://127.0.0.1:8550/?key=" in captured.out
    assert "WARNING" not in captured.err


def test_a_network_host_is_served_with_a_warning(recorded_run, capsys):
    calls, base = recorded_run
    assert cli.main([*base, "--web", "--host", "0.0.0.0", "--port", "9001"]) == 0
    assert calls[0]["host"] == "0.0.0.0" and calls[0]["port"] == 9001
    assert "reachable from the network" in capsys.readouterr().err


def test_the_web_app_is_guarded_uses_no_cdn_and_forbids_framing(monkeypatch):
    import flet as ft
    from flet_web.fastapi.flet_app import FletApp

    from decisionaid.gui import server

    seen = {}
    monkeypatch.setattr(ft, "run", lambda main, **kwargs: seen.update(kwargs) or "flet-asgi")
    # web_app installs the quiet transport on Flet's class: put Flet's own back afterwards, or
    # a later test in this worker would compare the quiet one with itself (test_click_cost).
    monkeypatch.setattr(FletApp, "send_message", FletApp.send_message)
    guard = server.Guard("127.0.0.1", 8550)
    app = server.web_app(lambda page: None, "assets", guard)
    assert seen["export_asgi_app"] is True and seen["no_cdn"] is True
    # skwasm froze the tab on a text-size change (server.web_app says how): CanvasKit only.
    assert seen["web_renderer"] is ft.WebRenderer.CANVAS_KIT
    assert isinstance(app, server.GuardedApp) and app.app == "flet-asgi" and app.guard is guard
    policy = dict(part.split(" ", 1) for part in server.CONTENT_SECURITY_POLICY.split("; "))
    assert policy["default-src"] == "'self'"
    assert policy["connect-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"


def test_with_a_display_it_opens_the_desktop_window(recorded_run, monkeypatch):
    import flet as ft

    from decisionaid.gui import desktop

    calls, base = recorded_run
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(desktop, "desktop_client_available", lambda: True)
    assert cli.main(base) == 0
    assert calls[0]["window"]
    assert calls[0]["view"] == ft.AppView.FLET_APP


SESSIONS = Path(__file__).parent / "testdata" / "sessions"


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("person", ["daniel-hemophilia-b", "ray-hemophilia-a"])
def test_summary_exports_a_sample_session_as_text(tmp_path, capsys, fmt, person):
    out = tmp_path / f"{person}.{fmt}"
    assert cli.main(["summary", str(SESSIONS / f"{person}.json"), "-o", str(out)]) == 0
    text = out.read_text()
    assert "Questions for your care team" in text
    session = json.loads((SESSIONS / f"{person}.json").read_text())
    first_words = session["notes"].split(".")[0]
    assert first_words in text
    assert f"Wrote {out}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "there is no file here"),
        ("{broken", "the file is damaged"),
        ('{"schema_version": 99}', "saved by a newer version of decisionaid"),
        ('{"colour": "blue"}', "not a decisionaid session"),
    ],
)
def test_summary_explains_a_session_it_cannot_open(tmp_path, capsys, content, says):
    session = tmp_path / "session.json"
    if content is not None:
        session.write_text(content)
    assert cli.main(["summary", str(session), "-o", str(tmp_path / "out.md")]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert not (tmp_path / "out.md").exists()


def test_summary_refuses_an_output_format_it_cannot_tell(tmp_path, capsys):
    code = cli.main(["summary", str(SESSIONS / "ray-hemophilia-a.json"), "-o", str(tmp_path / "x.docx")])
    assert code == 2
    assert "--format" in capsys.readouterr().err


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("person", ["daniel-hemophilia-b", "ray-hemophilia-a"])
def test_summary_pdf_of_a_sample_session_holds_priorities_fits_questions_and_notes_in_order(
    tmp_path, person, paper
):
    from pypdf import PdfReader

    from decisionaid.domain.session import Session
    from decisionaid.domain.summary import build_summary
    from decisionaid.loader import load_content

    out = tmp_path / f"{person}.pdf"
    source = SESSIONS / f"{person}.json"
    assert cli.main(["summary", str(source), "-o", str(out), "--paper", paper]) == 0
    reader = PdfReader(out)
    text = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))

    session = Session.model_validate_json(source.read_text())
    summary = build_summary(load_content(cli.locations.locale_root()), session, cli.dt.date.today(), "x")
    milestones = [
        summary.headings["priorities"],
        summary.priorities[0].attribute,
        summary.headings["fit"],
        *(f"{f.option}" for f in summary.fits[:3]),
        summary.headings["questions"],
        session.own_questions[0][:40],
        summary.headings["notes"],
        session.notes[:40],
    ]
    at = 0
    for milestone in milestones:  # each one after the one before
        found = text.find(milestone, at)
        assert found >= 0, f"{milestone!r} missing after position {at}"
        at = found + len(milestone)
    assert f"{summary.fits[0].fit:.0f}" in text
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == (595 if paper == "a4" else 612)
    assert f"Page 1 of {len(reader.pages)}" in text


def test_summary_never_overwrites_the_session_it_reads(tmp_path, capsys):
    session = tmp_path / "s.json"
    session.write_text((SESSIONS / "ray-hemophilia-a.json").read_text())
    before = session.read_text()
    assert cli.main(["summary", str(session), "-o", str(session), "--format", "md"]) == 2
    assert session.read_text() == before
    assert "overwrite the session file" in capsys.readouterr().err


def test_a_pdf_summary_is_readable_by_its_owner_only(tmp_path):
    import stat

    out = tmp_path / "ray.pdf"
    assert cli.main(["summary", str(SESSIONS / "ray-hemophilia-a.json"), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize(("host", "keeps"), [("127.0.0.1", True), ("0.0.0.0", False)])
def test_answers_are_kept_on_the_device_only_when_served_to_this_computer(
    recorded_run, monkeypatch, host, keeps
):
    from decisionaid.gui import app

    made = []
    real = app.make_app
    monkeypatch.setattr(app, "make_app", lambda *a, **k: made.append(k) or real(*a, **k))
    _, base = recorded_run
    assert cli.main([*base, "--web", "--host", host]) == 0
    assert [m["keep_on_device"] for m in made] == [keeps]


def test_without_the_desktop_client_it_uses_the_browser_rather_than_download(
    recorded_run, monkeypatch, capsys
):
    from decisionaid.gui import desktop

    calls, base = recorded_run
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(desktop, "desktop_client_available", lambda: False)
    assert cli.main(base) == 0
    assert calls[0].get("web") and calls[0]["host"] == "127.0.0.1"
    assert "does not download anything" in capsys.readouterr().err


def test_the_desktop_download_happens_only_when_asked(recorded_run, monkeypatch):
    from decisionaid.gui import desktop

    calls, base = recorded_run
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(desktop, "desktop_client_available", lambda: False)
    assert cli.main([*base, "--allow-desktop-download"]) == 0
    assert calls[0].get("window")


def test_the_desktop_client_is_found_only_where_flet_keeps_it(monkeypatch, tmp_path):
    import flet_desktop

    from decisionaid.gui.desktop import desktop_client_available

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("FLET_VIEW_PATH", raising=False)
    assert desktop_client_available() is False
    getattr(flet_desktop, "__get_client_storage_dir")(None).mkdir(parents=True)
    assert desktop_client_available() is True


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("person", ["daniel-hemophilia-b", "ray-hemophilia-a"])
def test_no_page_of_a_sample_summary_holds_only_a_stray_cell(tmp_path, person, paper):
    """The fit grid once broke the page at every cell of a row that crossed the page's end:
    Daniel's summary ran to 12 pages, six of them holding one circle and one word."""
    from pypdf import PdfReader

    out = tmp_path / f"{person}.pdf"
    assert cli.main(["summary", str(SESSIONS / f"{person}.json"), "-o", str(out), "--paper", paper]) == 0
    for number, page in enumerate(PdfReader(out).pages, start=1):
        words = page.extract_text().split()
        # The running head and foot are about 40 words; a real page has far more.
        assert len(words) > 60, f"page {number} holds only: {' '.join(words)[:200]}"


def test_the_app_and_the_summary_command_use_the_content_cache_folder(recorded_run, monkeypatch, tmp_path):
    """Issue 16: both starts read the content from $DECISIONAID_CACHE_DIR (loader.cache)."""
    from decisionaid.gui import app

    monkeypatch.setenv("DECISIONAID_CACHE_DIR", str(tmp_path / "cache"))
    made = []
    real = app.make_app
    monkeypatch.setattr(app, "make_app", lambda *a, **k: made.append(k) or real(*a, **k))
    _, base = recorded_run
    assert cli.main([*base, "--web"]) == 0
    assert [m["cache_dir"] for m in made] == [tmp_path / "cache"]
    assert cli.main(["summary", str(SESSIONS / "ray-hemophilia-a.json"), "-o", str(tmp_path / "r.pdf")]) == 0
    assert len(list((tmp_path / "cache").glob("content-*.json"))) == 1
