"""The `decisionaid` command: run the app, check the content, export a summary."""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from decisionaid import __version__, locations

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8550


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="decisionaid",
        description="A shared decision-making aid for hemophilia treatment choices. "
        "Without a subcommand it runs the app.",
    )
    parser.add_argument("--version", action="version", version=f"decisionaid {__version__}")
    parser.add_argument(
        "--web", action="store_true", help="serve the app to a web browser instead of opening a window"
    )
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help="address to serve on (default %(default)s: this computer only)"
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="port to serve on (default %(default)s)"
    )
    parser.add_argument(
        "--allow-desktop-download",
        action="store_true",
        help="let Flet download its desktop client once, if it is not installed (the only network use)",
    )
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        help="content folder of one locale (default: the shipped English content)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where sessions are saved (default: your user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check-content", help="validate a content folder and list every problem")
    check.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=None,
        help="a locale folder (content/en) or a folder of locales (content); default: the shipped content",
    )
    check.add_argument(
        "--strict-sources",
        action="store_true",
        help="count the source rules as problems even before they are switched on for everyone",
    )
    check.add_argument(
        "--sources-report",
        action="store_true",
        help="print how many source-rule problems remain, per rule and per file",
    )
    summary = sub.add_parser("summary", help="export the discussion summary of a saved session")
    summary.add_argument("session", type=Path, help="a session file (exported from the app)")
    summary.add_argument("-o", "--output", type=Path, required=True, help="where to write the summary")
    summary.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="pdf, md or html (default: from the output file's extension, else pdf)",
    )
    summary.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default a4)"
    )
    return parser


FORMATS = ("pdf", "md", "html")


