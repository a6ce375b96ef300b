"""The PyInstaller bundle: builds it from this tree (packaging/build.py, into a temporary folder), runs
``dataroom --selftest`` in it in a clean environment (``env -i`` with only PATH, HOME and LANG), and checks its size,
its contents and that every library it links resolves. Prints size, file count, build and self-test times.

Slow (about a minute on two cores): marked ``slow``; skipped when PyInstaller is not installed."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT_BYTES = 150_000_000  # the goal for the unpacked folder: < 150 MB
SELFTEST_SECONDS = 10
#: Found on every Wayland desktop; a build machine without Wayland cannot bundle them (the wayland plugin needs them).
SYSTEM_ONLY = re.compile(r"^libwayland-(client|cursor|egl)\.so")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle test runs on the Linux build"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """Build once for every test here: the bundle folder and the seconds the build took."""
    pytest.importorskip(
        "PyInstaller", reason="PyInstaller is not installed; add 'pyinstaller>=6.10' to the test extra to run this"
    )
    out = tmp_path_factory.mktemp("bundle")
    # PyInstaller's cache of stripped libraries survives between runs here, which halves a rebuild.
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(ROOT / "build" / "pyinstaller-cache")}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--no-archive",
         "--dist", str(out / "dist"), "--work", str(out / "work")],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    return out / "dist" / "dataroom", seconds


def _stats(folder: Path) -> tuple[int, int]:
    """Bytes and files, as packaging/build.py counts them (hard links once)."""
    spec = importlib.util.spec_from_file_location("dataroom_packaging_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.folder_stats(folder)  # type: ignore[no-any-return]


def _report(capsys: pytest.CaptureFixture[str], text: str) -> None:
    with capsys.disabled():
        print(f"\n[bundle] {text}")


def test_selftest_in_a_clean_environment(built: tuple[Path, float], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bundle, build_seconds = built
    home = tmp_path / "home"
    home.mkdir()
    # Like `env -i PATH=... HOME=... LANG=C.UTF-8`: no DISPLAY, no XDG variables, no venv, no PYTHONPATH.
    clean = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    started = time.monotonic()
    done = subprocess.run(
        [str(bundle / "dataroom"), "--selftest"], capture_output=True, text=True, env=clean, cwd=tmp_path, timeout=120
    )
    seconds = time.monotonic() - started
    if "unrecognized arguments: --selftest" in done.stderr:
        pytest.fail("dataroom/cli/main.py has no --selftest option yet (see tests/cli/test_selftest.py)")
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert done.stdout.splitlines()[-1].startswith("self-test passed"), done.stdout
    assert "FAIL" not in done.stdout
    assert seconds < SELFTEST_SECONDS, f"the self-test took {seconds:.1f} s in the bundle"
    size, files = _stats(bundle)
    _report(capsys, f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB), {files} files; built in {build_seconds:.0f} s; "
                    f"self-test {seconds:.1f} s")  # fmt: skip


def test_size(built: tuple[Path, float]) -> None:
    bundle, _ = built
    size, files = _stats(bundle)
    assert size < LIMIT_BYTES, f"the bundle is {size / 1e6:.1f} MB ({files} files); the goal is < 150 MB"


def test_both_programs_and_resources(built: tuple[Path, float]) -> None:
    bundle, _ = built
    internal = bundle / "_internal"
    version = subprocess.run([str(bundle / "dataroom-app"), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("dataroom-app "), version.stderr
    for name in ("fonts/wqy-microhei.ttc", "fonts/wqy-microhei.COPYRIGHT", "fonts/wqy-microhei.AUTHORS.txt",
                 "translations/dataroom_zh_CN.qm", "icons/vault.svg"):  # fmt: skip
        assert (internal / "resources" / name).is_file(), name
    assert not list((internal / "resources").rglob("*.ts"))  # sources of the translations stay out


def test_what_was_left_out(built: tuple[Path, float]) -> None:
    bundle, _ = built
    internal = bundle / "_internal"
    for gone in ("lxml", "tkinter", "PySide6/QtNetwork.abi3.so", "PySide6/Qt/lib/libQt6Network.so.6",
                 "PySide6/Qt/plugins/tls", "PySide6/Qt/plugins/networkinformation", "PySide6/Qt/plugins/generic",
                 "PySide6/Qt/plugins/egldeviceintegrations", "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
                 "libstdc++.so.6"):  # fmt: skip
        assert not (internal / gone).exists(), gone
    platforms = {p.name for p in (internal / "PySide6/Qt/plugins/platforms").iterdir()}
    assert platforms <= {"libqoffscreen.so", "libqxcb.so", "libqwayland.so"} and "libqoffscreen.so" in platforms
    assert {p.name for p in (internal / "PySide6/Qt/plugins/imageformats").iterdir()} == {"libqsvg.so"}
    assert {p.name for p in (internal / "PySide6/Qt/translations").iterdir()} == {"qtbase_zh_CN.qm"}


def test_every_linked_library_resolves(built: tuple[Path, float], capsys) -> None:  # type: ignore[no-untyped-def]
    """Nothing left out is still needed: ldd finds every library each bundled binary links, in the bundle or in the
    system. Also prints which system packages the bundle uses (the list in packaging/README.md)."""
    if not shutil.which("ldd"):
        pytest.skip("ldd is not available")
    bundle, _ = built
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing: set[str] = set()
    system: set[str] = set()
    for path in [bundle / "dataroom", *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            name, _, where = line.strip().partition(" => ")
            if where.startswith("not found"):
                if not SYSTEM_ONLY.match(name):
                    missing.add(f"{path.relative_to(bundle)}: {name}")
            elif where.startswith("/") and not where.startswith(str(bundle)):
                system.add(where.split(" (")[0])
    assert not missing, "\n".join(sorted(missing))
    packages: set[str] = set()
    if shutil.which("dpkg"):
        for lib in system:  # by name: ldd says /lib/..., dpkg may know /usr/lib/... (merged /usr)
            name = Path(lib).name
            found = subprocess.run(["dpkg", "-S", f"*/{name}"], capture_output=True, text=True).stdout
            packages.update(line.split(":")[0] for line in found.splitlines() if line.endswith(f"/{name}"))
    _report(capsys, "system packages used: " + " ".join(sorted(packages or system)))
