"""Fault injection for the hardening tests: the real CLI, killed with SIGKILL just before its N-th I/O call, or
run under a file-size limit that makes writes fail as on a full disk.

*I/O calls* are the C-level calls that change or may change state on disk: SQLite statements, file writes and
fsyncs, renames and unlinks (see :data:`IO_CALLS`). A profile hook counts them in the CLI's main thread, so the
same input always passes the same numbered points and a kill point is reproducible: ``kill_at=N`` dies just
before call ``N``; ``trace=True`` runs to the end and reports every call, from which a test picks its points.

Starting a fresh interpreter per kill point costs ~0.8 s of imports, so a *zygote* (``python -m
tests.hardening.faults``, single-threaded, never opens a vault) imports the CLI once and forks one child per run.
The child is a separate process running ``dataroom.cli.main.main`` unchanged; it is killed for real. The zygote
uses the cheap Argon2id parameters of the test suite (the KDF's cost is benchmarked, not tested) and no keyring.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]

#: Names of the C functions whose calls are numbered kill points (``sqlite3`` cursor/connection methods, file
#: object and ``os`` functions).
IO_CALLS = frozenset(
    {"execute", "executemany", "executescript", "commit", "write", "fsync", "replace", "rename", "unlink", "rmdir"}
)
_IO_OWNERS = frozenset({"_io", "io", "sqlcipher3"})


@dataclass(frozen=True)
class Outcome:
    """How one CLI run ended."""

    code: int | None  # exit code, or None when killed
    signal: int | None  # the signal that ended it
    stdout: str
    stderr: str
    calls: list[str] = field(default_factory=list)  # the I/O calls passed, when traced

    @property
    def killed(self) -> bool:
        return self.signal == signal.SIGKILL


class Zygote:
    """A pre-loaded CLI process that forks one child per :meth:`run`; use as a context manager."""

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._runs = 0
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "tests.hardening.faults"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**env, "PYTHONPATH": str(REPO), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        )

    def __enter__(self) -> Zygote:
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        self._proc.wait(timeout=30)

    def run(
        self,
        argv: list[str],
        *,
        env: dict[str, str] | None = None,
        kill_at: int | None = None,
        trace: bool = False,
        fsize: int | None = None,
    ) -> Outcome:
        """Run ``dataroom <argv>`` in a forked child; ``fsize`` caps the size of any file it writes (bytes)."""
        self._runs += 1
        base = self.workdir / f"run-{self._runs}"
        job = {
            "argv": argv,
            "env": env or {},
            "out": f"{base}.out",
            "err": f"{base}.err",
            "trace": f"{base}.trace" if trace else None,
            "kill_at": kill_at,
            "fsize": fsize,
        }
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps(job) + "\n")
        self._proc.stdin.flush()
        status = json.loads(self._proc.stdout.readline())
        calls = json.loads(Path(job["trace"]).read_text()) if trace else []
        return Outcome(
            status["code"],
            status["signal"],
            Path(job["out"]).read_text(errors="replace"),
            Path(job["err"]).read_text(errors="replace"),
            calls,
        )


def spread(total: int, count: int, tail: int = 4) -> list[int]:
    """``count`` kill points among calls ``1..total``: evenly spread, plus the last ``tail`` (the commit window)."""
    if total < count:
        raise AssertionError(f"only {total} I/O calls: fewer than the {count} kill points wanted")
    even = {1 + (total - 1) * i // (count - tail) for i in range(count - tail)}
    return sorted(even | set(range(total - tail + 1, total + 1)))


# --- the zygote (runs in its own process) --------------------------------------------------------------------


def _is_io(fn: Any) -> bool:
    """Whether a C function is an I/O call: an ``os`` function, or a method of a file or SQLite object
    (``str.replace`` shares a name with ``os.replace``)."""
    if getattr(fn, "__name__", None) not in IO_CALLS:
        return False
    if getattr(fn, "__module__", None) in ("posix", "nt"):
        return True
    owner = getattr(fn, "__self__", None)
    return owner is not None and type(owner).__module__.split(".")[0] in _IO_OWNERS


def _install_counter(kill_at: int | None, calls: list[str] | None) -> None:
    seen = 0

    def hook(frame: Any, event: str, arg: Any) -> None:
        nonlocal seen
        if event != "c_call" or not _is_io(arg):
            return
        seen += 1
        if calls is not None:
            calls.append(arg.__name__)
        if seen == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    sys.setprofile(hook)


def _child(job: dict[str, Any]) -> int:
    from dataroom.cli.main import main

    os.environ.update(job["env"])
    for fd, name in ((1, "out"), (2, "err")):
        target = os.open(job[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    if job["fsize"] is not None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit then fail with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (job["fsize"], job["fsize"]))
    calls: list[str] | None = [] if job["trace"] else None
    _install_counter(job["kill_at"], calls)
    try:
        code = main(job["argv"])
    finally:
        sys.setprofile(None)
        sys.stdout.flush()
        sys.stderr.flush()
    if calls is not None:
        Path(job["trace"]).write_text(json.dumps(calls))
    return code


def _serve() -> None:
    from dataroom.cli import main as _cli  # noqa: F401  (imported once here, inherited by every child)
    from dataroom.core.flows import datasets, redaction, transfer, vault  # noqa: F401  (the CLI imports some lazily)
    from dataroom.core.secrets import kdf

    kdf.calibrate = lambda *a, **k: kdf.KdfParams(os.urandom(16), 1, 64, 1)  # type: ignore[assignment]
    for line in sys.stdin:
        job = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 71
            try:
                code = _child(job)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        signalled = os.WIFSIGNALED(status)
        reply = {
            "code": None if signalled else os.WEXITSTATUS(status),
            "signal": os.WTERMSIG(status) if signalled else None,
        }
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    _serve()
