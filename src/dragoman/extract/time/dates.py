"""The document's reference date and the date of each event.

``reference_date`` decides, once per document, the date every relative expression is read against (the
TIMEX3 document creation time, stored as the document's publication date): the date its input states
(``Article.published``: a JSONL field, the page's metadata, ``--published``), else a date the text itself
states in full (``published_from_text``: "Published 3 March 2024", "Updated: Jan. 5, 2024", a dateline
"KABUL, March 3, 2024 (AFP)"; a dateline without a year is not enough and nothing is guessed), else none.
The pipeline calls it before the parse and every later stage reads its answer from ``Article.published``.

``DateResolver`` finds the document's temporal expressions once (``timex.find_timexes``), resolving
direction-dependent ones ("on Monday", "Jan. 5") with the tense of their clause from the spaCy parse,
then gives each event trigger the expression that belongs to it: one syntactically attached to the
trigger, else one in its clause, else one in its sentence, else the reference date.

TIMEX values become ``When`` (ISO calendar date + precision):
``2024-01-22`` -> day; ``2024-W04`` -> the week's Monday, precision week; ``2024-01`` -> ``2024-01-01``,
precision month; ``2024`` -> ``2024-01-01``, precision year; quarters, halves and seasons ->
``YYYY-01-01``, precision year (the coarsest honest level: there is no quarter precision);
``PRESENT_REF`` ("now") -> the reference date. Durations, sets, ``PAST_REF``/``FUTURE_REF``
("recently") and decades give no date, so the next candidate is used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from ...errors import DateError
from ...model import Article, CleanDoc, DatePrecision, When
from ...nlp import sent_of, text_of
from .timex import Tense, Timex, find_timexes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CUE = re.compile(
    r"\b(?:first\s+published|last\s+updated|last\s+modified|published|updated|posted|dated|date)\b\s*(?:on|at)?\s*:?\s*",
    re.I)
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_HEAD_CHARS = 600
_TAIL_CHARS = 400


def _full_dates(text: str) -> list[Timex]:
    """Expressions of ``text`` that state a full calendar date on their own (no publication date needed)."""
    return [t for t in find_timexes(text, dct=None) if t.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)]


def published_from_text(clean: CleanDoc) -> str | None:
    """The publication date the text itself states (cue word, date line or dateline), or None."""
    body = clean.body
    regions = [body[:_HEAD_CHARS], body[-_TAIL_CHARS:] if len(body) > _HEAD_CHARS else ""]
    # 1. A cue word directly followed by a full date: "Published 3 March 2024", "Updated: Jan. 5, 2024".
    for region in regions:
        for cue in _CUE.finditer(region):
            after = region[cue.end(): cue.end() + 60]
            for timex in _full_dates(after):
                # A weekday may stand between the cue and the date ("Published Monday, 3 March 2024").
                if timex.start <= 12:
                    return timex.value
    # 2. The dateline the cleaner separated, then a dateline opening the body ("KABUL, March 3, 2024 (AFP)").
    if clean.dateline:
        dates = _full_dates(clean.dateline)
        if dates:
            return dates[0].value
    first = body.lstrip()[:120]
    opening = re.match(r"[A-Z][A-Za-z .'\-]{1,40}(?:,\s*[A-Za-z .]{2,30})?,\s+", first)
    if opening:
        dates = _full_dates(first[opening.end():])
        if dates and dates[0].start == 0:
            return dates[0].value
    # 3. A short line near the top that is only a date (and perhaps a weekday and a clock time).
    for line in [ln.strip() for ln in body[:_HEAD_CHARS].splitlines() if ln.strip()][:6]:
        if len(line) > 60:
            continue
        dates = _full_dates(line)
        if dates and len(dates[0].text) >= 0.5 * len(line):
            return dates[0].value
    return None


def reference_date(article: Article, clean: CleanDoc) -> str | None:
    """The document's reference date: the one its input states, else a full date its text states, else None.

    A stated value that is no ISO date is a ``DateError`` (the document fails with the fix).
    """
    if article.published is not None:
        _parse_published(article.published)  # a bad value fails the document here, before the parse
        return article.published
    return published_from_text(clean)


# --- event dates --------------------------------------------------------------------------------

_FUTURE_AUX = {"will", "wo", "'ll", "shall", "ll"}
# Verbs whose complement is an intended or expected event: "plans to travel", "is expected to arrive".
_FUTURE_HEADS = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "seek", "prepare",
                 "go", "vow", "pledge", "promise", "threaten", "agree", "decide", "propose"}
_VERB_POS = {"VERB", "AUX"}
# Verbs of saying whose own day only bounds the past act they report ("the army said Tuesday").
_SAYING = frozenset({"say", "tell", "report", "announce", "confirm", "add", "state", "claim", "allege"})
_PREPS = {"on", "in", "since", "by", "until", "till", "during", "from", "before", "after", "at", "through", "as", "of"}
_PERIOD_ENDS: Final = frozenset({"until", "till"})
_RANKING_WORDS: Final = frozenset({"first", "last", "only", "latest"})


def clause_tense(verb: Token) -> Tense:
    """Past, present or future of the clause headed by ``verb`` (a spaCy Token)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_HEADS:
        head_tense = clause_tense(verb.head)
        # "plans to travel" / "planned to travel": both point forward from the time they were said.
        return "future" if head_tense != "past" or verb.head.lemma_.lower() in ("plan", "schedule", "set", "due") \
            else "past"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_.lower() == "have" for a in auxes):
        return "past"  # present perfect reports a past event
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "relcl", "advcl", "ROOT"):
        return "past"  # "the town, shelled on Monday," / headline "Five killed in Sake"
    return "present"


