"""Where an actor phrase starts and ends, and the places in it.

Helpers of :mod:`dragoman.extract.actors.resolver` over spaCy tokens: the first token of a mention (its left
modifiers), the token just past it (post-modifiers such as "in Darfur", appositions and participles, kept
while contiguous), whether a capital or town is named as a place done to rather than as an actor, and the
lexicon entry of a country word. The country of a town or region is the place side's answer
(:class:`dragoman.extract.places.lookup.PlaceCountries`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Token

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


def phrase_start(head: Token) -> int:
    """First token of the noun phrase headed by ``head``: its left modifiers, not clauses or conjuncts."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS:
            start = min(start, child.left_edge.i)
    return start


# Prepositions whose phrase belongs to an actor mention ("rebels in Darfur", "Ambassador to Bahrain").
_POST_PREPS = frozenset({"of", "in", "from", "for", "to"})


def _post_modifier(child: Token) -> bool:
    """Does this right-hand dependent of an actor's head belong to the mention?"""
    dep = child.dep_
    if dep == "prep":
        if child.lower_ not in _POST_PREPS:
            return False
        objs = [c for c in child.children if c.dep_ == "pobj"]
        if not objs or any(o.ent_type_ in ("DATE", "TIME") or o.pos_ == "PRON" for o in objs):
            return False
        head = child.head
        if child.lower_ == "of" and head.dep_ == "dobj" and head.head.lemma_.lower() in lx.actor_words().charge_verbs:
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


def _is_country_name(token: Token) -> bool:
    ent = token.doc[token.left_edge.i:token.i + 1]
    for text in (ent.text, token.text):
        entry = country_entry(text.removeprefix("the ").removeprefix("The "))
        if entry is not None and entry.kind in ("name", "alias"):
            return True
    return False


def phrase_end(head: Token, end: int) -> int:
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
# The verbs ("blockade Paris") and nouns ("the town of Cizre", "an embassy in Tehran") are in actor_words.yaml.
_PLACE_PREPS = frozenset({"in", "near", "at", "around", "inside", "outside", "across", "throughout", "into"})


def as_place(head: Token) -> bool:
    """Is this capital named as a place ("a curfew in Algiers", "blockade Paris") rather than as its government?"""
    words = lx.actor_words()
    if head.dep_ == "pobj":
        prep = head.head
        if prep.lower_ == "of":
            return prep.head.lemma_.lower() in words.place_nouns
        if prep.lower_ == "on":
            return prep.head.lemma_.lower() in words.attack_on_words
        return prep.lower_ in _PLACE_PREPS and prep.head.lemma_.lower() not in words.seat_nouns
    return head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in words.place_verbs


def country_entry(text: str) -> lx.CountryEntry | None:
    """The lexicon entry (name, alias, capital, adjective or demonym) for ``text``, as written or lower-cased."""
    key = lx.norm(text)
    entry = lx.countries().get(key)
    if entry is None and not key.islower():
        entry = lx.countries().get(key.lower())
    base = key.removesuffix("'s").rstrip("'").strip()
    if entry is None and base and base != key:  # the small model puts the possessive in the entity
        return country_entry(base)
    return entry
