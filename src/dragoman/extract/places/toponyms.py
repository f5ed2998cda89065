"""Finding the toponyms of one parsed document (resolving them is ``resolver.py``'s job).

spaCy's GPE/LOC/FAC entities, plus repairs of the small model's mistakes that the gazetteer can vouch for:
a known place tagged ORG/PERSON/NORP (or not tagged) after a locative preposition ("in Sake", "west of
Goma"), before or after a container ("Sake, Congo", "Sudan's Kassala"), or in an all-caps dateline
("KINSHASA, Congo (Reuters) -", also after a headline);
a country, state, county or sizeable town that opens an ORG/FAC name ("the Minnesota Highway Safety
Center", "Douglas County Hospital") is a toponym of its own, as LGL and GeoWebNews annotate; so is a country
or town closing one ("Communist Party of Vietnam") and a country or bloc tagged ORG as a whole ("the UAE").
Nationality adjectives ("Russian", "Korean", "English") are toponyms of their country, region or nation,
never of a town of that name ("Arab", Alabama). A dateline split by the tokenizer ("ST. LOUIS") or in
brackets ("(NEW YORK) -") is one place. A mention the tagger cut short grows into the longer name the
gazetteer knows ("Trinidad" + "and Tobago", "Baja" + "California"). Ordinary words stay words: only
capitalised text is looked up, a short list of English words that are also town names is never repaired, and
a one-word "place" that is the surname of a person named in the same document ("Michael Jordan ... Jordan
said") is dropped. Metonymic toponyms ("Washington said") are kept as toponyms, as the LGL and GeoWebNews
annotations do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.attrs import POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Span

from ... import lexicon as lx
from ...gazetteer import Candidate, Gazetteer, normalize
from ...model import CleanDoc
from ..time.words import is_time

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The open word lists (settlement nouns, directions, common words that are also towns, admin words, feature heads)
# are in lexicon/place_words.yaml (``lexicon.place_words()``); the closed classes below stay here.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
REPAIR_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
LOCATIVE_PREPS = {"in", "at", "near", "from", "outside", "to", "across", "into", "toward", "towards", "around",
                  "inside", "through", "throughout", "between", "within", "of", "on", "via", "off", "along"}
STRONG_PREPS = {"in", "at", "near", "outside", "inside", "around", "into", "across", "throughout", "within",
                "from", "to", "toward", "towards", "through"}

INSIDE_CODES = {"PCLI"}  # what may be found anywhere inside an organisation's name
DEMONYM_CODES = {"PCLI", "CONT", "RGN", "ADM1"}  # what a nationality adjective can name ("English": England)
MAX_EXTENSION = 3  # words a cut-short mention may grow by: "Trinidad" + "and Tobago"
PREFIX_MIN_POPULATION = 20_000  # a town opening an organisation's name: "Gainesville Police Department"
NAME_JOINERS = {"and", "of", "&", "del", "de", "la", "el"}  # inside a place name: "Trinidad and Tobago"
# Lowercase words after a name that make it a street's: "Bahrain street" (singular: not "road", "highway", which
# are named after the town they lead to), "Rivers and Stokes avenues" (plural, after names joined by "and").
STREET_WORDS = {"street", "avenue", "boulevard", "lane", "drive", "crescent"}
STREET_PLURALS = STREET_WORDS | {"road", "highway"}
# The last word of a street's proper name, abbreviations included: "Rivers Avenue", "Kabul Rd."
STREET_NAME_HEADS = STREET_PLURALS | {"st", "ave", "rd", "blvd", "hwy"}


@dataclass(frozen=True, slots=True)
class Toponym:
    """One place name in the body and the entry chosen for it (offsets into the body)."""

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    source: str  # "ner", "repair", "dateline", "span", "demonym", "prefix", "suffix", "inside", "street"
    candidate: Candidate | None = None
    score: float = 0.0
    why: str = ""
    fallback: bool = False  # a feature we cannot geocode itself, placed at the document's focus
    name_end: int = -1  # token end of the organisation's or building's name the toponym sits in, if any

    @property
    def resolved(self) -> bool:
        return self.candidate is not None


class ToponymFinder:
    """The place names of one document: the tagger's, repaired and extended with the gazetteer's help."""

    def __init__(self, doc: Doc, clean: CleanDoc | None, gaz: Gazetteer) -> None:
        self.doc = doc
        self.clean = clean
        self.gaz = gaz
        self.dateline_names: list[str] = []
        self._trimmed: list[tuple[Span, Span | None]] | None = None
        self._is_cased: bool | None = None

    def _cased(self) -> bool:
        """Whether the text capitalises as English news does (most sentences open with a capital): then a
        lowercase name is no proper name. A text lowercased whole (some corpora are) says nothing by case."""
        if self._is_cased is None:
            openers = [t.text[0] for t in self.doc if t.is_sent_start and t.is_alpha]
            self._is_cased = bool(openers) and sum(ch.isupper() for ch in openers) >= len(openers) / 2
        return self._is_cased

    def _entities_trimmed(self) -> list[tuple[Span, Span | None]]:
        """Each tagger entity (``_entities``) with its ``_trim``: made once, read by ``find`` and ``_add_retagged``."""
        if self._trimmed is None:
            self._trimmed = [(ent, _trim(ent)) for ent in _entities(self.doc)]
        return self._trimmed

    def at(self, spans: Sequence[tuple[int, int]]) -> list[Toponym]:
        """Exactly these body character spans (evaluation with gold spans)."""
        out = []
        text = self.doc.text  # rebuilt from the tokens on every access: read it once
        for start, end in spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            out.append(Toponym(text[start:end], start, end, span.start, span.end, "span"))
        return out

    def find(self) -> list[Toponym]:
        """Every toponym of the document, in text order; the dateline's names go to ``dateline_names``."""
        surnames = _surnames(self.doc)
        found: dict[int, Toponym] = {}
        for ent, span in self._entities_trimmed():
            mention = self._entity_mention(ent, span, surnames) if span is not None else None
            if mention is not None:
                found[mention.token_start] = mention
        # A country inside an organisation's name counts only where the text also names it as a place.
        named = {normalize(t.text) for t in found.values() if t.source != "inside"}
        found = {k: t for k, t in found.items() if t.source != "inside" or normalize(t.text) in named}
        self._add_untagged(found)
        self._add_retagged(found, surnames)
        found = self._extended(found)
        found = self._streets(found)
        self.dateline_names = self._add_dateline(found)
        return [found[k] for k in sorted(found)]

    def _entity_mention(self, ent: Span, span: Span, surnames: set[str]) -> Toponym | None:
        """The toponym a tagger entity (``span``: it trimmed) gives, if any: the entity itself, or a place
        opening, closing or inside an organisation's name."""
        label = ent.label_
        if label in PLACE_LABELS:
            if len(span) == 1 and span.text in surnames and not after_locative(span):
                return None  # "Jordan said" after "Michael Jordan"
            if span.text.islower() and self._cased():
                return None  # "off its east coast": a side of something, not the US East Coast"
            mention = self._mention(span, "ner")
            if not self.candidates(mention) and not feature_head(span):
                return None  # no entry and no street/river head: a person or firm the tagger took for a place
            return mention
        if label == "NORP" and any(c.fcode in DEMONYM_CODES for c in self.gaz.lookup(span.text)):
            if self._unit_named(span) or (after_locative(span) and self._named_so(span)):
                # "the Amhara region", "the Kurdistan region", "in Kidal": the place, not its people
                return self._mention(span, "repair")
            return self._mention(span, "demonym")
        if label in REPAIR_LABELS and self._repairable(span):
            return self._mention(span, "repair")
        if label == "ORG" and self._whole_place(span):
            return self._mention(span, "repair")  # "the UAE", "EU" tagged ORG
        if getattr(lx.bodies().get(lx.norm(span.text)), "sector", None) == "JRN":
            return None  # a news outlet the lexicon knows ("Voice of America", "France 24"): its name places nothing
        if label in ("ORG", "FAC") and (head := self._place_prefix(span)) is not None:
            return self._mention(head, "prefix", name_end=span.end)
        if label == "ORG" and (tail := self._place_suffix(span)) is not None:
            return self._mention(tail, "suffix", name_end=span.end)
        if label == "ORG" and (inner := self._place_inside(span)) is not None:
            return self._mention(inner, "inside", name_end=span.end)
        return None

    def _named_so(self, span: Span) -> bool:
        """A place whose very name the span is ("Kidal"; not "Russian" for Russia, as in "said in Russian")."""
        whole = normalize(span.text)
        return any(normalize(c.name) == whole for c in self.gaz.lookup(span.text))

    def _unit_named(self, span: Span) -> bool:
        """Whether a word tagged as a nationality names a region or state, as the word after it says: "the
        Amhara region", "Oromia state" (not "Amhara militia", "Kurdish fighters")."""
        doc = self.doc
        if span.end >= len(doc) or not span.text[:1].isupper():
            return False
        words = lx.place_words()
        after = doc[span.end].lower_
        return after in words.admin_words or after in words.settlement_nouns

    def _add_untagged(self, found: dict[int, Toponym]) -> None:
        """Untagged capitalised words (proper nouns, or nouns inside a sentence) after a locative preposition or
        before ", <place>"."""
        doc = self.doc
        # a name the tagger swept into a time ("at Kyiv overnight", one TIME entity) is not covered by it
        covered = {i for ent in doc.ents for i in range(ent.start, ent.end)
                   if ent.label_ not in ("DATE", "TIME") or is_time(doc[i])}
        # The tags as one array: reading ``Token.pos_`` word by word is the costly part of this scan.
        pos: list[int] = doc.to_array(POS).tolist()
        i = 0
        while i < len(doc):
            # a capitalised common noun inside a sentence is a name the tagger misread too ("near Sake")
            name_like = pos[i] == PROPN or (pos[i] == NOUN and not doc[i].is_sent_start)
            if i in covered or not name_like or not doc[i].text[:1].isupper():
                i += 1
                continue
            j = i
            while (j + 1 < len(doc) and j + 1 not in covered and pos[j + 1] == PROPN
                   and doc[j + 1].text[:1].isupper()):
                j += 1
            span = doc[i:j + 1]
            if self._repairable(span):
                found[span.start] = self._mention(span, "repair")
            i = j + 1

    def _add_retagged(self, found: dict[int, Toponym], surnames: set[str]) -> None:
        """A name the tagger mostly calls a place is a place wherever else the document writes it so ("troops
        into Rafah", "aid for Rafah" tagged GPE, "an assault on Rafah" tagged PERSON), unless a person named
        in the document bears it. A name mostly tagged otherwise ("NATO" once GPE, ten times ORG) is not."""
        places = Counter(t.text for t in found.values() if t.source in ("ner", "repair"))
        if not places:
            return
        others: list[Span] = []
        for ent, span in self._entities_trimmed():
            if (span is not None and span.start not in found and ent.label_ in REPAIR_LABELS - {"NORP"}
                    and span.text in places and span.text not in surnames):
                others.append(span)
        for text, n in Counter(span.text for span in others).items():
            if places[text] >= n:
                for span in (s for s in others if s.text == text):
                    found[span.start] = self._mention(span, "repair")

    def _add_dateline(self, found: dict[int, Toponym]) -> list[str]:
        """Dateline places: the cleaner's, and an all-caps word at the very start of the body (added to
        ``found``); their names."""
        dateline_names = list(self.clean.dateline_places) if self.clean else []
        for span in dateline_spans(self.doc):
            if span.start in found or not self._known(span.text.title()):
                continue
            found[span.start] = Toponym(span.text, span.start_char, span.end_char, span.start, span.end, "dateline")
            dateline_names.append(span.text.title())
            break
        return dateline_names

    def _extended(self, found: dict[int, Toponym]) -> dict[int, Toponym]:
        """A mention the tagger cut short grows into the longer name the gazetteer knows as a country,
        region or large town: "Trinidad" + "and Tobago", "Baja" + "California", "U.S." + "Virgin Islands"."""
        doc = self.doc
        out: dict[int, Toponym] = {}
        skip_to = -1
        for start in sorted(found):
            top = found[start]
            if start < skip_to:
                continue  # swallowed by the mention before it
            if top.source != "demonym":
                for n in range(MAX_EXTENSION, 0, -1):
                    end = top.token_end + n
                    if end > len(doc) or not _name_words(doc[top.token_end:end]):
                        continue
                    span = doc[top.token_start:end]
                    # A country or state by any of its names ("Washington D.C."); else a region or big town by
                    # its very name.
                    whole = normalize(span.text)
                    if any(c.fcode in ("PCLI", "ADM1") or (
                            c.main and (c.fclass in ("A", "L") or c.population >= PREFIX_MIN_POPULATION)
                            and normalize(c.name) == whole) for c in self.gaz.lookup(span.text)):
                        top = self._mention(span, top.source, name_end=top.name_end)
                        break
            out[start] = top
            skip_to = top.token_end
        return out

    def _streets(self, found: dict[int, Toponym]) -> dict[int, Toponym]:
        """A name that a lowercase street word follows names the street, not the place: "Rivers and Stokes
        avenues" (not Nigeria's Rivers State), "Bahrain street". The street is kept as one feature mention (placed
        where the text seats it, ``resolver._fallbacks``), and the names inside it are no toponyms of their own."""
        doc = self.doc
        out: dict[int, Toponym] = {}
        skip_to = -1
        for start in sorted(found):
            top = found[start]
            if start < skip_to:
                continue
            end = street_end(doc, top.token_end)
            if end is not None:
                top = self._mention(doc[top.token_start:end], "street")
                skip_to = end
            out[start] = top
        return out

    def _mention(self, span: Span, source: str, *, name_end: int = -1) -> Toponym:
        return Toponym(span.text, span.start_char, span.end_char, span.start, span.end, source, name_end=name_end)

    def _known(self, text: str, *, min_population: int = 0) -> bool:
        return any(c.population >= min_population or c.fclass != "P" for c in self.gaz.lookup(text))

    def _whole_place(self, span: Span) -> bool:
        """An ORG entity that is exactly a country, state or bloc by its main name: "the UAE", "EU"."""
        text = span.text
        if not text[:1].isupper() or normalize(text) in lx.place_words().common_words:
            return False
        return any((c.main or c.fcode == "PCLI" and " " in text) and c.fcode in ("PCLI", "ADM1", "RGN", "CONT")
                   for c in self.gaz.lookup(text))

    def _place_suffix(self, span: Span) -> Span | None:
        """The place that closes an organisation's or office's name: "Communist Party of Vietnam",
        "Ruler of Dubai", "University of Minnesota". Countries, states and towns of some size only."""
        for n in range(min(3, len(span) - 2), 0, -1):
            tail = span[len(span) - n:]
            if span[len(span) - n - 1].lower_ != "of" or not all(t.text[:1].isupper() for t in tail):
                continue
            if normalize(tail.text) in _never_name_openers():
                continue
            for cand in self.gaz.lookup(tail.text):
                if cand.main and (cand.fcode in ("PCLI", "ADM1") or (
                        cand.fclass == "P" and cand.population >= PREFIX_MIN_POPULATION)):
                    return tail
        return None

    def _place_inside(self, span: Span) -> Span | None:
        """A country named by its main name anywhere in an organisation's name: "Air Zimbabwe",
        "SME Mauritius Limited". Countries only: towns and states inside names are too often persons."""
        capitalised = [t.text[:1].isupper() for t in span]  # read once, not per window
        for n in (3, 2, 1):
            for i in range(len(span) - n + 1):
                if not all(capitalised[i:i + n]):
                    continue
                part = span[i:i + n]
                key = normalize(part.text)  # by its very name: "American" (the adjective) names no country here
                if key in lx.place_words().common_words:
                    continue
                if any(c.main and c.fcode in INSIDE_CODES and normalize(c.name) == key
                       for c in self.gaz.lookup(part.text)):
                    return part
        return None

    def _place_prefix(self, span: Span) -> Span | None:
        """The place that opens an organisation or building name: "Minnesota Highway Safety Center",
        "Douglas County Hospital", "U.S. House of Representatives". Only names the gazetteer knows as a
        country, state or county, or as a town of some size, and only before another capitalised word. A street
        named after a place is not in it: "Rivers Avenue", "Pennsylvania Avenue" open no place."""
        if span[-1].lower_.rstrip(".") in STREET_NAME_HEADS:
            return None
        for n in range(min(3, len(span) - 1), 0, -1):
            head, rest = span[:n], span[n]
            if not all(t.text[:1].isupper() for t in head) or not rest.text[:1].isupper():
                continue
            if normalize(head.text) in _never_name_openers() or len(normalize(head.text)) < 2:
                continue
            for cand in self.gaz.lookup(head.text):
                if not cand.main and "." not in head.text:
                    continue  # "La Scala" is no "La." (Louisiana); "S.C. Highway Patrol" is South Carolina
                county = cand.fcode == "ADM2" and head[-1].lower_ in lx.place_words().admin_words
                # A state with no population on record is too obscure to open a name: "The Farrington" (a district of
                # Anguilla, no population on record) does not make "Farrington Corner Road" a place.
                state = cand.fcode == "ADM1" and cand.population > 0
                if cand.fcode == "PCLI" or state or county or (
                        cand.fclass == "P" and cand.population >= PREFIX_MIN_POPULATION and cand.main):
                    return head
        return None

    def _repairable(self, span: Span) -> bool:
        text = span.text
        if not text[:1].isupper() or normalize(text) in lx.place_words().common_words or len(normalize(text)) < 3:
            return False
        if not self.gaz.lookup(text):
            return False
        doc = self.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        if prev is not None and prev.lower_ in LOCATIVE_PREPS and prev.lower_ not in {"of", "on", "to"}:
            return True
        if prev is not None and prev.lower_ == "of" and span.start >= 2 and (
                doc[span.start - 2].lower_ in lx.place_words().directions
                or doc[span.start - 2].lower_ in lx.place_words().settlement_nouns):
            return True
        if nxt is not None and nxt.text == "," and span.end + 1 < len(doc):
            after = doc[span.end + 1]
            if after.text[:1].isupper() and any(c.fcode in ("PCLI", "ADM1") for c in self.gaz.lookup(after.text)):
                return True
        if self._unit_named(span) and any(c.fclass in ("A", "L") and c.fcode != "PCLI" for c in self.gaz.lookup(text)):
            return True  # "the Amhara region", "Kassala state": a region or state the word after it names
        if prev is not None and prev.text in {"'s", "’s"} and span.start >= 2:
            owner = doc[span.start - 2]
            if any(c.fcode in ("PCLI", "ADM1") for c in self.gaz.lookup(owner.text)):
                return True
        # the object of a verb done to places, or of an attack "on" it: "shelled Kharkiv", "fired on Qamishli"
        root, words = span.root, lx.actor_words()
        if prev is not None and prev.lower_ == "on" and root.head.i == prev.i:
            return prev.head.lemma_.lower() in words.attack_on_words
        return root.dep_ == "dobj" and root.head.lemma_.lower() in words.place_verbs

    def candidates(self, mention: Toponym) -> tuple[Candidate, ...]:
        """The gazetteer entries a mention can name (a demonym: only countries, regions, states)."""
        text = mention.text
        cands = self.gaz.lookup(text)
        if mention.source == "demonym":
            return tuple(c for c in cands if c.fcode in DEMONYM_CODES)  # "Arab" the people, not Arab, Alabama
        if not cands and text.isupper() and len(text) > 3:
            cands = self.gaz.lookup(text.title())
        if not cands:
            # "Faubourg Marigny, New Orleans" style: drop a trailing admin word ("Kassala State" -> "Kassala").
            words = text.split()
            if len(words) > 1 and words[-1].lower() in lx.place_words().admin_words:
                cands = self.gaz.lookup(" ".join(words[:-1]))
        return cands


