"""Cleaning scraped text: page furniture out, metadata out, an exact map back to the original kept.

The text is cut into units (lines; hard-wrapped lines are joined first). Each unit is either
story (kept as its own paragraph) or furniture of a named kind: section label, headline,
dateline, byline, caption, credit, related-story headlines, share/subscribe/cookie lines,
navigation, advertisements. Every kept character carries its offset in ``Article.original``;
mojibake repair (ftfy) and whitespace normalisation keep those offsets, so the body maps back
exactly. Paragraphs in the body are separated by one blank line ("\\n\\n").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ftfy

from .errors import CleaningError
from .model import Article, CleanDoc, OffsetMap

PARAGRAPH_BREAK = "\n\n"


@dataclass(slots=True)
class Unit:
    """A line (or joined hard-wrapped lines) with the original offset of each character."""

    text: str
    pos: list[int]
    block: int  # index of the blank-line-separated block it came from
    kind: str | None = None  # furniture kind once classified; None = story


# ---------------------------------------------------------------- characters and offsets



_PIECE_RE = re.compile(r"\s+|\S+")
_WORD_RUN_RE = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


def _repair(text: str, pos: list[int]) -> tuple[str, list[int]]:
    """ftfy repair of one unit, re-aligned so unchanged characters keep their offsets."""
    if text.isascii() and "&" not in text:
        return text, pos
    fixed = ftfy.fix_text(text)
    if fixed == text:
        return text, pos
    if len(fixed) == len(text):
        return fixed, pos  # one-for-one replacements (quotes, mojibake of the same length)
    # Align word by word (cheap), then character spans inside each changed stretch.
    old_pieces, new_pieces = _PIECE_RE.findall(text), _PIECE_RE.findall(fixed)
    old_starts = _starts(old_pieces)
    new_pos: list[int] = []
    matcher = difflib.SequenceMatcher(None, old_pieces, new_pieces, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a0, a1 = old_starts[i1], old_starts[i2]
        if tag == "equal":
            new_pos.extend(pos[a0:a1])
        elif tag != "delete":
            old_pos = pos[a0:a1] or [pos[min(a0, len(pos) - 1)]]
            new_pos.extend(_align_chars(text[a0:a1], "".join(new_pieces[j1:j2]), old_pos))
    return fixed, new_pos


def _starts(pieces: list[str]) -> list[int]:
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    return starts


def _align_chars(old: str, new: str, pos: list[int]) -> list[int]:
    """Offsets for ``new`` replacing ``old``: shared prefix and suffix exact, the middle spread evenly."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (suffix < min(len(old), len(new)) - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]):
        suffix += 1
    middle_old = max(1, len(old) - prefix - suffix)
    middle_new = len(new) - prefix - suffix
    out = list(pos[:prefix])
    for k in range(middle_new):
        out.append(pos[min(prefix + (k * middle_old) // max(1, middle_new), len(pos) - 1)])
    if suffix:
        out.extend(pos[len(old) - suffix:])
    return out


def _normalise_space(text: str, pos: list[int]) -> tuple[str, list[int]]:
    """Drop invisible characters, collapse whitespace runs to one space, strip the ends."""
    out: list[str] = []
    out_pos: list[int] = []
    previous_end = -1
    for match in _WORD_RUN_RE.finditer(text):
        start, end = match.span()
        if out:
            out.append(" ")
            out_pos.append(pos[previous_end])  # the space maps to the first dropped character
        out.append(match.group())
        out_pos.extend(pos[start:end])
        previous_end = end
    return "".join(out), out_pos


def _cut(unit: Unit, spans: Iterable[tuple[int, int]]) -> None:
    """Remove character spans from a unit in place (then re-normalise spaces)."""
    keep = [True] * len(unit.text)
    for start, end in spans:
        for i in range(start, end):
            keep[i] = False
    text = "".join(ch for ch, k in zip(unit.text, keep) if k)
    pos = [p for p, k in zip(unit.pos, keep) if k]
    unit.text, unit.pos = _normalise_space(text, pos)


# ---------------------------------------------------------------- splitting into units

_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"


def _lines(original: str) -> list[tuple[str, list[int], int]]:
    """(text, positions, block index) for every non-blank line."""
    out: list[tuple[str, list[int], int]] = []
    block = 0
    offset = 0
    blank_run = False
    for raw in original.splitlines(keepends=True):
        body = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        if body.strip():
            if blank_run and out:
                block += 1
            blank_run = False
            out.append((body, list(range(offset, offset + len(body))), block))
        else:
            blank_run = True
        offset += len(raw)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """True for text wrapped at a fixed width (most lines long and of similar length)."""
    lengths = [len(line.strip()) for line in lines]
    if len(lengths) < 6:
        return False
    widest = max(lengths)
    if widest > 100:
        return False
    near_full = sum(1 for n in lengths if widest - 20 <= n)
    return near_full / len(lengths) >= 0.6


def _ends_terminal(text: str) -> bool:
    """Does the line end like a sentence (closing quotes/brackets, emoji and tildes looked past)?"""
    stripped = text.rstrip()
    while stripped and (stripped[-1] in "~*" or unicodedata.category(stripped[-1]) == "So"):
        if len(stripped) == len(text.rstrip()) and stripped[-1] not in "~*":
            return True  # a line ending in an emoji is chat-style prose, not a headline
        stripped = stripped[:-1].rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        if stripped[-1] == ")" and len(stripped) > 1 and stripped[-2] not in _TERMINAL:
            return False
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in _TERMINAL


def _units(original: str) -> list[Unit]:
    lines = _lines(original)
    wrapped = _hard_wrapped([text for text, _p, _b in lines])
    units: list[Unit] = []
    for text, pos, block in lines:
        text, pos = _repair(text, pos)
        text, pos = _normalise_space(text, pos)
        if not text:
            continue
        if units and units[-1].block == block and _continues(units[-1].text, text, wrapped=wrapped):
            prev = units[-1]
            prev.text += " " + text
            prev.pos += [prev.pos[-1] + 1] + pos  # the joining space maps to the line break
            continue
        units.append(Unit(text, pos, block))
    return units


def _continues(prev: str, nxt: str, *, wrapped: bool) -> bool:
    """Is ``nxt`` the continuation of a sentence broken across lines?"""
    if _ends_terminal(prev) or prev.endswith(":"):
        return False
    first = nxt[0]
    if first.islower() or first in ",;)":
        return True
    return wrapped and len(prev) >= 40


# ---------------------------------------------------------------- furniture patterns

_SECTIONS = {
    "world", "world news", "news", "africa", "americas", "asia", "asia pacific", "europe", "middle east",
    "politics", "business", "markets", "opinion", "analysis", "us", "u.s.", "uk", "international",
    "breaking news", "latest", "top news", "national", "local", "sport", "sports", "science", "health",
    "technology", "environment", "conflict", "security", "defence", "defense", "diplomacy", "aid and development",
}

_FURNITURE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("credit", r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|research|"
                   r"graphics|production|reported|written|edited|translated|translation)(?:\s+and\s+\w+)?\s+by\b"),
        ("credit", r"^[(\[]?\s*(?:(?:the\s+)?associated press|ap|afp|reuters)?\s*(?:writers?|reporters?|"
                   r"correspondents?|staff)\b.{0,200}\bcontributed\b"),
        ("credit", r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?\)?$"),
        ("credit", r"^our standards\s*:"),
        ("copyright", r"^(?:©|\(c\)\s|copyright\b)|all rights reserved\.?$"),
        ("caption", r"^(?:image|images|photo|photos|picture|pictures|photograph|video|watch|gallery|graphic|"
                    r"file photo|file)\s*(?:\d+\s*(?:of|/)\s*\d+)?\s*[:：|—–]"),
        ("caption", r"^(?:image|media|video|photo)\s+(?:caption|source|credit)s?\b"),
        ("caption", r"^[(\[]\s*(?:photo|image|picture|file photo|ap photo|reuters|afp|getty)\b[^)\]]*[)\]]$"),
        ("caption", r"\b(?:REUTERS|AFP|EPA|ANADOLU|XINHUA)/[A-Z][\w.'-]*|\(AP Photo\b|\bvia Getty Images\b|"
                    r"\bGetty Images\s*$|^Photo credit\b"),
        ("related", r"^(?:related(?: articles?| stories| coverage| content| news| topics| links)?|"
                    r"more (?:stories|news|on this story|from \w+(?: \w+)?)|read more|read next|see also|"
                    r"recommended(?: stories| for you)?|most (?:read|popular|viewed)|trending(?: now)?|"
                    r"you (?:may|might) also like|also read|top stories|editor'?s picks|in other news)\s*:?$"),
        ("related", r"^(?:read more|read next|also read|see also|related|more|watch|listen|must read)"
                    r"\s*[:：|»›-]\s*\S"),
        ("advertisement", r"^(?:advertisement|advertising|sponsored(?: content)?|ad|"
                          r"story continues below(?: advertisement)?|continue reading(?: below)?)$"),
        ("navigation", r"^(?:back to top|skip to (?:main )?content|home|menu|search|next article|previous article|"
                       r"show comments|comments|loading\.*|print|close|open in app|listen to (?:this )?article|"
                       r"\d+\s*min(?:ute)?s? read|click (?:here|to)\b.{0,120}|(?:tags|topics)\s*:.{0,200})$"),
        ("share", r"^(?:share|tweet|email|e-mail|print|copy link|save|whatsapp|facebook|twitter|linkedin|telegram|"
                  r"reddit|pinterest|messenger|x)(?:[\s|,/·•]+(?:share|tweet|email|e-mail|print|copy link|save|"
                  r"whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|messenger|x|on|this|"
                  r"article|story|link|via))*\s*$"),
        ("subscribe", r"^(?:subscribe|sign up|sign in|log in|register|get our|get the latest|follow us|follow)\b"
                      r"(?=.{0,140}$)(?!.*[.!?][\"'”]?$)"),
        ("subscribe", r"^(?=.{0,160}$).*\b(?:newsletters?|subscribers? only|subscribe now|push notifications)\b"
                      r"(?!.*[.!?][\"'”]?$)"),
        ("cookie", r"^(?=.{0,300}$).*\bcookies?\b.*\b(?:we use|this (?:site|website) uses|accept|consent|"
                   r"settings|polic(?:y|ies)|preferences|browsing|continuing)\b"),
        ("timestamp", r"^(?:updated|published|posted|last updated|last modified(?: on)?|first published)\b"
                      r"[:\s].{0,60}\d.{0,30}$"),
        ("separator", r"^[\s_*\-=~•·#]{3,}$"),
    )
)
_BYLINE_RE = re.compile(r"^[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*"
                        r"(?:\s+[A-Z][\w.'’-]*){0,3})*(?:\s*[,|·•-]\s*.{0,40})?$")
_NAV_ITEMS_RE = re.compile(r"^[^|]{1,40}(?:\s[|•·]\s[^|•·]{1,40}){2,}$")
_INLINE_CAPTION_RE = re.compile(r"\((?:photo|image|picture|file photo|ap photo)\b[^()]{0,240}\)", re.I)
_INLINE_MARKUP_RE = re.compile(
    r"<(script|style|iframe|object|embed)\b.*?(?:</\1\s*>|$)|</?[a-z][a-z0-9]*\b[^<>]*>", re.I | re.S
)


def _pattern_kind(text: str) -> str | None:
    for kind, pattern in _FURNITURE_PATTERNS:
        if pattern.search(text):
            return kind
    if _BYLINE_RE.match(text) and not _ends_terminal(text):
        return "byline"
    if _NAV_ITEMS_RE.match(text) and not _ends_terminal(text):
        return "navigation"
    return None


# ---------------------------------------------------------------- dateline

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_CAPS_WORD = r"(?:[A-Z][A-Z'’.\-]*[A-Z.]|[A-Z](?=\.))"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ \-](?:{_CAPS_WORD}|d[eu]|au|el|al))*"
_MIXED_PLACE = r"[A-Z][a-z]+\.?(?: (?:of|the|and|de|del)| [A-Z][a-z]+\.?)*"
_AGENCY = (r"Reuters|AP|AFP|dpa|DPA|Xinhua|ANI|PTI|IANS|UPI|Bloomberg|Anadolu|EFE|Kyodo|Yonhap|TASS|Interfax|"
           r"CNN|BBC|IRNA")
