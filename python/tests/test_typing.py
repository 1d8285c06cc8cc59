"""The stubs pass `mypy --strict` on the example and on typical use, and
agree with the module (mypy's stubtest)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent

pytest.importorskip("mypy", reason="mypy checks the stubs")


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *args],
        cwd=PACKAGE,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_mypy_strict_on_the_sweep_example() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    p = mypy(str(PACKAGE / "examples" / "sweep.py"))
    assert p.returncode == 0, p.stdout + p.stderr


def test_mypy_strict_on_typical_use() -> None:
    p = mypy(str(HERE / "typing_usage.py"))
    assert p.returncode == 0, p.stdout + p.stderr


def test_stubs_match_the_module() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "peacecoop",
         "--allowlist", str(HERE / "stubtest-allowlist.txt")],
        cwd=HERE,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stdout + p.stderr


def test_the_sweep_example_draws_its_picture(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    out = tmp_path / "sweep.png"
    p = subprocess.run(
        [sys.executable, str(PACKAGE / "examples" / "sweep.py"), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 0, p.stdout + p.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 20_000
    assert "variants evaluated" in p.stdout
