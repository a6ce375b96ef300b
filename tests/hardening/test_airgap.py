"""Air-gap guarantee: Dataroom never touches the network.

Three layers, each able to fail on its own:

* the whole test suite runs under pytest-socket (``--disable-socket --allow-unix-socket`` in ``pyproject.toml``),
  so any test that reaches for an internet socket fails — checked here so the setting cannot silently go away;
* ``dataroom demo`` (every journey) runs in a subprocess whose ``sitecustomize`` makes creating an internet socket
  and every host-name resolution raise and be written to a tripwire file: the demo must succeed and the tripwire
  stay empty (a library that swallowed the error would still be caught);
* a static scan of every module under ``dataroom/`` refuses imports of networking modules and URL literals other
  than XML namespace names, so nothing can check for updates, fetch fonts or ask a time server.

Reproduce: ``.venv/bin/python -m pytest -q tests/hardening/test_airgap.py``.
"""

from __future__ import annotations

import ast
import os
import re
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError

import dataroom

ROOT = Path(dataroom.__file__).resolve().parent
REPO = ROOT.parent

# Modules whose import would give code a way onto the network (the standard library's and the usual third-party
# clients). A prefix match: ``http`` covers ``http.client`` and ``http.server``.
FORBIDDEN_IMPORTS = (
    "socket", "ssl", "socketserver", "http", "urllib.request", "urllib.error", "ftplib", "smtplib", "poplib",
    "imaplib", "nntplib", "telnetlib", "xmlrpc", "asyncio", "selectors", "webbrowser", "requests", "urllib3",
    "httpx", "aiohttp", "websocket", "websockets", "ntplib", "dns", "paramiko", "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets",
)  # fmt: skip

# module (dotted) -> {forbidden import: why it is harmless}. Empty today: nothing under dataroom/ needs one.
ALLOWED_IMPORTS: dict[str, dict[str, str]] = {}

# URL literals that are names, not addresses: XML namespaces of the OOXML (xlsx) format.
ALLOWED_URL_PREFIXES = ("http://schemas.openxmlformats.org/",)

GUARD = r'''
"""Test socket guard: any internet socket or host lookup raises and is written to the tripwire file."""
import os
import socket

_TRIPWIRE = os.environ["DATAROOM_TEST_TRIPWIRE"]
_Real = socket.socket


def _trip(what):
    with open(_TRIPWIRE, "a", encoding="utf-8") as fh:
        fh.write(what + "\n")
    raise OSError("network access blocked by the air-gap test: " + what)


class _GuardedSocket(_Real):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family != socket.AF_UNIX:
            _trip(f"socket.socket(family={family})")
        super().__init__(family, type, proto, fileno)


def _refuse(name):
    def refuse(*args, **kwargs):
        _trip(f"socket.{name}{args[:2]!r}")
    return refuse


socket.socket = _GuardedSocket
# socketpair stays: on POSIX it makes a connected AF_UNIX pair (asyncio's self-pipe, used by pyHanko signing).
for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "create_connection",
              "getnameinfo"):
    setattr(socket, _name, _refuse(_name))
'''


def _module_name(path: Path) -> str:
    rel = path.relative_to(REPO).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports (relative imports stay inside dataroom, so are skipped)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
            "import_module",
            "__import__",
        ):
            names.update(a.value for a in node.args[:1] if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return names


def _forbidden(name: str) -> str | None:
    return next((f for f in FORBIDDEN_IMPORTS if name == f or name.startswith(f + ".")), None)


def network_imports(root: Path = ROOT) -> list[str]:
    """``module: import`` for every networking import under ``root`` that the allow-list does not explain."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = _module_name(path)
        for name in sorted(_imports(path)):
            hit = _forbidden(name)
            if hit and hit not in ALLOWED_IMPORTS.get(module, {}):
                found.append(f"{module}: {name}")
    return found


def test_no_module_imports_a_network_library() -> None:
    assert len(list(ROOT.rglob("*.py"))) > 50
    assert network_imports() == []


def test_the_import_scan_can_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "dataroom"
    package.mkdir()
    (package / "updater.py").write_text(
        "import json\nfrom urllib.request import urlopen\nimport http.client as hc\n"
        "import importlib\nimportlib.import_module('socket')\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    assert network_imports(package) == [
        "dataroom.updater: http.client",
        "dataroom.updater: socket",
        "dataroom.updater: urllib.request",
        "dataroom.updater: urllib.request.urlopen",
    ]


def test_no_url_literal_other_than_xml_namespaces() -> None:
    """No update check, web font, time server or telemetry address anywhere in the code."""
    pattern = re.compile(r"""(?:https?|ftp|wss?|ntp)://[^\s"'<>)]+""")
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        for url in pattern.findall(path.read_text(encoding="utf-8")):
            if not url.startswith(ALLOWED_URL_PREFIXES):
                found.append(f"{path.relative_to(REPO)}: {url}")
    assert found == []


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_suite_runs_with_sockets_disabled() -> None:
    """pytest-socket is configured for every run, and is really active in this one."""
    options = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["addopts"]
    assert "--disable-socket" in options.split()
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=0.01)


def _guarded_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD)
    tripwire = tmp_path / "tripwire.txt"
    home = tmp_path / "home"
    tmp = tmp_path / "tmp"
    for d in (home, tmp):
        d.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(guard), str(REPO)]),
        "DATAROOM_TEST_TRIPWIRE": str(tripwire),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TMPDIR": str(tmp),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return env, tripwire


def test_the_guard_blocks_and_records(tmp_path: Path) -> None:
    """The subprocess guard is live (so the demo test below is not vacuous)."""
    env, tripwire = _guarded_env(tmp_path)
    probe = (
        "import socket\n"
        "a = socket.socket(socket.AF_UNIX); a.close()\n"  # local sockets stay allowed
        "try:\n    socket.getaddrinfo('example.com', 443)\nexcept OSError as e:\n    print('BLOCKED', e)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "BLOCKED" in done.stdout
    assert "getaddrinfo" in tripwire.read_text()


def test_demo_runs_with_the_network_blocked(tmp_path: Path) -> None:
    """Every journey of ``dataroom demo`` completes without a single socket or host lookup."""
    env, tripwire = _guarded_env(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "dataroom", "demo", "--dir", str(tmp_path / "demo"), "--rows", "60"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Demo complete" in done.stdout
    assert not tripwire.exists(), tripwire.read_text()
