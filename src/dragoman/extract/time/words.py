"""The English words of temporal expressions and their TIMEX3 values: the vocabulary of ``timex``'s grammar.

Lookup tables map a lower-case word to its value (month and weekday numbers, number words, unit,
season and part-of-day codes, reference values); the upper-case pattern strings are the same words as
regular-expression alternations, for the rules in :mod:`dragoman.extract.time.timex` to build on.
Two tables are the package's one copy of their words: ``MONTHS`` (the cleaner's dateline pattern is built
from it too) and ``CARDINALS`` (the number words the event counts read).
Written by the dragoman team; the codes are TimeML's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Token

# --- months and weekdays ------------------------------------------------------------------------

# The months in calendar order, each with its abbreviations (longest first): the one table of month names,
# which the patterns below and the cleaner's dateline pattern (``dragoman.clean``) are built from.
MONTHS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("January", ("Jan",)), ("February", ("Feb",)), ("March", ("Mar",)), ("April", ("Apr",)), ("May", ()),
    ("June", ("Jun",)), ("July", ("Jul",)), ("August", ("Aug",)), ("September", ("Sept", "Sep")),
    ("October", ("Oct",)), ("November", ("Nov",)), ("December", ("Dec",)),
)
MONTH_NUMBERS: Final[dict[str, int]] = {
    word.lower(): number for number, (name, short) in enumerate(MONTHS, start=1) for word in (name, *short)
}
_FULL_MONTHS: Final[tuple[str, ...]] = tuple(name for name, _short in MONTHS)
_SHORT_MONTHS: Final[str] = "|".join(word for _name, short in MONTHS for word in short)
# Any written form of a month, the dot of a short form not included ("Sept", "Jan", "March").
MONTH_NAME: Final[str] = "(?:" + "|".join(word for name, short in MONTHS for word in (name, *short)) + ")"
# Capitalised, short forms need their dot: "Mar" or "Jan" alone are too often names.
MONTH: Final[str] = "(?:" + "|".join(_FULL_MONTHS) + rf"|(?:{_SHORT_MONTHS})\.|Sept)"
# Month names that are rarely anything else may stand alone; May/March/June need a cue.
SAFE_MONTH: Final[str] = ("(?:" + "|".join(m for m in _FULL_MONTHS if m not in ("March", "May", "June"))
                          + rf"|(?:{_SHORT_MONTHS})\.|Sept)")
# Months are capitalised (the handlers check it): a case-sensitive key skips the verb "may" and "march".
MONTH_KEY: Final[str] = (r"\b(?:" + "|".join(m[:3] for m in _FULL_MONTHS) + "|"
                         + "|".join(m[:3].upper() for m in _FULL_MONTHS) + ")")

# Words written with a dot that does not end a sentence: a title, a company, a month, a US state.
ABBREVIATIONS: Final[frozenset[str]] = frozenset((
    "Mr", "Mrs", "Ms", "Dr", "St", "Sr", "Jr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Adm", "Maj",
    "Prof", "Rev", "Co", "Corp", "Inc", "Ltd", "Bros", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Mass", "Calif", "Conn", "Wash", "Mich", "Wis", "Ariz", "Fla", "Ill", "Md", "Va",
))

WEEKDAY_NUMBERS: Final[dict[str, int]] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY: Final[str] = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Proper names that are times when the tagger puts them in a DATE or TIME entity; any other proper name there is
# not ("Kyiv overnight" is tagged TIME as a whole).
_TIME_NAMES: Final[frozenset[str]] = frozenset(WEEKDAY_NUMBERS) | {name.lower() for name in _FULL_MONTHS} | {
    "christmas", "easter", "ramadan", "eid"}


def is_time(tok: Token) -> bool:
    """A word of a date or time ("on Wednesday", "last night"), not a place the tagger swept into one."""
    return tok.ent_type_ in ("DATE", "TIME") and not (tok.pos_ == "PROPN" and tok.lower_ not in _TIME_NAMES)

# --- parts of the day, seasons ------------------------------------------------------------------

DAY_PART_CODES: Final[dict[str, str]] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
PART: Final[str] = r"(?:morning|afternoon|evening|night)"

SEASON_CODES: Final[dict[str, str]] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The last month of each season (winter ends in February of the next year: treated as month 2).
SEASON_END_MONTH: Final[dict[str, int]] = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}

# --- numbers, ordinals, units -------------------------------------------------------------------

# Cardinal number words: the one table, which the counts of events (``extract.events.counts``) read too.
CARDINALS: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# The amounts of durations ("a day", "a couple of weeks"); "zero" names none.
NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1, "an": 1, **{word: value for word, value in CARDINALS.items() if value},
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2,
}
# Amounts with no value: a duration of "several days" keeps TimeML's X.
VAGUE_AMOUNTS: Final[tuple[str, ...]] = ("several", "a few", "few", "some", "many", "numerous", "a number of")
# The tens before the units, so that "sixty" is tried before "six".
NUMBER_WORD: Final[str] = ("(?:" + "|".join([w for w, v in CARDINALS.items() if v >= 20]
                                            + [w for w, v in CARDINALS.items() if 0 < v < 20]) + ")")
NUMBER: Final[str] = (rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUMBER_WORD}(?:[- ]{NUMBER_WORD})?(?:\s+and\s+a\s+half)?"
                      r"|a\s+hundred|a\s+couple\s+of|several|a\s+few|few|some|many|an?)")

ORDINALS: Final[dict[str, int]] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

# Each unit's TIMEX3 duration letters: the time designator ("T" for clock units) and the unit code.
UNIT_CODES: Final[dict[str, tuple[str, str]]] = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"), "week": ("", "W"),
    "month": ("", "M"), "year": ("", "Y"), "decade": ("", "DE"), "century": ("", "CE"), "quarter": ("", "Q"),
}
UNIT: Final[str] = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie)|quarter)s?"

# --- modifiers ----------------------------------------------------------------------------------

MOD: Final[str] = r"(?:early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|rest|remainder|turn)\s+of)"
APPROX: Final[str] = (r"(?:at\s+least|more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|up\s+to|about|around"
                      r"|nearly|almost|approximately|roughly|some|over|under|just|only|barely|the\s+last|the\s+past"
                      r"|the\s+next|the\s+first|the\s+final|the\s+coming|past|last|next|first|another|the)")

# --- days and times relative to the document ----------------------------------------------------

# Days from the document creation time.
DEICTIC_DAY_SHIFTS: Final[dict[str, int]] = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the day after tomorrow": 2, "last night": -1, "overnight": 0,
}
REF_VALUES: Final[dict[str, str]] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "recent years": "PAST_REF", "recent months": "PAST_REF", "recent weeks": "PAST_REF", "recent days": "PAST_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the time being": "PRESENT_REF", "the coming years": "FUTURE_REF",
    "the coming months": "FUTURE_REF",
    "the coming weeks": "FUTURE_REF", "the coming days": "FUTURE_REF",
}
# Years from the dct's: "last year", "next year's first quarter".
RELATIVE_YEAR_SHIFTS: Final[dict[str, int]] = {"last": -1, "this": 0, "next": 1, "previous": -1}

# --- clock zones, sets --------------------------------------------------------------------------

ZONE: Final[str] = r"(?:UTC|GMT|Z|[ECMP][SD]T|BST|CES?T|EES?T)"
# Zones written as TimeML's "Z"; a local zone leaves the time without one.
UTC_ZONES: Final[set[str]] = {"utc", "gmt", "z"}

SET_VALUES: Final[dict[str, str]] = {
    "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M", "hour": "PT1H",
}
# Set words and the unit whose set they are ("daily" -> every day).
SET_WORDS: Final[dict[str, str]] = {
    "daily": "day", "nightly": "day", "night": "day", "weekly": "week", "monthly": "month", "annually": "year",
    "yearly": "year", "hourly": "hour", "quarterly": "quarter",
}

# --- holidays, unknown periods, tense cues ------------------------------------------------------

HOLIDAY_DATES: Final[dict[str, tuple[int, int]]] = {
    "Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24), "New Year's Day": (1, 1),
    "New Year's Eve": (12, 31), "Independence Day": (7, 4), "Halloween": (10, 31), "Valentine's Day": (2, 14),
}
# A period of each unit whose place in time is unknown (no dct, no reference date).
UNKNOWN_PERIOD: Final[dict[str, str]] = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
    "year": "XXXX", "decade": "XXX", "century": "XX",
}
# Words before an expression that point it to the future ("will meet on Monday").
FUTURE_CUE: Final[str] = (r"\b(?:will|won't|shall|'ll|going\s+to|is\s+to|are\s+to|scheduled|expected\s+to|plans?\s+to"
                          r"|planned|due\s+to|set\s+to|as\s+(?:early|soon)\s+as)\b")
# A closed quote or a report verb: what follows belongs to the reporting clause, not to a quoted future.
REPORTED: Final[str] = r"[\"\u201d]|''|\b(?:said|told|announced|reported|added|stated|declared)\b"
