"""Conflicting claims: the figures (dead, injured, arrested, displaced) of one happening, side by side.

A claim is one figure as one claimant gives it in one document: the value, the claimant (the attribution the
event carries, "officials"; else the outlet that reported it), the document and the evidence offsets (into the
document's original text). Two sources of claims:

- the event's own counts, with its attribution or its outlet as claimant, and the figures other mentions of the
  happening in the same document give otherwise (``Counts.also_stated``), each with its own claimant;
- a second attributed figure in the same evidence sentence ("officials said 12 died, but a rights group said
  30 died"): each clause of the sentence with a speaker and a speech verb before a figure gives one claim with
  that speaker, its offsets those of the clause's figure.

Nothing is averaged. For each figure: the claims, the range (lowest, highest), ``disputed`` when the claims
give more than one value, and the default figure: the most conservative (lowest) value among the attributed
claims, as ACLED codes fatalities when sources differ; with no attributed claim, the lowest reported value.
Bounds ("at least 12") are kept as the value stated.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .extract.events.counts import parse_number
from .extract.time.words import CARDINALS

FIGURES = ("dead", "injured", "arrested", "displaced")

# Number words a figure may be written in (the package's one table of them, and "a dozen"); counts.parse_number
# reads their value.
_NUMBER_WORDS = [*CARDINALS, "hundred", "dozen", "a dozen"]
_FIGURE_WORDS = {
    "killed": "dead", "dead": "dead", "died": "dead", "deaths": "dead", "death": "dead", "fatalities": "dead",
    "lives": "dead", "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "arrested": "arrested", "detained": "arrested", "arrests": "arrested", "displaced": "displaced",
    "homeless": "displaced", "fled": "displaced",
}
_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS),
                                                              key=len, reverse=True)) + r")"
_FIGURE = re.compile(_NUMBER + r"\s+(?:[A-Za-z-]+\s+){0,3}?(?:(?:were|was|had been|have been|are|had)\s+)?"
                     r"(?P<what>" + "|".join(_FIGURE_WORDS) + r")\b", re.I)
# "X said", and a wire's "Interfax cited the Federal Security Service as saying": the claimant is what comes before
_SPEAKER = re.compile(r"(?P<who>[A-Za-z][\w'.\- ]{1,60}?)\s+(?:as saying|said|says|counted|put|reported|estimated|"
                      r"claimed|told reporters|stated|gave)\b", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s*$", re.I)
_CLAUSE = re.compile(r";\s+|(?<=[.!?])\s+|,\s+(?:but|while|whereas)\s+|\s+(?:but|while|whereas)\s+")
_NEXT_SENTENCE_END = re.compile(r"[.!?][\"')\]]?(?=\s|$)")
_DETERMINER = re.compile(r"^(?:a|an|the)\s+", re.I)
_LEADING = re.compile(r"^(?:but|and|while|whereas|however,?)\s+", re.I)


@dataclass(frozen=True, slots=True)
class Claim:
    figure: str
    value: int
    claimant: str
    attributed: bool  # the claimant is a named source in the text, not only the outlet
    outlet: str
    doc_id: str
    event_id: str
    start: int  # evidence offsets into the document's original text
    end: int
    sentence: str


@dataclass(frozen=True, slots=True)
class FigureClaims:
    figure: str
    claims: tuple[Claim, ...]
    low: int
    high: int
    disputed: bool
    default: int  # the most conservative attributed value (ACLED's rule), else the lowest reported

    @property
    def claimants(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.claimant for c in self.claims))


@dataclass(frozen=True, slots=True)
class HappeningClaims:
    key: str
    type: str
    date: str | None
    place: str | None
    country: str | None
    reports: int
    documents: int
    figures: tuple[FigureClaims, ...]

    @property
    def disputed(self) -> bool:
        return any(f.disputed for f in self.figures)


def sentence_claims(sentence: str) -> list[tuple[str, str, int, int, int]]:
    """(claimant, figure, value, start, end) for each clause of ``sentence`` in which a speaker states a figure."""
    found = []
    cursor = 0
    pieces = []
    for cut in _CLAUSE.finditer(sentence):
        pieces.append((cursor, sentence[cursor:cut.start()]))
        cursor = cut.end()
    pieces.append((cursor, sentence[cursor:]))
    for offset, clause in pieces:
        speaker = _SPEAKER.search(clause)
        if speaker is None or _PASSIVE.search(speaker.group("who")):
            continue  # "At least seven were reported dead": a passive names no speaker
        figure = _FIGURE.search(clause, speaker.end())
        number = parse_number(figure.group("n")) if figure else None  # the reader the event figures use
        value = number[0] if number else None
        if figure is None or value is None:
            continue
        who = _LEADING.sub("", speaker.group("who").strip())
        found.append((who, _FIGURE_WORDS[figure.group("what").lower()], value,
                      offset + figure.start(), offset + figure.end()))
    return found


def claimant_name(text: str) -> str:
    """A claimant as compared and shown: no leading article ("A rights group" and "rights group" are one)."""
    return _DETERMINER.sub("", " ".join(text.split()))


def _reach(event: Mapping[str, Any], original: str | None, start: int, end: int, sentence: str) -> str:
    """The text scanned for other speakers' figures: the evidence sentence and, for an event with a figure, the
    sentence after it ("Officials said 12 died. A rights group said 30 died.")."""
    if original is None or original[start:end] != sentence:
        return sentence
    following = _NEXT_SENTENCE_END.search(original, end + 1)
    return original[start:following.end()] if following and following.end() - end < 400 else sentence


def _event_claims(event: Mapping[str, Any], outlet: str, original: str | None = None) -> list[Claim]:
    """The claims one stored event makes: its own counts, and other speakers' figures in its sentence (and, when
    it has a figure, the next sentence)."""
    record = event["record"]
    evidence = record.get("evidence") or {}
    attribution = record.get("attribution") or {}
    who = (attribution.get("text") or "").strip()
    start, end, sentence = int(evidence.get("start") or 0), int(evidence.get("end") or 0), evidence.get("sentence", "")
    who = claimant_name(who)
    # figures other mentions of the happening in this document state (Counts.also_stated): a figure of the event's
    # own equal to one of them was added from that mention, and is that mention's claim
    also = list((record.get("counts") or {}).get("also_stated") or ())
    from_others = {(o["figure"], int(o["value"])) for o in also}
    claims = [Claim(f, int(event[f]), who or outlet, bool(who), outlet, event["doc_id"], event["event_id"], start,
                    end, sentence)
              for f in FIGURES if event.get(f) is not None and (f, int(event[f])) not in from_others]
    for other in also:
        named = claimant_name(other.get("claimant") or "")
        claims.append(Claim(other["figure"], int(other["value"]), named or outlet, bool(named), outlet,
                            event["doc_id"], event["event_id"], int(other["start"]), int(other["end"]),
                            other["sentence"]))
    if not claims:
        return claims  # an event that states no figure is not where its sentence's figures belong
    own = {(c.figure, c.value) for c in claims}
    read = [(start, _reach(event, original, start, end, sentence), sentence)]
    read += [(int(o["start"]), o["sentence"], o["sentence"]) for o in also]
    for offset, text, evidence in dict.fromkeys(read):
        for speaker, figure, value, s, e in sentence_claims(text):
            if (figure, value) in own:
                continue
            own.add((figure, value))
            claims.append(Claim(figure, value, claimant_name(speaker), True, outlet, event["doc_id"],
                                event["event_id"], offset + s, offset + e, evidence))
    return claims


def _figures(claims: Sequence[Claim]) -> tuple[FigureClaims, ...]:
    out = []
    for figure in FIGURES:
        seen: dict[tuple[int, str, str], Claim] = {}
        for claim in claims:
            if claim.figure == figure:
                seen.setdefault((claim.value, claim.claimant.lower(), claim.doc_id), claim)
        mine = list(seen.values())
        if not mine:
            continue
        values = [c.value for c in mine]
        attributed = [c.value for c in mine if c.attributed]
        out.append(FigureClaims(figure, tuple(mine), min(values), max(values), len(set(values)) > 1,
                                min(attributed or values)))
    return tuple(out)


def _group_key(event: Mapping[str, Any], *, by_key: bool) -> str:
    if by_key and event.get("happening"):
        return str(event["happening"])
    if by_key:
        return f"event:{event['event_id']}"
    # In one story, the same type of event in the same country is one happening ("Nairobi" and "Kenya" alike).
    return f"{event['type']}|{event.get('country') or event.get('place') or ''}"


def claims_of_events(events: Sequence[Mapping[str, Any]], outlet_of: Mapping[str, str], *, by_key: bool = True,
                     originals: Mapping[str, str] | None = None) -> tuple[HappeningClaims, ...]:
    """Events grouped into happenings (by happening key, or in a story by type and country), with their claims.

    ``originals`` (doc id -> original text) lets a figure's next sentence be read for other speakers' figures."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for event in events:
        groups.setdefault(_group_key(event, by_key=by_key), []).append(event)
    out = []
    for key, members in groups.items():
        claims = [c for e in members for c in _event_claims(e, outlet_of.get(e["doc_id"], e["doc_id"]),
                                                             (originals or {}).get(e["doc_id"]))]
        first = members[0]
        dates = sorted(e["date"] for e in members if e.get("date"))
        out.append(HappeningClaims(key=key, type=first["type"], date=dates[0] if dates else None,
                                   place=first.get("place"), country=first.get("country"), reports=len(members),
                                   documents=len({e["doc_id"] for e in members}), figures=_figures(claims)))
    return tuple(out)


