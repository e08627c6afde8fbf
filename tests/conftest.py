from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal project root with the real vocabularies and one valid entry."""
    (tmp_path / "palette" / "landelijk").mkdir(parents=True)
    shutil.copytree(REPO / "palette" / "vocabulaires", tmp_path / "palette" / "vocabulaires")
    shutil.copy(REPO / "palette" / "landelijk" / "tijdelijk-huisverbod.yaml", tmp_path / "palette" / "landelijk")
    return tmp_path
