"""Build the one-folder bundle (``make bundle``): PyInstaller with ``packaging/dataroom.spec``, then a ``.tar.xz``
of the folder and ``SHA256SUMS`` over it, and the figures (size, files, build time).

    .venv/bin/python packaging/build.py [--dist DIR] [--work DIR] [--no-archive]

Writes ``<dist>/dataroom/`` (the bundle), ``<dist>/dataroom-<version>-<os>-<arch>.tar.xz`` and
``<dist>/SHA256SUMS`` (``sha256sum -c SHA256SUMS`` checks it). Uses only the standard library and PyInstaller.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "dataroom.spec"


def folder_stats(folder: Path) -> tuple[int, int]:
    """Bytes and number of files in ``folder``, counting each file once (hard links share one copy)."""
    seen: set[tuple[int, int]] = set()
    size = files = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        st = path.stat()
        files += 1
        if (st.st_dev, st.st_ino) not in seen:
            seen.add((st.st_dev, st.st_ino))
            size += st.st_size
    return size, files


def build(dist: Path, work: Path, *, quiet: bool = True) -> tuple[Path, float]:
    """Run PyInstaller; returns the bundle folder and the seconds it took."""
    started = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist), "--workpath", str(work)]
    if quiet:
        cmd += ["--log-level", "WARN"]
    subprocess.run([*cmd, str(SPEC)], check=True, cwd=ROOT)
    return dist / "dataroom", time.monotonic() - started


def _version() -> str:
    sys.path.insert(0, str(ROOT))
    import dataroom

    return dataroom.__version__


def archive(bundle: Path) -> Path:
    """``dataroom-<version>-<os>-<arch>.tar.xz`` beside the bundle (hard links and symlinks kept, owner root)."""
    name = f"dataroom-{_version()}-{platform.system().lower()}-{platform.machine().lower()}.tar.xz"
    target = bundle.parent / name
    target.unlink(missing_ok=True)
    if shutil.which("tar") and shutil.which("xz"):  # multi-threaded xz: several times faster than tarfile's lzma
        env = {**os.environ, "XZ_OPT": "-6 -T0"}
        subprocess.run(
            ["tar", "--sort=name", "--owner=0", "--group=0", "--numeric-owner", "-cJf", str(target), bundle.name],
            check=True, cwd=bundle.parent, env=env,
        )  # fmt: skip
    else:
        with tarfile.open(target, "w:xz") as tar:
            tar.add(bundle, arcname=bundle.name)
    return target


def write_sums(files: list[Path], out: Path) -> Path:
    """``SHA256SUMS`` in the format ``sha256sum -c`` reads (paths relative to its folder)."""
    lines = []
    for path in files:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {path.name}\n")
    out.write_text("".join(lines), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller work folder")
    parser.add_argument("--no-archive", action="store_true", help="only the folder: no .tar.xz, no SHA256SUMS")
    parser.add_argument("--verbose", action="store_true", help="PyInstaller's full log")
    args = parser.parse_args(argv)

    bundle, seconds = build(args.dist.resolve(), args.work.resolve(), quiet=not args.verbose)
    size, files = folder_stats(bundle)
    print(f"bundle  {bundle}  {size / 1e6:.1f} MB  {files} files  built in {seconds:.0f} s")
    if not args.no_archive:
        started = time.monotonic()
        tarball = archive(bundle)
        sums = write_sums([tarball], bundle.parent / "SHA256SUMS")
        print(f"archive {tarball}  {tarball.stat().st_size / 1e6:.1f} MB  in {time.monotonic() - started:.0f} s")
        print(f"sums    {sums}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