def figures_record(item: HappeningClaims) -> list[dict[str, Any]]:
    """A happening's figures as plain JSON (the API's FigureOut): each figure's claims side by side."""
    return [{"figure": f.figure, "low": f.low, "high": f.high, "disputed": f.disputed, "default": f.default,
             "claims": [{"value": c.value, "claimant": c.claimant, "attributed": c.attributed, "outlet": c.outlet,
                         "doc_id": c.doc_id, "event_id": c.event_id, "start": c.start, "end": c.end,
                         "sentence": c.sentence} for c in f.claims]}
            for f in item.figures]


def outlet(site_name: str | None, url: str | None, agency: str | None, source_id: str) -> str:
    """An outlet's name: the site's name, else the URL's host, else the wire agency, else the source."""
    if site_name and site_name.strip():
        return site_name.strip()
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        host = None
    if host:
        return host.removeprefix("www.")
    if agency and agency.strip():
        return agency.strip()
    return source_id


def happening_claims(conn: sqlite3.Connection, happening_key: str) -> HappeningClaims | None:
    """The claims of the happening with this key (the store's happening column), or None if no event has it."""
    import json

    rows = conn.execute(
        """SELECT e.event_id, e.doc_id, e.type, e.happening, e.date, e.location_name, e.location_country,
                  e.geonameid, e.dead, e.injured, e.arrested, e.displaced, e.record,
                  d.site_name, d.url, d.agency, d.source_id, d.original
           FROM events e JOIN documents d USING (doc_id) WHERE e.happening = ? ORDER BY e.rowid""",
        (happening_key,)).fetchall()
    if not rows:
        return None
    events = [{"event_id": r[0], "doc_id": r[1], "type": r[2], "happening": r[3], "date": r[4], "place": r[5],
               "country": r[6], "geonameid": r[7], "dead": r[8], "injured": r[9], "arrested": r[10],
               "displaced": r[11], "record": json.loads(r[12])} for r in rows]
    outlets = {r[1]: outlet(r[13], r[14], r[15], r[16]) for r in rows}
    return claims_of_events(events, outlets, by_key=True, originals={r[1]: r[17] for r in rows})[0]


