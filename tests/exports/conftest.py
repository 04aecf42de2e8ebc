from __future__ import annotations

import pytest
from storage_support import sample_documents, store_url

from lagebild.store import Store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def filled_store(request, tmp_path):
    with store_url(request.param, tmp_path) as url:
        store = Store(url)
        store.add_documents(sample_documents())
        yield store
        store.close()
