"""Shared fixtures: the data root, and markers that skip locally but never in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from storage_support import save_blank_model, store_url

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def data_root() -> Path:
    return Path(os.environ.get("LAGEBILD_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


def pytest_collection_modifyitems(config, items):
    if data_root().exists():
        return
    if IN_CI:
        raise pytest.UsageError(f"CI run without the shared data at {data_root()} (set LAGEBILD_DATA)")
    skip = pytest.mark.skip(reason=f"needs the shared corpora at {data_root()} (LAGEBILD_DATA)")
    for item in items:
        if "data" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _data_env():
    os.environ.setdefault("LAGEBILD_DATA", str(data_root()))
    yield


# Shared by the ingest and storage-command tests (tests/store has its own backend fixture).
@pytest.fixture(scope="session")
def blank_model(tmp_path_factory):
    """A blank German spaCy pipeline saved to disk: fast, deterministic analysis for storage tests."""
    return save_blank_model(tmp_path_factory.mktemp("models") / "blank_de")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh store URL on each backend."""
    with store_url(request.param, tmp_path) as url:
        yield url
