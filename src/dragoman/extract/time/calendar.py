"""Calendar arithmetic for the TIMEX3 normaliser (:mod:`dragoman.extract.time.timex`): ISO weeks, month and quarter
steps, the weekday or year a tense points to, and periods counted from a reference value ("the following year")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from .words import UNKNOWN_PERIOD

Tense = Literal["past", "present", "future"]


def week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def quarter(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def prev_quarter(d: dt.date, back: int = 1) -> str:
    year, q = quarter(d)
    index = year * 4 + (q - 1) - back
    return f"{index // 4}-Q{index % 4 + 1}"


def weekday_date(dct: dt.date, weekday: int, tense: Tense) -> dt.date:
    """The ``weekday`` nearest ``dct`` in the direction of ``tense`` (the dct itself counts)."""
    back = (dct.weekday() - weekday) % 7
    forward = (weekday - dct.weekday()) % 7
    if tense == "past":
        return dct - dt.timedelta(days=back)
    if tense == "future":
        return dct + dt.timedelta(days=forward)
    return dct - dt.timedelta(days=back) if back <= forward else dct + dt.timedelta(days=forward)


def year_for(dct: dt.date, month: int, day: int, tense: Tense) -> int:
    """The year of a month/day stated without one: the dct's, unless the tense points across a year end."""
    try:
        candidate = dt.date(dct.year, month, min(day, 28) if month == 2 and day > 28 else day)
    except ValueError:
        return dct.year
    gap = (candidate - dct).days
    if tense == "past" and gap > 1:  # told in the past tense, a day after the reference is last year's
        return dct.year - 1
    if tense == "future" and gap < -60:
        return dct.year + 1
    if tense == "present" and (gap > 92 or gap < -273):
        return dct.year - 1 if gap > 0 else dct.year + 1
    return dct.year


def iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def shift_reference(reference: str, step: str) -> str:
    """The ``unit±n`` period from a reference value ("1995-05-22", "1998", "1989-Q2"), as precise as both allow."""
    unit, shift = step[:-2], int(step[-2:])
    ref = re.match(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|Q(\d)))?", reference)
    if ref is None or unit == "year":
        return str(int(ref[1]) + shift) if ref else UNKNOWN_PERIOD[unit]
    year, month, day, quarter = ref.groups()
    if unit == "quarter" and (quarter or month):
        index = int(year) * 4 + (int(quarter) if quarter else (int(month) - 1) // 3 + 1) - 1 + shift
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "month" and month:
        return "{}-{:02d}".format(*add_months(int(year), int(month), shift))
    if not day:
        return f"{year}-{month}-XX" if unit == "day" and month else UNKNOWN_PERIOD[unit].replace("XXXX", year)
    date = dt.date(int(year), int(month), int(day))
    return (date + dt.timedelta(days=shift)).isoformat() if unit == "day" else week(date + dt.timedelta(weeks=shift))