# A figure's next sentence ends within 400 characters of its evidence (_reach): an original cut this far past the
# evidence reads the same claims as the whole text, without loading whole documents for a page of happenings.
_ORIGINAL_REACH = 500


def claims_by_event(conn: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, HappeningClaims]:
    """The claims of each event's happening, by event id, in two queries whatever the number of events (a page of
    ``--distinct`` rows). An event with no happening key is its own happening; an unknown id is left out."""
    import json

    heads = conn.execute("SELECT event_id, happening FROM events WHERE event_id IN (SELECT value FROM json_each(?))",
                         (json.dumps(sorted(set(event_ids))),)).fetchall()
    keys = sorted({h for _e, h in heads if h is not None})
    keyless = sorted(e for e, h in heads if h is None)
    rows = conn.execute(
        """SELECT e.event_id, e.doc_id, e.type, e.happening, e.date, e.location_name, e.location_country,
                  e.geonameid, e.dead, e.injured, e.arrested, e.displaced, e.record,
                  d.site_name, d.url, d.agency, d.source_id,
                  substr(d.original, 1, COALESCE(json_extract(e.record, '$.evidence.end'), 0) + ?)
           FROM events e JOIN documents d USING (doc_id)
           WHERE e.happening IN (SELECT value FROM json_each(?)) OR e.event_id IN (SELECT value FROM json_each(?))
           ORDER BY e.rowid""", (_ORIGINAL_REACH, json.dumps(keys), json.dumps(keyless))).fetchall()
    events = [{"event_id": r[0], "doc_id": r[1], "type": r[2], "happening": r[3], "date": r[4], "place": r[5],
               "country": r[6], "geonameid": r[7], "dead": r[8], "injured": r[9], "arrested": r[10],
               "displaced": r[11], "record": json.loads(r[12])} for r in rows]
    outlets = {r[1]: outlet(r[13], r[14], r[15], r[16]) for r in rows}
    originals: dict[str, str] = {}
    for r in rows:  # one document's events reach different depths: keep its longest cut
        if r[17] is not None and len(r[17]) > len(originals.get(r[1], "")):
            originals[r[1]] = r[17]
    found = {h.key: h for h in claims_of_events(events, outlets, by_key=True, originals=originals)}
    return {e: found[h if h is not None else f"event:{e}"] for e, h in heads
            if (h if h is not None else f"event:{e}") in found}
