"""Calendar arithmetic and TIMEX3 value strings (language-independent)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass
class Ref:
    """A point of reference: year, month, day (any may be unknown)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def as_date(self) -> date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None


def parse_dct(value: str | None) -> tuple[date | None, str | None]:
    """``(date, "HH:MM" or None)`` of an ISO date/datetime string; ``(None, None)`` if unusable."""
    if not value:
        return None, None
    value = value.strip()
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        has_time = bool(re.search(r"\d[T ]\d", value))
        return dt.date(), (dt.strftime("%H:%M") if has_time else None)
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])), None
        except ValueError:
            return None, None
    return None, None


def year_str(year: int) -> str:
    if year <= 0:
        return f"BC{1 - year:04d}"
    return f"{year:04d}"


def fmt_date(year: int | None, month: int | None = None, day: int | None = None) -> str:
    y = "XXXX" if year is None else year_str(year)
    if month is None:
        return y
    if day is None:
        return f"{y}-{month:02d}"
    return f"{y}-{month:02d}-{day:02d}"


def fmt_day(d: date) -> str:
    return d.isoformat()


def fmt_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        date(year if year and year > 0 else 2000, month, day)
        return True
    except ValueError:
        return False


def shift_value(anchor: date, unit: str, k: float) -> str | None:
    """The period ``k`` units away from ``anchor``, at the granularity of ``unit``."""
    if unit in ("Y", "HY", "Q", "M") and k != int(k):
        months = {"Y": 12, "HY": 6, "Q": 3, "M": 1}[unit] * k
        if months != int(months):
            return None
        d = anchor + relativedelta(months=int(months))
        return f"{d.year:04d}-{d.month:02d}"
    if unit in ("W", "D") and k != int(k):
        days = (7 if unit == "W" else 1) * k
        if days != int(days):
            return None
        return fmt_day(anchor + timedelta(days=int(days)))
    k = int(k)
    if unit == "D":
        return fmt_day(anchor + timedelta(days=k))
    if unit == "W":
        return fmt_week(anchor + timedelta(weeks=k))
    if unit == "WE":
        return fmt_week(anchor + timedelta(weeks=k)) + "-WE"
    if unit == "M":
        d = anchor + relativedelta(months=k)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        q = (anchor.month - 1) // 3 + k
        y = anchor.year + q // 4
        return f"{y:04d}-Q{q % 4 + 1}"
    if unit == "HY":
        h = (anchor.month - 1) // 6 + k
        y = anchor.year + h // 2
        return f"{y:04d}-H{h % 2 + 1}"
    if unit == "Y":
        return year_str(anchor.year + k)
    if unit == "DE":
        return f"{(anchor.year // 10) + k:03d}"
    if unit == "CE":
        return f"{(anchor.year // 100) + k:02d}"
    return None


def ref_shift_value(ref: Ref, unit: str, k: float) -> str | None:
    """Like :func:`shift_value` for a reference that may only know its year or month."""
    d = ref.as_date()
    if d is not None:
        return shift_value(d, unit, k)
    if ref.year is None:
        return None
    if unit == "Y" and k == int(k):
        return year_str(ref.year + int(k))
    if unit in ("M", "Y", "Q", "HY") and ref.month is not None:
        return shift_value(date(max(ref.year, 1), ref.month, 1), unit, k)
    if unit == "DE" and k == int(k):
        return f"{ref.year // 10 + int(k):03d}"
    if unit == "CE" and k == int(k):
        return f"{ref.year // 100 + int(k):02d}"
    return None


def weekday_near(anchor: date, weekday: int, direction: str | None) -> date:
    """The ``weekday`` (ISO 1-7) on/before (PAST), on/after (FUTURE) or nearest to ``anchor``."""
    diff = weekday - anchor.isoweekday()
    if direction == "PAST":
        back = (anchor.isoweekday() - weekday) % 7
        return anchor - timedelta(days=back)
    if direction == "FUTURE":
        return anchor + timedelta(days=diff % 7)
    if diff > 3:
        diff -= 7
    elif diff < -3:
        diff += 7
    return anchor + timedelta(days=diff)