_DATELINE_RE = re.compile(
    rf"^(?P<places>{_CAPS_PLACE}(?:\s*/\s*{_CAPS_PLACE})*)"
    rf"(?P<qualifiers>(?:,\s*{_MIXED_PLACE}(?=,|\s*\(|\s*[-–—:]))*)"
    rf"(?P<date>,\s*{_MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?)?"
    rf"(?:\s*\((?P<agency>{_AGENCY}|[A-Z][\w.&' -]{{1,30}})\))?"
    r"(?P<sep>\s*(?:[-–—]+|:)\s*|\s*$)"
)
_AGENCY_ONLY_RE = re.compile(rf"^\((?P<agency>{_AGENCY})\)\s*[-–—]+\s*")
_KICKERS = {
    "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION",
    "EDITORIAL", "FACTBOX", "EXPLAINER", "URGENT", "FLASH", "NEWS", "VIDEO", "PHOTOS", "NOTE", "CORRECTION",
    "WARNING", "REVIEW", "INTERVIEW", "FEATURE", "COMMENT", "ALERT", "RECAP",
}
_SMALL_WORDS = {"au", "de", "du", "des", "la", "le", "of", "the", "es", "en", "sur", "al", "el"}


def _title_case(name: str) -> str:
    """GOMA -> Goma, PORT-AU-PRINCE -> Port-au-Prince, EL FASHER -> El Fasher."""
    words = re.split(r"([ \-])", name.strip())
    out = []
    for i, word in enumerate(words):
        if word in (" ", "-") or not word:
            out.append(word)
        elif i > 0 and word.lower() in _SMALL_WORDS and words[i - 1] == "-":
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:].lower())
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str
    end: int  # characters of the unit the dateline (with its separator) takes
    places: tuple[str, ...]
    agency: str | None


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a story paragraph, e.g. "BEIRUT/AMMAN (Reuters) –"."""
    match = _DATELINE_RE.match(text)
    if match:
        places_raw = match.group("places")
        agency = match.group("agency")
        sep = match.group("sep")
        has_dash = bool(sep.strip())
        # Without an agency or a date, only a dash/colon right after capitals makes it a dateline.
        if not (agency or match.group("date") or has_dash):
            return None
        if sum(ch.isalpha() for ch in places_raw) < 3 or not has_dash and match.end() < len(text):
            return None
        if not has_dash and not agency:
            return None
        if places_raw.strip().upper() in _KICKERS:
            return None  # "BREAKING:", "UPDATE -": a kicker, not a place
        places = tuple(_title_case(p) for p in re.split(r"\s*/\s*", places_raw) if p.strip())
        qualifiers = tuple(q.strip() for q in match.group("qualifiers").split(",") if q.strip())
        label = text[: match.end()].rstrip(" -–—:").strip()
        return Dateline(label, match.end(), places + qualifiers, agency)
    match = _AGENCY_ONLY_RE.match(text)
    if match:
        return Dateline(text[: match.end()].rstrip(" -–—").strip(), match.end(), (), match.group("agency"))
    return None


# ---------------------------------------------------------------- classification

def _title_like(text: str) -> bool:
    """A line that reads like a headline: short, no closing punctuation, capitalised."""
    if len(text) > 200 or _ends_terminal(text) or text.endswith((":", ",", ";")):
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘"


_LIST_ITEM_RE = re.compile(r"^(?:[•\-*–·▪●]\s*\S|\(?\d{1,2}[a-z]?[.)]\s|\d{1,2}[a-z]?\s*(?:etapa|step|stage)\b)", re.I)


def _bullet(text: str) -> bool:
    """A list item (bullet or number): part of the story, never a stray headline."""
    return bool(_LIST_ITEM_RE.match(text))


def _headline_sized(text: str) -> bool:
    """Six to sixteen words: a pasted headline; longer unpunctuated lines are broken paragraphs."""
    return 6 <= _words(text) <= 16 and len(text) <= 130


def _words(text: str) -> int:
    return len(text.split())


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _matches_title(text: str, title: str | None) -> bool:
    if not title:
        return False
    a, b = _norm(text), _norm(title)
    return bool(a) and (a == b or (len(a) > 20 and (b.startswith(a) or a.startswith(b))))


@dataclass(slots=True)
class _Header:
    section: str | None = None
    headline: str | None = None
    dateline: Dateline | None = None
    story_start: int = -1  # -1: no story paragraph found, nothing is taken out as headline or related


def _read_header(units: list[Unit], title: str | None, *, extracted: bool) -> _Header:
    """Section label, headline and dateline before the first story paragraph.

    ``extracted``: the text came out of trafilatura, which already dropped the page furniture;
    only a line repeating the page title (and a short section label above it) is taken out.
    """
    header = _Header()
    leading: list[int] = []
    start: int | None = None
    for i, unit in enumerate(units):
        if unit.kind is not None:
            continue
        dateline = parse_dateline(unit.text)
        if dateline is not None:
            header.dateline = dateline
            start = i
            break
        if _title_like(unit.text) and not _bullet(unit.text) and _words(unit.text) <= 25:
            leading.append(i)
            continue
        start = i
        break
    if start is None:
        # No story paragraph at all: keep every line rather than emptying the document.
        return header
    header.story_start = start
    headline_at: int | None = None
    for i in leading:
        if _matches_title(units[i].text, title):
            headline_at = i
            break
    if extracted:
        leading = [i for i in leading if headline_at is not None and headline_at - 1 <= i <= headline_at
                   and (i == headline_at or _words(units[i].text) <= 3)]
    elif headline_at is None and leading:
        candidates = [i for i in leading if _words(units[i].text) >= 4]
        headline_at = candidates[0] if candidates else leading[-1]
        if (headline_at == leading[0] and len(leading) == 1 and _words(units[headline_at].text) <= 3
                and units[headline_at].text.lower() in _SECTIONS):
            headline_at = None
    for i in leading:
        unit = units[i]
        if i == headline_at:
            unit.kind = "headline"
            header.headline = unit.text
        elif headline_at is None or i < headline_at:
            if header.section is None and _words(unit.text) <= 5:
                unit.kind = "section"
                header.section = unit.text
            else:
                unit.kind = "navigation"
        else:
            unit.kind = "headline"  # a deck or kicker line under the headline
    if header.dateline is not None:
        unit = units[start]
        if header.dateline.end >= len(unit.text):
            unit.kind = "dateline"
        else:
            unit.text, unit.pos = unit.text[header.dateline.end:], unit.pos[header.dateline.end:]
    return header


def _classify_body(units: list[Unit], start: int, *, extracted: bool) -> None:
    """Related-story headlines and blocks between and after the story paragraphs.

    In text dumps a lone headline-like line of six words or more, or any after the last story
    paragraph, is a pasted related-story headline; shorter ones are the story's sub-headings.
    In ``extracted`` text (trafilatura) only the lines under a "Related ..." heading go.
    """
    story_after = [False] * (len(units) + 1)
    for i in range(len(units) - 1, -1, -1):
        unit = units[i]
        story_after[i] = story_after[i + 1] or (unit.kind is None and not _title_like(unit.text))
    related_block: int | None = None
    for i in range(start, len(units)):
        unit = units[i]
        if unit.kind == "related" and not re.search(r"[:：|»›]\s*\S", unit.text):
            related_block = unit.block  # a "Related Articles" heading: the titles under it go too
            continue
        if unit.kind is not None:
            continue
        if not _title_like(unit.text) or _bullet(unit.text) or unit.text[0] in "\"'“‘":
            related_block = None
            continue
        if related_block == unit.block:
            unit.kind = "related"
        elif i == start:
            continue  # the header reader took this line for the first story paragraph: it stays
        elif not extracted and (not story_after[i + 1] or _headline_sized(unit.text)):
            unit.kind = "related"
        # else: a short sub-heading of the story, kept as its own paragraph


# ---------------------------------------------------------------- the stage

def clean_text(original: str, *, title: str | None = None, extracted: bool = False) -> CleanDoc:
    """Clean a text as read; ``title`` (from page metadata) helps find the headline.

    ``extracted``: the text is trafilatura's output for an HTML page (gentler rules, see above).
    """
    units = _units(original)
    for unit in units:
        unit.kind = _pattern_kind(unit.text)
    header = _read_header(units, title, extracted=extracted)
    if header.story_start >= 0:
        _classify_body(units, header.story_start, extracted=extracted)
    removed: list[str] = []
    parts: list[str] = []
    positions: list[int] = []
    for unit in units:
        if unit.kind is None:
            spans = [m.span() for m in _INLINE_MARKUP_RE.finditer(unit.text)]
            if spans:
                _cut(unit, spans)
                removed.append("markup")
            spans = [m.span() for m in _INLINE_CAPTION_RE.finditer(unit.text)]
            if spans:
                _cut(unit, spans)
                removed.append("caption")
        if unit.kind is not None:
            removed.append(unit.kind)
            continue
        if not unit.text:
            continue
        if parts:
            anchor = min(positions[-1] + 1, max(len(original) - 1, 0))
            parts.append(PARAGRAPH_BREAK)
            positions.extend([anchor] * len(PARAGRAPH_BREAK))
        parts.append(unit.text)
        positions.extend(unit.pos)
    body = "".join(parts)
    if len(body) != len(positions):
        raise CleaningError(f"offset map has {len(positions)} entries for {len(body)} body characters; "
                            "this is a bug in dragoman.clean, please report it with the input", stage="clean")
    if header.dateline is not None:
        removed.append("dateline")
    dateline = header.dateline
    return CleanDoc(
        body=body,
        offsets=OffsetMap.from_positions(positions),
        title=title or header.headline,
        section=header.section,
        dateline=dateline.text if dateline else None,
        dateline_places=dateline.places if dateline else (),
        agency=dateline.agency if dateline else None,
        removed=tuple(dict.fromkeys(removed)),
    )


def clean_article(article: Article) -> CleanDoc:
    """The cleaned body of an article with its offset map and the metadata separated from it."""
    return clean_text(article.original, title=article.title, extracted=article.raw_html is not None)
