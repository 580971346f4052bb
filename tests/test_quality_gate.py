"""The extraction quality gate (after trafilatura's eval gate).

Runs ``whymove eval DIR --json`` exactly as a user would and holds every score at or above
its floor in ``eval_baseline.json``. A floor is only ever raised; lowering one needs a reason
in the commit that does it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())


def _eval(directory: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "whymove", "eval", str(directory), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_scores_do_not_drop_below_their_floors(name: str):
    directory = ROOT / name
    if not directory.is_dir():
        pytest.skip(f"{directory} is not present on this machine (data set, not code)")
    scores = _eval(directory)
    assert scores["missing_articles"] == []
    drops = {
        field: (scores[field], floor)
        for field, floor in BASELINE[name].items()
        if scores[field] + 1e-9 < floor
    }
    assert not drops, f"{name}: scores below their floors (score, floor): {drops}"