def _in_relative_clause_below(head: Token, clause: Token, trigger: Token) -> bool:
    """Whether ``head`` lies inside a finite relative clause ("..., which has been cut since August") hung on a noun
    below ``clause`` other than the trigger or a noun around it (a relative clause on the event noun's phrase dates
    it: "the centre of street protests ... that ignited the conflict seven years ago"). Participles and
    infinitives are left alone: the parser often hangs the event's own date on them ("vetoed legislation to allow
    such a plate in 2003")."""
    node = head
    while node.head.i != node.i and node.i != clause.i:
        if node.dep_ == "relcl":
            around = node.head.i == trigger.i or any(a.i == node.head.i for a in trigger.ancestors)
            return not around and any(a.i == clause.i for a in node.ancestors)
        node = node.head
    return False


def _clause_head(token: Token) -> Token:
    """The nearest verb at or above ``token``; the sentence root when there is none."""
    current = token
    while True:
        if current.pos_ in _VERB_POS and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return current
        current = current.head


def _to_when(value: str, published: str | None) -> tuple[str | None, DatePrecision | None] | None:
    """``(date, precision)`` of a TIMEX value; None when it names no calendar date."""
    if value == "PRESENT_REF":
        return (published, "day") if published else (None, None)
    known = re.fullmatch(r"(\d{4})-(?:(\d\d)-XX|XX(?:-XX)?|WXX|QX)", value)
    if known:  # "that day" after a year or month: what is known of it ("the same day" in 2012 -> 2012)
        year, month = known.groups()
        return (f"{year}-{month}-01", "month") if month else (f"{year}-01-01", "year")
    if "X" in value:
        return None if value.endswith("_REF") else (None, None)
    if _FULL_DAY.match(value):
        return value[:10], "day"
    week = re.fullmatch(r"(\d{4})-W(\d{1,2})(?:-WE)?", value)
    if week:
        try:
            return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1).isoformat(), "week"
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{value}-01", "month"
    if re.fullmatch(r"\d{4}(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI))?", value):
        return f"{value[:4]}-01-01", "year"
    return None


