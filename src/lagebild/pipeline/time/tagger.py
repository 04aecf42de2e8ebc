"""The language-agnostic time tagger: find time expressions with compiled regexes over the text and
resolve them to TIMEX3 values against the document creation time (DCT) or the last mentioned time.

Two resolution modes:

* ``news`` (default): deictic and underspecified expressions ("gestern", "am Donnerstag",
  "am 5. Januar") are resolved against the DCT, the direction chosen by the tense of the sentence;
  anaphoric ones ("am selben Tag", "zwei Tage später") against the last mentioned date.
* ``narrative`` (histories, encyclopaedia articles): everything relative is resolved against the
  last mentioned date; "heute"/"today" means the present (``PRESENT_REF``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from typing import Callable

from ...document import Timex
from . import calendar as cal
from .lexicon import Pattern, TimeLanguage, load_language

MODES = ("news", "narrative")
TenseFn = Callable[[int], "str | None"]

_UNIT_TYPES = {"H", "MIN", "S"}
_TRIGGER_CLASSES = ("month", "weekday", "unit", "season", "daypart", "deictic", "holiday", "periodpart",
                    "decadeword", "tz")


@dataclass
class Candidate:
    start: int
    end: int
    full: int  # length of the whole match, context included (longer wins)
    pattern: Pattern
    match: re.Match[str]
    delta: int = 0  # offset of the match's string (a window of the text) in the text


@dataclass
class Resolved:
    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None
    anchored: bool = True
    ref: cal.Ref | None = None  # new reference time set by this expression


class TimeTagger:
    """Find and normalise time expressions in one language."""

    def __init__(self, lang: str, *, mode: str = "news") -> None:
        if mode not in MODES:
            raise ValueError(f"time mode {mode!r} is not valid; valid: {', '.join(MODES)}")
        self.lang = lang
        self.mode = mode
        self.data: TimeLanguage = load_language(lang)
        lx = self.data.lexicons
        self._future = re.compile(r"(?<!\w)" + lx["future"].regex() + r"(?!\w)") if "future" in lx else None
        past = [lx["past"].regex()] if "past" in lx else []
        if self.data.options.get("past_word_regex"):
            past.append(self.data.options["past_word_regex"])
        self._past = re.compile(r"(?<!\w)(?:" + "|".join(past) + r")(?!\w)") if past else None
        self._prev_word = re.compile(r"(\S+)\s+$")
        # trigger words: every pattern needs a digit or a word of one of these classes
        forms = set()
        for cls in _TRIGGER_CLASSES:
            if cls in lx:
                forms.update(lex_form for lex_form in lx[cls].forms)
        from .lexicon import _trie_regex

        self._trigger = re.compile(r"\d|(?<!\w)(?i:" + _trie_regex([tuple(f.split()) for f in forms]) + ")")
        self._sent_end = re.compile(r"(?<!\d)[.!?;:]\s+(?=[\"„“‚'»«(]?[A-ZÄÖÜ0-9])|\n\s*\n")

    # ------------------------------------------------------------------ extraction
    # windows around trigger words: margins (characters) before and after, and the gap below which
    # two windows are merged. No template has more than ~35 characters before its first trigger word
    # or more than ~15 after its last one (checked against the full-text scan on 3,500 documents).
    _BEFORE, _AFTER, _GAP = 40, 24, 16

    def windows(self, text: str) -> list[tuple[int, int]]:
        """Stretches of ``text`` that can hold a time expression (around digits and lexicon words)."""
        spans: list[list[int]] = []
        for m in self._trigger.finditer(text):
            s, e = max(0, m.start() - self._BEFORE), min(len(text), m.end() + self._AFTER)
            if spans and s <= spans[-1][1] + self._GAP:
                spans[-1][1] = max(spans[-1][1], e)
            else:
                spans.append([s, e])
        out = []
        for s, e in spans:
            while s > 0 and not text[s - 1].isspace():
                s -= 1
            while e < len(text) and not text[e].isspace():
                e += 1
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out

    def candidates(self, text: str) -> list[Candidate]:
        """Every pattern match that passes its checks, before overlap resolution.

        The patterns run over the windows around trigger words only, joined by a NUL separator
        (no template crosses it), so each pattern still scans one string."""
        wins = self.windows(text)
        if sum(e - s for s, e in wins) > 0.7 * len(text):
            wins = [(0, len(text))]
        if wins == [(0, len(text))]:
            reduced, starts, deltas = text, [0], [0]
        else:
            parts, starts, deltas, pos = [], [], [], 0
            for s, e in wins:
                starts.append(pos)
                deltas.append(s - pos)
                parts.append(text[s:e])
                pos += e - s + 1
            reduced = "\x00".join(parts)
        out: list[Candidate] = []
        for pat in self.data.patterns:
            for m in pat.regex.finditer(reduced):
                delta = deltas[bisect_right(starts, m.start()) - 1]
                start, end = m.start() + delta, m.end() + delta
                if "pre" in m.re.groupindex and m.group("pre") is not None:
                    start = m.end("pre") + delta
                if "post" in m.re.groupindex and m.group("post") is not None:
                    end = m.start("post") + delta
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end <= start or not self._check(pat, m, text, start, end):
                    continue
                out.append(Candidate(start, end, m.end() - m.start(), pat, m, delta))
        return out

    def select(self, cands: list[Candidate]) -> list[Candidate]:
        """Longest match first (context included), then pattern order; no overlapping extents."""
        chosen: list[Candidate] = []
        taken = bytearray(max((c.end for c in cands), default=0) + 1)  # 1 = character already taken
        def key(c: Candidate) -> tuple:
            weak = "weak" in c.pattern.options  # e.g. bare numbers read as years only in BC narratives
            return (weak, -c.full, -(c.end - c.start), c.pattern.order, c.start)

        for c in sorted(cands, key=key):
            if taken.find(1, c.start, c.end) != -1:
                continue
            chosen.append(c)
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.sort(key=lambda c: c.start)
        return chosen

    def _fields(self, m: re.Match[str], pat: Pattern, part: str | None = None) -> dict[str, str]:
        out = {}
        for g, v in m.groupdict().items():
            if v is None or g in ("pre", "post", "a", "b"):
                continue
            if part is not None:
                second = g.endswith("2")
                if (part == "b") != second:
                    continue
                if second:
                    g = g[:-1]
            out[g] = v
        return out

    def _check(self, pat: Pattern, m: re.Match[str], text: str, start: int, end: int) -> bool:
        f = self._fields(m, pat)
        lookup = self.data.lookup
        if pat.options.get("need") == "year":
            before = text[max(0, start - 40) : start]
            pm = self._prev_word.search(before)
            prev = pm.group(1) if pm else ""
            two = " ".join(before.split()[-2:])
            if lookup("quant", prev) or lookup("quant", two):
                return False
            if lookup("noyear", prev):  # "Nr. 2020", "IC 2083", "§ 1990"
                return False
            after = text[end : end + 30]
            am = re.match(r"[ \t]+(\S+)", after)
            nxt = am.group(1) if am else ""
            if re.match(r"[%€$£]", nxt) or lookup("noyear_after", nxt.rstrip(".,;:")):
                return False
            has_prep = bool(lookup("prep", prev)) or bool(re.search(r"[(\[]$", before))
            if not has_prep and lookup("conj", prev):  # "1939 und 1940": licensed by the year before
                has_prep = bool(re.search(r"\d{4}\s+\S+\s+$", before))
            if not has_prep and not lookup("month", nxt.rstrip(".,;:")):
                block = self.data.options.get("year_next_block", "capitalized")
                if block == "capitalized" and nxt[:1].isupper():
                    return False
                if block == "plural_lower" and re.fullmatch(r"[a-z]+s", nxt) and nxt not in ("was", "has", "is"):
                    return False
        if pat.resolver == "calendar":
            if "day" in f and ("month" in f or "mm" in f):
                month = int(f["mm"]) if "mm" in f else int(lookup("month", f["month"])[0])
                if not cal.valid_day(None, month, int(f["day"])):
                    return False
            if "ordinal" in f and "unit" in f:
                unit = (lookup("unit", f["unit"]) or ("",))[0]
                n = int(lookup("ordinal", f["ordinal"])[0])
                if unit not in ("Q", "HY") or n < 1 or n > (4 if unit == "Q" else 2):
                    return False
            if "part" in f and "unit" in f:
                unit = (lookup("unit", f["unit"]) or ("",))[0]
                if unit not in ("Y", "M", "W", "D", "DE", "CE", "Q", "HY"):
                    return False
        if pat.resolver in ("shift", "duration", "set", "offset") and "unit" in f:
            if lookup("unit", f["unit"]) is None:
                return False
        if pat.options.get("need") == "plural":
            e = lookup("unit", f.get("unit", ""))
            if e is None or len(e) < 2 or e[1] != "PL":
                return False
        if pat.resolver in ("shift", "duration") and "n" in f:
            n = cal.number_value(f["n"], lookup)
            if n is None or (n != "X" and (n <= 0 or n > 10000)):
                return False
        return True

    # ------------------------------------------------------------------ resolution
    def tag(self, text: str, dct: str | None = None, tense: TenseFn | None = None) -> list[Timex]:
        """All time expressions of ``text`` as :class:`lagebild.document.Timex` records."""
        dct_date, dct_time = cal.parse_dct(dct)
        if tense is None:
            tense = self.lexical_tense(text)
        ref = cal.Ref(dct_date.year, dct_date.month, dct_date.day) if dct_date else cal.Ref()
        ctx = _Ctx(self, dct_date, dct_time, ref, tense)
        out: list[Timex] = []
        done: list[tuple[Candidate, int]] = []  # candidate, index of its first Timex in out
        for cand in self.select(self.candidates(text)):
            done.append((cand, len(out)))
            for r in self._resolve(cand, ctx):
                out.append(Timex(r.start, r.end, text[r.start : r.end], r.type, r.value, r.anchored, r.mod))
                new_ref = r.ref if r.ref is not None else _ref_of(r)
                if new_ref is not None and new_ref.month is None and self._noref_before(text, r.start):
                    new_ref = None  # "seit 1939": a span's start, not the time the story is at
                if new_ref is not None:
                    ctx.ref = new_ref
        if self.mode == "news":
            self._requote(text, out, done, tense)
        return out

    _QUOTE = re.compile(r"„[^„“”\n]{1,1500}[“”]|“[^“”\n]{1,1500}”|»[^»«\n]{1,1500}«|«[^»«\n]{1,1500}»"
                        r"|\"[^\"\n]{1,1500}\"")
    _DAY = re.compile(r"\d{4}-\d\d-\d\d")
    _period_end = re.compile(r"(?<!\d)[.!?][“”\"»«]?\s+(?=[\"„“‚'»«(]?[A-ZÄÖÜ0-9])|\n\s*\n")

    def _requote(self, text: str, out: list[Timex], done: list[tuple[Candidate, int]], tense: TenseFn) -> None:
        """Inside a quotation, "morgen", "letzte Woche", "am Donnerstag" are relative to when the words
        were said: the day named in the same sentence outside the quotation ("Am Montag sagte er: ...",
        "..., sagte er am Montag"), else the DCT (already resolved that way)."""
        quotes = [m.span() for m in self._QUOTE.finditer(text)]
        if not quotes:
            return
        bounds = [0] + [m.end() for m in self._period_end.finditer(text)] + [len(text)]
        starts = [o.start for o in out]  # out is in text order
        qstarts = [qs for qs, _ in quotes]

        def quote_of(start: int, end: int) -> tuple[int, int] | None:
            i = bisect_right(qstarts, start - 1) - 1  # the last quotation opening before start
            if i >= 0 and quotes[i][0] < start and end < quotes[i][1]:
                return quotes[i]
            return None

        for cand, idx in done:
            if idx >= len(out) or cand.pattern.resolver not in ("deictic", "offset", "shift", "calendar"):
                continue
            tx = out[idx]
            q = quote_of(tx.start, tx.end)
            if q is None or not tx.anchored:
                continue
            f = self._fields(cand.match, cand.pattern)
            if cand.pattern.resolver == "calendar" and not ("weekday" in f and "day" not in f and "year" not in f):
                continue
            s0 = bounds[bisect_right(bounds, q[0]) - 1]
            j = bisect_right(bounds, q[1] - 1)
            s1 = bounds[j] if j < len(bounds) else len(text)
            lo, hi = bisect_right(starts, s0 - 1), bisect_right(starts, s1 - 1)
            speech = [o for o in out[lo:hi] if not (q[0] <= o.start < q[1]) and o.value
                      and self._DAY.match(o.value) and quote_of(o.start, o.end) is None]
            if not speech:
                continue
            day = min(speech, key=lambda o: min(abs(o.start - q[0]), abs(o.start - q[1]))).value[:10]
            said = date.fromisoformat(day)
            ctx = _Ctx(self, said, None, cal.Ref(said.year, said.month, said.day), tense)
            res = self._resolve(cand, ctx)
            if res:
                r = res[0]
                out[idx] = Timex(r.start, r.end, text[r.start : r.end], r.type, r.value, r.anchored, r.mod)

    def _noref_before(self, text: str, start: int) -> bool:
        m = self._prev_word.search(text[max(0, start - 30) : start])
        return bool(m and self.data.lookup("noref", m.group(1)))

    def lexical_tense(self, text: str) -> TenseFn:
        """Tense of the sentence around an offset from cue words ("wird", "will", "hatte", ...)."""
        bounds = [0] + [m.end() for m in self._sent_end.finditer(text)] + [len(text)]
        cache: dict[int, str | None] = {}

        def tense(offset: int) -> str | None:
            i = bisect_right(bounds, offset) - 1
            if i not in cache:
                sent = text[bounds[i] : bounds[min(i + 1, len(bounds) - 1)]]
                if self._future is not None and self._future.search(sent):
                    cache[i] = "FUTURE"
                elif self._past is not None and self._past.search(sent):
                    cache[i] = "PAST"
                else:
                    cache[i] = None
            return cache[i]

        return tense

    def _resolve(self, cand: Candidate, ctx: "_Ctx") -> list[Resolved]:
        pat, m = cand.pattern, cand.match
        if pat.resolver == "range":
            return self._range(cand, ctx)
        f = self._fields(m, pat)
        fn = getattr(self, "_r_" + pat.resolver, None)
        if fn is None:
            raise ValueError(f"time pattern {pat.name!r}: unknown resolver {pat.resolver!r}")
        r = fn(f, pat, cand.start, cand.end, ctx)
        return [r] if r is not None else []

    # -- helpers
    def _num(self, text: str) -> float | str | None:
        return cal.number_value(text, self.data.lookup)

    def _unit(self, text: str) -> str | None:
        e = self.data.lookup("unit", text)
        return e[0] if e else None

    def _anchor_kind(self, pat: Pattern, default: str = "dct") -> str:
        kind = pat.options.get("anchor", default)
        return "ref" if self.mode == "narrative" else kind

    # -- calendar: absolute, underspecified, weekday, season, decade, century, parts
    def _r_calendar(self, f: dict[str, str], pat: Pattern, start: int, end: int, ctx: "_Ctx") -> Resolved | None:
        look = self.data.lookup
        mod = self.data.lookup("approx", f["approx"])[0] if "approx" in f else pat.options.get("mod")
        anchored = True
        bc = "bc" in f
        if "part" in f:
            mod = look("part", f["part"])[0]
        # decades and centuries
        if "decade" in f or "decadeword" in f:
            if "decadeword" in f:
                digits = look("decadeword", f["decadeword"])[0]
            else:
                d = f["decade"]
                if bc or (len(d) == 3 and ctx.ref.year is not None and ctx.ref.year <= 0 and "ad" not in f):
                    digits = f"BC{int(d) // 10:03d}"
                elif len(d) == 2:
                    digits = "19" + d[0]
                else:
                    digits = f"{int(d) // 10:03d}"
            return Resolved(start, end, "DATE", digits, mod)
        if "century" in f or ("ordinal" in f and "unit" not in f):
            n = int(f["century"]) if "century" in f else int(look("ordinal", f["ordinal"])[0])
            if n < 1:
                return None
            value = f"BC{n - 1:02d}" if bc else f"{n - 1:02d}"
            return Resolved(start, end, "DATE", value, mod)
        year: int | None = None
        if "year" in f:
            year = int(f["year"])
        elif "bcyear" in f:
            year = int(f["bcyear"])
        elif "yy" in f:
            yy = int(f["yy"])
            base = ctx.ref.year or (ctx.dct.year if ctx.dct else 2000)
            year = (base // 100) * 100 + yy
            if year > base + 10:
                year -= 100
        if year is not None and bc:
            year = 1 - year
        if pat.options.get("need") == "era":  # a bare small number is a year only in a BC narrative
            if ctx.ref.year is None or ctx.ref.year > 0 or year is None or year > 1200:
                return None
            year = 1 - year
        month = None
        holiday = look("holiday", f["holiday"])[0] if "holiday" in f else None
        if holiday is not None:
            if year is None:
                probe = holiday if not holiday.startswith("EASTER") else "04-01"
                mo, dd = map(int, probe.split("-"))
                year, _, _, _, anchored = ctx.underspecified(mo, dd, None, None, start, self._anchor_kind(pat))
            hd = cal.holiday_date(holiday, year) if year is not None else None
            if hd is None:
                if holiday.startswith("EASTER"):
                    return Resolved(start, end, "DATE", None, mod, False)
                mo, dd = map(int, holiday.split("-"))
                return Resolved(start, end, "DATE", f"XXXX-{mo:02d}-{dd:02d}", mod, False)
            return Resolved(start, end, "DATE", cal.fmt_day(hd), mod, anchored, cal.Ref(hd.year, hd.month, hd.day))
        if "month" in f:
            month = int(look("month", f["month"])[0])
        elif "mm" in f:
            month = int(f["mm"])
        day = int(f["day"]) if "day" in f else None
        if pat.options.get("dayonly") and month is None:
            base = ctx.anchor("ref")
            if base.month is None:
                return None
            year, month = base.year, base.month
        weekday = int(look("weekday", f["weekday"])[0]) if "weekday" in f else None
        season = smod = None
        if "season" in f:
            e = look("season", f["season"])
            season, smod = e[0], (e[1] if len(e) > 1 else None)
            mod = mod or smod
        daypart = look("daypart", f["daypart"])[0] if "daypart" in f else pat.options.get("daypart")
        shift = look("shift", f["shift"]) if "shift" in f else None
        unit = self._unit(f["unit"]) if "unit" in f else None
        ptype = "DATE"
        new_ref: cal.Ref | None = None
        # quarter / half year
        if "ordinal" in f and unit in ("Q", "HY"):
            n = int(look("ordinal", f["ordinal"])[0])
            if year is None:
                year = ctx.ref.year
                anchored = year is not None
            return Resolved(start, end, "DATE", f"{cal.fmt_date(year)}-{'Q' if unit == 'Q' else 'H'}{n}", mod, anchored)
        # "Ende des Jahres", "Anfang dieses Monats", "Jahresende"
        if "periodpart" in f:
            e = look("periodpart", f["periodpart"])
            mod = e[0]
            unit = e[1] if len(e) > 1 else "Y"
        if year is None and month is None and season is None and weekday is None and day is None and unit:
            k = int(shift[0]) if shift else 0
            kind = shift[1] if shift and len(shift) > 1 else "ref"
            value, anchored = ctx.shifted(unit, k, "ref" if self.mode == "narrative" else kind)
            return Resolved(start, end, "DATE", value, mod, anchored)
        # "März des folgenden Jahres", "im vergangenen Sommer", "letzten Donnerstag"
        if shift is not None and year is None:
            k = int(shift[0])
            kind = "ref" if self.mode == "narrative" else (shift[1] if len(shift) > 1 else "dct")
            base = ctx.anchor(kind)
            if weekday is not None and day is None:
                if base.as_date() is None:
                    return Resolved(start, end, "DATE", f"XXXX-WXX-{weekday}", mod, False)
                d = cal.weekday_shift(base.as_date(), weekday, k)
                value = cal.fmt_day(d) + (f"T{daypart}" if daypart else "")
                return Resolved(start, end, "TIME" if daypart else "DATE", value, mod, True,
                                cal.Ref(d.year, d.month, d.day))
            if base.year is None:
                anchored = False
            elif season is not None and base.as_date() is not None and kind == "dct":
                year = cal.season_year(base.as_date(), season, k)
            elif month is not None and unit is None and base.as_date() is not None and kind == "dct":
                year = base.year + k if k else base.year
                if k < 0 and month < base.month:
                    year = base.year
                elif k > 0 and month > base.month:
                    year = base.year
            else:
                year = base.year + k
        # underspecified: no year
        if year is None and (month is not None or season is not None or weekday is not None):
            year, month, day, _, anchored = ctx.underspecified(
                month, day, weekday, season, start, self._anchor_kind(pat)
            )
        if year is None and month is None and day is None and season is None:
            if weekday is not None:
                return Resolved(start, end, "DATE", f"XXXX-WXX-{weekday}" + (f"T{daypart}" if daypart else ""),
                                mod, False)
            if daypart is not None:  # "am Abend": the day last mentioned
                d = ctx.anchor(self._anchor_kind(pat, "ref")).as_date()
                if d is None and self.mode == "news":
                    d = ctx.dct
                if d is None:
                    return Resolved(start, end, "TIME", f"XXXX-XX-XXT{daypart}", mod, False)
                return Resolved(start, end, "TIME", f"{cal.fmt_day(d)}T{daypart}", mod)
            return None
        value = cal.fmt_date(year, month, day)
        if season is not None:
            value = f"{cal.fmt_date(year)}-{season}"
        if year is not None:
            new_ref = cal.Ref(year, month, day)
        if "hour" in f:
            ptype = "TIME"
            value += f"T{_hour(f):02d}:{f.get('minute', '00')}" + (f":{f['second']}" if "second" in f else "")
            if "tz" in f:
                value += look("tz", f["tz"])[0]
        elif daypart:
            ptype = "TIME"
            value += f"T{daypart}"
        return Resolved(start, end, ptype, value, mod, anchored, new_ref)

    def _range(self, cand: Candidate, ctx: "_Ctx") -> list[Resolved]:
        m, pat = cand.match, cand.pattern
        fa, fb = self._fields(m, pat, "a"), self._fields(m, pat, "b")
        for key in ("month", "year", "bc", "mm"):
            if key in fb and key not in fa:
                fa[key] = fb[key]
        for key in ("month", "mm"):
            if key in fa and key not in fb and "day" in fb:
                fb[key] = fa[key]
        sa, ea = (x + cand.delta for x in m.span("a"))
        sb, eb = (x + cand.delta for x in m.span("b"))
        if "yy" in fb and "year" in fa:
            fb["year"] = str(int(fa["year"]) // 100 * 100 + int(fb.pop("yy")))
            if int(fb["year"]) <= int(fa["year"]):
                return []
        rb = self._r_calendar(fb, pat, sb, eb, ctx)
        if rb is not None and rb.ref is not None and "year" not in fa and rb.ref.year is not None:
            fa["year"] = str(rb.ref.year) if rb.ref.year > 0 else str(1 - rb.ref.year)
        ra = self._r_calendar(fa, pat, sa, ea, ctx)
        if rb is not None and "daypart" in pat.options:  # only the first part carries the daypart
            rb.type, rb.value = "DATE", (rb.value or "").split("T")[0] or None
        out = [r for r in (ra, rb) if r is not None]
        return out

    # -- offsets: "letzte Woche", "im nächsten Jahr", "am selben Tag"
    def _r_offset(self, f: dict[str, str], pat: Pattern, start: int, end: int, ctx: "_Ctx") -> Resolved | None:
        unit = self._unit(f["unit"])
        if unit is None or unit in _UNIT_TYPES:
            return None
        ue = self.data.lookup("unit", f["unit"])
        if len(ue) > 1 and ue[1] == "PL":  # "in den folgenden Tagen", "die letzten Jahre"
            return Resolved(start, end, "DURATION", cal.duration_value("X", unit))
        if "shift" in f:
            e = self.data.lookup("shift", f["shift"])
            k, kind = int(e[0]), (e[1] if len(e) > 1 else "dct")
        else:
            k, kind = int(pat.options.get("shift", "0")), "ref"
        kind = pat.options.get("anchor", kind)
        if self.mode == "narrative":
            kind = "ref"
        value, anchored = ctx.shifted(unit, k, kind)
        ref = None
        if value and unit == "D" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            y, mo, d = map(int, value.split("-"))
            ref = cal.Ref(y, mo, d)
        return Resolved(start, end, "DATE", value, None, anchored, ref)

    # -- "vor zwei Wochen", "drei Tage später", "in zwei Monaten"
    def _r_shift(self, f: dict[str, str], pat: Pattern, start: int, end: int, ctx: "_Ctx") -> Resolved | None:
        unit = self._unit(f["unit"])
        n = self._num(f["n"])
        if unit is None or n is None:
            return None
        direction = int(pat.options.get("dir", "-1"))
        mod = self.data.lookup("approx", f["approx"])[0] if "approx" in f else None
        if n == "X":
            return Resolved(start, end, "DATE", "FUTURE_REF" if direction > 0 else "PAST_REF", mod)
        if mod not in (None, "APPROX"):  # "nach mehr als drei Tagen": no point in time, a duration
            return Resolved(start, end, "DURATION", cal.duration_value(n, unit), mod)
        kind = self._anchor_kind(pat)
        if unit in _UNIT_TYPES:
            return Resolved(start, end, "DURATION", cal.duration_value(n, unit), mod)
        if kind == "ref" and unit in ("W", "M") and ctx.ref.as_date() is not None:
            value, anchored = ctx.shifted_day(unit, direction * n)
        else:
            value, anchored = ctx.shifted(unit, direction * n, kind)
        ref = None
        if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            y, mo, d = map(int, value.split("-"))
            ref = cal.Ref(y, mo, d)
        return Resolved(start, end, "DATE", value, mod, anchored, ref)

    def _r_duration(self, f: dict[str, str], pat: Pattern, start: int, end: int, ctx: "_Ctx") -> Resolved | None:
        unit = self._unit(f["unit"]) if "unit" in f else pat.options.get("unit")
        n = self._num(f["n"]) if "n" in f else "X"
        if unit is None or n is None or unit == "WE":
            return None
        mod = self.data.lookup("approx", f["approx"])[0] if "approx" in f else pat.options.get("mod")
        return Resolved(start, end, "DURATION", cal.duration_value(n, unit), mod)

    def _r_set(self, f: dict[str, str], pat: Pattern, start: int, end: int, ctx: "_Ctx") -> Resolved | None:
        look = self.data.lookup
        if "weekday" in f:
            e = look("weekday", f["weekday"]) or look("weekday", f["weekday"].rstrip("s"))
            if e is None:
                return None
            return Resolved(start, end, "SET", f"XXXX-WXX-{e[0]}")
        if "daypart" in f:
            return Resolved(start, end, "SET", f"XXXX-XX-XXT{look('daypart', f['daypart'])[0]}")
        if "unit" in f:
            unit = self._unit(f["unit"])
            n = self._num(f["n"]) if "n" in f else 1.0
            if unit is None or n is None or n == "X":
                return None
            return Resolved(start, end, "SET", cal.duration_value(n, unit))
        return None

    def _r_deictic(self, f: dict[str, str], pat: Pattern, start: int, end: int, ctx: "_Ctx") -> Resolved | None:
        e = self.data.lookup("deictic", f["deictic"])
        if e is None:
            return None
        typ, rule = e[0], e[1]
        m = re.fullmatch(r"(DE|CE|[DWMYQ])([+-]\d+)(?:@(dct|ref))?", rule)
        if not m:
            return Resolved(start, end, typ, rule, None)
        unit, k, kind = m.group(1), int(m.group(2)), m.group(3) or "dct"
        if self.mode == "narrative":
            if unit == "D" and k == 0 and kind == "dct":
                return Resolved(start, end, "DATE", "PRESENT_REF", None)
            kind = "ref"
        value, anchored = ctx.shifted(unit, k, kind)
        ref = None
        if value and unit == "D" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            y, mo, d = map(int, value.split("-"))
            ref = cal.Ref(y, mo, d)
        return Resolved(start, end, typ, value, None, anchored, ref)

    def _r_time(self, f: dict[str, str], pat: Pattern, start: int, end: int, ctx: "_Ctx") -> Resolved | None:
        hour = _hour(f)
        minute = f.get("minute", "00")
        if hour > 24:
            return None
        d = ctx.anchor(self._anchor_kind(pat, "ref")).as_date()
        if d is None and self.mode == "news":
            d = ctx.dct
        day = cal.fmt_day(d) if d else "XXXX-XX-XX"
        value = f"{day}T{hour:02d}:{minute}" + (f":{f['second']}" if "second" in f else "")
        if "tz" in f:
            value += self.data.lookup("tz", f["tz"])[0]
        return Resolved(start, end, "TIME", value, None, d is not None)


_REF_VALUE = re.compile(r"(BC)?(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:-(?:SP|SU|FA|WI|Q\d|H\d))?(?:T.*)?")


def _ref_of(r: Resolved) -> cal.Ref | None:
    """The reference time a resolved DATE/TIME sets for later expressions (None: keep the old one)."""
    if r.type not in ("DATE", "TIME") or not r.value:
        return None
    m = _REF_VALUE.fullmatch(r.value)
    if not m:
        return None
    year = int(m.group(2))
    if m.group(1):
        year = 1 - year
    return cal.Ref(year, int(m.group(3)) if m.group(3) else None, int(m.group(4)) if m.group(4) else None)


def _hour(f: dict[str, str]) -> int:
    hour = int(f["hour"])
    ampm = f.get("ampm", "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return hour


class _Ctx:
    """Per-document resolution state: the DCT, the last mentioned time and the tense function."""

    def __init__(self, tagger: TimeTagger, dct: date | None, dct_time: str | None, ref: cal.Ref,
                 tense: TenseFn) -> None:
        self.tagger = tagger
        self.dct = dct
        self.dct_time = dct_time
        self.ref = ref
        self.tense = tense

    def anchor(self, kind: str) -> cal.Ref:
        if kind == "dct":
            return cal.Ref(self.dct.year, self.dct.month, self.dct.day) if self.dct else cal.Ref()
        return self.ref

    def shifted(self, unit: str, k: float, kind: str) -> tuple[str | None, bool]:
        base = self.anchor(kind)
        if base.year is None:
            return None, False
        return cal.ref_shift_value(base, unit, k), True

    def shifted_day(self, unit: str, k: float) -> tuple[str | None, bool]:
        """``k`` weeks or months from the last mentioned day, as a day ("zwei Wochen später")."""
        d = self.ref.as_date()
        days = {"W": 7}.get(unit)
        try:
            if days:
                return cal.fmt_day(d + timedelta(days=int(round(days * k)))), True
            if k != int(k):
                return cal.fmt_day(d + timedelta(days=int(round(30 * k)))), True
            return cal.fmt_day(d + relativedelta(months=int(k))), True
        except (OverflowError, ValueError):
            return None, True

    def underspecified(self, month, day, weekday, season, offset, kind):
        """Fill the year (and for weekdays the date) of an expression without a year."""
        tense = None
        if kind == "dct" or self.tagger.mode == "news":
            base = self.anchor("dct")
            tense = self.tense(offset)
            if base.year is None:  # no DCT: fall back on the text's own reference, if any
                base = self.ref
        else:
            base = self.ref
        if base.year is None:
            return None, month, day, None, False
        bdate = base.as_date()
        if weekday is not None and month is None:
            if bdate is None:
                return None, None, None, None, False
            d = cal.weekday_near(bdate, weekday, tense)
            return d.year, d.month, d.day, d, True
        if self.tagger.mode == "narrative" or bdate is None:
            return base.year, month, day, None, True
        if season is not None:
            return base.year, month, day, None, True
        return cal.year_for_month_day(bdate, month, day, tense), month, day, None, True
