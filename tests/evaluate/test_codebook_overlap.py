"""PLOVER GSR records that are CAMEO codebook examples are recognised (self-written strings)."""

from __future__ import annotations

import pytest

from lagebild.evaluate.events import _letters, in_codebook

CODEBOOK = _letters("""Example The foreign minister of Freedonia accused the neigh-
bouring state of shelling two border villages on Tuesday, officials said. CAMEO 112""")


@pytest.mark.parametrize("text, expected", [
    ("The foreign minister of Freedonia accused the neighbouring state of shelling two border villages.", True),
    ("The Freedonian army shelled two border villages on Tuesday, officials in the capital said.", False),
    ("Officials said.", False),  # too short to tell
])
def test_in_codebook(text, expected):
    assert in_codebook(text, CODEBOOK) is expected
