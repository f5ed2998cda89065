"""Where an actor phrase starts and ends, and the places in it.

Helpers of :mod:`dragoman.extract.actors.resolver` over spaCy tokens: the first token of a mention (its left
modifiers), the token just past it (post-modifiers such as "in Darfur", appositions and participles, kept
while contiguous), whether a capital or town is named as a place done to rather than as an actor, and the
country of a country name, town or region (the lexicons and the place index).
"""

from __future__ import annotations

from ... import lexicon as lx

# Left dependents that belong to a mention ("the two Sudanese army units", "Kenya's minister"): no clauses.
_LEFT_DEPS = frozenset(
    {
        "compound",
        "amod",
        "nmod",
        "poss",
        "det",
        "nummod",
        "quantmod",
        "npadvmod",
        "punct",
        "case",
        "predet",
        "advmod",
        "nn",
        "dep",
        "flat",
    }
)


def phrase_start(head) -> int:  # type: ignore[no-untyped-def]
    """First token of the noun phrase headed by ``head``: its left modifiers, not clauses or conjuncts."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS:
            start = min(start, child.left_edge.i)
    return start


# Verbs whose "of" phrase is a charge or loss, not part of the object ("accused X of", "stripped X of").
_OF_VERBS = frozenset({"accuse", "suspect", "convict", "acquit", "clear", "warn", "inform", "rob", "deprive", "strip",
                       "notify", "remind", "relieve", "absolve"})
# Prepositions whose phrase belongs to an actor mention ("rebels in Darfur", "Ambassador to Bahrain").
_POST_PREPS = frozenset({"of", "in", "from", "for", "to"})


def _post_modifier(child) -> bool:  # type: ignore[no-untyped-def]
    """Does this right-hand dependent of an actor's head belong to the mention?"""
    dep = child.dep_
    if dep == "prep":
        if child.lower_ not in _POST_PREPS:
            return False
        objs = [c for c in child.children if c.dep_ == "pobj"]
        if not objs or any(o.ent_type_ in ("DATE", "TIME") or o.pos_ == "PRON" for o in objs):
            return False
        head = child.head
        if child.lower_ == "of" and head.dep_ == "dobj" and head.head.lemma_.lower() in _OF_VERBS:
            return False  # "accused the party of rigging": the charge, not the party
        if child.lower_ == "in":  # "rebels in Darfur" is who they are; "police in Nairobi" is where they acted
            return all(o.ent_type_ not in ("GPE", "LOC", "FAC") or _is_country_name(o) for o in objs)
        return True
    if dep == "appos":  # not "X, the agency said": there the "apposition" is the next clause's subject
        after = child.right_edge.i + 1
        return not (after < len(child.doc) and child.doc[after].pos_ in ("VERB", "AUX"))
    if dep == "acl":
        return child.tag_ in ("VBN", "VBG")
    return dep == "amod"  # "militants loyal to X"


def _is_country_name(token) -> bool:  # type: ignore[no-untyped-def]
    ent = token.doc[token.left_edge.i:token.i + 1]
    for text in (ent.text, token.text):
        entry = country_entry(text.removeprefix("the ").removeprefix("The "))
        if entry is not None and entry.kind in ("name", "alias"):
            return True
    return False


def phrase_end(head, end: int) -> int:  # type: ignore[no-untyped-def]
    """Token index just past the mention headed by ``head``: post-modifiers kept while contiguous."""
    rights = list(head.rights)
    for k, child in enumerate(rights):
        if child.i < end:
            continue
        if child.left_edge.i > end:  # a gap: something in between belongs elsewhere
            break
        if _post_modifier(child):
            end = child.right_edge.i + 1
        elif (child.dep_ == "punct" and child.text == "," and k + 1 < len(rights)
              and rights[k + 1].left_edge.i == child.i + 1
              and rights[k + 1].dep_ == "appos" and _post_modifier(rights[k + 1])):
            end = child.i + 1
        else:
            break
    return end


# Prepositions and verbs that make a capital a place done to ("curfew in Algiers", "blockade Paris"), not its
# government.
_PLACE_PREPS = frozenset({"in", "near", "at", "around", "inside", "outside", "across", "throughout", "into"})
_PLACE_VERBS = frozenset({"blockade", "besiege", "shell", "bomb", "storm", "enter", "occupy", "capture", "seize",
                          "surround", "encircle", "evacuate", "raid", "bombard", "overrun", "retake", "recapture"})
# Nouns whose "of" phrase names a place ("the town of Cizre").
_PLACE_NOUNS = frozenset({"town", "city", "village", "district", "province", "region", "area", "capital", "suburb"})
# Nouns whose "in X" names a government's seat, not a place done to ("an embassy in Tehran").
_SEAT_NOUNS = frozenset({"embassy", "consulate", "mission", "talks", "summit", "government", "regime"})


def as_place(head) -> bool:  # type: ignore[no-untyped-def]
    """Is this capital named as a place ("a curfew in Algiers", "blockade Paris") rather than as its government?"""
    if head.dep_ == "pobj":
        prep = head.head
        if prep.lower_ == "of":
            return prep.head.lemma_.lower() in _PLACE_NOUNS
        return prep.lower_ in _PLACE_PREPS and prep.head.lemma_.lower() not in _SEAT_NOUNS
    return head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in _PLACE_VERBS


def country_entry(text: str) -> lx.CountryEntry | None:
    """The lexicon entry (name, alias, capital, adjective or demonym) for ``text``, as written or lower-cased."""
    key = lx.norm(text)
    entry = lx.countries().get(key)
    if entry is None and not key.islower():
        entry = lx.countries().get(key.lower())
    return entry


# Towns smaller than this are too often namesakes to tell the country of an actor.
_CITY_MIN_POPULATION = 15_000


def city_country(text: str) -> str | None:
    """ISO3 of the most populous city called ``text`` (its main name), from the place index."""
    from ...gazetteer import get_gazetteer

    if not text.strip():
        return None
    for candidate in get_gazetteer().lookup(text.strip()):
        if candidate.fclass == "P" and candidate.main and candidate.population >= _CITY_MIN_POPULATION:
            return candidate.country or None
    return None


# Regions smaller than this are too often namesakes; large provinces and regions tell the country.
_REGION_MIN_POPULATION = 200_000


def place_country(text: str) -> str | None:
    """ISO3 of a town (as :func:`city_country`) or else of a large region or province called ``text``."""
    from ...gazetteer import get_gazetteer

    if not text.strip():
        return None
    region: str | None = None
    for candidate in get_gazetteer().lookup(text.strip()):
        if not candidate.main:
            continue
        if candidate.fclass == "P" and candidate.population >= _CITY_MIN_POPULATION:
            return candidate.country or None
        if region is None and candidate.fclass in ("A", "L") and candidate.population >= _REGION_MIN_POPULATION:
            region = candidate.country or ""
    return region or None
