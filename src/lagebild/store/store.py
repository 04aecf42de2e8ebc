"""The Lagebild store: documents and every layer in SQLite or PostgreSQL (SQLAlchemy 2)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, inspect, or_, select, text
from sqlalchemy.engine import Connection

from ..document import Document
from . import stemming
from .schema import DOCUMENTS, FULLTEXT_CHARS, LAYER_TABLES, LINKS, create_schema

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalise_url(db: str | Path) -> str:
    """An SQLAlchemy URL for ``db``: a file path (SQLite) or a database URL.

    ``postgresql://`` and ``postgres://`` select the psycopg 3 driver (``postgresql+psycopg://``).
    """
    db = str(db)
    if "://" not in db:
        if db == ":memory:":
            return "sqlite://"
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    scheme, rest = db.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    if scheme.startswith(("postgresql+", "sqlite")):
        return db
    raise ValueError(
        f"unsupported database {db!r}: give a SQLite file path or a postgresql:// URL"
    )


def day_of(value: str | None) -> str | None:
    """``YYYY-MM-DD`` if ``value`` starts with a full ISO date, else ``None``."""
    if not value:
        return None
    m = _ISO_DAY.match(value)
    return m.group(0) if m else None


def _key(name: str | None) -> str | None:
    """Casefolded name for case-insensitive lookups (bounded: it is indexed)."""
    return name.casefold()[:500] if name else None


def _like(value: str) -> str:
    escaped = value.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class StoreNotFoundError(FileNotFoundError):
    pass


@dataclass
class AddResult:
    added: list[str] = field(default_factory=list)  # ids of newly stored documents
    skipped: list[str] = field(default_factory=list)  # ids whose content was already stored
    conflicts: list[tuple[Document, str]] = field(default_factory=list)  # not stored, with reason


@dataclass
class SearchHit:
    doc_id: str
    score: float
    title: str | None
    published: str | None
    url: str | None
    snippet: str


@dataclass
class QuoteHit:
    uid: str
    doc_id: str
    speaker_name: str | None
    message_text: str
    score: float


class Store:
    """A Lagebild database. ``Store("lagebild.db")`` or ``Store("postgresql://user@host/db")``."""

    def __init__(self, db: str | Path, *, create: bool = True, engine: Engine | None = None) -> None:
        """Open the store at ``db``; ``create=False`` raises :class:`StoreNotFoundError` if there is none."""
        self.url = normalise_url(db)
        if not create and self.url.startswith("sqlite:///") and not Path(self.url[len("sqlite:///") :]).exists():
            raise StoreNotFoundError(f"there is no Lagebild store at {db} (run `lagebild ingest` first)")
        self.engine = engine or _make_engine(self.url)
        self.dialect = self.engine.dialect.name
        if create:
            with self.engine.begin() as conn:
                create_schema(conn)
        elif not inspect(self.engine).has_table("documents"):
            self.engine.dispose()
            raise StoreNotFoundError(f"there is no Lagebild store at {db} (run `lagebild ingest` first)")

    # -- context management -------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------
    def stored_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The subset of ``hashes`` (content hashes) already in the store."""
        hashes = list(set(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i : i + 500]
                rows = conn.execute(select(DOCUMENTS.c.content_hash).where(DOCUMENTS.c.content_hash.in_(chunk)))
                found.update(r[0] for r in rows)
        return found

    def add_documents(
        self, docs: Iterable[Document], *, n_tokens: dict[str, int] | None = None
    ) -> AddResult:
        """Store ``docs`` with all their layers in one transaction (idempotent by content hash).

        A document whose text is already stored is skipped; one whose id is taken by a different
        text is not stored and reported in :attr:`AddResult.conflicts`.
        """
        docs = list(docs)
        result = AddResult()
        if not docs:
            return result
        with self.engine.begin() as conn:
            ids = [d.id for d in docs]
            hashes = [d.content_hash for d in docs]
            by_hash: set[str] = set()
            by_id: dict[str, str] = {}
            for i in range(0, len(docs), 500):
                rows = conn.execute(
                    select(DOCUMENTS.c.id, DOCUMENTS.c.content_hash).where(
                        or_(DOCUMENTS.c.content_hash.in_(hashes[i : i + 500]), DOCUMENTS.c.id.in_(ids[i : i + 500]))
                    )
                )
                for doc_id, h in rows:
                    by_hash.add(h)
                    by_id[doc_id] = h
            rows: dict[str, list[dict[str, Any]]] = {name: [] for name in ("documents", *LAYER_TABLES, "fts_docs", "fts_quotes")}
            now = datetime.now(timezone.utc)
            for doc in docs:
                h = doc.content_hash
                if h in by_hash:
                    result.skipped.append(doc.id)
                    continue
                if doc.id in by_id:
                    result.conflicts.append((doc, f"document id {doc.id!r} is already stored with a different text"))
                    continue
                by_hash.add(h)
                by_id[doc.id] = h
                _document_rows(doc, rows, now, (n_tokens or {}).get(doc.id))
                result.added.append(doc.id)
            self._insert(conn, rows)
        return result

    def _insert(self, conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
        if rows["documents"]:
            conn.execute(DOCUMENTS.insert(), rows["documents"])
        for name, table in LAYER_TABLES.items():
            if rows[name]:
                conn.execute(table.insert(), rows[name])
        if self.dialect == "sqlite":
            if rows["fts_docs"]:
                conn.execute(text("INSERT INTO documents_fts (doc_id, lang, body) VALUES (:doc_id, :lang, :body)"), rows["fts_docs"])
            if rows["fts_quotes"]:
                conn.execute(text("INSERT INTO quotes_fts (uid, lang, body) VALUES (:uid, :lang, :body)"), rows["fts_quotes"])

    def add_document(self, doc: Document, *, n_tokens: int | None = None) -> AddResult:
        return self.add_documents([doc], n_tokens={doc.id: n_tokens} if n_tokens is not None else None)

    def add_links(self, links: Iterable[dict[str, Any]]) -> None:
        """Store cross-document links: dicts with ``src``, ``dst``, ``type`` and optional ``score``, ``meta``."""
        links = list(links)
        if links:
            with self.engine.begin() as conn:
                conn.execute(LINKS.insert(), [{"score": None, "meta": None, **link} for link in links])

    def links(self, uid: str | None = None) -> list[dict[str, Any]]:
        """Stored cross-document links (those touching ``uid`` if given)."""
        stmt = select(LINKS).order_by(LINKS.c.src, LINKS.c.dst, LINKS.c.type)
        if uid:
            stmt = stmt.where(or_(LINKS.c.src == uid, LINKS.c.dst == uid))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and its layers; returns whether it existed."""
        with self.engine.begin() as conn:
            for name, table in LAYER_TABLES.items():
                if self.dialect == "sqlite" and name == "quotes":
                    conn.execute(
                        text("DELETE FROM quotes_fts WHERE uid IN (SELECT uid FROM quotes WHERE doc_id = :d)"), {"d": doc_id}
                    )
                conn.execute(table.delete().where(table.c.doc_id == doc_id))
            if self.dialect == "sqlite":
                conn.execute(text("DELETE FROM documents_fts WHERE doc_id = :d"), {"d": doc_id})
            return conn.execute(DOCUMENTS.delete().where(DOCUMENTS.c.id == doc_id)).rowcount > 0

    # -- reading -------------------------------------------------------------------------------
    def count(self, table: str = "documents") -> int:
        t = DOCUMENTS if table == "documents" else LINKS if table == "links" else LAYER_TABLES[table]
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t)).scalar_one())

    def get_document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            data = conn.execute(select(DOCUMENTS.c.data).where(DOCUMENTS.c.id == doc_id)).scalar()
        return None if data is None else Document.from_dict(json.loads(data))

    def iter_rows(self, *columns: str, batch: int = 200) -> Iterator[tuple[Any, ...]]:
        """Columns of every stored document in insertion order (``data`` is the Document JSON string)."""
        last = 0
        cols = [DOCUMENTS.c[c] for c in columns]
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(DOCUMENTS.c.pk, *cols).where(DOCUMENTS.c.pk > last).order_by(DOCUMENTS.c.pk).limit(batch)
                ).all()
            if not rows:
                return
            for row in rows:
                yield tuple(row[1:])
            last = rows[-1][0]

    def iter_document_dicts(self) -> Iterator[dict[str, Any]]:
        """Every stored Document JSON in insertion order."""
        for (data,) in self.iter_rows("data"):
            yield json.loads(data)

    def iter_documents(self) -> Iterator[Document]:
        for data in self.iter_document_dicts():
            yield Document.from_dict(data)

    def document_rows(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        doc_ids = list(doc_ids)
        cols = [DOCUMENTS.c[c] for c in ("id", "title", "published", "url", "source", "lang", "day")]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*cols).where(DOCUMENTS.c.id.in_(doc_ids))).mappings().all() if doc_ids else []
        return {r["id"]: dict(r) for r in rows}

    def quotes(self, *, speaker: str | None = None, doc_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored quotes, optionally of speakers whose name contains ``speaker`` (case-insensitive)."""
        q = LAYER_TABLES["quotes"]
        cols = [q.c[c] for c in ("uid", "doc_id", "id", "form", "stwr", "speaker", "speaker_name", "message_text", "cue_text", "start", "end", "message", "cue", "source", "nested_in")]
        stmt = select(*cols, DOCUMENTS.c.published, DOCUMENTS.c.title, DOCUMENTS.c.url).join(DOCUMENTS, DOCUMENTS.c.id == q.c.doc_id)
        if speaker:
            stmt = stmt.where(q.c.speaker_key.like(_like(speaker), escape="\\"))
        if doc_id:
            stmt = stmt.where(q.c.doc_id == doc_id)
        stmt = stmt.order_by(DOCUMENTS.c.pk, q.c.start, q.c.uid)
        if limit:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def events(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        code: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events filtered by actor name (source or target, substring, case-insensitive),
        day range (``YYYY-MM-DD``; the event's date, else its document's publication date) and
        CAMEO code prefix."""
        e = LAYER_TABLES["events"]
        stmt = select(e, DOCUMENTS.c.published, DOCUMENTS.c.title, DOCUMENTS.c.url).join(DOCUMENTS, DOCUMENTS.c.id == e.c.doc_id)
        if actor:
            pattern = _like(actor)
            stmt = stmt.where(or_(e.c.source_key.like(pattern, escape="\\"), e.c.target_key.like(pattern, escape="\\")))
        if since:
            stmt = stmt.where(e.c.day >= _check_day(since, "since"))
        if until:
            stmt = stmt.where(e.c.day <= _check_day(until, "until"))
        if code:
            if not code.isdigit():
                raise ValueError(f"CAMEO code prefix must be digits (e.g. 04, 043), not {code!r}")
            stmt = stmt.where(e.c.cameo.like(f"{code}%"))
        if doc_id:
            stmt = stmt.where(e.c.doc_id == doc_id)
        stmt = stmt.order_by(e.c.day, DOCUMENTS.c.pk, e.c.trigger_start, e.c.uid)
        if limit:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings()]

    def places(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        p = LAYER_TABLES["places"]
        stmt = select(p)
        if doc_id:
            stmt = stmt.where(p.c.doc_id == doc_id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt.order_by(p.c.doc_id, p.c.start)).mappings()]

    def search(self, query: str, *, limit: int = 10, quote_limit: int = 10) -> tuple[list[SearchHit], list[QuoteHit]]:
        """Documents ranked by relevance to ``query`` and quotes whose message matches it.

        All words of the query must occur (inflected forms match: Snowball stems on SQLite,
        ``german``/``english`` text search on PostgreSQL); stop words are ignored.
        """
        if not query.strip():
            raise ValueError("the search query is empty")
        if self.dialect == "postgresql":
            docs, quotes = self._search_pg(query, limit, quote_limit)
        else:
            docs, quotes = self._search_sqlite(query, limit, quote_limit)
        info = self.document_rows([d for d, _ in docs])
        texts = self._texts([d for d, _ in docs])
        hits = []
        for doc_id, score in docs:
            row = info[doc_id]
            hits.append(
                SearchHit(doc_id, score, row["title"], row["published"], row["url"], snippet(texts[doc_id], query, row["lang"]))
            )
        return hits, quotes

    def _texts(self, doc_ids: list[str]) -> dict[str, str]:
        if not doc_ids:
            return {}
        with self.engine.connect() as conn:
            return dict(conn.execute(select(DOCUMENTS.c.id, DOCUMENTS.c.text).where(DOCUMENTS.c.id.in_(doc_ids))).all())

    def _search_pg(self, query: str, limit: int, quote_limit: int):
        tsq = (
            "CASE WHEN {t}.lang = 'en' THEN plainto_tsquery('english', :q) ELSE plainto_tsquery('german', :q) END"
        )
        # one condition per language, so that each can use the GIN index
        match = (
            "(({t}.lang = 'en' AND {t}.tsv @@ plainto_tsquery('english', :q)) OR "
            "({t}.lang IS DISTINCT FROM 'en' AND {t}.tsv @@ plainto_tsquery('german', :q)))"
        )
        with self.engine.connect() as conn:
            docs = conn.execute(
                text(
                    f"SELECT id, ts_rank(tsv, {tsq.format(t='d')}) AS score FROM documents d "
                    f"WHERE {match.format(t='d')} ORDER BY score DESC, pk LIMIT :limit"
                ),
                {"q": query, "limit": limit},
            ).all()
            quotes = conn.execute(
                text(
                    f"SELECT uid, doc_id, speaker_name, message_text, ts_rank(tsv, {tsq.format(t='qu')}) AS score "
                    f"FROM quotes qu WHERE {match.format(t='qu')} ORDER BY score DESC, uid LIMIT :limit"
                ),
                {"q": query, "limit": quote_limit},
            ).all()
        return [(d, float(s)) for d, s in docs], [QuoteHit(u, d, sp, m, float(s)) for u, d, sp, m, s in quotes]

    def _search_sqlite(self, query: str, limit: int, quote_limit: int):
        docs: list[tuple[str, float]] = []
        quotes: list[QuoteHit] = []
        with self.engine.connect() as conn:
            for lang in ("de", "en"):
                stems = stemming.query_stems(query, lang)
                if not stems:
                    continue
                match = " AND ".join('"' + s.replace('"', '""') + '"' for s in stems)
                lang_clause = "lang = 'en'" if lang == "en" else "(lang IS NULL OR lang <> 'en')"
                docs += [
                    (d, -float(s))
                    for d, s in conn.execute(
                        text(
                            "SELECT doc_id, bm25(documents_fts) FROM documents_fts "
                            f"WHERE documents_fts MATCH :m AND {lang_clause} ORDER BY bm25(documents_fts) LIMIT :limit"
                        ),
                        {"m": match, "limit": limit},
                    )
                ]
                for uid, s in conn.execute(
                    text(
                        "SELECT uid, bm25(quotes_fts) FROM quotes_fts "
                        f"WHERE quotes_fts MATCH :m AND {lang_clause} ORDER BY bm25(quotes_fts) LIMIT :limit"
                    ),
                    {"m": match, "limit": quote_limit},
                ):
                    quotes.append(QuoteHit(uid, "", None, "", -float(s)))
            if quotes:
                q = LAYER_TABLES["quotes"]
                info = {
                    r.uid: r
                    for r in conn.execute(
                        select(q.c.uid, q.c.doc_id, q.c.speaker_name, q.c.message_text).where(q.c.uid.in_([h.uid for h in quotes]))
                    )
                }
                for hit in quotes:
                    r = info[hit.uid]
                    hit.doc_id, hit.speaker_name, hit.message_text = r.doc_id, r.speaker_name, r.message_text
        docs.sort(key=lambda x: -x[1])
        quotes.sort(key=lambda h: (-h.score, h.uid))
        return docs[:limit], quotes[:quote_limit]

    # -- testing and verification --------------------------------------------------------------
    def canonical_dump(self) -> list[str]:
        """Every stored row (minus insertion counters and timestamps) as sorted JSON lines.

        Two stores holding the same documents give the same dump, whatever the order, batching
        or interruptions of the runs that filled them.
        """
        out: list[str] = []
        tables = {"documents": DOCUMENTS, **LAYER_TABLES, "links": LINKS}
        with self.engine.connect() as conn:
            for name, table in tables.items():
                cols = [c for c in table.c if c.name not in ("pk", "added", "tsv")]
                for row in conn.execute(select(*cols)).mappings():
                    out.append(name + "\t" + json.dumps(dict(row), sort_keys=True, ensure_ascii=False, default=str))
            if self.dialect == "sqlite":
                for name, key in (("documents_fts", "doc_id"), ("quotes_fts", "uid")):
                    for row in conn.execute(text(f"SELECT {key}, lang, body FROM {name}")):
                        out.append(name + "\t" + json.dumps(list(row), ensure_ascii=False))
        out.sort()
        return out


def _check_day(value: str, what: str) -> str:
    day = day_of(value)
    if day is None:
        raise ValueError(f"--{what} must be a date YYYY-MM-DD, not {value!r}")
    return day


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            if url != "sqlite://":
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def _spans_text(text_: str, spans: list[tuple[int, int]]) -> str:
    return " … ".join(text_[s:e] for s, e in spans)


def _document_rows(doc: Document, rows: dict[str, list[dict[str, Any]]], now: datetime, n_tokens: int | None) -> None:
    data = doc.to_dict()
    did = doc.id
    rows["documents"].append(
        {
            "id": did,
            "content_hash": doc.content_hash,
            "lang": doc.lang,
            "published": doc.published,
            "day": day_of(doc.published),
            "title": doc.title,
            "source": doc.source,
            "url": doc.url,
            "author": doc.author,
            "text": doc.text,
            "n_chars": len(doc.text),
            "n_tokens": n_tokens,
            "data": json.dumps(data, ensure_ascii=False),
            "added": now,
        }
    )
    actor_names = {a.id: a.name for a in doc.actors}
    for i, ent in enumerate(doc.entities):
        rows["entities"].append(
            {"doc_id": did, "id": f"e{i}", "uid": f"{did}/e{i}", "start": ent.start, "end": ent.end,
             "text": ent.text, "label": ent.label, "actor": ent.actor}
        )
    for a in doc.actors:
        rows["actors"].append(
            {"doc_id": did, "id": a.id, "uid": f"{did}/{a.id}", "name": a.name, "name_key": _key(a.name) or "",
             "type": a.type, "country": a.country, "sector": a.sector, "cameo": a.cameo,
             "mentions": [list(m) for m in a.mentions]}
        )
    for i, t in enumerate(doc.timexes):
        rows["timexes"].append(
            {"doc_id": did, "id": f"t{i}", "uid": f"{did}/t{i}", "start": t.start, "end": t.end, "text": t.text,
             "type": t.type, "value": t.value, "anchored": bool(t.anchored), "mod": t.mod}
        )
    for q in doc.quotes:
        speaker_name = q.speaker_name or actor_names.get(q.speaker or "")
        message_text = _spans_text(doc.text, q.message)
        rows["quotes"].append(
            {"doc_id": did, "id": q.id, "uid": f"{did}/{q.id}", "lang": doc.lang, "form": q.form, "stwr": q.stwr,
             "start": min((s for s, _ in q.message), default=None), "end": max((e for _, e in q.message), default=None),
             "message_text": message_text, "cue_text": _spans_text(doc.text, q.cue) or None,
             "speaker": q.speaker, "speaker_name": speaker_name, "speaker_key": _key(speaker_name),
             "nested_in": q.nested_in, "message": [list(s) for s in q.message], "cue": [list(s) for s in q.cue],
             "source": [list(s) for s in q.source], "addressee": [list(s) for s in q.addressee]}
        )
        rows["fts_quotes"].append(
            {"uid": f"{did}/{q.id}", "lang": doc.lang, "body": stemming.stem_text(message_text[:FULLTEXT_CHARS], doc.lang)}
        )
    for ev in doc.events:
        source_name = ev.source_name or actor_names.get(ev.source or "")
        target_name = ev.target_name or actor_names.get(ev.target or "")
        rows["events"].append(
            {"doc_id": did, "id": ev.id, "uid": f"{did}/{ev.id}", "trigger_start": ev.trigger[0], "trigger_end": ev.trigger[1],
             "trigger_text": doc.text[ev.trigger[0] : ev.trigger[1]], "cameo": ev.cameo, "plover": ev.plover,
             "plover_mode": ev.plover_mode, "source": ev.source, "target": ev.target,
             "source_name": source_name, "target_name": target_name,
             "source_key": _key(source_name), "target_key": _key(target_name),
             "date": ev.date, "day": day_of(ev.date) or day_of(doc.published), "place": ev.place,
             "polarity": ev.polarity, "status": ev.status, "attributed_to": ev.attributed_to, "quote": ev.quote}
        )
    for p in doc.places:
        rows["places"].append(
            {"doc_id": did, "id": p.id, "uid": f"{did}/{p.id}", "start": p.start, "end": p.end, "text": p.text,
             "name": p.name, "geonameid": p.geonameid, "country": p.country, "lat": p.lat, "lon": p.lon}
        )
    body = ((doc.title or "") + " " + doc.text)[:FULLTEXT_CHARS].strip()
    rows["fts_docs"].append({"doc_id": did, "lang": doc.lang, "body": stemming.stem_text(body, doc.lang)})


def snippet(text_: str, query: str, lang: str | None, *, width: int = 160) -> str:
    """A short passage of ``text_`` around the first word matching a query word (by stem)."""
    stems = set(stemming.query_stems(query, lang))
    words = stemming.words(text_)
    stemmed = stemming.stem_words([w for _, _, w in words], lang or "de")
    pos = next((words[i][0] for i, s in enumerate(stemmed) if s in stems), 0)
    start = max(0, pos - width // 3)
    if start > 0:
        space = text_.find(" ", start)
        start = space + 1 if 0 <= space < pos else start
    end = min(len(text_), start + width)
    out = " ".join(text_[start:end].split())
    return ("…" if start > 0 else "") + out + ("…" if end < len(text_) else "")


__all__ = ["AddResult", "QuoteHit", "SearchHit", "Store", "StoreNotFoundError", "day_of", "normalise_url", "snippet"]
