from __future__ import annotations

import pytest
from storage_support import store_url

from lagebild.store import Store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request):
    return request.param


@pytest.fixture
def db_url(backend, tmp_path):
    with store_url(backend, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.close()
