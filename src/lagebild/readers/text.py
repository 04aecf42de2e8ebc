"""Plain-text reader: UTF-8, or another encoding detected with charset-normalizer."""

from __future__ import annotations

from .base import ReadError, Record

# Share of control characters (other than whitespace) above which bytes are treated as binary.
_BINARY_CONTROL_SHARE = 0.10


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(sample) and controls / len(sample) > _BINARY_CONTROL_SHARE


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to ``(text, encoding)``; raise ``ValueError`` for binary or undecodable bytes."""
    if looks_binary(data):
        raise ValueError("binary data, not text (valid inputs: UTF-8 or other text, HTML, JSONL, WARC)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few damaged bytes: keep UTF-8 and mark the bad bytes with U+FFFD, rather than
    # letting a single-byte codec turn every umlaut into mojibake.
    repaired = data.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd")
    good_multibyte = sum(1 for ch in repaired if ord(ch) > 127) - bad
    # Valid multi-byte sequences almost never occur by chance in a single-byte-encoded text.
    if good_multibyte > 0 or bad <= len(repaired) // 100:
        return repaired, "utf-8 (invalid bytes replaced)"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("bytes are in no recognisable text encoding")
    return str(best), best.encoding


def read_text_bytes(data: bytes, origin: str) -> Record | ReadError:
    if not data.strip():
        return ReadError(origin, "empty input: no text to analyse")
    try:
        text, encoding = decode_text(data)
    except ValueError as exc:
        return ReadError(origin, str(exc))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return ReadError(origin, "empty input: only whitespace")
    return Record(text=text, origin=origin, meta={"encoding": encoding})
