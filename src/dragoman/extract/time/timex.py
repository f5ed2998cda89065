"""Temporal expressions: a model-free finder and TIMEX3 normaliser (regular grammar, no dateparser).

``find_timexes`` scans a text once with a set of rules, keeps the longest non-overlapping matches and
normalises each against the document creation time (``dct``) as TimeML does: ``2024-01-22`` (day),
``2024-W04`` (ISO week), ``2024-01`` (month), ``2024`` (year), ``2024-Q1``, ``2024-SU``, ``199`` (decade),
``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, durations ``P3D``/``PT5H`` and sets ``P1W``.
Expressions told from the story's own time ("later that year", "the following day") count from the
last date the text named before them, else from the dct (calendar arithmetic: ``timex_calendar``).

Expressions whose value depends on the direction of time ("Monday", "Jan. 5" without a year) are
resolved with a tense: ``past`` -> the last such day on or before the dct, ``future`` -> the next on
or after it, ``present`` -> the nearest. ``tense_at`` lets the caller supply the tense (the date
resolver uses the spaCy parse); the default guesses it from future cues in the preceding words.
Without a dct, relative values keep TimeML's ``X`` placeholders and are never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final, Literal

from . import calendar as cal
from .calendar import Tense
from .words import (
    ABBREVIATIONS,
    APPROX,
    DAY_PART_CODES,
    DEICTIC_DAY_SHIFTS,
    FUTURE_CUE,
    HOLIDAY_DATES,
    MOD,
    MONTH,
    MONTH_KEY,
    MONTH_NUMBERS,
    MONTHS,
    NUMBER,
    NUMBER_WORDS,
    ORDINALS,
    PART,
    REF_VALUES,
    RELATIVE_YEAR_SHIFTS,
    REPORTED,
    SAFE_MONTH,
    SEASON_CODES,
    SEASON_END_MONTH,
    SET_VALUES,
    SET_WORDS,
    UNIT,
    UNIT_CODES,
    UNKNOWN_PERIOD,
    UTC_ZONES,
    VAGUE_AMOUNTS,
    WEEKDAY,
    WEEKDAY_NUMBERS,
    ZONE,
)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: character span, surface text, TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str


# --- numbers ------------------------------------------------------------------------------------

# Digit patterns; the words (months, weekdays, number words, units, ...) are in ``timex_words``.
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"


def _number(word: str) -> float | None:
    """The value of a number phrase; None when it is vague ("several")."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    half = 0.0
    if w.endswith(" 1/2") or w.endswith(" and a half"):
        half = 0.5
        w = w.rsplit(" 1/2", 1)[0] if w.endswith(" 1/2") else w[: -len(" and a half")]
    if w in VAGUE_AMOUNTS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w) + half
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w] + half
    parts = re.split(r"[- ]", w)
    if all(p in NUMBER_WORDS for p in parts):
        return sum(NUMBER_WORDS[p] for p in parts) + half
    return None


def _month_no(name: str) -> int:
    return MONTH_NUMBERS[name.lower().rstrip(".")]


def _day_no(text: str) -> int:
    return int(re.sub(r"\D", "", text))  # a DAY is digits and perhaps an ordinal ending ("21st")


# --- rules --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Ctx:
    dct: dt.date | None
    tense: Tense


Handler = Callable[[re.Match[str], _Ctx], tuple[TimexType, str] | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: Handler
    # A word every match contains and the most characters a match can start before it. Rules whose pattern
    # opens with optional modifiers are costly to try at every position: they are tried only near the key.
    key: re.Pattern[str] | None
    back: int
    # Words of which every match (of a keyed rule: every hit of its key) holds at least one, lower-case for a rule
    # that ignores case: a text with none of them is not searched at all (most texts have no "/", no "nineteen").
    needs: tuple[str, ...] = ()

    def may_match(self, text: str, lowered: str) -> bool:
        """False when ``text`` (``lowered``: its ``str.lower()``) holds none of the words the rule needs."""
        if not self.needs:
            return True
        haystack = lowered if self.pattern.flags & re.IGNORECASE else text
        return any(word in haystack for word in self.needs)


_RULES: list[_Rule] = []
# What every written form of a month (``MONTH``, ``SAFE_MONTH``) holds: "Jan" of "January" and "Jan.".
_MONTH_STEMS: tuple[str, ...] = tuple(name[:3] for name, _short in MONTHS)
_MONTH_STEMS_LOWER: tuple[str, ...] = tuple(stem.lower() for stem in _MONTH_STEMS)
_WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_LOWER: tuple[str, ...] = tuple(day.lower() for day in _WEEKDAYS)
# Letters that a rule ignoring case matches to an ASCII letter though ``str.lower`` does not make them one (or makes
# two characters of one): in a text with any of them the rules' ``needs`` are not checked.
_CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
_FORWARD = 60  # a match never ends further than this past the start of its key


def _rule(pattern: str, flags: int = 0, *, key: str | None = None, back: int = 60,
          key_flags: int | None = None, needs: tuple[str, ...] = ()) -> Callable[[Handler], Handler]:
    if flags & re.IGNORECASE and any(word != word.lower() for word in needs):
        raise ValueError(f"a rule that ignores case needs lower-case words: {needs}")

    def register(handler: Handler) -> Handler:
        compiled_key = re.compile(key, flags if key_flags is None else key_flags) if key else None
        _RULES.append(_Rule(re.compile(pattern, flags), handler, compiled_key, back, needs))
        return handler

    return register


def _matches(rule: _Rule, text: str) -> Iterator[re.Match[str]]:
    """The matches ``rule.pattern.finditer(text)`` gives, searched only in windows around the rule's key."""
    if rule.key is None:
        yield from rule.pattern.finditer(text)
        return
    done = 0
    for hit in rule.key.finditer(text):
        if hit.end() <= done:
            continue
        start = max(done, hit.start() - rule.back)
        stop = hit.start() + _FORWARD
        while stop < len(text) and not text[stop].isspace():
            stop += 1  # never cut a word: \b at the window's end would be a false boundary
        while True:
            match = rule.pattern.search(text, start, min(stop, len(text)))
            if match is None or match.end() == match.start():
                break
            yield match
            done = start = match.end()
            if match.end() > hit.start():
                break


def _unit_of(text: str) -> str:
    u = text.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


@_rule(rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY})\b(?:,?\s+(?P<year>{YEAR})\b)?(?!\s*[-:/]\d)",
       needs=_MONTH_STEMS)
