"""Persistent storage of analysed documents (SQLite or PostgreSQL) with search and queries."""

from .store import AddResult, QuoteHit, SearchHit, Store, StoreNotFoundError, day_of, normalise_url, snippet

__all__ = ["AddResult", "QuoteHit", "SearchHit", "Store", "StoreNotFoundError", "day_of", "normalise_url", "snippet"]