def export_summary(args: argparse.Namespace) -> int:
    """Write the summary of a session file as PDF, Markdown or HTML."""
    from decisionaid.domain.summary import build_summary
    from decisionaid.loader import ContentProblems
    from decisionaid.loader.cache import cached_content
    from decisionaid.storage import SessionFileError, read_session_file, write_atomically

    fmt = args.format or (args.output.suffix.lstrip(".").lower() if args.output.suffix else "pdf")
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt not in FORMATS:
        print(
            f"decisionaid: cannot tell the format from '{args.output.name}'; use --format pdf|md|html",
            file=sys.stderr,
        )
        return 2
    if _same_path(args.output, args.session):
        print(
            "decisionaid: the output would overwrite the session file; choose another name", file=sys.stderr
        )
        return 2
    try:
        session = read_session_file(args.session)
    except SessionFileError as error:
        print(f"decisionaid: cannot open {error.path}: {error.detail}", file=sys.stderr)
        return 2
    try:
        content = cached_content(args.content or locations.locale_root(), locations.cache_dir())
    except ContentProblems as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    try:
        summary = build_summary(content, session, dt.date.today(), __version__)
        data = render(summary, fmt, args.paper)
    except Exception as error:  # a bug of ours: say so plainly, keep the details
        print(
            f"decisionaid: could not make the summary ({type(error).__name__}: {error}). "
            "This is a bug in decisionaid; your session file is unchanged.",
            file=sys.stderr,
        )
        return 1
    try:
        write_atomically(args.output, data)
    except OSError as error:
        print(f"decisionaid: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"Wrote {args.output} ({fmt}, {len(data):,} bytes)")
    if fmt == "pdf":
        warn_about_pdf(summary)
    return 0


def _same_path(one: Path, other: Path) -> bool:
    """Whether two paths name the same file; a loop of links names none (read it to say so)."""
    try:
        return one.resolve() == other.resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError on a symlink loop
        return False


def warn_about_pdf(summary) -> None:
    """Tell the person (on stderr) what of their words the PDF could not print as typed."""
    from decisionaid.export.fonts import unprintable_characters
    from decisionaid.export.text import printed_whole

    missing = unprintable_characters(summary)
    if missing:
        print(
            f"decisionaid: the PDF fonts cannot show {len(missing)} of the characters in this session "
            f"({' '.join(missing[:20])}{' ...' if len(missing) > 20 else ''}); the PDF marks where they are. "
            "The md and html formats keep every character.",
            file=sys.stderr,
        )
    if not printed_whole(summary):
        print(
            "decisionaid: some text in this session is too long for the PDF and was shortened there; "
            "the session file and the md and html formats keep all of it.",
            file=sys.stderr,
        )


def render(summary, fmt: str, paper: str) -> bytes:
    """The summary in one export format."""
    if fmt == "pdf":
        from decisionaid.export.pdf import render_pdf

        return render_pdf(summary, paper=paper)
    from decisionaid.export.markdown_html import render_html, render_markdown

    return (render_markdown(summary) if fmt == "md" else render_html(summary)).encode("utf-8")


def has_display() -> bool:
    """Whether a desktop window can be opened here."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable only from this computer."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def locale_folders(folder: Path) -> list[Path]:
    """The locale folders to check: `folder` itself, or each locale inside it."""
    if (folder / "about.md").exists() or (folder / "modules").is_dir() or not folder.is_dir():
        return [folder]
    inside = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    return inside or [folder]


def check_content(folder: Path | None, strict_sources: bool = False) -> int:
    """Print every problem in the content (exit 1), or one line of counts (exit 0).

    The source rules are problems when `--strict-sources` is given or when
    `source_rules.ENFORCED` is on; until then only their count is printed.
    """
    from decisionaid.loader import read_content, source_rule_problems
    from decisionaid.loader.source_rules import ENFORCED

    enforced = strict_sources or ENFORCED
    status = 0
    for root in locale_folders(folder or locations.content_root()):
        content, problems = read_content(root, source_rules_on=enforced)
        if problems:
            status = 1
            for problem in problems:
                print(problem)
            print(f"{root}: {len(problems)} problem(s)", file=sys.stderr)
        elif content is not None:
            print(
                f"{root}: ok: {len(content.modules)} modules, {len(content.options)} options, "
                f"{len(content.attributes)} attributes, {len(content.hard_limits)} hard limits, "
                f"{len(content.flags)} flags, {len(content.knowledge)} knowledge items, "
                f"{len(content.sources)} sources, {len(content.ui)} interface strings"
            )
        if not enforced and (pending := len(source_rule_problems(root))):
            print(
                f"{root}: {pending} source-rule problem(s), not yet enforced: "
                "see `decisionaid check-content --sources-report`; --strict-sources lists them and fails",
                file=sys.stderr,
            )
    return status


def sources_report(folder: Path | None) -> int:
    """Print how many source-rule problems remain per rule and per file (exit 1 while any remain)."""
    from collections import Counter

    from decisionaid.loader import source_rule_problems
    from decisionaid.loader.source_rules import ENFORCED, RULES

    status = 0
    for root in locale_folders(folder or locations.content_root()):
        found = source_rule_problems(root)
        status = 1 if found else status
        state = "enforced" if ENFORCED else "not yet enforced (source_rules.ENFORCED is False)"
        print(f"{root}: {len(found)} source-rule problem(s), {state}")
        by_rule = Counter(f.rule for f in found)
        print("  per rule:")
        for rule, meaning in RULES.items():
            print(f"    {by_rule[rule]:5d}  {rule}: {meaning}")
        by_file: dict[str, Counter[str]] = {}
        for f in found:
            by_file.setdefault(f.problem.path, Counter())[f.rule] += 1
        print("  per file:")
        for path, rules in sorted(by_file.items()):
            detail = ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items()))
            print(f"    {sum(rules.values()):5d}  {path} ({detail})")
    return status


def run_app(args: argparse.Namespace) -> int:
    """Open the desktop window, or serve the app on the loopback address."""
    import flet as ft

    in_browser = args.web or not has_display()
    if not in_browser and not args.allow_desktop_download:
        from decisionaid.gui.desktop import desktop_client_available

        if not desktop_client_available():
            print(
                "The desktop window needs Flet's desktop client, which is not installed, and "
                "decisionaid does not download anything by itself. Opening it in your browser "
                "instead. To allow a one-time download of the client, run: "
                "decisionaid --allow-desktop-download",
                file=sys.stderr,
            )
            in_browser = True
    shared = in_browser and not is_loopback(args.host)

    def build() -> Callable[[ft.Page], None]:
        from decisionaid.gui.app import make_app

        return make_app(
            args.content or locations.locale_root(),
            args.data_dir or locations.data_dir(),
            keep_on_device=not shared,
            cache_dir=locations.cache_dir(),
        )

    assets = str(locations.assets_dir())
    if not in_browser:
        ft.run(build(), view=ft.AppView.FLET_APP, assets_dir=assets)
        return 0
    if not is_loopback(args.host):
        print(
            f"WARNING: serving on {args.host} makes the app reachable from the network. "
            "Each browser session keeps its answers in memory only; nothing is saved on this computer.",
            file=sys.stderr,
        )
    from decisionaid.gui.later import LaterApp
    from decisionaid.gui.server import serve

    later = LaterApp(build)

    def warm_up() -> None:
        """At the first page load: build the app, then import what its pages will need."""
        later.wait()
        from decisionaid.gui.app import preload_views

        preload_views()

    os.environ["FLET_WEB_NO_CDN"] = "1"
    serve(
        later.main,
        host=args.host,
        port=args.port,
        assets_dir=assets,
        open_browser=has_display(),
        announce=lambda url: print(f"decisionaid is running at {url}  (Ctrl+C to stop)", flush=True),
        warm_up=warm_up,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `decisionaid` console script."""
    args = build_parser().parse_args(argv)
    if args.command == "check-content":
        if args.sources_report:
            return sources_report(args.folder)
        return check_content(args.folder, args.strict_sources)
    if args.command == "summary":
        return export_summary(args)
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