def _surnames(doc: Doc) -> set[str]:
    """Last words of the people the tagger names; an all-caps last word ("Henry Lazenby US") is a tagger slip,
    not a surname."""
    return {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and not ent[-1].is_upper}


def _never_name_openers() -> frozenset[str]:
    """Words never taken for a place opening or closing a name: common words and place-like adjectives."""
    words = lx.place_words()
    return words.common_words | words.prefix_words


def _entities(doc: Doc) -> Iterator[Span]:
    """The tagger's entities, with "ST" "." "LOUIS" (an all-caps dateline the tokenizer split) made one."""
    ents = list(doc.ents)
    k = 0
    while k < len(ents):
        ent = ents[k]
        if (len(ent) == 1 and ent.text.upper() in lx.place_words().abbreviated_saints and ent.end + 1 < len(doc)
                and doc[ent.end].text == "." and doc[ent.end + 1].text[:1].isupper()):
            if k + 1 < len(ents) and ents[k + 1].start == ent.end + 1:
                yield Span(doc, ent.start, ents[k + 1].end, label=ents[k + 1].label_)
                k += 2
                continue
            end = ent.end + 2  # "ST" "." "LOUIS" with "LOUIS" untagged
            while end < len(doc) and end < ent.end + 3 and doc[end].is_alpha and doc[end].is_upper:
                end += 1
            if k + 1 >= len(ents) or ents[k + 1].start >= end:
                yield Span(doc, ent.start, end, label=ent.label_)
                k += 1
                continue
        yield ent
        k += 1


