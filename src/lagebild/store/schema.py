"""The store's tables (SQLAlchemy 2 declarative model, portable between SQLite and PostgreSQL).

``documents`` keeps every document's full JSON (the contract of :mod:`lagebild.document`) so exports
round-trip exactly; each layer has its own table with one row per record and queryable columns.
Every document-level item has a stable global id ``uid = "<doc id>/<item id>"``: actors, quotes, events
and places use the id the layer gave them, entities and timexes their position (``e0``, ``t3``, ...).
``links`` holds cross-document links between such uids (same actor, same event, ...).

Full-text search: PostgreSQL gets generated ``tsvector`` columns (``german`` or ``english`` by the
document language) with GIN indexes; SQLite gets FTS5 tables over a Snowball-stemmed copy of the text
(see :mod:`lagebild.store.stemming`). Both are created by :func:`create_schema`, not by the model.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

SCHEMA_VERSION = 1
FULLTEXT_CHARS = 400_000
"""Only the first characters of a document are full-text indexed (PostgreSQL's tsvector is limited to 1 MB)."""


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def _doc_fk() -> Any:
    return mapped_column(String(), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


class LayerItem:
    """Columns every layer table shares: the document, the item's id in it and its stable uid."""

    doc_id: Mapped[str] = _doc_fk()
    id: Mapped[str] = mapped_column(String())
    uid: Mapped[str] = mapped_column(String(), primary_key=True)  # "<doc id>/<item id>"

    @declared_attr.directive
    def __table_args__(cls) -> tuple:
        return (UniqueConstraint("doc_id", "id"),)


class DocumentRow(Base):
    __tablename__ = "documents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # insertion order
    id: Mapped[str] = mapped_column(String(), unique=True, nullable=False)
    content_hash: Mapped[str] = mapped_column(String(), unique=True, nullable=False)
    lang: Mapped[str | None] = mapped_column(String())
    published: Mapped[str | None] = mapped_column(String())
    day: Mapped[str | None] = mapped_column(String(), index=True)  # YYYY-MM-DD of `published`
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    n_chars: Mapped[int] = mapped_column(Integer, nullable=False)
    n_tokens: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text, nullable=False)  # the Document JSON, exactly as analysed
    added: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class EntityRow(LayerItem, Base):
    __tablename__ = "entities"

    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(), index=True)
    actor: Mapped[str | None] = mapped_column(String())


class ActorRow(LayerItem, Base):
    __tablename__ = "actors"

    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)  # casefolded name for lookups
    type: Mapped[str | None] = mapped_column(String())
    country: Mapped[str | None] = mapped_column(String())
    sector: Mapped[str | None] = mapped_column(String())
    cameo: Mapped[str | None] = mapped_column(String())
    mentions: Mapped[list[Any]] = mapped_column(JSON)


class TimexRow(LayerItem, Base):
    __tablename__ = "timexes"

    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String())
    value: Mapped[str | None] = mapped_column(String(), index=True)
    anchored: Mapped[bool] = mapped_column(Boolean)
    mod: Mapped[str | None] = mapped_column(String())


class QuoteRow(LayerItem, Base):
    __tablename__ = "quotes"

    lang: Mapped[str | None] = mapped_column(String())
    form: Mapped[str] = mapped_column(String())
    stwr: Mapped[str | None] = mapped_column(String())
    start: Mapped[int | None] = mapped_column(Integer)  # first character of the message
    end: Mapped[int | None] = mapped_column(Integer)  # last character of the message + 1
    message_text: Mapped[str] = mapped_column(Text)  # message spans joined with " … "
    cue_text: Mapped[str | None] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String())
    speaker_name: Mapped[str | None] = mapped_column(Text)  # as given, else the speaker actor's name
    speaker_key: Mapped[str | None] = mapped_column(Text, index=True)  # casefolded speaker_name
    nested_in: Mapped[str | None] = mapped_column(String())
    message: Mapped[list[Any]] = mapped_column(JSON)
    cue: Mapped[list[Any]] = mapped_column(JSON)
    source: Mapped[list[Any]] = mapped_column(JSON)
    addressee: Mapped[list[Any]] = mapped_column(JSON)


