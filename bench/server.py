"""Starting the dashboard as a local server, shared by the many-session harness (bench/load.py)
and the browser tests (tests/e2e/conftest.py): a free port, the health check, the command line."""
from __future__ import annotations

import socket
import sys
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    """Whether the server at ``url`` answers its health check now."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def serve_argv(corpus: str | None, port: int) -> list[str]:
    """``ttdn serve`` (the user's own command, with its server defaults) on ``corpus`` (None: the demo)."""
    return [sys.executable, "-m", "loaders.cli", "serve", *([corpus] if corpus else []), "--port", str(port)]
