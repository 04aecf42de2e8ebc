"""One settings object for the whole package (environment variables prefixed ``LAGEBILD_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime settings. Every field can be set as ``LAGEBILD_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="LAGEBILD_", extra="ignore")

    data: Path = Path("../shared/data")
    """Root of the shared corpora (training and evaluation only; never needed to analyse)."""
    db: str = "lagebild.db"
    """Default store: a SQLite path or an SQLAlchemy/PostgreSQL URL."""
    max_chars: int = 2_000_000
    """Documents longer than this are rejected with a clear error."""
    model_de: str | None = None
    """A spaCy pipeline (package name or path) to use instead of the shipped German one."""
    model_en: str | None = None
    """A spaCy pipeline (package name or path) to use instead of the shipped English one."""
    batch_size: int = 64
    """Documents per database transaction during ingest."""
    hanta_tags: bool = False
    """German: replace the statistical STTS tags, UPOS and lemmas by HanTa's (more accurate, ~2.5x slower)."""


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def data_path(*parts: str) -> Path:
    """A path below ``LAGEBILD_DATA``; raises a clear error if the data root is missing."""
    root = get_settings().data
    if not root.exists():
        raise FileNotFoundError(
            f"LAGEBILD_DATA={root} does not exist; point LAGEBILD_DATA at the shared corpora folder"
        )
    return root.joinpath(*parts)