class EventRow(LayerItem, Base):
    __tablename__ = "events"

    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(Text)
    cameo: Mapped[str] = mapped_column(String(), index=True)
    plover: Mapped[str | None] = mapped_column(String())
    plover_mode: Mapped[str | None] = mapped_column(String())
    source: Mapped[str | None] = mapped_column(String())
    target: Mapped[str | None] = mapped_column(String())
    source_name: Mapped[str | None] = mapped_column(Text)  # as given, else the actor's name
    target_name: Mapped[str | None] = mapped_column(Text)
    source_key: Mapped[str | None] = mapped_column(Text, index=True)
    target_key: Mapped[str | None] = mapped_column(Text, index=True)
    date: Mapped[str | None] = mapped_column(String())
    day: Mapped[str | None] = mapped_column(String(), index=True)  # YYYY-MM-DD: event date, else published
    place: Mapped[str | None] = mapped_column(String())
    polarity: Mapped[str] = mapped_column(String())
    status: Mapped[str] = mapped_column(String())
    attributed_to: Mapped[str | None] = mapped_column(String())
    quote: Mapped[str | None] = mapped_column(String())


class PlaceRow(LayerItem, Base):
    __tablename__ = "places"

    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    geonameid: Mapped[int | None] = mapped_column(Integer, index=True)
    country: Mapped[str | None] = mapped_column(String())
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class LinkRow(Base):
    """A cross-document link between two item uids (filled by later cross-document components)."""

    __tablename__ = "links"

    src: Mapped[str] = mapped_column(String(), primary_key=True)
    dst: Mapped[str] = mapped_column(String(), primary_key=True)
    type: Mapped[str] = mapped_column(String(), primary_key=True)  # e.g. same_actor, same_event
    score: Mapped[float | None] = mapped_column(Float)
    meta: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    __table_args__ = (Index("ix_links_dst", "dst"),)


class MetaRow(Base):
    __tablename__ = "lagebild_meta"

    key: Mapped[str] = mapped_column(String(), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


LAYER_TABLES = {
    "entities": EntityRow.__table__,
    "actors": ActorRow.__table__,
    "timexes": TimexRow.__table__,
    "quotes": QuoteRow.__table__,
    "events": EventRow.__table__,
    "places": PlaceRow.__table__,
}
DOCUMENTS = DocumentRow.__table__
LINKS = LinkRow.__table__

_PG_TS_CONFIG = "CASE WHEN lang = 'en' THEN 'english'::regconfig ELSE 'german'::regconfig END"
_PG_FULLTEXT = (
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
    f"(to_tsvector({_PG_TS_CONFIG}, left(coalesce(title, '') || ' ' || text, {FULLTEXT_CHARS}))) STORED",
    "CREATE INDEX IF NOT EXISTS ix_documents_tsv ON documents USING GIN (tsv)",
    "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
    f"(to_tsvector({_PG_TS_CONFIG}, left(message_text, {FULLTEXT_CHARS}))) STORED",
    "CREATE INDEX IF NOT EXISTS ix_quotes_tsv ON quotes USING GIN (tsv)",
)
_SQLITE_FULLTEXT = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(doc_id UNINDEXED, lang UNINDEXED, body)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(uid UNINDEXED, lang UNINDEXED, body)",
)


def create_schema(conn: Connection) -> None:
    """Create every table and the full-text indexes if they do not exist yet."""
    Base.metadata.create_all(conn)
    statements = _PG_FULLTEXT if conn.dialect.name == "postgresql" else _SQLITE_FULLTEXT
    for statement in statements:
        conn.execute(text(statement))
    existing = conn.execute(text("SELECT value FROM lagebild_meta WHERE key = 'schema_version'")).scalar()
    if existing is None:
        conn.execute(MetaRow.__table__.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
    elif int(existing) != SCHEMA_VERSION:
        raise RuntimeError(
            f"the store has schema version {existing}, this Lagebild expects {SCHEMA_VERSION}; "
            "export it with the Lagebild that wrote it and re-ingest"
        )
