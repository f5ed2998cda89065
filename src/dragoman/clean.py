"""Cleaning scraped text: page furniture out, metadata out, an exact map back to the original kept.

The text is cut into units (lines; hard-wrapped lines are joined first). Each unit is either
story (kept as its own paragraph) or furniture of a named kind: section label, headline,
dateline, byline, caption, credit, related-story headlines, share/subscribe/cookie lines,
navigation, advertisements. A unit of several sentences of prose is never dropped for furniture in
it: a JSONL body or a .txt without breaks holds the whole story on one line, so there only the
furniture sentences (a leading byline and dateline, a pasted caption with its photo credit, a
trailing credit or copyright notice) are cut. Every kept character carries its offset in ``Article.original``;
mojibake repair (ftfy) and whitespace normalisation keep those offsets, so the body maps back
exactly. Paragraphs in the body are separated by one blank line ("\\n\\n").
"""

from __future__ import annotations

import difflib
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ftfy

from .errors import CleaningError
from .extract.time.words import MONTH_NAME  # the one table of month names
from .model import Article, CleanDoc, OffsetMap

PARAGRAPH_BREAK = "\n\n"
log = logging.getLogger("dragoman")


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
        # Agency photo credits are upper case ("REUTERS/Jane Doe"); "a Reuters/Ipsos poll" is story.
        ("caption", r"(?-i:\b(?:REUTERS|AFP|EPA|ANADOLU|XINHUA)/[A-Z][\w.'-]*)|\(AP Photo\b|\bvia Getty Images\b|"
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


# ---------------------------------------------------------------- furniture inside a prose unit
# A JSONL body or a .txt without line breaks is one unit holding the whole story: a trailing
# "X contributed to this report." must cost that sentence, never the unit. Such units are cut
# into sentences and only sentences of a strict furniture shape (or a photo credit with the
# caption sentence before it) are cut. Splitting need not be exact: a sentence is only ever
# cut when the whole of it has a furniture shape, so a missed boundary keeps text, never loses it.

_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
# A full stop after these is (nearly) never a sentence end: a name or a number follows.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col sgt capt cpl pvt maj brig adm cmdr gov sen rep rev hon pres supt det insp "
    "st mt ft no nos jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd jr sr vs v".split()
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a unit; the spaces between sentences belong to neither."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        if text[match.start()] == "." and _abbreviation_before(text, match.start()):
            continue
        spans.append((start, match.start(1)))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _abbreviation_before(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of "Mr", "Gen", "Jan" or of a single initial ("J.")?"""
    word = text[max(0, dot - 12):dot].rsplit(None, 1)[-1:] or [""]
    token = word[0].lstrip("\"'“‘([")
    return token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper())


# Lower-case words a credit sentence may hold; any other ("showed", "rising") makes it story.
_CREDIT_WORDS = frozenset(
    "a an and in from at of the by for to with on this report story article reporting writing editing additional "
    "also contributed reported writer writers reporter reporters correspondent correspondents staff research "
    "researcher researchers compiled compiling graphics production translated translation edited written "
    "photos photo video de da del der van von al el bin ibn du la le dos das y".split()
)
_CREDIT_SHAPE_RE = re.compile(
    r"^[(\[]?\s*(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|compiling|research|graphics|"
    r"production|reported|written|edited|translated|translation)(?:\s+and\s+\w+)?\s+by)\s+[A-Z]"
    r"|(?i:\bcontributed(?:\s+reporting)?(?:\s+(?:to|for)\s+(?:this|the)\s+(?:report|story|article))?)"
    r"\s*[.)\]]*$"
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")


def _credit_shaped(text: str) -> bool:
    """"Reporting by A in B; Editing by C", "D in E contributed to this report.": names, places, credit words."""
    if not _CREDIT_SHAPE_RE.search(text):
        return False
    inner = text.strip().strip("()[].")
    if any(ch in inner for ch in "()[]:"):
        return False  # "Winner on Thunder Snow (Saeed bin Suroor)": a bracket or colon inside is story
    return all(not w[0].islower() or w.lower().rstrip(".") in _CREDIT_WORDS for w in _WORD_RE.findall(text))


_SENTENCE_PATTERNS: tuple[tuple[str, int, re.Pattern[str]], ...] = tuple(
    (kind, max_words, re.compile(pattern, re.I))
    for kind, max_words, pattern in (
        ("credit", 40, r"^our standards\s*:"),
        ("copyright", 30, r"©|^\(c\)\s|^copyright\b|\bcopyright (?:\(c\) )?(?:19|20)\d\d\b|\ball rights reserved\.?$"),
        ("copyright", 30, r"^this (?:material|article|story) may not be (?:published|reproduced|broadcast)"),
        # A caption behind its label: "FILE PHOTO: Troops stand guard in Goma, May 2023."
        ("caption", 60, r"^(?:file photo|photos?|images?|pictures?|pictured|photograph|caption|graphic)"
                        r"(?:\s*\d+\s*(?:of|/)\s*\d+)?\s*[:：|]\s*\S"),
        ("caption", 30, r"^(?:image|media|video|photo)\s+captions?\b"),
        # "Photo credit: Jane Doe" runs into the next sentence when it has no full stop: short ones only.
        ("caption", 8, r"^(?:image|media|video|photo)\s+(?:source|credit)s?\b"),
    )
)

# A photo credit ends a caption: "REUTERS/Jane Doe/File Photo", "(AP Photo/Jane Doe)",
# "Photograph: Jane Doe/AFP", "Jane Doe via Getty Images". Agency credits name one word
# (Staff, Stringer) or a first and last name, so the story's next sentence is not taken with them.
_NAME = r"[A-Z][\w'’.-]*"
_PARTICLES = r"(?:de|da|del|der|van|von|al|el|bin|ibn|le|la|du|dos)"
_PHOTO_AGENCY = (r"(?:AFP|AP|Reuters|REUTERS|Getty Images|EPA(?:-EFE)?|Shutterstock|Alamy|Bloomberg|Xinhua|"
                 r"XINHUA|Anadolu(?: Agency)?|PA(?: Images| Wire)?|Sipa USA|ZUMA(?: Press| Wire)?|NurPhoto|"
                 r"SOPA Images|LightRocket|Pool|File(?: Photo)?|Handout|Illustration)")
_PHOTO_CREDIT_RE = re.compile(
    rf"(?<![\w/])(?:REUTERS|AFP|EPA(?:-EFE)?|ANADOLU|XINHUA|SIPA|BLOOMBERG)/"
    rf"(?:(?:Staff|Stringer|Handout|Pool|File)\b|{_NAME}(?: {_PARTICLES})*(?: {_NAME})?)"
    rf"(?:/{_PHOTO_AGENCY}(?: via {_PHOTO_AGENCY})?)*"
    rf"|\((?:AP |AFP |Reuters |REUTERS |Getty |EPA |File )?(?i:photo|image|picture)s?\b[^()]{{0,200}}\)"
    rf"|(?i:photo(?:graph)?|picture|image)(?:\s+(?i:credit))?\s*:\s*(?:{_NAME}(?: {_NAME}){{0,3}}/)?"
    rf"{_PHOTO_AGENCY}(?:/{_PHOTO_AGENCY})*\b"
    rf"|(?:{_NAME} ){{0,4}}via Getty Images\b|\bGetty Images$"
)


# Some word every sentence shape above needs: one search rules out most story sentences at once.
_SENTENCE_SIGNAL_RE = re.compile(
    r"contributed|\bby\b|©|\(c\)|copyright|rights reserved|^our standards|^this (?:material|article|story)|"
    r"^(?:file photo|photo|image|picture|caption|graphic|media|video)|"
    r"^[(\[]?(?:related|more|read|see|recommended|most|trending|you|also|top|editor|in other|watch|listen|must)\b",
    re.I,
)


def _sentence_kind(text: str) -> str | None:
    """The furniture kind of one sentence of a prose unit, by strict shapes only."""
    if not _SENTENCE_SIGNAL_RE.search(text):
        return None
    words = _words(text)
    if _credit_shaped(text) and words <= 60:
        return "credit"
    for kind, max_words, pattern in _SENTENCE_PATTERNS:
        if words <= max_words and pattern.search(text):
            return kind
    if words <= 16 and _pattern_kind(text) == "related":
        return "related"  # "Read more: Rebels seize mining town."
    return None


# A credit that ends a unit but is glued to an unpunctuated line before it ("... visit our
# website Reporting by A; Editing by B"): its start is found from these signals.
_TRAILING_CREDIT_RE = re.compile(
    r"\b(?:Reporting|Writing|Editing|Compiled|Edited|Written|Research|Translated)(?: and \w+)? by [A-Z]"
    r"|\bcontributed (?:reporting|to this (?:report|story|article))\W*$"
)


def _trailing_credit(text: str, start: int, end: int) -> int | None:
    """Start of a credit closing ``text[start:end]`` (the unit's last sentence), if one does.

    The leftmost capitalised word from which the rest is credit-shaped (names, places, credit words).
    """
    if not _TRAILING_CREDIT_RE.search(text, start, end):
        return None
    for match in re.finditer(r"(?<!\S)[(\[]?[A-Z]", text[start:end]):
        if _credit_shaped(text[start + match.start():end]):
            return start + match.start()
    return None


def _furniture_sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the furniture inside a unit of several sentences."""
    sentences = _sentences(text)
    cuts: list[tuple[int, int, str]] = []
    whole: set[int] = set()  # sentences cut whole
    for i, (start, end) in enumerate(sentences):
        # Every photo credit holds a slash, a bracket, a colon or "Getty".
        credits = any(mark in text[start:end] for mark in "/(:") or "Getty" in text[start:end]
        opening = _PHOTO_CREDIT_RE.match(text, start, end) if credits else None
        if opening is not None:
            # A credit opening a sentence closes the caption sentence before it; the rest is read on its own.
            if i > 0 and i - 1 not in whole:
                whole.add(i - 1)
                cuts.append((*sentences[i - 1], "caption"))
            cuts.append((start, opening.end(), "caption"))
            start = opening.end() + len(text[opening.end():end]) - len(text[opening.end():end].lstrip())
            if start >= end:
                whole.add(i)
                continue
        kind = _sentence_kind(text[start:end])
        if kind is not None:
            cuts.append((start, end, kind))
            whole.add(i)
            continue
        for match in _PHOTO_CREDIT_RE.finditer(text, start, end) if credits else ():
            cuts.append((match.start(), match.end(), "caption"))
    start, end = sentences[-1]
    if len(sentences) - 1 not in whole:
        credit_at = _trailing_credit(text, start, end)
        if credit_at is not None:
            cuts.append((credit_at, end, "credit"))
    return sorted(cuts)


def _covers(cuts: list[tuple[int, int, str]], text: str) -> bool:
    """Do the cut spans take every non-space character of ``text``?"""
    covered = [False] * len(text)
    for start, end, _kind in cuts:
        covered[start:end] = [True] * (end - start)
    return all(c or ch.isspace() for ch, c in zip(text, covered))


# Kinds whose patterns only ever match a short line as a whole (anchored, length-bounded).
_LINE_KINDS = frozenset({"cookie", "subscribe", "share", "navigation", "advertisement", "timestamp",
                         "separator", "byline"})


def _governs_line(text: str, cuts: list[tuple[int, int, str]]) -> bool:
    """Does the furniture found make the whole (short) line furniture?

    A label opening a short line ("Read more: A. B.", "FILE PHOTO: ...") governs the line, and
    a photo credit closing a caption-sized line marks all its sentences as the caption.
    """
    if cuts[0][0] == 0 and len(text) <= 300:
        return True
    if _words(text) > 80:
        return False
    end = len(text.rstrip(" .)"))
    return any(end <= m.end() for m in _PHOTO_CREDIT_RE.finditer(text))


def _prose_left(text: str, cuts: list[tuple[int, int, str]]) -> bool:
    """Is a sentence of six words or more left once the cuts are made? ("Credits. Jane Doe, NBC." is not.)"""
    keep = [True] * len(text)
    for start, end, _kind in cuts:
        keep[start:end] = [False] * (end - start)
    left = "".join(ch if k else "\n" for ch, k in zip(text, keep))
    for part in left.split("\n"):
        part = part.strip()
        if any(_words(part[a:b]) >= 6 for a, b in _sentences(part)):
            return True
    return False


def _classify_unit(unit: Unit) -> list[str]:
    """Set ``unit.kind`` for a furniture unit, or cut the furniture sentences out of a prose unit.

    Returns the kinds cut from inside the unit.
    """
    kind = _pattern_kind(unit.text)
    if kind == "credit" and _ends_terminal(unit.text) and _words(unit.text) > 12 and not _credit_shaped(unit.text):
        kind = None  # "Scientists from five universities contributed to the report." is story
    if kind in _LINE_KINDS:
        unit.kind = kind
        return []
    sentences = _sentences(unit.text)
    if len(sentences) < 2:
        credit_at = _trailing_credit(unit.text, 0, len(unit.text)) if kind is None else None
        if credit_at:  # "... call the office at Reporting by A; Editing by B": one unfinished sentence
            _cut(unit, [(credit_at, len(unit.text))])
            return ["credit"]
        unit.kind = kind
        return []
    cuts = _furniture_sentences(unit.text)
    if cuts and (_covers(cuts, unit.text) or _governs_line(unit.text, cuts)
                 or kind is not None and not _prose_left(unit.text, cuts)):
        unit.kind = kind or cuts[0][2]
        return []
    if not cuts:
        # The line as a whole matched but no sentence of it did: a short line is furniture, a
        # long one is kept (story text is never dropped for a pattern spread across sentences).
        unit.kind = kind if len(unit.text) <= 300 else None
        return []
    _cut(unit, [(start, end) for start, end, _kind in cuts])
    return list(dict.fromkeys(k for _s, _e, k in cuts))


# ---------------------------------------------------------------- dateline

_CAPS_WORD = r"(?:[A-Z][A-Z'’.\-]*[A-Z.]|[A-Z](?=\.))"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ \-](?:{_CAPS_WORD}|d[eu]|au|el|al))*"
_MIXED_PLACE = r"[A-Z][a-z]+\.?(?: (?:of|the|and|de|del)| [A-Z][a-z]+\.?)*"
_AGENCY = (r"Reuters|AP|AFP|dpa|DPA|Xinhua|ANI|PTI|IANS|UPI|Bloomberg|Anadolu|EFE|Kyodo|Yonhap|TASS|Interfax|"
           r"CNN|BBC|IRNA")
_DATELINE_RE = re.compile(
    rf"^(?P<places>{_CAPS_PLACE}(?:\s*/\s*{_CAPS_PLACE})*)"
    rf"(?P<qualifiers>(?:,\s*{_MIXED_PLACE}(?=,|\s*\(|\s*[-–—:]))*)"
    rf"(?P<date>,\s*{MONTH_NAME}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?)?"
    rf"(?:\s*\((?P<agency>{_AGENCY}|[A-Z][\w.&' -]{{1,30}})\))?"
    r"(?P<sep>\s*(?:[-–—]+|:)\s*|\s*$)"
)
_AGENCY_ONLY_RE = re.compile(rf"^\((?P<agency>{_AGENCY})\)\s*[-–—]+\s*")
# State news agencies' style, the town in mixed case and the agency after a comma: "Moscow, SANA- ", "Kuwait City,
# KUNA -".
_WIRE_AGENCY = rf"{_AGENCY}|SANA|KUNA|WAM|QNA|SPA|MENA|BNA|NNA|APS|MAP|PNA|ONA|Bernama|Antara|ANSA|PAP|APA|BSS|NAN"
_TOWN_AGENCY_RE = re.compile(rf"^(?P<place>{_MIXED_PLACE}),\s*(?P<agency>{_WIRE_AGENCY})\s*[-–—]+\s*")
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
    start: int = 0  # characters of the unit before it (a headline flattened into the paragraph), kept


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
    match = _TOWN_AGENCY_RE.match(text)
    if match:
        return Dateline(text[: match.end()].rstrip(" -–—").strip(), match.end(), (match.group("place"),),
                        match.group("agency"))
    return None


_LEAD_BYLINE_RE = re.compile(r"^[Bb][Yy]\s+[A-Z]")
_BYLINE_WORD_RE = re.compile(r"^(?:[A-Z][\w.'’-]*,?|and|&|of|the|,)$")


def _dateline_after_byline(text: str) -> Dateline | None:
    """"By JILL DOE and JOHN ROE, Associated Press WASHINGTON (AP) — ...": byline and dateline as one.

    The byline must be names only (capitalised words, "and", "of the"); of the datelines that
    could follow it, the shortest with a place is taken ("JANE DOE LONDON (Reuters)" is not a place).
    """
    if not _LEAD_BYLINE_RE.match(text):
        return None
    found: Dateline | None = None
    found_end = -1
    for match in re.finditer(r"\s+", text[:200]):
        head = text[:match.start()].split()[1:]
        if not head:
            continue
        if len(head) > 12 or not _BYLINE_WORD_RE.match(head[-1]):
            break
        dateline = parse_dateline(text[match.end():])
        if dateline is None or not dateline.places:
            continue
        end = match.end() + dateline.end
        if found is not None and end != found_end:
            break
        found, found_end = Dateline(dateline.text, end, dateline.places, dateline.agency), end
    return found


# A headline run into the first paragraph by flattened text: "Car Bomb Kills 20 in Baghdad. BAGHDAD — A car bomb..."
_FLAT_HEADLINE_RE = re.compile(r"^[A-Z0-9\"'“‘][^.!?\n]{10,200}[.!?]\s+")


def _dateline_after_headline(text: str) -> Dateline | None:
    """A dateline with a dash or an agency after a first sentence of at most 25 words: the headline stays in the
    text (it may state the news), the dateline goes, as it would at the start of the paragraph."""
    match = _FLAT_HEADLINE_RE.match(text)
    if match is None or not 4 <= _words(match.group()) <= 25:
        return None
    dateline = parse_dateline(text[match.end():])
    # the story's first sentence opens after it: "NATO — the alliance — said" is an aside, not a dateline
    if dateline is None or not dateline.places or not text[match.end() + dateline.end:][:1].isupper():
        return None
    return Dateline(dateline.text, match.end() + dateline.end, dateline.places, dateline.agency, start=match.end())


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
    byline: bool = False  # a byline ran into the dateline and went with it


def _read_header(units: list[Unit], title: str | None, *, extracted: bool) -> _Header:
    """Section label, headline and dateline before the first story paragraph.

    ``extracted``: the text came out of trafilatura, which already dropped the page furniture;
    only a line repeating the page title (and a short section label above it) is taken out.
    """
    leading, start, dateline, byline = _story_start(units)
    if start is None:
        # No story paragraph at all: keep every line rather than emptying the document.
        return _Header()
    header = _Header(dateline=dateline, story_start=start, byline=byline)
    leading, headline_at = _headline(units, leading, title, extracted=extracted)
    _label_leading(units, leading, headline_at, header)
    if dateline is not None:
        unit = units[start]
        if dateline.start == 0 and dateline.end >= len(unit.text):
            unit.kind = "dateline"
        else:
            cut = slice(dateline.start, dateline.end)
            unit.text = unit.text[:cut.start] + unit.text[cut.stop:]
            unit.pos = unit.pos[:cut.start] + unit.pos[cut.stop:]
    return header


def _story_start(units: list[Unit]) -> tuple[list[int], int | None, Dateline | None, bool]:
    """The title-like lines above the first story paragraph, that paragraph's index (None when there is
    none), the dateline opening it and whether a byline ran into that dateline."""
    leading: list[int] = []
    for i, unit in enumerate(units):
        if unit.kind is not None:
            continue
        dateline = parse_dateline(unit.text)
        byline = False
        if dateline is None:
            dateline = _dateline_after_byline(unit.text)
            byline = dateline is not None
        if dateline is None and not leading:
            dateline = _dateline_after_headline(unit.text)
        if dateline is not None:
            return leading, i, dateline, byline
        if _title_like(unit.text) and not _bullet(unit.text) and _words(unit.text) <= 25:
            leading.append(i)
            continue
        return leading, i, None, False
    return leading, None, None, False


def _headline(units: list[Unit], leading: list[int], title: str | None, *,
              extracted: bool) -> tuple[list[int], int | None]:
    """The leading lines that are furniture and which of them is the headline (None when none is)."""
    headline_at = next((i for i in leading if _matches_title(units[i].text, title)), None)
    if extracted:
        leading = [i for i in leading if headline_at is not None and headline_at - 1 <= i <= headline_at
                   and (i == headline_at or _words(units[i].text) <= 3)]
    elif headline_at is None and leading:
        candidates = [i for i in leading if _words(units[i].text) >= 4]
        headline_at = candidates[0] if candidates else leading[-1]
        if (headline_at == leading[0] and len(leading) == 1 and _words(units[headline_at].text) <= 3
                and units[headline_at].text.lower() in _SECTIONS):
            headline_at = None
    return leading, headline_at


def _label_leading(units: list[Unit], leading: list[int], headline_at: int | None, header: _Header) -> None:
    """Mark the leading lines headline, section label or navigation, and note the first two in ``header``."""
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

def _warn_if_prose_lost(original: str, removed: list[str], source: str | None) -> None:
    """An empty body from a text holding sentences of prose is a cleaning bug: say so, with the reason."""
    prose = 0
    for unit in _units(original):
        prose += sum(1 for start, end in _sentences(unit.text)
                     if _words(unit.text[start:end]) >= 5 and _ends_terminal(unit.text[start:end]))
    if prose >= 2:
        kinds = ", ".join(dict.fromkeys(removed)) or "nothing"
        log.warning("%s: the cleaner left no body from a text with %d sentences of prose (removed as: %s); "
                    "this is a bug in dragoman.clean, please report it with the input",
                    source or "text", prose, kinds)


def clean_text(original: str, *, title: str | None = None, extracted: bool = False,
               source: str | None = None) -> CleanDoc:
    """Clean a text as read; ``title`` (from page metadata) helps find the headline.

    ``extracted``: the text is trafilatura's output for an HTML page (gentler rules, see above).
    ``source`` names the input in warnings.
    """
    units = _units(original)
    removed: list[str] = []
    for unit in units:
        removed.extend(_classify_unit(unit))
    header = _read_header(units, title, extracted=extracted)
    if header.story_start >= 0:
        _classify_body(units, header.story_start, extracted=extracted)
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
    if header.byline:
        removed.append("byline")
    if not body:
        _warn_if_prose_lost(original, removed, source)
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
    return clean_text(article.original, title=article.title, extracted=article.raw_html is not None,
                      source=article.source_id)
