"""Where the CLI gets passphrases: a file, an environment variable, or an interactive prompt — never argv."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from dataroom.core.errors import InputError


def _from_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Cannot read the passphrase file {path}: {exc.strerror}.") from None
    return text.splitlines()[0] if text.splitlines() else ""


def existing(file: str | None, env: str = "DATAROOM_PASSPHRASE", prompt: str = "Passphrase: ") -> str | None:
    """A passphrase from ``file`` or ``$env``; ``None`` when neither is set (the caller may then prompt)."""
    if file:
        return _from_file(file)
    return os.environ.get(env)


def ask(prompt: str = "Passphrase: ") -> str:
    """Prompt without echo; refuses when there is no terminal to ask on."""
    if not sys.stdin.isatty():
        raise InputError(
            "A passphrase is needed but there is no terminal to ask on: use --passphrase-file or DATAROOM_PASSPHRASE."
        )
    return getpass.getpass(prompt)


def new(file: str | None, env: str, what: str = "new passphrase") -> str:
    """A new passphrase: from ``file``/``$env``, or asked twice on the terminal."""
    given = existing(file, env)
    if given is not None:
        return given
    first = ask(f"Enter the {what}: ")
    if ask(f"Repeat the {what}: ") != first:
        raise InputError("The two passphrases differ; nothing was changed.")
    return first
