"""Shared fixtures: the ruleset, the repository, and the CLI to compare with.

The CLI is found through ``PEACECOOP_BIN`` (default: ``target/release/peacecoop``
in the repository); tests that compare with it are skipped, saying so, when
it is absent. Build it with ``cargo build --release`` at the repository root.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, List, Tuple

import pytest

import peacecoop

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted(
    p.relative_to(ROOT).as_posix()
    for p in (ROOT / "scenarios").rglob("*")
    if p.suffix in (".yaml", ".yml")
)


def cli_path() -> Path:
    env = os.environ.get("PEACECOOP_BIN")
    p = Path(env) if env else ROOT / "target" / "release" / "peacecoop"
    return p if p.is_absolute() else ROOT / p


class Cli:
    """Runs the ``peacecoop`` binary from the repository root."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def run(self, *args: str) -> Tuple[int, str, str]:
        p = subprocess.run(
            [str(self.path), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "NO_COLOR": "1"},
        )
        return p.returncode, p.stdout, p.stderr

    def json(self, *args: str) -> Any:
        code, out, err = self.run(*args, "--format", "json")
        assert code in (0, 1, 3), f"peacecoop {' '.join(args)} exited {code}: {err}"
        return json.loads(out)


@pytest.fixture(scope="session")
def rules() -> peacecoop.RuleSet:
    return peacecoop.RuleSet.embedded()


@pytest.fixture(scope="session")
def cli() -> Cli:
    p = cli_path()
    if not p.is_file():
        pytest.skip(
            f"the peacecoop CLI is not at {p}: build it with `cargo build --release` "
            "at the repository root, or point PEACECOOP_BIN at it"
        )
    return Cli(p)


@pytest.fixture(scope="session")
def scenario_files() -> List[str]:
    assert SCENARIOS, f"no scenario files under {ROOT / 'scenarios'}"
    return SCENARIOS


def text_of(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


def same(a: Any, b: Any) -> bool:
    """Equal values and the same key order everywhere."""
    return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)