def weekday_shift(anchor: date, weekday: int, k: int) -> date:
    """``k=-1``: the last such weekday strictly before ``anchor``; ``+1``: the next one after; ``0``: this week."""
    if k < 0:
        back = (anchor.isoweekday() - weekday) % 7 or 7
        return anchor - timedelta(days=back + 7 * (-k - 1))
    if k > 0:
        fwd = (weekday - anchor.isoweekday()) % 7 or 7
        return anchor + timedelta(days=fwd + 7 * (k - 1))
    return anchor + timedelta(days=weekday - anchor.isoweekday())


def year_for_month_day(anchor: date, month: int, day: int | None, direction: str | None) -> int:
    """Year of an underspecified ``month`` (and ``day``) relative to ``anchor`` and the tense."""
    target = (month, day or 0)
    here = (anchor.month, anchor.day if day else 0)
    if direction == "PAST":
        return anchor.year if target <= here else anchor.year - 1
    if direction == "FUTURE":
        return anchor.year if target >= here else anchor.year + 1
    # no tense: the nearest (within half a year)
    best, best_dist = anchor.year, None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = date(y, month, min(day or 15, 28) if day is None else day)
        except ValueError:
            continue
        dist = abs((cand - anchor).days)
        if best_dist is None or dist < best_dist:
            best, best_dist = y, dist
    return best


def season_year(anchor: date, season: str, k: int) -> int:
    start, end = SEASON_MONTHS[season]
    if k < 0:
        return anchor.year if (end < anchor.month and season != "WI") else anchor.year - 1
    if k > 0:
        return anchor.year if start > anchor.month else anchor.year + 1
    return anchor.year


def easter(year: int) -> date:
    """Easter Sunday (Gregorian calendar; anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_date(rule: str, year: int) -> date | None:
    """``"12-25"`` or ``"EASTER+1"`` in ``year``."""
    if rule.startswith("EASTER"):
        if year < 1583:
            return None
        return easter(year) + timedelta(days=int(rule[6:] or 0))
    month, day = map(int, rule.split("-"))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def number_value(text: str, lookup) -> float | str | None:
    """A number from digits (``"3"``, ``"1,5"``) or a number word (via ``lookup``); ``"X"`` if vague."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:,\d+)?", text):
        return float(text.replace(",", "."))
    entry = lookup("number", text)
    if not entry:
        return None
    if entry[0] == "X":
        return "X"
    return float(entry[0])


def fmt_number(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def duration_value(n: float | str, unit: str) -> str | None:
    if n == "X":
        if unit in ("QH", "TQH"):
            return "PTXM"
        if unit in ("H", "MIN", "S"):
            return "PTX" + ("M" if unit == "MIN" else unit)
        if unit in ("Q", "HY"):
            return "PXM"
        return f"PX{unit}"
    assert isinstance(n, float)
    if unit in ("H", "MIN", "S"):
        u = {"MIN": "M"}.get(unit, unit)
        if n != int(n):
            if unit == "H":
                return f"PT{int(n * 60)}M"
            return None
        return f"PT{int(n)}{u}"
    if n != int(n):
        conv = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H")}
        if unit not in conv:
            return None
        factor, u2 = conv[unit]
        m = n * factor
        if m != int(m):
            return None
        return f"PT{int(m)}H" if u2 == "H" else f"P{int(m)}{u2}"
    if unit == "QH":
        return f"PT{int(n * 15)}M"
    if unit == "TQH":
        return f"PT{int(n * 45)}M"
    if unit == "Q":
        return f"P{int(n) * 3}M"
    if unit == "HY":
        return f"P{int(n) * 6}M"
    if unit == "ML":
        return f"P{int(n) * 10}CE"
    return f"P{fmt_number(n)}{unit}"