def _month_day(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    month, day = _month_no(m["mon"]), _day_no(m["day"])
    if m["year"]:
        value = cal.iso(int(m["year"]), month, day)
    elif ctx.dct is None:
        value = f"XXXX-{month:02d}-{day:02d}"
    else:
        value = cal.iso(cal.year_for(ctx.dct, month, day, ctx.tense), month, day)
    return ("DATE", value) if value else None


@_rule(rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?\b",
       needs=_MONTH_STEMS)
def _day_month(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    return _month_day(m, ctx)


@_rule(rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})\b", re.I,
       key=MONTH_KEY, key_flags=0, back=40)
def _month_year(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    if not m["mon"][0].isupper():
        return None
    return "DATE", f"{int(m['year'])}-{_month_no(m['mon']):02d}"


def _month_alone(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    if not m["mon"][0].isupper():
        return None
    month = _month_no(m["mon"])
    rel = (m.groupdict().get("rel") or "").lower()
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    year = ctx.dct.year
    if rel == "last":
        year = year if month < ctx.dct.month else year - 1
    elif rel == "next":
        year = year if month > ctx.dct.month else year + 1
    elif rel != "this":
        year = cal.year_for(ctx.dct, month, 15, ctx.tense)
    return "DATE", f"{year}-{month:02d}"


# A month with a cue before it: a preposition (kept out of the span: group ``t``) or a modifier / relative word.
_rule(rf"\b(?:in|on|since|by|until|through|from|to|during|before|after|between|and|of|or|till)\s+(?P<t>(?P<mon>{MONTH}))"
      r"(?![\s-]*\d)\b", re.I, needs=_MONTH_STEMS_LOWER)(_month_alone)
_rule(rf"\b(?:(?P<mod>{MOD})[-\s]+|(?P<rel>last|next|this)\s+)(?P<mon>{MONTH})(?![\s-]*\d)\b", re.I,
      key=MONTH_KEY, key_flags=0, back=40)(_month_alone)
_rule(rf"\b(?P<mon>{SAFE_MONTH})(?![\s-]*\d)(?!\w)", needs=_MONTH_STEMS)(_month_alone)


# Words that make a four-digit number a count: before it ("more than", "at least", "some") or after it (people).
_COUNT_BEFORE: Final = re.compile(r"\b(?:(?:more|fewer|less)\s+than|at\s+least|at\s+most|up\s+to|nearly|almost|"
                                  r"roughly|approximately|some)\s+$", re.I)
_COUNTED_AFTER: Final = re.compile(r"\s+(?:people|persons|civilians|soldiers|troops|fighters|militants|rebels|"
                                   r"refugees|migrants|residents|protesters|prisoners|deaths|dead|casualties|"
                                   r"families|homes|houses|children|women|men)\b", re.I)


# A year is not the last four digits of a phone number ("815-748-2060", "748.2060": three digits and a dash).
@_rule(rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?:(?:fiscal|calendar|the\s+year|the\s+end\s+of)\s+)?(?<![$#\d,.])(?<!(?<!\d)\d{{3}}[-.])(?P<year>{YEAR})"
       r"(?P<s>'?s)?(?![\d,.]\d)(?!\s*(?:%|percent|per\s+cent))\b", re.I,
       key=r"(?:1[6-9]|20)\d\d", back=40)
def _year(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    if not m["mod"] and (_COUNT_BEFORE.search(m.string, max(0, m.start() - 16), m.start())
                         or _COUNTED_AFTER.match(m.string, m.end())):
        return None  # "more than 1600 civilians", "1500 troops": a count, not a year
    if m["s"]:
        return "DATE", m["year"][:3]
    return "DATE", m["year"]


@_rule(r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[-\s]*)?(?P<dec>1[6-9]\d0|20[0-9]0)'?s\b", re.I, needs=("0s", "0's"))
def _decade(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    return "DATE", m["dec"][:3]


@_rule(r"(?<![\w$])(?:(?P<the>the\s+)?'(?P<dec>[1-9]0)'?s|'(?P<yy>\d\d))(?![\w%])", re.I, key=r"'", back=5)
def _short_year(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"the '70s" (a decade) and "since '82" (a year), in the century the digits point to from the dct."""
    digits = m["dec"] or m["yy"]
    base = ctx.dct.year if ctx.dct else 2000
    year = (base // 100) * 100 + int(digits)
    if year > base + 10:
        year -= 100
    return "DATE", str(year)[:3] if m["dec"] else str(year)


@_rule(r"(?<![\w$'])(?:the\s+)?(?P<dec>[2-9]0)s\b", key=r"0s\b", back=5)
def _decade_short(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"the 70s and 80s": a decade of the last century (ages, "in his 70s", are not times)."""
    before = m.string[max(0, m.start() - 12): m.start()].lower()
    if re.search(r"\b(?:his|her|their|its|my|your|our|low|high|mid|upper|lower)\s*$", before):
        return None
    if not m.group().lower().startswith("the") and not re.search(r"\b(?:and|or|to)\s*$", before):
        return None  # a bare "50s" is a score or a size; "the 50s" or "the 70s and 80s" is a decade
    return "DATE", "19" + m["dec"][0]


@_rule(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", needs=("-0", "-1"))
def _iso_date(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    value = cal.iso(int(m["y"]), int(m["m"]), int(m["d"]))
    return ("DATE", value) if value else None


@_rule(r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])", needs=("/",))
def _us_date(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    year = int(m["y"])
    year = year if year > 99 else (1900 + year if year > 40 else 2000 + year)
    value = cal.iso(year, int(m["m"]), int(m["d"]))
    return ("DATE", value) if value else None


@_rule(r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|tomorrow|last\s+night"
       r"|overnight)(?:\s+(?P<part>morning|afternoon|evening|night))?\b", re.I,
       needs=("yesterday", "tomorrow", "today", "night"))
def _deictic(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    word = re.sub(r"\s+", " ", m.group().lower())
    if m["part"]:
        word = word[: -len(m["part"])].strip()
    shift = DEICTIC_DAY_SHIFTS[word]
    part = DAY_PART_CODES.get((m["part"] or "").lower()) or {"last night": "NI", "overnight": "NI"}.get(word)
    if ctx.dct is None:
        return ("TIME", f"XXXX-XX-XXT{part}") if part else ("DATE", "XXXX-XX-XX")
    day = (ctx.dct + dt.timedelta(days=shift)).isoformat()
    return ("TIME", f"{day}T{part}") if part else ("DATE", day)


@_rule(r"\b(?:" + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in REF_VALUES), key=len, reverse=True))
       + r")\b(?!\s+(?:account|accounts|contracts?|events?|tense|affairs|issue|president))", re.I)
def _ref(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    key = re.sub(r"\s+", " ", m.group().lower())
    return "DATE", REF_VALUES[key]


@_rule(rf"\b(?:(?P<rel>last|next|this|coming|past|this\s+past)\s+)?(?P<wd>{WEEKDAY})(?:'s)?"
       rf"(?:\s+(?P<part>{PART}))?\b", re.I, needs=_WEEKDAYS_LOWER)
def _weekday(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    if not m["wd"][0].isupper():
        return None
    weekday = WEEKDAY_NUMBERS[m["wd"].lower()]
    part = DAY_PART_CODES.get((m["part"] or "").lower())
    if part == "NI":
        part = None  # "Sunday night" is annotated as the day as often as the night: the day is the safer value
    if ctx.dct is None:
        value = "XXXX-XX-XX"
    else:
        rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
        # A weekday in a present-tense clause is mostly a report of the past few days.
        tense: Tense = "past" if ctx.tense == "present" else ctx.tense
        if rel in ("last", "past", "this past"):
            tense = "past"
        elif rel in ("next", "coming"):
            tense = "future"
        day = cal.weekday_date(ctx.dct, weekday, tense)
        if rel == "last" and day == ctx.dct:
            day -= dt.timedelta(days=7)
        if rel == "next" and day == ctx.dct:
            day += dt.timedelta(days=7)
        value = day.isoformat()
    return ("TIME", f"{value}T{part}") if part else ("DATE", value)


@_rule(r"\b(?:end|ends|ended|ending|finish|finished|finishing|close|closed|closing|start|started|starting|for"
       r"|(?:later|late|early|earlier)\s+in|(?:the\s+)?(?:start|end|rest|close)\s+of)\s+(?P<t>the\s+day)\b"
       r"(?!\s+(?:before|after|of|when|that|on)\b)", re.I, key=r"\bday\b", back=40)
def _the_day(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"(shares) ended the day", "for the day", "later in the day": the reported day, i.e. the dct."""
    return "DATE", ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"


@_rule(r"\b(?P<t>the\s+(?:full|current|fiscal|whole|entire)\s+year)\b(?!\s+(?:ended|ending|to|through)\b)",
       re.I, needs=("full", "current", "fiscal", "whole", "entire"))
def _this_year(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"The full year", "the current year": the dct's year ("the year ended March 31" is another one)."""
    return "DATE", str(ctx.dct.year) if ctx.dct else "XXXX"


@_rule(r"\b(?P<part>this\s+(?:morning|afternoon|evening)|later\s+this\s+(?:morning|afternoon|evening)"
       r"|(?:the|early|late|mid)\s+(?:morning|afternoon|evening))\b", re.I, needs=("morning", "afternoon", "evening"))
def _part_of_day(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    code = DAY_PART_CODES[m["part"].split()[-1].lower()]
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return "TIME", f"{day}T{code}"


_PERIOD = r"(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)"


def _period_value(unit: str, shift: int, ctx: _Ctx) -> str:
    """The TIMEX value of the ``unit`` period ``shift`` steps from the dct's own."""
    d = ctx.dct
    if d is None:
        return UNKNOWN_PERIOD.get(unit, "XXXX")
    if unit == "week":
        return cal.week(d + dt.timedelta(weeks=shift))
    if unit == "weekend":
        # "the weekend" in news is the one just past on weekdays, this one on a Saturday or Sunday.
        base = d if d.weekday() >= 5 else d - dt.timedelta(days=d.weekday() + 1)
        return cal.week(base + dt.timedelta(weeks=shift)) + "-WE"
    if unit == "month":
        year, month = cal.add_months(d.year, d.month, shift)
        return f"{year}-{month:02d}"
    if unit == "quarter":
        return cal.prev_quarter(d, -shift)
    if unit == "decade":
        return str(d.year // 10 + shift)
    if unit == "century":
        return f"{d.year // 100 + shift:02d}"
    if unit in SEASON_CODES:
        code = SEASON_CODES[unit]
        # The season's latest occurrence not after the dct, then shifted.
        year = d.year if SEASON_END_MONTH[code] < d.month or (code == "WI" and d.month <= 2) else d.year - 1
        if shift == 0:
            year = d.year
        elif shift > 0:
            year = year + shift
        else:
            year = year + shift + 1
        return f"{year}-{code}"
    return str(d.year + shift)


@_rule(rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?P<rel>this|last|next|the\s+past|the\s+coming|the\s+current|the\s+previous"
       rf"|the\s+latest|this\s+past|past|coming|current|previous|the\s+following|the\s+last|the\s+next|the)"
       rf"\s+{_PERIOD}(?P<pos>'s)?\b", re.I,
       key=r"\b(?:week|month|year|quarter|decade|centur|spring|summer|fall|autumn|winter)")
def _relative_period(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower()).removeprefix("the ").strip()
    unit = m["unit"].lower()
    if rel == "the" or rel == "":
        if not m["mod"] and unit not in ("weekend", "quarter"):
            return None  # "the year" alone is too often not a date
        if unit == "quarter":
            return "DATE", _period_value("quarter", -1, ctx)
        return "DATE", _period_value(unit, 0, ctx)
    if rel in ("previous", "following") and unit in _ANCHOR_UNITS:
        return "DATE", f"@{unit}{-1 if rel == 'previous' else 1:+d}"  # the one before/after the story's time
    if rel in ("last", "past", "previous", "this past"):
        shift = -1
        if unit == "year" and rel == "last" and ctx.dct is not None and not m["mod"] and _financial_comparison(m) \
                and _sentence_mentions(m, r"\bfrom\b|\bcompared\b|\bversus\b|\bagainst\b"):
            return "DATE", cal.prev_quarter(ctx.dct, 5)
    elif rel in ("next", "coming", "following"):
        shift = 1
    elif rel == "latest":
        shift = -1 if unit == "quarter" else 0
    else:
        shift = 0
    if unit == "weekend" and ctx.dct is not None:
        # _period_value's weekend 0 is the one just past on weekdays, the current one at the weekend.
        on_weekend = ctx.dct.weekday() >= 5
        if shift == -1:
            shift = -1 if on_weekend else 0
        elif shift == 0:
            shift = 0 if on_weekend or ctx.tense == "past" else 1
        elif shift == 1 and on_weekend:
            shift = 1
    return "DATE", _period_value(unit, shift, ctx)


_ANCHOR_UNITS = ("day", "week", "month", "year", "quarter")


@_rule(r"\b(?:(?:later|earlier|early|late)\s+(?:in\s+)?)?(?:(?P<same>that|the\s+same)\s+(?P<unit>day|week|month|year|quarter)"
       r"|the\s+(?P<rel>following|next|previous|preceding|prior)\s+day)\b(?!-)", re.I,
       key=r"\b(?:day|week|month|year|quarter)\b", back=40)
def _anchored(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"Later that year", "the same day", "the following day": relative to the last date the story named
    (``@unit±n`` here, resolved by ``find_timexes``)."""
    if m["same"]:
        return "DATE", f"@{m['unit'].lower()}+0"
    return "DATE", "@day-1" if m["rel"].lower() in ("previous", "preceding", "prior") else "@day+1"


@_rule(rf"\b(?:(?P<ago>{NUMBER})[-\s]+{UNIT}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence)"
       r")\b", re.I, key=r"\b(?:ago|earlier|before|later|after|from\s+now|hence)\b", back=70)
def _ago(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    text = m.group()
    unit_match = re.search(UNIT, text, re.I)
    if unit_match is None:
        return None
    unit = _unit_of(unit_match.group())
    n = _number(m["ago"])
    direction = m["dir"].lower()
    if direction in ("before", "after") and re.match(r"\s*\w", m.string[m.end():]):
        return None  # "a month after the war": "after" is a signal, "a month" a duration (TimeML)
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if n is None or ctx.dct is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    k = int(n) * sign
    d = ctx.dct
    if unit == "day":
        return "DATE", (d + dt.timedelta(days=k)).isoformat()
    if unit == "week":
        return "DATE", cal.week(d + dt.timedelta(weeks=k))
    if unit == "month":
        year, month = cal.add_months(d.year, d.month, k)
        return "DATE", f"{year}-{month:02d}"
    if unit == "year":
        if k == -1 and _financial_comparison(m):
            # Financial news: "profit rose from $5 a share a year earlier" compares the quarter just reported.
            return "DATE", cal.prev_quarter(d, 1 - 4 * k)
        return "DATE", str(d.year + k)
    if unit == "decade":
        return "DATE", str(d.year + 10 * k)[:3]
    if unit == "quarter":
        return "DATE", cal.prev_quarter(d, -k)
    if unit in ("hour", "minute", "second"):
        return "TIME", d.isoformat() + "TXX:XX"
    return None


def _financial_comparison(m: re.Match[str]) -> bool:
    """A year-back comparison in a quarterly report: the sentence, in a document about quarters, talks money."""
    if not re.search(r"\bquarter\b", m.string, re.I):
        return False
    return _sentence_mentions(m, r"\bquarter\b|\bperiod\b|a share\b|\bcents\b|net income|\bprofit|\bearnings")


def _sentence_mentions(m: re.Match[str], pattern: str) -> bool:
    """Whether the sentence around match ``m`` contains ``pattern`` (case-insensitive)."""
    text = m.string
    left = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
    right_candidates = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return re.search(pattern, text[left + 1: right], re.I) is not None


@_rule(rf"\b(?:(?P<mod>the\s+|this\s+|last\s+|next\s+|(?:the\s+)?(?:latest|current|same|year-earlier|year-ago"
       r"|previous|fiscal)\s+|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)-?\s*)?"
       rf"|(?P<ryear>this|last|next)\s+year'?s\s+|(?:the\s+)?(?:fiscal\s+)?(?P<pyear>{YEAR})(?:'s)?\s+)?"
       rf"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[-\s]+(?P<kind>quarter|half)"
       rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR})|\s+of\s+(?:the\s+)?(?P<syear>this|last|next|previous)\s+year"
       r"|,?\s+(?P<ago>a\s+year\s+(?:ago|earlier)))?\b", re.I,
       key=r"\b(?:quarter|half)\b")
def _quarter_rule(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """Quarters and halves, with their year stated ("of 2009", "the 1988 third quarter") or relative
    ("the first quarter of last year", "next year's first quarter", "the second quarter a year ago")."""
    ordinal = m["ord"].lower()
    kind = m["kind"].lower()
    n = 4 if ordinal == "final" and kind == "quarter" else ORDINALS.get(ordinal, 0)
    if not n or (kind == "half" and n > 2):
        return None
    code = f"Q{n}" if kind == "quarter" else f"H{n}"
    mod = (m["mod"] or "").lower()
    stated = m["year"] or m["pyear"]
    relative = (m["ryear"] or m["syear"] or "").lower()
    if stated:
        year: int | str = int(stated)
    elif ctx.dct is None:
        year = "XXXX"
    elif relative:
        year = ctx.dct.year + RELATIVE_YEAR_SHIFTS[relative]
    elif m["ago"]:
        year = ctx.dct.year - 1
    else:
        year = ctx.dct.year
        if "year-earlier" in mod or "year-ago" in mod or mod.strip().startswith("last"):
            year -= 1
        elif mod.strip().startswith("next"):
            year += 1
        elif ctx.tense != "future" and kind == "quarter" and (ctx.dct.month - 1) // 3 + 1 < n:
            # Quarters are reported once over: a later quarter than the dct's, unless announced, is last year's.
            year -= 1
    return "DATE", f"{year}-{code}"


@_rule(rf"\b(?:the\s+)?(?:fiscal\s+)?(?P<year>{YEAR})\s+(?P<kind>quarter|period)\b", re.I,
       key=r"\b(?:quarter|period)\b", back=30, needs=("quarter", "period"))
def _year_quarter(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"The 1988 quarter" / "the 1988 period" in a quarterly report: the reported quarter, that year."""
    if ctx.dct is None or not (m["kind"].lower() == "quarter" or _financial_comparison(m)):
        return "DATE", m["year"]
    return "DATE", f"{m['year']}-{cal.prev_quarter(ctx.dct, 1).split('-')[1]}"


@_rule(rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:the\s+)?(?P<rel>last|this|next|previous)\s+year\b",
       re.I, key=r"\byear\b")
def _month_rel_year(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"July last year", "February this year", "October of next year": the month in the year named."""
    if not m["mon"][0].isupper():
        return None
    month = _month_no(m["mon"])
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    return "DATE", f"{ctx.dct.year + RELATIVE_YEAR_SHIFTS[m['rel'].lower()]}-{month:02d}"


@_rule(rf"\b(?:(?P<mod>{APPROX})\s+)?(?P<n>{NUMBER})[-\s]+(?P<unit>{UNIT})(?P<adj>-long|-old)?(?:\s+old)?\b", re.I,
       key=r"\b(?:second|minute|hour|day|week|month|year|decade|centur|quarter)")
def _duration(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    if m["unit"].lower() == "quarters" and "-" in m.group():
        return None  # "three-quarters" is a fraction
    if m["adj"] == "-old" or m.group().endswith("old"):
        return None  # an age ("the 6-year-old") is not a time of events
    if re.fullmatch(YEAR, m["n"]) and not m["unit"].lower().endswith("s"):
        return None  # "the 1988 second quarter": a year before a singular unit is not a count
    unit = _unit_of(m["unit"])
    n = _number(m["n"])
    t, code = UNIT_CODES[unit]
    if n is None:
        amount = "X"
    else:
        if unit == "decade":
            n, code = n * 10, "Y"
        elif unit == "century":
            n, code = n * 100, "Y"
        elif unit == "quarter":
            n, code = n * 3, "M"
        if n != int(n):
            half_units = {"H": ("M", 30), "M": ("D", 15) if not t else ("S", 30), "Y": ("M", 6), "D": ("H", 12)}
            if code in half_units and not (code == "M" and t == ""):
                sub, extra = half_units[code]
                return "DURATION", f"P{t}{int(n)}{code}{extra}{sub}"
            if code == "M":
                return "DURATION", f"P{int(n)}M15D"
        amount = str(int(n))
    return "DURATION", f"P{t}{amount}{code}"


@_rule(r"\b(?:(?:for|in|over|within|after)\s+)?(?P<x>(?:the\s+)?(?:past|last|coming|next)\s+)?"
       r"(?P<unit>years|months|weeks|days|hours|minutes|decades|centuries)\b(?!\s+(?:ago|earlier|later|of|old))", re.I,
       key=r"\b(?:year|month|week|day|hour|minute|decade|centurie)s\b", back=40)
def _vague_duration(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    if not m["x"] and not re.match(r"(?i)(for|over|within)\s", m.group()):
        return None
    unit = _unit_of(m["unit"])
    t, code = UNIT_CODES[unit]
    code = "Y" if code in ("DE", "CE") else code
    return "DURATION", f"P{t}X{code}"


# A clock time may carry its zone and the day it belongs to: "10 p.m. Wednesday", "noon Thursday",
# "5 p.m. EST Nov. 9", "16:00 UTC today"; the day decides the date part of the value.
_DAY_ANCHOR = (rf"(?:,?\s+(?:on\s+)?(?P<anchor>{WEEKDAY}|today|tonight|yesterday|tomorrow"
               rf"|(?P<amon>{MONTH})\s+(?P<aday>{DAY})\b(?:,?\s+(?P<ayear>{YEAR}))?))?")


@_rule(r"\b(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
       r"|(?P<h24>[01]?\d|2[0-3])(?::?(?P<min24>[0-5]\d))\s*(?=(?:UTC|GMT|Z|hours?|hrs)\b)"
       r"|(?P<noon>noon|midday|midnight))"
       rf"(?:\s*\(?(?P<zone>{ZONE})\b\)?)?{_DAY_ANCHOR}", re.I)
def _clock(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    if m["noon"]:
        hour, minute = (24, "00") if m["noon"].lower() == "midnight" else (12, "00")
    elif m["h24"] is not None:
        hour, minute = int(m["h24"]), m["min24"]
        if ":" not in m.group() and len(m["h24"]) + len(m["min24"]) != 4:
            return None  # "0800 GMT" needs four digits; "8 00" is not a time
    else:
        hour, minute = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0), m["min"] or "00"
    zone = "Z" if (m["zone"] or "").lower() in UTC_ZONES else ""
    return "TIME", f"{_anchor_day(m, ctx)}T{hour:02d}:{minute}{zone}"


def _anchor_day(m: re.Match[str], ctx: _Ctx) -> str:
    """The date of the day a clock time is anchored to (the dct when none is named)."""
    anchor = (m["anchor"] or "").lower()
    if m["amon"]:
        month, day = _month_no(m["amon"]), _day_no(m["aday"])
        if m["ayear"]:
            return cal.iso(int(m["ayear"]), month, day) or "XXXX-XX-XX"
        if ctx.dct is None:
            return f"XXXX-{month:02d}-{day:02d}"
        return cal.iso(cal.year_for(ctx.dct, month, day, ctx.tense), month, day) or "XXXX-XX-XX"
    if ctx.dct is None:
        return "XXXX-XX-XX"
    if anchor in WEEKDAY_NUMBERS:
        tense: Tense = "past" if ctx.tense == "present" else ctx.tense
        return cal.weekday_date(ctx.dct, WEEKDAY_NUMBERS[anchor], tense).isoformat()
    shift = {"yesterday": -1, "tomorrow": 1}.get(anchor, 0)
    return (ctx.dct + dt.timedelta(days=shift)).isoformat()


@_rule(r"\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|every\s+(?:day|week|month|year|quarter"
       r"|hour|night)|each\s+(?:day|week|month|year|quarter)|per\s+(?:day|week|month|year|hour)"
       r")\b", re.I,
       needs=("daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "every", "each", "per"))
def _set(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    word = m.group().lower().split()[-1]
    return "SET", SET_VALUES[SET_WORDS.get(word, word)]


@_rule(rf"\b(?:(?:every|each)\s+(?P<wd>{WEEKDAY})|on\s+(?P<t>(?P<wds>{WEEKDAY})s))(?:\s+(?P<part>{PART}s?))?\b",
       needs=_WEEKDAYS)
def _weekday_set(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"Every Thursday", "on Mondays": the weekday as a set (``XXXX-WXX-4``), with its part of day if named."""
    day = WEEKDAY_NUMBERS[(m["wd"] or m["wds"]).lower()] + 1
    part = DAY_PART_CODES.get((m["part"] or "").lower().rstrip("s"))
    return "SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else "")


@_rule(r"\b(?:(?P<prep>of|for|during|in)\s+)?(?P<t>the\s+(?:(?P<fy>fiscal|financial)\s+)?year)\b(?:\s+(?P<ended>ended"
       r"|ending)\b|(?!\s*(?:before|after|when|that|in\s+which|of|two|[-\d])))", re.I, key=r"\byear\b")
def _the_year(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"For the year ended March 31" is a twelve-month period (a duration); "a high for the year", "the first nine
    months of the year" name the year of the report."""
    if m["ended"]:
        return "DURATION", "P1Y"
    if not m["prep"] or m["fy"]:
        return None  # "the year" alone is too often not a date; "the fiscal year" is ``_this_year``'s
    return "DATE", str(ctx.dct.year) if ctx.dct else "XXXX"


@_rule(r"\b(?:(?P<since>since)|by|at|before|until|around|near|after|toward|towards)\s+(?:the\s+)?(?P<t>year[- ]end)\b",
       re.I,
       key=r"\byear[- ]end\b", needs=("year-end", "year end"))
def _year_end(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """"By year-end" is the dct's year's last day; "since year-end" the last one gone by ("year-end results" is
    no time: a preposition must lead)."""
    if ctx.dct is None:
        return "DATE", "XXXX-12-31"
    return "DATE", f"{ctx.dct.year - (1 if m['since'] else 0)}-12-31"


@_rule(r"\b(?:Christmas(?:\s+Day|\s+Eve)?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Independence\s+Day"
       r"|Halloween|Valentine's\s+Day)\b",
       needs=("Christmas", "Year's", "Thanksgiving", "Independence", "Halloween", "Valentine's"))
def _holiday(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    name = re.sub(r"\s+", " ", m.group())
    if ctx.dct is None:
        return "DATE", "XXXX-XX-XX"
    if name.startswith("Thanksgiving"):
        # The fourth Thursday of November, in the year the tense points to (as for a month and day).
        year = cal.year_for(ctx.dct, 11, 25, ctx.tense)
        first = dt.date(year, 11, 1)
        return "DATE", (first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)).isoformat()
    month, day = HOLIDAY_DATES[name]
    return "DATE", f"{cal.year_for(ctx.dct, month, day, ctx.tense)}-{month:02d}-{day:02d}"


@_rule(r"\b(?:the\s+)?(?:year-earlier|year-ago|prior-year|year-before)(?:\s+(?P<unit>quarter|period))?\b", re.I,
       needs=("year-", "-year"))
def _year_ago(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    if ctx.dct is None:
        return "DATE", "XXXX"
    if m["unit"] or _financial_comparison(m):
        return "DATE", cal.prev_quarter(ctx.dct, 5)
    return "DATE", str(ctx.dct.year - 1)


@_rule(r"\b(?:nineteen|eighteen)[-\s](?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
       r"(?:[-\s](?P<ones>one|two|three|four|five|six|seven|eight|nine))?\b"
       r"|\b(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?P<ones2>one|two|three|four|five|six|seven|eight|nine))?\b",
       re.I, needs=("nineteen", "eighteen", "thousand"))
def _spoken_year(m: re.Match[str], ctx: _Ctx) -> tuple[TimexType, str] | None:
    """Broadcast transcripts spell years out: "nineteen ninety-six", "the year two thousand"."""
    text = m.group().lower()
    if "thousand" in text:
        if not text.startswith("the year") and not m["ones2"]:
            return None  # "two thousand troops"
        return "DATE", str(2000 + NUMBER_WORDS.get(m["ones2"] or "", 0))
    century = 1900 if text.startswith("nineteen") else 1800
    return "DATE", str(century + NUMBER_WORDS[m["tens"].lower()] + NUMBER_WORDS.get((m["ones"] or "").lower(), 0))


# --- finder -------------------------------------------------------------------------------------

_FUTURE_CUE = re.compile(FUTURE_CUE, re.I)
# A quote closed or a report verb after a future cue: the expression belongs to the reporting clause.
_REPORTED = re.compile(REPORTED, re.I)
# A sentence ends at . ! ? before blanks, or at any line break (titles and date lines have no full stop);
# not at the dot of a title, an initial or a month ("Mr. Schwarz will succeed Daniel P. Davison Feb. 1").
_SENTENCE_START = re.compile(r"(?:\b(?P<word>\w+))?[.!?][\"')\]]*\s+(?=\S)|\n")


def guess_tense(text: str, start: int) -> Tense:
    """A cheap tense for the scorer: future when a future cue precedes the expression in its sentence, else present.

    "present" lets months without a year take the nearest year; weekdays read it as the past (news
    report what happened), see ``_weekday``.
    """
    window = text[max(0, start - 160): start]
    cut = [c for c in _SENTENCE_START.finditer(window)
           if not c["word"] or (c["word"] not in ABBREVIATIONS and not re.fullmatch("[A-Z]", c["word"]))]
    if cut:
        window = window[cut[-1].end():]
    cues = list(_FUTURE_CUE.finditer(window))
    if not cues or _REPORTED.search(window, cues[-1].end()):
        return "present"  # ""We will win," he said Friday": the cue is in the quote, the day is the saying's
    return "future"


def find_timexes(
    text: str,
    *,
    dct: dt.date | None,
    tense_at: Callable[[int, int], Tense] | None = None,
) -> list[Timex]:
    """All temporal expressions of ``text``, normalised against ``dct``, in text order, never overlapping.

    ``tense_at(start, end)`` gives the tense of the clause an expression sits in; without it the
    tense is guessed from future cues earlier in the sentence.
    """
    candidates: list[tuple[int, int, int, re.Match[str], Handler]] = []
    lowered = text.lower()
    checked = _CASE_FOLDS.search(text) is None  # else every rule searches the text
    for order, rule in enumerate(_RULES):
        if checked and not rule.may_match(text, lowered):
            continue
        for match in _matches(rule, text):
            if match.end() > match.start():
                span = match.span("t") if match.groupdict().get("t") is not None else match.span()
                candidates.append((span[0], span[1], order, match, rule.handler))
    # Longest first, then earliest, then the rule listed first.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int]] = []
    found: list[Timex] = []
    for start, end, _order, match, handler in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        tense = tense_at(start, end) if tense_at else guess_tense(text, start)
        result = handler(match, _Ctx(dct=dct, tense=tense))
        if result is None:
            continue
        start, end = _trim(text, start, end)
        taken.append((start, end))
        found.append(Timex(start=start, end=end, text=text[start:end], type=result[0], value=result[1]))
    found.sort(key=lambda t: t.start)
    return _resolve_anchored(found, dct)


def _resolve_anchored(found: list[Timex], dct: dt.date | None) -> list[Timex]:
    """Give each ``@unit±n`` value its date from the last dated expression before it (else the dct)."""
    reference = dct.isoformat() if dct else ""
    resolved: list[Timex] = []
    for timex in found:
        if timex.value.startswith("@"):
            timex = Timex(start=timex.start, end=timex.end, text=timex.text, type=timex.type,
                          value=cal.shift_reference(reference, timex.value[1:]))
        if re.match(r"\d{4}", timex.value):
            reference = timex.value
        resolved.append(timex)
    return resolved


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding blanks and a trailing comma or possessive from a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if text[end - 2: end] == "'s" and end - 2 > start:
        end -= 2
    return start, end