def _trim(span: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in {"the", "of"}:
        start += 1
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’", ".", ","}:
        end -= 1
    if end <= start:
        return None
    return doc[start:end]


DATELINE_PUNCT = {",", "-", "—", "–", "--", "---", "("}


def dateline_spans(doc: Doc) -> Iterator[Span]:
    """All-caps runs of 1-3 words that open one of the first sentences and end in a dash or comma:
    "KINSHASA, Congo -", "Mansfield council votes. MANSFIELD — The ..."."""
    for sent_no, sent in enumerate(doc.sents):
        if sent_no > 3 or sent.start > 80:
            break
        i = sent.start
        while i < sent.end and (doc[i].is_space or doc[i].is_punct):
            i += 1
        j = i
        while j < min(i + 3, len(doc)) and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) > 1:
            j += 1
        closed = j < len(doc) and doc[j].text == ")" and i > 0 and doc[i - 1].text == "("  # "(NEW YORK) -"
        if j > i and j < len(doc) and (doc[j].text in DATELINE_PUNCT or closed) and len(doc[i:j].text) > 2:
            yield doc[i:j]


def _name_words(span: Span) -> bool:
    """Words that can continue a place name: capitalised ones, joined by "and", "of", "del"."""
    return span[-1].text[:1].isupper() and all(t.text[:1].isupper() or t.lower_ in NAME_JOINERS for t in span)


