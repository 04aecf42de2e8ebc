"""Language data: one folder per language (``de``, ``en``) of plain text files read by the engines.

Data files hold one entry per line, tab-separated columns, ``#`` comments and a header comment naming
the source. :func:`read_table` and :func:`read_list` are the one reader every layer uses.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path


def lang_file(lang: str, *parts: str) -> Path:
    """Path of a data file of language ``lang`` (e.g. ``lang_file("de", "quotes", "cue_verbs.tsv")``)."""
    return Path(str(resources.files("lagebild") / "lang" / lang / Path(*parts)))


def read_table(path: Path) -> list[list[str]]:
    """Rows of a tab-separated data file, cells stripped; ``#`` comments and blank lines skipped.

    A missing file gives no rows (a language may leave a list out).
    """
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


_BRACE = re.compile(r"\{([^{}]*)\}")


def expand(form: str) -> list[str]:
    """Shell-like brace expansion of a data-file entry: ``Tag{,e,en}`` -> ``["Tag", "Tage", "Tagen"]``."""
    match = _BRACE.search(form)
    if not match:
        return [form]
    head, tail = form[: match.start()], form[match.end() :]
    out: list[str] = []
    for alt in match.group(1).split(","):
        out.extend(expand(head + alt + tail))
    return out


def read_list(path: Path) -> list[str]:
    """First column of a data file: one entry per line."""
    return [row[0] for row in read_table(path) if row and row[0]]
