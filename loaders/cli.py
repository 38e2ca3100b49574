"""The ``ttdn`` command: ingest a corpus, export its table, or open the dashboard on it.

    ttdn ingest PATH                 load (cached), print what was loaded and what was skipped
    ttdn export PATH --out FILE      one row per article to .parquet, .csv or .jsonl
                                     (corrections beside PATH applied; --no-corrections: raw extraction)
    ttdn serve [PATH] [--port N]     the Streamlit dashboard on PATH (no PATH: the demo corpus)

Thin by design: argument parsing and printing only; the work is in ingest/export.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

from . import settings

DEFAULT_PORT = 8501
DEFAULT_HOST = "127.0.0.1"  # the dashboard is local unless the user asks otherwise
EXIT_OK, EXIT_NOTHING_LOADED, EXIT_USAGE = 0, 1, 2


def _load(args):
    from . import corrections
    from .pipeline import load_corpus

    cache_dir = False if args.no_cache else args.cache_dir
    fixes = corrections.for_corpus(args.path, False if args.no_corrections else args.corrections)
    corpus = load_corpus(args.path, cache_dir=cache_dir, workers=args.workers, progress=not args.quiet,
                         corrections=fixes)
    print_corrections(corrections.outcome(corpus, fixes), fixes.source, out=sys.stderr)
    return corpus


def print_corrections(result, source: str, out=None) -> None:
    """What the corrections file did: values applied, and what was left out and why (nothing when none)."""
    out = out or sys.stderr
    left_out = len(result.stale) + len(result.missing) + result.conflicts + len(result.problems)
    if not result.applied and not left_out:
        return
    print(f"applied {len(result.applied)} correction(s) from {source}", file=out)
    for what, n in (("the article's text changed since", len(result.stale)),
                    ("no such article", len(result.missing)), ("conflicting corrections", result.conflicts)):
        if n:
            print(f"  not applied ({what}): {n}", file=out)
    for problem in result.problems:
        print(f"  ignored {problem}", file=out)


def _where(row) -> str:
    member = row["member"]
    return f"{row['path']} [{member}]" if isinstance(member, str) and member else str(row["path"])


def print_report(corpus, out=None) -> None:
    out = out or sys.stdout
    report = corpus.report
    loaded = report[report["status"] == "loaded"]
    skipped = report[report["status"] == "skipped"]
    print(f"loaded {len(corpus.articles)} article(s) from {len(loaded)} file(s); skipped {len(skipped)} item(s)",
          file=out)
    for _, row in skipped.iterrows():
        print(f"  skipped {_where(row)}: {row['reason']}", file=out)
    for _, row in loaded[loaded["reason"].notna()].iterrows():
        print(f"  note {_where(row)}: {row['reason']}", file=out)
    for _, row in report[report["status"] == "rebuilt"].iterrows():
        print(f"  rebuilt {_where(row)}: {row['reason']}", file=out)


def cmd_ingest(args) -> int:
    corpus = _load(args)
    print_report(corpus)
    return EXIT_OK if len(corpus.articles) or corpus.report.empty else EXIT_NOTHING_LOADED


def cmd_export(args) -> int:
    from .io.export import FORMATS, write_articles

    if Path(args.out).suffix.lower() not in FORMATS:
        print(f"ttdn export: --out must end in one of {', '.join(FORMATS)}", file=sys.stderr)
        return EXIT_USAGE
    corpus = _load(args)
    # Parquet keeps the full texts (read from the cache for it); the flat formats leave them out anyway
    with_texts = Path(args.out).suffix.lower() == ".parquet"
    path = write_articles(corpus.full_articles() if with_texts else corpus.articles, args.out)
    print_report(corpus, out=sys.stderr)
    print(f"wrote {len(corpus.articles)} row(s) to {path}", file=sys.stderr)
    return EXIT_OK


def dashboard_app() -> Path:
    """dashboard/app.py of the installed package (works from any working directory)."""
    spec = importlib.util.find_spec("dashboard")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the dashboard package is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "app.py"


# Streamlit's options for a server people use, not a developer's one; passed as flags so they hold
# from any working directory and over any ~/.streamlit/config.toml or STREAMLIT_* variable.
SERVER_FLAGS = (
    ("server.headless", "true"), ("browser.gatherUsageStats", "false"),  # no browser opened, no telemetry
    ("client.toolbarMode", "minimal"),  # a viewer's toolbar: no "Deploy" button, no developer menu
    ("client.showErrorDetails", "none"),  # an uncaught error shows a generic line, never a traceback
    ("server.enableXsrfProtection", "true"), ("server.enableCORS", "true"),  # uploads need the page's token
    ("global.developmentMode", "false"), ("server.fileWatcherType", "none"), ("server.runOnSave", "false"),
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
# Streamlit's cap on one uploaded file follows the dashboard's upload limit: same variable, same
# default as dashboard/settings.py `max_upload_mb` (the loader may not import the dashboard;
# tests/dashboard/test_server_defaults.py holds the two equal).
UPLOAD_MB_VARIABLE, UPLOAD_MB_DEFAULT = "TTDN_MAX_UPLOAD_MB", 200


def upload_cap_mb() -> int:
    raw = os.environ.get(UPLOAD_MB_VARIABLE, "")
    return int(raw) if raw.strip().isdigit() and int(raw) > 0 else UPLOAD_MB_DEFAULT


def serve_command(path: str | None, port: int = DEFAULT_PORT, host: str = DEFAULT_HOST) -> tuple[list[str], dict]:
    """The streamlit command line and environment that open the dashboard on ``path``."""
    argv = [sys.executable, "-m", "streamlit", "run", str(dashboard_app()),
            "--server.address", host, "--server.port", str(port), "--server.maxUploadSize", str(upload_cap_mb())]
    for option, value in SERVER_FLAGS:
        argv += [f"--{option}", value]
    if host in LOOPBACK_HOSTS:
        # a local server answers only to local names: a web page that rebinds its own domain to
        # 127.0.0.1 (DNS rebinding) cannot open the app's websocket
        for name in LOOPBACK_HOSTS:
            argv += ["--server.allowedHosts", name]
    env = dict(os.environ)
    if path:
        corpus = str(Path(path).resolve())
        argv += ["--", "--corpus", corpus]  # the dashboard reads --corpus after "--"...
        env["TTDN_CORPUS"] = corpus  # ...or this variable, whichever it sees
    return argv, env


def cmd_serve(args) -> int:
    argv, env = serve_command(args.path, args.port, args.host)
    print(f"dashboard on http://{args.host}:{args.port}  (Ctrl+C to stop)", file=sys.stderr)
    # streamlit replaces this process, so Ctrl+C and a kill of this PID reach the server itself
    # (a child process would outlive its parent and keep the port)
    os.execvpe(argv[0], argv, env)
    return EXIT_OK  # reached only when exec is stubbed out in tests


def _existing_path(value: str) -> str:
    if not Path(value).exists():
        raise argparse.ArgumentTypeError(f"no such file or folder: {value}")
    return value


def _load_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=_existing_path, help="a folder, a .zip, or a .txt/.md/.html/.jsonl/.csv file")
    parser.add_argument("--cache-dir", default=None,
                        help="cache folder (default: $TTDN_CACHE_DIR, ./.ttdn-cache or the user cache)")
    parser.add_argument("--no-cache", action="store_true", help="parse everything again, write no cache")
    parser.add_argument("--workers", type=int, default=None, help="processes for extraction (default: cores, max 8)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--corrections", default=None, metavar="FILE",
                        help="corrections to apply (default: PATH.corrections.jsonl beside the corpus, or the "
                             "app's copy in $TTDN_DATA_DIR for a read-only corpus)")
    parser.add_argument("--no-corrections", action="store_true",
                        help="apply no corrections: the raw extraction")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ttdn", description="Vietnamese external-information (TTĐN) news -> meeting table and dashboard.",
        epilog="limits (environment variables):\n" + settings.describe(),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    ingest = sub.add_parser("ingest", help="load a corpus and report what was loaded or skipped")
    _load_options(ingest)
    ingest.set_defaults(run=cmd_ingest)

    export = sub.add_parser("export", help="write one row per article to .parquet, .csv or .jsonl")
    _load_options(export)
    export.add_argument("--out", required=True, help="output file: .parquet, .csv or .jsonl")
    export.set_defaults(run=cmd_export)

    serve = sub.add_parser("serve", help="open the dashboard (no PATH: the demo corpus)")
    serve.add_argument("path", nargs="?", type=_existing_path, default=None, help="corpus to show")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--host", default=DEFAULT_HOST, help="address to listen on (default: local only)")
    serve.set_defaults(run=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except FileNotFoundError as exc:
        print(f"ttdn: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