def after_locative(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in STRONG_PREPS


def feature_head(span: Span) -> bool:
    """Whether the span ends in a feature's head word: "Freedom Square", "Rivers and Stokes avenues"."""
    word = span[-1].lower_.rstrip(".")
    heads = lx.place_words().feature_heads
    return word in heads or (word.endswith("s") and word[:-1] in STREET_PLURALS)


def street_end(doc: Doc, end: int) -> int | None:
    """The token end of a street name that a place name ending at ``end`` opens: a lowercase street word right
    after it ("Bahrain street"), or after more names joined to it ("Rivers and Stokes avenues"); else None.
    Roads and highways are left alone: "the Kabul road" names the town it leads to."""
    i = end
    while i + 1 < len(doc) and doc[i].lower_ in ("and", ",") and doc[i + 1].text[:1].isupper():
        i += 2
        while i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha:
            i += 1
    if i >= len(doc) or not doc[i].is_lower:
        return None
    word = doc[i].lower_
    plural = word.endswith("s") and word[:-1] in STREET_PLURALS
    if (word in STREET_WORDS and i == end) or (plural and i > end):
        return i + 1
    return None


LIST_LINKS = (["and"], ["or"], [",", "and"], [",", "or"])


def list_groups(mentions: Sequence[Toponym], doc: Doc) -> list[list[int]]:
    """Runs of mentions that form a list: "Los Angeles, Miami and New York", "Butler, Clark, Warren". Two names
    joined by a bare comma are no list but a name and its container: "Paris, Texas", "Rego Park, New York"."""
    groups: list[list[int]] = []
    linked: list[bool] = []  # whether a group has an "and"/"or" link
    for k in range(len(mentions)):
        # A link is at most two words: a longer gap is not read (its words would be a Token each).
        short = k and mentions[k].token_start - mentions[k - 1].token_end <= 2
        gap = [t.lower_ for t in doc[mentions[k - 1].token_end:mentions[k].token_start]] if short else None
        if gap is not None and (gap in LIST_LINKS or gap == [","]):
            groups[-1].append(k)
            linked[-1] = linked[-1] or gap != [","]
        else:
            groups.append([k])
            linked.append(False)
    return [g for g, and_or in zip(groups, linked) if len(g) >= 3 or (len(g) == 2 and and_or)]
