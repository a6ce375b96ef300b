"""The files of one vault directory, the per-process lock that keeps two processes out of it, finishing a
restore that was interrupted while it swapped vault folders, and sweeping what killed backups and restores left."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from dataroom.core.atomic import open_private
from dataroom.core.vault.errors import NotAVault, VaultInUse


@dataclass(frozen=True)
class VaultLayout:
    """Paths of a vault directory: the SQLCipher database and its key-slot, state and lock files."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / "vault.db"

    @property
    def keys(self) -> Path:
        return self.root / "vault.keys"

    @property
    def keys_pending(self) -> Path:
        """Slot file written before a rekey and promoted after it, so a crash in between loses nothing."""
        return self.root / "vault.keys.pending"

    @property
    def state(self) -> Path:
        """Failed-unlock counter (not secret; read before the vault can be opened)."""
        return self.root / "vault.state"

    @property
    def lock(self) -> Path:
        return self.root / "vault.lock"

    def exists(self) -> bool:
        return self.db.exists()


def restore_intent(directory: Path) -> Path:
    """The note a restore writes beside ``directory`` before it swaps folders (see :func:`finish_restore`)."""
    directory = Path(directory)
    return directory.with_name(f".{directory.name}.restore-intent")


def finish_restore(directory: Path) -> bool:
    """Complete the folder swap of a restore whose intent note is beside ``directory``; ``False`` if none is.

    A restore puts its checked copy in place with two renames (the old vault aside, the copy in); a crash between
    them would leave no vault at ``directory``. The note, written atomically once every check of the copy passed,
    names both folders, so the swap is rolled forward here (by the restore itself, or by the next unlock).
    """
    directory = Path(directory)
    note = restore_intent(directory)
    try:
        intent = json.loads(note.read_text(encoding="utf-8"))
        staging, moved_to = directory.with_name(intent["staging"]), directory.with_name(intent["moved_to"])
    except FileNotFoundError:
        return False
    except (ValueError, KeyError, TypeError):  # names the user may have to sort out by hand: say where
        raise NotAVault(
            f"An interrupted restore left a damaged note {note.name} beside {directory}; the restored copy is in a "
            f"hidden folder starting with .{directory.name}.restore- next to it."
        ) from None
    if staging.exists():
        if VaultLayout(directory).exists():
            lock = ProcessLock(VaultLayout(directory).lock)
            lock.acquire()  # refuses while the old vault is open somewhere
            lock.release()
            os.replace(directory, moved_to)
        elif directory.exists():
            with contextlib.suppress(OSError):
                directory.rmdir()  # an empty folder the user picked
        os.replace(staging, directory)
    note.unlink()
    return True


#: Leftovers younger than this may belong to a backup or restore still running in another process.
ABANDONED_AFTER = 3600.0


def restore_leftovers(directory: Path) -> tuple[Path, str, Literal["dir"]]:
    """Where a killed restore into ``directory`` leaves its staging folders (for :func:`sweep_leftovers`)."""
    directory = Path(directory)
    return directory.parent, f".{glob.escape(directory.name)}.restore-*", "dir"


def sweep_leftovers(
    folder: Path, pattern: str, kind: Literal["dir", "file"], *, now: float | None = None
) -> list[Path]:
    """Delete the ``kind`` entries of ``folder`` matching ``pattern`` untouched for :data:`ABANDONED_AFTER`.

    A backup or restore killed half-way leaves its temporary folder or file beside its target. They hold only
    encrypted data, but can be as big as the vault; the next backup or restore in the same place, or the next
    unlock, removes them. A restore's staging folder is kept while its vault lock is held (a restore still
    running). Returns what was removed.
    """
    cutoff = (time.time() if now is None else now) - ABANDONED_AFTER
    removed: list[Path] = []
    for path in Path(folder).glob(pattern):
        try:
            if (path.is_dir() if kind == "dir" else path.is_file()) and path.lstat().st_mtime < cutoff:
                if kind == "dir":
                    if (path / "vault.lock").exists():
                        lock = ProcessLock(path / "vault.lock")
                        lock.acquire()
                        lock.release()
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
        except (OSError, VaultInUse):
            continue  # in use, or not ours to remove: left for another time
    return removed


class ProcessLock:
    """Exclusive advisory lock on ``vault.lock``, released by the OS if the process dies."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        # Owner-only like every other vault file; held open for the life of the lock.
        fh = open_private(self._path, "a+b")
        try:
            _lock_file(fh)
        except OSError:
            fh.close()
            raise VaultInUse(
                "The vault is open in another Dataroom window or command. Close it there and try again."
            ) from None
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            _unlock_file(self._fh)
            self._fh.close()
            self._fh = None


if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock_file(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
