"""Child processes that take CPU-bound work off the main process: starting them, and the messages they exchange.

CPython runs Python code on one core per process, so the import parses a big file in a child while the main
process inserts (:mod:`dataroom.core.ingest.parallel`) and the redacted export redacts row ranges in children
(:mod:`dataroom.core.redaction.export_workers`). A child is ``python -m <module>`` (or, in the frozen bundle, the
bundle's executable with the module's flag, see ``packaging/entry.py``) and talks over its stdin and stdout:
messages and data go through pipes, never through files, so nothing leaves the process pair on disk.

A message is a fixed header — a kind, four integers and the payload's length — then the payload. A child that
fails sends :data:`ERROR` with the pickled :class:`~dataroom.core.errors.DataroomError` (anything else becomes an
:class:`~dataroom.core.errors.InputError` naming only the exception's type); a child whose parent is gone exits
at its next read or write.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import dataroom
from dataroom.core.errors import DataroomError, InputError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

#: Flag of each worker module for the frozen bundle's executable.
FLAGS = {
    "--dataroom-table-reader": "dataroom.core.ingest.parallel",
    "--dataroom-export-worker": "dataroom.core.redaction.export_workers",
}
#: Message kind of a pickled error; workers number their own kinds from 1.
ERROR = 0

_HEAD = struct.Struct("<Bqqqqq")
_PIPE_BYTES = 1 << 20
#: Seconds to wait for a child to exit once its pipes are closed, before killing it.
_STOP_TIMEOUT = 2.0


class WorkerStopped(InputError):
    """A worker process ended without saying why (killed, or out of memory)."""

    code = "worker-stopped"


Message = tuple[int, tuple[int, int, int, int], bytes]


def send(out: IO[bytes], kind: int, payload: bytes = b"", *numbers: int) -> None:
    """Write one message (up to four integers besides the payload) and flush it."""
    fields = (*numbers, 0, 0, 0, 0)[:4]
    out.write(_HEAD.pack(kind, *fields, len(payload)))
    out.write(payload)
    out.flush()


def receive(source: IO[bytes]) -> Message:
    """Read one message; :class:`EOFError` when the other side is gone."""
    head = source.read(_HEAD.size)
    if len(head) < _HEAD.size:
        raise EOFError
    kind, a, b, c, d, length = _HEAD.unpack(head)
    payload = source.read(length)
    if len(payload) < length:
        raise EOFError
    return kind, (a, b, c, d), payload


class Worker:
    """One child process running the worker module ``module``; closing it stops the child."""

    def __init__(self, module: str) -> None:
        flag = next(f for f, m in FLAGS.items() if m == module)
        command = [sys.executable, flag] if getattr(sys, "frozen", False) else [sys.executable, "-m", module]
        # The child imports this package from where the parent did, whatever the working directory holds.
        root = str(Path(dataroom.__file__).resolve().parents[1])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
        self._in: IO[bytes] = self._process.stdout  # type: ignore[assignment]
        self._out: IO[bytes] = self._process.stdin  # type: ignore[assignment]
        if fcntl is not None and hasattr(fcntl, "F_SETPIPE_SZ"):
            # Lets the child run up to a megabyte ahead; with the default 64 KiB it waited on every batch.
            with contextlib.suppress(OSError):
                fcntl.fcntl(self._in.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)

    @property
    def returncode(self) -> int | None:
        return self._process.returncode

    def order(self, message: object) -> None:
        """Send ``message`` (pickled) to the child."""
        try:
            send(self._out, 1, pickle.dumps(message))
        except OSError:
            raise self.stopped() from None

    def receive(self) -> Message:
        """The child's next message; its error, re-raised here; :class:`WorkerStopped` if it died."""
        try:
            kind, numbers, payload = receive(self._in)
        except (EOFError, OSError):
            raise self.stopped() from None
        if kind == ERROR:
            raise pickle.loads(payload)
        return kind, numbers, payload

    def kill(self) -> None:
        self._process.kill()

    def close(self) -> None:
        for pipe in (self._out, self._in):
            with contextlib.suppress(OSError):
                pipe.close()
        try:
            self._process.wait(_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def stopped(self) -> WorkerStopped:
        return WorkerStopped(
            "A helper process stopped unexpectedly (was it killed, or out of memory?); the work was not done."
        )


def next_order(source: IO[bytes]) -> Any:
    """The next pickled order from the parent (:class:`EOFError` once the parent is gone)."""
    return pickle.loads(receive(source)[2])


def serve(work: Callable[[IO[bytes], IO[bytes]], None]) -> None:
    """Run ``work(orders, out)`` as a child's main function, reporting its error to the parent in words."""
    source, out = sys.stdin.buffer, sys.stdout.buffer
    try:
        work(source, out)
        return
    except (BrokenPipeError, EOFError, KeyboardInterrupt):
        return  # the parent is gone or stopped us: nobody to tell
    except DataroomError as exc:
        error: DataroomError = exc
    except OSError as exc:
        error = InputError(f"A helper process could not read or write a file: {exc.strerror or type(exc).__name__}.")
    except Exception as exc:  # anything else still reaches the user in words, not as a traceback
        error = InputError(f"A helper process failed: {type(exc).__name__}.")
    with contextlib.suppress(OSError):
        send(out, ERROR, pickle.dumps(error))


def run_frozen(flag: str) -> None:
    """The frozen bundle's executable, started with ``flag``: run that worker."""
    importlib.import_module(FLAGS[flag]).child_main()