def _stated_years(timexes: Sequence[Timex]) -> list[tuple[int, str]]:
    """(offset, year) of each calendar date the text states with its year ("March 21, 2018", "in May 2017")."""
    return [(t.start, t.value[:4]) for t in timexes
            if t.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", t.value) and re.search(r"\d{4}", t.text)]


def _with_stated_year(timex: Timex, years: Sequence[tuple[int, str]], latest: str | None) -> str:
    """A month and day with no year in a text with no reference date ("On March 22" after "On March 21, 2018")
    take the year of the nearest date stated with one before it; one before any takes the year of the latest
    period the text states (``latest``: a lead's "on March 30" is the story's news, not its 2017 background), else
    of the first stated after it. Other values as they are. A month alone ("in January") does not: a story tells its
    background by months of other years."""
    if not years or not re.fullmatch(r"XXXX-\d{2}-\d{2}", timex.value):
        return timex.value
    before = [year for start, year in years if start < timex.start]
    if before:
        year = before[-1]
    else:
        year = latest[:4] if latest else years[0][1]
    return year + timex.value[4:]


def _period_last_day(period: str) -> str:
    """The last day of an ISO year, month or day, as ISO ("2017" -> "2017-12-31"); for ordering periods."""
    if len(period) == 4:
        return f"{period}-12-31"
    if len(period) == 7:
        year, month = int(period[:4]), int(period[5:7])
        return (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
    return period


def _parse_published(published: str | None) -> dt.date | None:
    """The calendar date of a reference date; DateError when it is no ISO date."""
    if published is None:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError as exc:
        raise DateError(
            f"publication date {published!r} is not an ISO date (YYYY-MM-DD); fix the input's `published` "
            "value or pass --published YYYY-MM-DD") from exc


def _of_what_came_after(root: Token, trigger: Token) -> bool:
    """The expression dates a happening the trigger's came before ("ahead of Sunday's vote", "before the March 3
    election", "prior to Monday's talks"), in a phrase of the trigger's own clause: not the trigger's date."""
    node = root
    for _step in range(6):
        if node.i == trigger.i or node.head.i == node.i:
            return False
        prep = node.head
        if node.dep_ == "pobj" and prep.dep_ == "prep" and node.i != root.i and (
                prep.lower_ == "before" or (prep.lower_ == "of" and prep.head.lower_ == "ahead")
                or (prep.lower_ == "to" and prep.head.lower_ == "prior")):
            return True
        node = prep
    return False


# Nouns a year dates as a time, not as a thing's name: "the 2019 season" is a time span, "the 2015 deal" a thing.
_TIME_SPAN_NOUNS: Final = frozenset({"year", "season", "period", "term", "quarter", "decade", "century", "summer",
                                     "winter", "spring", "autumn", "fall", "half", "session"})


# Prepositions that make the thing they take a time: "during the 1967 war", "in the 2016 election".
_WHEN_PREPS: Final = frozenset({"during", "in", "at", "since", "after", "before", "following", "until", "till",
                                "ahead", "throughout", "amid", "by"})


def _year_of_a_thing(root: Token, trigger: Token) -> bool:
    """A bare year naming a thing other than the trigger's happening: "withdrew from the 2015 nuclear deal", "a
    return to the 1967 borders", "a veteran of the 2003 war", "the line of 1967". The year dates that thing; the
    trigger's happening is not dated by it."""
    named = root.head
    if root.dep_ == "pobj" and named.lower_ == "of" and named.dep_ == "prep":
        named = named.head
    elif root.dep_ not in ("compound", "nummod", "amod", "nmod", "npadvmod"):
        return False
    if named.i == trigger.i or named.dep_ in ("nsubj", "nsubjpass"):
        # "the 2003 war", "the 2015 attack killed 20 people", "Essid's 2015 visit came amid attacks": the happening
        # itself, or the one its clause tells, dated by its year
        return False
    if named.dep_ == "pobj" and named.head.lower_ in _WHEN_PREPS:
        return False  # "captured during the 1967 war", "since the 2016 election": a time the thing stands for
    if any(c.dep_ == "relcl" for c in root.children):
        return False  # "echoes of 2007, when the government accused ...": the year is a time
    return named.pos_ in ("NOUN", "PROPN") and named.lemma_.lower() not in _TIME_SPAN_NOUNS


def _ranking_window(prep: Token) -> bool:
    """Whether ``prep`` is the "since" of a ranking's window: "the first since 2019", "the deadliest attack
    since 2015" rank the event among others since then; they do not say when it happened."""
    if prep.lower_ != "since" or prep.dep_ != "prep":
        return False
    head = prep.head
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in _RANKING_WORDS
               for t in (head, *(c for c in head.children if c.dep_ in ("amod", "advmod", "det"))))


# Marks of a clause that tells another happening as a point of reference ("before the talks began on Monday").
_REFERENCE_MARKS: Final = frozenset({"before", "since", "until", "till"})


def _inside_another_happening(clause: Token, trigger: Token, *, precision: DatePrecision | None) -> bool:
    """Whether ``clause``, or a clause above it short of one that holds ``trigger``, tells another happening than
    the trigger's, whose dates are its own:

    * what someone says, recalls or thinks (a content clause: "met X, recalling that Morocco recognised the US in
      1777");
    * a happening the trigger's is placed before or after. News tells what followed a day's happening on that day
      or the next ("arrested after his mother's body was found during a Thursday raid"), so an "after" clause's day,
      week or month stands for the trigger's; its year does not ("refused to attend ..., after a law was passed last
      year"), nor an expression left unresolved (no publication date to read "last year" against). A "when" clause
      is not one: it tells the same time.
    """
    current = clause
    while current.head.i != current.i and not current.left_edge.i <= trigger.i <= current.right_edge.i:
        if current.dep_ == "ccomp":
            return True
        if current.dep_ == "advcl":
            marks = {c.lower_ for c in current.children if c.dep_ == "mark"}
            if marks & _REFERENCE_MARKS or ("after" in marks and precision in (None, "year")):
                return True
        current = current.head
    return False


class DateResolver:
    """Finds and normalises the temporal expressions of one parsed document against its reference date.

    ``published``: the document's reference date (``reference_date``'s answer, as ``Article.published`` holds it).
    """

    def __init__(self, doc: Doc, *, published: str | None) -> None:
        self.doc = doc
        self._dct = _parse_published(published)
        self.published = self._dct.isoformat() if self._dct else None
        self._text = text_of(doc)
        self.timexes: list[Timex] = find_timexes(self._text, dct=self._dct, tense_at=self._tense_at)
        # Per sentence start: (timex, its resolved date, span root, start/end token). Only expressions that
        # name a date are kept, so ``when`` looks at a handful of candidates per trigger.
        self._anchors: dict[int, list[tuple[Timex, tuple[str | None, DatePrecision | None], Token, int, int]]] = {}
        years = [] if self._dct else _stated_years(self.timexes)
        latest = self.latest_stated() if years else None
        for timex in self.timexes:
            resolved = _to_when(_with_stated_year(timex, years, latest), self.published)
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if resolved is None or span is None or not len(span):
                continue
            self._anchors.setdefault(sent_of(span.root).start, []).append(
                (timex, resolved, span.root, span.start, span.end))

    def latest_stated(self) -> str | None:
        """The latest period the text states with its year in a past-tense clause ("in March 2017",
        "on May 5, 2016", "2015"), as ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None when it states none.

        A story without a publication date is at least this recent, so what it dates more than a year before
        is background (``events.story``). Expressions in a present or future clause ("elections due in 2020",
        "the 2030 plan") are not counted, nor those read against the reference date (there is none when asked).
        """
        latest: tuple[str, str] | None = None
        for timex in self.timexes:
            date, precision = _to_when(timex.value, None) or (None, None)
            if date is None or not re.search(r"\d{4}", timex.text):
                continue
            if self._tense_at(timex.start, timex.end) != "past":  # "elections due in 2020", "the 2030 plan"
                continue
            period = date[:4] if precision == "year" else date[:7] if precision == "month" else date
            end = _period_last_day(period)
            if latest is None or end > latest[0]:
                latest = (end, period)
        return latest[1] if latest else None

    def _tense_at(self, start: int, end: int) -> Tense:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return "present"
        root = span.root
        return clause_tense(_clause_head(root.head if root.head.i != root.i else root))

    def _candidate_rank(self, trigger: Token, root: Token, start: int, end: int, *,
                        precision: DatePrecision | None) -> tuple[int, int] | None:
        """How closely the expression rooted at ``root`` belongs to ``trigger`` (lower is closer)."""
        if start <= trigger.i < end:
            return None
        distance = abs(trigger.i - root.i)
        # Attached: walking up from the expression reaches the trigger before any other verb.
        current = root
        while current.head.i != current.i:
            current = current.head
            if current.i == trigger.i:
                return 0, distance
            if current.pos_ in _VERB_POS and current.dep_ not in ("aux", "auxpass"):
                break
        if _clause_head(root.head) is _clause_head(trigger) or _clause_head(root.head) == _clause_head(trigger):
            return 1, distance
        # An expression in a clause above the trigger ("said on Monday that rebels attacked") dates it
        # better than one in an unrelated clause.
        head = _clause_head(root.head)
        if any(a.i == head.i for a in trigger.ancestors):
            return 2, distance
        if _in_relative_clause_below(head, _clause_head(trigger), trigger):
            # "urged the government to restore internet access in the region, which has been cut since August": the
            # relative clause dates what it tells of its noun, not the trigger's event
            return None
        if _inside_another_happening(head, trigger, precision=precision):
            return None  # "recalling that Morocco recognised the US in 1777", "after a law was passed last year"
        return 3, distance

    def when(self, trigger: Token) -> When:
        """The date of the event headed by ``trigger``; offsets into the body."""
        best: tuple[tuple[int, int], Timex, tuple[str | None, DatePrecision | None], Token] | None = None
        for timex, resolved, root, start, end in self._anchors.get(sent_of(trigger).start, ()):
            if start > 0 and self.doc[start - 1].lower_ in _PERIOD_ENDS:
                continue  # "remanded to custody until March 22": when a period ends, not when the event happened
            if start > 0 and _ranking_window(self.doc[start - 1]):
                continue  # "his first visit since 2019", "the deadliest attack since 2015": not the event's date
            if timex.value == "PRESENT_REF" and root.dep_ == "amod":
                continue  # "the current Majority Whip said Wednesday": the title's time, not the event's day
            if _of_what_came_after(root, trigger):
                continue  # "arrested dozens ahead of Sunday's vote": the vote's day
            if resolved[1] == "year" and _year_of_a_thing(root, trigger):
                continue  # "withdrew from the 2015 nuclear deal", "a return to the 1967 borders": the thing's year
            rank = self._candidate_rank(trigger, root, start, end, precision=resolved[1])
            if rank is None or (rank[0] > 0 and trigger.dep_ == "amod"):
                continue  # "the arrested men were produced in court on Tuesday": the day of the court, not the arrest
            if best is None or rank < best[0]:
                best = (rank, timex, resolved, root)
        if best is None:
            return When(date=self.published, precision="day" if self.published else None)
        rank, timex, (date, precision), root = best
        if rank[0] == 2 and _reported_past(root, trigger):
            # "rebels killed 20 civilians, the army said Tuesday": the day of the report bounds the killing, it
            # does not state its day (the story may: "stormed the village on Monday")
            return When(date=date, precision=precision)
        start = timex.start
        # Keep the preposition that introduces the expression: "on Monday", "since early March".
        first = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if first is not None and first.start > 0:
            before = self.doc[first.start - 1]
            if before.lower_ in _PREPS and before.dep_ == "prep" and any(c.i >= first.start for c in before.children):
                start = before.idx
        return When(date=date, precision=precision, text=self._text[start: timex.end], start=start, end=timex.end)


def _reported_past(root: Token, trigger: Token) -> bool:
    """The expression dates a verb of saying above a past act ("killed 20 civilians, the army said Tuesday")."""
    saying = _clause_head(root.head)
    return saying.lemma_ in _SAYING and trigger.tag_ in ("VBD", "VBN") and saying.i != trigger.i
