"""Arguments of event triggers, read from the dependency parse: who acts, on whom, with what.

Used by ``triggers.py`` (which finds the triggers and codes them). Every function takes spaCy tokens and returns
candidate heads, best first; the caller resolves them into actors. Verbs: actor = nsubj or the "by" agent of a passive,
inherited through xcomp/conj/participial clauses; recipient = dobj / dative / nsubjpass or the object of
to/with/against/on/at. Nouns: possessor, "by" object, demonym/organisation modifier, "between X and Y", or
the subject of a light verb; recipient = object of on/against/with/to. The open word lists they test (firing words,
death verbs, process nouns ...) are in ``lexicon/event_words.yaml``; prepositions and dependency labels are here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Final

from ... import lexicon as lx
from ...codes import CAMEO_SMALL_ARMS, CAMEO_VIOLENT_REPRESSION
from ..actors.phrases import country_entry
from ..actors.resolver import country_of, is_actor_like
from ..time.words import is_time
from .types import Code, Found, Lexicon
from .words import event_words

if TYPE_CHECKING:
    from spacy.tokens import Token

RECIPIENT_PREPS: Final = frozenset({"to", "with", "against", "on", "upon", "at", "toward", "towards", "into"})

NOUN_RECIPIENT_PREPS: Final = frozenset({"on", "against", "with", "to", "at", "upon", "targeting", "toward",
                                         "towards", "for"})


ACTOR_ENTS: Final = frozenset({"NORP", "GPE", "ORG", "PERSON"})


RELATIVE: Final = frozenset({"who", "which", "that", "whom"})

# Prepositions by which the theme of a giving, lifting or cutting verb names whom it is for, against or with
# ("severed ties with Colombia", "closed the border with Brazil").
THEME_RECIPIENT_PREPS: Final = frozenset({"on", "against", "to", "upon", "toward", "towards", "targeting", "with"})


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower()


def object_classes(noun: Token, lex: Lexicon) -> tuple[str, ...]:
    """The lexicon's classes of an object noun ("troops", "aid", "gas"; "missiles" are both military and arms),
    through a container ("a column of tanks")."""
    if noun.ent_type_ == "MONEY":  # "gave $2 million to ..."
        return ("aid",)
    lemma = lemma_of(noun)
    if lemma in event_words().process_nouns:  # "a package of sanctions", "a shipment of weapons": what it holds
        held = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]
        if held:  # "rounds of fire and tear-gas shells": each thing held
            return tuple(dict.fromkeys(cls for thing in (held[0], *held[0].conjuncts)
                                       for cls in object_classes(thing, lex)))
    if any(c.dep_ in ("compound", "amod") and "gas" in lex.object_classes.get(lemma_of(c), ()) for c in noun.children):
        return ("gas",)  # "tear-gas shells", "teargas canisters": crowd control, not artillery
    classes = lex.object_classes.get(lemma, ())
    if not classes and lemma in event_words().equipment_heads:  # "artillery systems", "a weapons package"
        classes = next((lex.object_classes[lemma_of(c)] for c in noun.children
                        if c.dep_ in ("compound", "amod") and lemma_of(c) in lex.object_classes), ())
    if not classes and (lemma in lex.containers or noun.lower_ in lex.containers):  # "hundreds": lemma "hundred"
        for child in noun.children:  # "a column of 40 armoured vehicles"
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return lex.object_classes.get(lemma_of(pobj), ())
    return classes


def pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def agents(verb: Token) -> list[Token]:
    """The "by" agents of a passive verb or participle ("caught by the police")."""
    return [p for c in verb.children if c.dep_ == "agent" for p in pobjs(c)]


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("rebels who attacked")."""
    if tok.lower_ in RELATIVE and tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def describes_its_noun(verb: Token) -> bool:
    """A passive participle on the noun it was done to: "protesters arrested by police", "the arrested men"."""
    return verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and not done_by_its_noun(verb)


def done_by_its_noun(verb: Token) -> bool:
    """A past-tense main verb the parser took for a participle on its subject, the sentence's root ("Israeli
    airstrikes killed 30 people": "airstrikes" the root, "killed" an acl): a passive participle takes no object."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "ROOT" and verb.head.pos_ in (
        "NOUN", "PROPN") and any(c.dep_ == "dobj" for c in verb.children)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_infinitive(verb: Token) -> bool:
    """A to-infinitive ("to send", "to be sent")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def caused_clause(verb: Token) -> bool:
    """An infinitive a causing verb governs, parsed as if a purpose ("stones prompting the personnel to open fire"):
    what the verb's object was made to do."""
    return verb.dep_ == "advcl" and is_infinitive(verb) and verb.head is not verb \
        and lemma_of(verb.head) in event_words().causing_verbs


def subject_of(verb: Token, depth: int = 0) -> list[Token]:
    """The performer(s) of ``verb``: subject, passive agent, or inherited from a governing clause."""
    if done_by_its_noun(verb):
        return [verb.head]
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and not _speaker_label(child):
            return [reported_speaker(verb, child) or antecedent(child)]
        if child.dep_ == "agent":
            return pobjs(child)
    for aux in verb.children:  # "X and Y have opposed": the parser may hang the subject on the auxiliary
        if aux.dep_ == "aux":
            subjects = [c for c in aux.children if c.dep_ == "nsubj"]
            if subjects:
                return [antecedent(subjects[0])]
    if (swallowed := _swallowed_subject(verb)) is not None:
        return [swallowed]
    if depth >= 4 or verb.head is verb:
        return []
    return _inherited_subject(verb, verb.head, depth)


def _swallowed_subject(verb: Token) -> Token | None:
    """The name a fronted phrase with no comma swallowed ("On 1 February Macron criticised ...", "In March Ukraine
    accused ..."): the parser makes it the phrase's object; it stands right before a finite verb that has no
    subject of its own."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    if name.dep_ != "pobj" or name.pos_ != "PROPN" or name.ent_type_ in ("DATE", "TIME"):
        return None
    return name if verb in name.ancestors else None


def _inherited_subject(verb: Token, head: Token, depth: int) -> list[Token]:
    """The performer of a clause with no subject of its own, from the clause it hangs on."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and not is_actor_like(head) and (
            owner := governing_verb(head)) is not None:
        return subject_of(owner, depth + 1)  # "issued a statement calling on X": who issued it calls
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ in ADJUNCT_PREPS \
            and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, depth + 1)  # "helped by donating", "called off the strike after reaching"
    if verb.dep_ == "xcomp":
        return _controller(verb, head, depth)
    if caused_clause(verb) and (caused := [c for c in head.children if c.dep_ == "dobj"]):
        return caused  # "prompting the personnel to open fire", the infinitive parsed as a purpose
    if verb.dep_ == "conj" or (verb.dep_ == "acomp" and verb.pos_ == "ADJ"):
        return _shared_subject(verb, head, depth)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return subject_of(head, depth + 1)
    if (owned := _noun_clause_subject(verb, head, depth)) is not None:
        return owned
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and lemma_of(head.head) in event_words().resort_verbs:
        return subject_of(head.head, depth + 1)  # "police resorted to firing": who resorted fired
    return []


def _shared_subject(verb: Token, head: Token, depth: int) -> list[Token]:
    """A conjunct's or predicate adjective's subject is its head's ("police were able to arrest 39": able's subject
    is the copula's), but not for a passive of its own ("police said one was killed and 32 others were injured": the
    teller injured no one; "20 people died and 14 were injured": the dead did not injure them)."""
    if verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    return subject_of(head, depth + 1)


def _speaker_label(subject: Token) -> bool:
    """A headline's "Who: what" label, parsed as a second subject ("Iraqi officials: car bomb kills 20"): who
    tells, not who acts."""
    return any(c.dep_ == "punct" and c.text == ":" and c.i > subject.i for c in subject.children) and any(
        c.dep_ in ("nsubj", "csubj") and c.i > subject.i for c in subject.head.children)


def _controller(verb: Token, head: Token, depth: int) -> list[Token]:
    """Who does an infinitive that ``head`` governs: ``head``'s object ("ordered the troops to withdraw"), else its
    subject; a passive one ("ordered the prisoners to be released") is done by whoever ordered it, and by no one
    named when ``head`` has no object (its subject is who suffers it)."""
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if lemma_of(head) in event_words().using_verbs:
        objects = []  # "police used water cannon to disperse protesters": the users did it, not the cannon
    if not objects and is_passive(verb):
        return []  # "the suspects are expected to be charged", "continued to be killed": the subject suffers it
    return objects if objects and not is_passive(verb) else subject_of(head, depth + 1)


def _noun_owners(noun: Token) -> list[Token]:
    """Whose plan, offer or decision a noun is: its possessor ("Ethiopia's decision"), its country modifier ("a US
    offer") or its "from", "by" or "of" side ("an offer from the government", "the refusal of the U.S.")."""
    owners = [c for c in noun.children if c.dep_ == "poss" or (
        c.dep_ in ("amod", "compound") and c.i < noun.i and country_of(c.text) is not None)]
    return owners or [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                      for p in pobjs(c) if is_actor_like(p)]


def _noun_clause_subject(verb: Token, head: Token, depth: int) -> list[Token] | None:
    """The performer of a clause on a noun: the noun of a participle ("forces shelling the town"); for an
    infinitive, nobody named when the noun asks for it ("an appeal from X to lay down arms": whoever is asked
    does it), else the noun's owner ("its commitment to support X", "the government's decision to withdraw"),
    else whoever does the verb governing the noun ("approved a contract to sell X arms"); None for other
    clauses."""
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return [head]
    if verb.dep_ == "acl" and is_infinitive(verb):
        if lemma_of(head) in event_words().request_nouns:
            return []
        owners = _noun_owners(head)
        if owners or is_actor_like(head) or (owner := governing_verb(head)) is None:
            return owners
        if lemma_of(owner) in event_words().contesting_verbs:
            return []  # "challenged the decision to prosecute": whoever decided prosecutes, not the challenger
        return subject_of(owner, depth + 1)
    return None


# Adjunct gerunds share the subject of the clause they hang from ("by donating", "after reaching", "without").
ADJUNCT_PREPS: Final = frozenset({"by", "after", "before", "without", "while", "since", "upon", "through",
                                  "despite", "following"})
# Personal pronouns that, as subject of a reported clause, stand for the speaker ("X said it had killed ...").
SPEAKER_PRONOUNS: Final = frozenset({"it", "they", "he", "she", "we"})


def purpose_owner(verb: Token) -> Token | None:
    """The verb a purpose clause serves ("received the envoy [to discuss ties]"), or None."""
    if verb.dep_ == "advcl" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb.head
    return None


# Verbs of what someone holds true: "we" in their clause is not their subject's voice.
_OPINION_VERBS: Final = frozenset({"believe", "think", "know"})


def reported_speaker(verb: Token, subject: Token) -> Token | None:
    """The speaker a pronoun subject of a content clause refers to: "The army says it has killed ...".

    The clause is the complement of a verb whose own subject is a noun naming an actor (not a pronoun);
    "it" does not stand for a plural nor "they" for a lone person. None when the rule does not apply.
    """
    if subject.lower_ not in SPEAKER_PRONOUNS or subject.pos_ != "PRON" or verb.dep_ != "ccomp" or verb.head is verb:
        return None
    owner = verb.head
    if subject.lower_ == "we":
        # '"The Israelis know that we will not negotiate," Assad wrote': "we" is who speaks, not who knows
        for _ in range(2):
            if lemma_of(owner) in event_words().reporting_verbs and lemma_of(owner) not in _OPINION_VERBS:
                break
            if owner.dep_ != "ccomp" or owner.head is owner:
                return None
            owner = owner.head
        else:
            return None
    speakers = [c for c in owner.children if c.dep_ == "nsubj"]
    if not speakers or speakers[0].pos_ == "PRON" or not is_actor_like(speakers[0]):
        return None
    speaker = speakers[0]
    plural = speaker.tag_ in ("NNS", "NNPS") or bool(speaker.conjuncts)
    if subject.lower_ == "it" and plural:
        return None
    if subject.lower_ in ("he", "she") and (plural or speaker.ent_type_ not in ("PERSON", "")):
        return None
    return speaker


def reporting_tail(verb: Token) -> bool:
    """A speech verb closing its sentence after a comma, misparsed as a participle on the speaker ("..., a human
    rights group charged on Saturday."): it reports what came before, and the speaker is no one acted on."""
    speaker = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or speaker.i >= verb.i or speaker.dep_ == "appos":
        return False
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "ccomp", "xcomp") for c in verb.children):
        return False
    start = speaker.left_edge.i
    after = verb.doc[verb.right_edge.i + 1: verb.sent.end]
    return start > verb.sent.start and verb.doc[start - 1].text == "," and all(t.is_punct for t in after)


def _reports(noun: Token) -> bool:
    """The speaker of a misparsed reporting tail ("..., a human rights group charged on Saturday")."""
    words = event_words()
    return any(c.dep_ == "acl" and lemma_of(c) in words.clause_accusations | words.reporting_verbs
               and reporting_tail(c) for c in noun.children)


def recipients_of_verb(verb: Token, *, theme_object: bool) -> list[Token]:
    out: list[Token] = []
    passive = is_passive(verb)
    if passive and not theme_object:
        out += _ordered_done_to(verb)
    for child in verb.children:
        dep = child.dep_
        if dep == "nsubjpass" and not theme_object:
            out.append(antecedent(child))
        elif dep == "dobj" and not passive and not theme_object and not _reports(child):
            out.append(child)
        elif dep == "dative":  # "gave X food", or "gave food to X" parsed with "to" as the dative
            out.extend(pobjs(child) if child.pos_ == "ADP" else [child])
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            out.extend(p for p in pobjs(child) if not is_time(p))
    if theme_object:  # "provided Ukraine with weapons": the dobj is the receiver when the theme is in "with"
        with_themes = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        if with_themes:
            out = [c for c in verb.children if c.dep_ == "dobj"] + out
        # "lifted sanctions against Iran", "eased restrictions on workers": whom the theme is aimed at
        # an undone act's "of" is its target too: "lifted its blockade of Yemen", "ended the siege of the city"
        preps = THEME_RECIPIENT_PREPS | ({"of"} if lemma_of(verb) in event_words().undo_verbs else set())
        themes = [t for t in verb.children if t.dep_ in ("dobj", "nsubjpass")]
        # an amount's content: "pledged 500 million euros in military aid to Ukraine"
        themes += [p for t in themes for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "in"
                   for p in pobjs(prep)]
        out += [p for t in themes for prep in t.children
                if prep.dep_ == "prep" and prep.lower_ in preps for p in pobjs(prep)
                if not is_time(p)]
        out += _who_asked(themes) + _whose_holdings(themes)
    out = _aimed_at(verb, out) or _done_to_elsewhere(verb, passive=passive, theme_object=theme_object)
    owner = purpose_owner(verb)
    if owner is not None and lemma_of(owner) in lx.actor_words().receiving_verbs:
        # "received the Qatari envoy to discuss the truce": the one received, after the purpose's own objects
        out.extend(o for o in owner.children if o.dep_ in ("dobj", "dative") and is_actor_like(o))
    return out


def _who_asked(themes: list[Token]) -> list[Token]:
    """Who made a demand or appeal that is met or turned down: "met the rebels' demands", "accepted demands from
    Shona rebels", "heeded the call of the opposition"."""
    requests = event_words().request_nouns
    return [owner for t in themes if lemma_of(t) in requests for owner in _noun_owners(t)]


def _whose_holdings(themes: list[Token]) -> list[Token]:
    """Whose money or property is frozen or seized: "froze the assets of three Russian oligarchs", "Russian
    assets", "the central bank's reserves"."""
    holdings = event_words().holding_nouns
    return [owner for t in themes if lemma_of(t) in holdings for owner in _noun_owners(t)]


def _done_to_elsewhere(verb: Token, *, passive: bool, theme_object: bool) -> list[Token]:
    """Whom a verb with no object of its own is done to, named by another word of the clause: the noun of its
    participle, the subject of the verb it completes, the object of the verb it is conjoined to, or its intended
    act's object."""
    if describes_its_noun(verb):
        return [verb.head]
    head = verb.head
    if passive and verb.dep_ == "xcomp" and not theme_object and not any(c.dep_ == "dobj" for c in head.children) \
            and (sufferers := [antecedent(c) for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]):
        return sufferers  # "the suspects are expected to be charged": the subject of the governing verb suffers it
    if verb.dep_ == "conj" and (shared := [c for c in head.children if c.dep_ == "dobj"]):
        return shared  # "shelled and bombed the town" shares the object
    if not theme_object and not any(c.dep_ == "dobj" for c in verb.children) and (shared := [
            o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i == verb.i + 2
            for o in c.children if o.dep_ == "dobj"]):
        return shared  # "shot and wounded a policeman": the first verb shares its conjunct's object
    return [] if theme_object else intended_objects(verb)  # "vowed to push X's fighters out"


def _ordered_done_to(verb: Token) -> list[Token]:
    """The object of the verb governing a passive infinitive with no subject of its own: "ordered the prisoners to
    be released" releases the prisoners."""
    if verb.dep_ != "xcomp" or any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj"]


def _aimed_at(verb: Token, recipients: list[Token]) -> list[Token]:
    """``recipients`` as the verb's prepositions aim them: "against" over "with" ("lodged a complaint with the WTO
    against US tariffs": aimed at the tariffs, lodged with the WTO), and those ground is taken "from" over the
    ground ("recaptured the village of Kalma from RSF fighters")."""
    if _against([verb]):
        recipients = [r for r in recipients if r.head.lower_ != "with"]
    losers = _taken_from(verb)
    return losers + [r for r in recipients if r.dep_ != "dobj"] if losers else recipients


def _against(owners: list[Token]) -> list[Token]:
    """The objects of "against" on any of ``owners``: whom an act is aimed at."""
    return [p for o in owners for c in o.children if c.dep_ == "prep" and c.lower_ == "against" for p in pobjs(c)
            if not is_time(p)]


def _taken_from(verb: Token) -> list[Token]:
    """Whom a taking verb takes from: the actor objects of "from" on the verb or inside its object ("seized the town
    from the army", "recaptured the village of Kalma from RSF fighters"); none for other verbs."""
    if lemma_of(verb) not in event_words().taking_verbs:
        return []
    owners = [verb] + [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
    return [p for o in owners for prep in o.children if prep.dep_ == "prep" and prep.lower_ == "from"
            for p in pobjs(prep) if is_actor_like(p)]


def intended_objects(verb: Token) -> list[Token]:
    """The actor objects of a to-infinitive a verb governs ("vowed to push the rebels' fighters out", "pledged to
    help Haiti"), when that infinitive is no trigger of its own (else it is the content, coded with its own)."""
    out: list[Token] = []
    for clause in verb.children:
        if clause.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        for obj in clause.children:
            if obj.dep_ in ("dobj", "dative") and (is_actor_like(obj) or any(
                    c.dep_ in ("poss", "compound", "amod") and is_actor_like(c) for c in obj.children)):
                out.append(obj)
    return out


def modifier_actor(noun: Token) -> list[Token]:
    """Possessor, by-agent, demonym or organisation modifier, or "between X and Y" of an event noun."""
    out: list[Token] = []
    for child in noun.children:
        dep = child.dep_
        if dep == "poss" and not suffered_possessor(child):
            out.append(child)
        elif dep == "prep" and child.lower_ in ("by", "from"):
            out.extend(pobjs(child))
        elif dep == "prep" and child.lower_ == "of" and lemma_of(noun) in event_words().of_agent_nouns:
            out.extend(pobjs(child))
        elif dep == "acl" and child.tag_ == "VBN" and lemma_of(child) not in lx.actor_words().mediating_verbs:
            out.extend(agents(child))  # "threats made by X", "the raid carried out by X"; not "a deal brokered by X"
        elif dep in ("amod", "compound") and child.i < noun.i and (
                child.ent_type_ in ACTOR_ENTS or country_of(child.text) is not None) and not _town_modifier(child):
            out.append(child)
    return out


def suffered_possessor(child: Token) -> bool:
    """The possessor of an act suffered by it ("Gravely's murder", "the leader's detention"): the recipient. With an
    "of" object the possessor is the doer ("the government's killing of protesters")."""
    noun = child.head
    return child.dep_ == "poss" and lemma_of(noun) in event_words().suffered_nouns and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _town_modifier(child: Token) -> bool:
    """A town, capital or region named before an event noun ("the Kabul attack", "the Salisbury poisoning"): where
    it happened, not who did it. A country ("Israeli strikes", "US raids") or a group stays an actor."""
    if child.ent_type_ not in ("GPE", "LOC"):
        return False
    ent = next((e for e in child.doc.ents if e.start <= child.i < e.end), None)
    entry = country_entry(ent.text if ent is not None else child.text) or country_entry(child.text)
    return entry is None or entry.kind == "capital"


def between(noun: Token) -> tuple[list[Token], list[Token]]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "among"):
            objects = pobjs(child)
            if objects:
                first = objects[0]
                return [first], list(first.conjuncts)
    return [], []


def clause_verb(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (bounded climb), else ``tok``."""
    current = tok
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return tok
        current = current.head
    return tok


def governing_verb(noun: Token) -> Token | None:
    """The verb whose argument ``noun`` is (through one preposition at most), or None."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if noun.dep_ == "conj":
        return governing_verb(head)
    if noun.dep_ == "compound" and lemma_of(head) in event_words().process_nouns:  # "ended mediation efforts"
        return governing_verb(head)
    if noun.dep_ == "pobj" and head.lower_ == "of" and lemma_of(head.head) in event_words().process_nouns:
        return governing_verb(head.head)  # "approved a package of sanctions"
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.ent_type_ in ("MONEY", "QUANTITY") \
            and head.head.dep_ == "dobj":
        return governing_verb(head.head)  # "announced $500 million in military aid"
    return None


def claimant(noun: Token) -> list[Token]:
    """Who claims an event noun: "X claimed responsibility for the attacks", "X was responsible for the attack",
    "the attack was claimed by X"."""
    head = noun.head
    while noun.dep_ == "conj" and head.head is not head:  # "for the bombing and the shooting"
        noun, head = head, head.head
    if noun.dep_ == "nsubjpass" and lemma_of(head) == "claim":
        return [p for c in head.children if c.dep_ == "agent" for p in pobjs(c)]
    if noun.dep_ != "pobj" or head.lower_ != "for" or head.head is head:
        return []
    owner = head.head
    if lemma_of(owner) == "responsibility" and owner.dep_ in ("dobj", "nsubjpass") and \
            lemma_of(owner.head) in event_words().responsibility_verbs:
        return subject_of(owner.head)
    if lemma_of(owner) == "responsible" and owner.dep_ == "acomp":
        return subject_of(owner.head)
    return []


def _visited(noun: Token, lex: Lexicon) -> list[Token]:
    """The proper-noun compound naming the place a visit noun goes to: "his Japan visit", "Erdogan's Russia visit"."""
    code = lex.nouns.get(lemma_of(noun))
    if code is None or code.mode != "visit":
        return []
    return [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "LOC")]


def _light_verb(verb: Token, lex: Lexicon) -> bool:
    """A verb whose subject does the event its object names ("called a strike", "launched an attack"), not one that
    says what the event is ("called the attack an outrage": a name for it, by someone else)."""
    return lemma_of(verb) in lex.light_verbs and not any(c.dep_ == "oprd" for c in verb.children)


def noun_arguments(noun: Token, lex: Lexicon) -> tuple[list[Token], list[Token], Token]:
    actors, recipients = between(noun)
    recipients.extend(c for c in noun.children if suffered_possessor(c))
    # a visit's named place is where it goes ("his Japan visit"), not who makes it
    destinations = _visited(noun, lex)
    recipients.extend(destinations)
    # who claims the act did it, whatever names the act ("claimed the Ghazni attacks": not Ghazni)
    actors = actors or claimant(noun) or [m for m in modifier_actor(noun) if m not in destinations] \
        or firing_owner(noun)
    # "a military aid package for Ukraine", "an aid convoy to Gaza": the process noun carries the event's preps
    framed = noun.dep_ == "compound" and lemma_of(noun.head) in event_words().process_nouns
    for child in [*noun.children, *(noun.head.children if framed else ())]:
        if child.dep_ == "prep":
            word = child.lower_
            # "the sale of 40 fighter jets to Poland": what is sold, not whom
            if word in NOUN_RECIPIENT_PREPS or (word == "of" and lemma_of(noun) not in event_words().of_agent_nouns
                                                and lemma_of(noun) not in lex.object_nouns):
                recipients.extend(p for p in pobjs(child) if not is_time(p))
    verb = governing_verb(noun)
    anchor = verb if verb is not None else noun
    # "filed a lawsuit with the court against X": aimed at X, filed with the court (the light verb's "against" too)
    light = verb is not None and _light_verb(verb, lex)
    against = _against([noun] + ([verb] if verb is not None and light else []))
    if against:
        recipients = list(dict.fromkeys(against + [r for r in recipients if r.head.lower_ not in ("with", "against")]))
    if verb is not None and light:
        # "launched a mediation effort": the event noun modifies the verb's object
        role = noun.head.dep_ if noun.dep_ == "compound" else noun.dep_
        if not actors and role in ("dobj", "pobj", "attr"):
            # "travelled to Islamabad to join the protest": who travelled joins it
            owner = purpose_owner(verb)
            actors = subject_of(verb) or (subject_of(owner) if owner is not None else [])
        elif not actors and role == "nsubjpass":
            actors = agents(verb)
        if not recipients:
            recipients = recipients_of_verb(verb, theme_object=True)
    return actors, recipients, anchor


def instrument(verb: Token, lex: Lexicon, nominal_codes: dict[int, Code]) -> tuple[Token, Code] | None:
    """(token, code) of a weapon or event noun that is the subject / "with" object of an ASSAULT verb."""
    for cand in _means_candidates(verb):
        code = nominal_codes.get(cand.i)
        if code is not None and code.type == "ASSAULT":
            return cand, code
        inst = lex.instruments.get(lemma_of(cand))
        if inst is not None:
            return cand, inst
    return None


def _means_candidates(verb: Token) -> Iterator[Token]:
    """The verb's subject (the noun a relative clause tells of: "the attack, which killed five soldiers"), its "by"
    agent and its "with"/"in" objects, in the parse's order."""
    if done_by_its_noun(verb):
        yield verb.head  # "Israeli airstrikes killed 30": the subject the parser made the root
    for child in verb.children:
        if child.dep_ == "nsubj":
            yield antecedent(child)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("with", "in")):
            yield from pobjs(child)


def addressees(verb: Token, code: Code, consumed: set[int]) -> list[Token]:
    """Whom a governing verb is addressed to: "urged X to", "called on X to", "demanded that X ...".

    Returned before the recipients of the governed content, so the addressee wins when it names an actor.
    """
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i not in consumed]
    if code.type == "ACCUSE":  # "Russia is accused of attacking Ukraine", "a man accused of theft": the accused
        out += [antecedent(c) for c in verb.children if c.dep_ == "nsubjpass"]
        if describes_its_noun(verb):
            out.append(verb.head)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to") and code.type == "REQUEST":
            out.extend(p for p in pobjs(child) if not is_time(p))
    # "demanded that the US cancel ...", "complained that Russia was blocking ...": the subject of the content; of
    # a passive content, its doer when named ("alleged that its president was detained by police": the police)
    if code.type in ("REQUEST", "THREATEN", "ACCUSE"):
        for child in verb.children:
            if child.dep_ == "ccomp":
                doers = [p for c in child.children if c.dep_ == "agent" for p in pobjs(c)]
                out.extend(doers or [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")])
    return out


# Where an act is done: with no recipient named, the place stands for those it was done to.
PLACE_PREPS: Final = frozenset({"in", "from", "into", "inside", "at", "across", "throughout", "out"})


def place_heads(item: Found) -> list[Token]:
    """Objects of place prepositions on the trigger, its anchor or its object ("evacuate settlements in Gaza")."""
    owners = [item.trigger]
    if item.anchor.i != item.trigger.i:
        owners.append(item.anchor)
    owners += [c for o in list(owners) for c in o.children if c.dep_ in ("dobj", "nsubjpass")]
    out: list[Token] = []
    for owner in owners:
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                out.extend(p for p in pobjs(prep) if p.ent_type_ in ("GPE", "LOC"))
    return out


def means_actor(verb: Token, lex: Lexicon, nominal_codes: dict[int, Code]) -> list[Token]:
    """Who wielded the means of a harm whose doer is not its subject: "two were killed in police firing"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "with", "during"):
            continue
        for means in pobjs(prep):
            code = nominal_codes.get(means.i)
            if lemma_of(means) in event_words().firing_words or lemma_of(means) in lex.instruments or (
                    code is not None and code.type == "ASSAULT"):
                owners = [c for c in means.children if c.dep_ in ("compound", "poss", "amod", "nmod")
                          and c.i < means.i]
                owners += [p for c in means.children if c.dep_ == "prep" and c.lower_ == "by" for p in pobjs(c)]
                if owners:
                    return owners
            if any(c.dep_ == "acl" and lemma_of(c) in ("fire", "shoot") for c in means.children):
                return [means]  # "killed in police firing" parsed as "in [police [firing]]"
            if _gerund_after(means):
                return [means]  # "killed in the police firing" parsed as "in [police]", [firing] elsewhere
    for clause in verb.children:  # "one was killed when police opened fire": the doer of the harm's clause
        code = nominal_codes.get(clause.i)
        if clause.dep_ == "advcl" and code is not None and code.type == "ASSAULT" and not _beside(clause):
            return subject_of(clause)
    return []


# Marks of a clause told beside a harm, not as its cause: "stabbed to death even as police fired tear gas",
# "killed while police looked on".
_BESIDE_MARKS: Final = frozenset({"while", "although", "though", "whereas", "despite", "whilst"})


def _beside(clause: Token) -> bool:
    return any((c.dep_ == "mark" and c.lower_ in _BESIDE_MARKS) or (c.dep_ == "advmod" and c.lower_ == "even")
               for c in clause.children)


def firing_owner(tok: Token) -> list[Token]:
    """The noun modifiers of a shooting word, who did the shooting: "police firing", "the army's shooting".

    Also for "firing" parsed as a gerund verb with the modifier hung on it ("victims of [police] firing").
    """
    if lemma_of(tok) not in event_words().firing_words and tok.lower_ not in ("firing", "shooting"):
        return []
    return [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod") and c.i < tok.i and is_actor_like(c)]


def repression_means(verb: Token, lex: Lexicon) -> Code | None:
    """The force a coercion is done with: "dispersed the mob with tear gas" (CAMEO 175), "... with bullets" (193)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for means in pobjs(prep):
            classes = object_classes(means, lex)
            word = lemma_of(means)
            sticks = event_words().sticks
            if "gas" in classes or word in sticks or word.removesuffix("s") in sticks:  # "lathis": no lemma known
                return Code("ASSAULT", CAMEO_VIOLENT_REPRESSION, None)
            if "weapons" in classes or word in event_words().firing_words - {"action"}:
                return Code("ASSAULT", CAMEO_SMALL_ARMS, "firearms")
    return None


def _gerund_after(noun: Token) -> bool:
    """True when ``noun`` is followed by "firing"/"shooting" that the parser hung elsewhere ("in [police] firing")."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or noun.whitespace_ == "":
        return False
    nxt = doc[noun.i + 1]
    return nxt.lower_ in ("firing", "shooting") and nxt.head.i != noun.i and nxt.dep_ not in ("conj", "appos")


def peace_mission(tok: Token) -> bool:
    """True when a deployment is for peacekeeping, rescue or relief (its objects, purpose and modifiers say so, or
    who is deployed: "Chinese peacekeepers arrived in South Sudan")."""
    words = event_words().peace_words
    # who is deployed, or what a quantity of them holds ("a first batch of Bangladeshi peacekeeping troops")
    deployed = [held for s in subject_of(tok)
                for held in (s, *(p for c in s.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)))]
    if any(lemma_of(t) in words for s in deployed
           for t in (s, *(c for c in s.children if c.dep_ in ("compound", "amod")))):
        return True
    todo = [c for c in tok.children if c.dep_ in ("dobj", "prep", "nsubjpass", "advcl", "xcomp", "acl", "compound",
                                                   "amod")]
    seen = 0
    while todo and seen < 40:  # bounded walk down the deployment's own phrase
        node = todo.pop()
        seen += 1
        if lemma_of(node) in words:
            return True
        if node.dep_ not in ("relcl", "ccomp", "conj"):
            todo.extend(node.children)
    return False


def firer(weapon: Token) -> list[Token]:
    """The agent of a participle on a weapon: "the missiles fired by the Israeli military"."""
    for child in weapon.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            return agents(child)
    return []


def joint(noun: Token, actors: Sequence[Token]) -> bool:
    """An exercise held by two or more armies ("French and Egyptian warships", "drills with Japan")."""
    if any(a.conjuncts or any(m.dep_ == "amod" and m.conjuncts for m in a.children) for a in actors):
        return True  # "Kenya and Uganda", "French and Egyptian warships"
    return any(c.dep_ == "prep" and c.lower_ in ("with", "between", "alongside") for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ in ("with", "alongside") for c in noun.head.children if noun.head is not noun)


def with_fallbacks(heads: Iterable[Token]) -> list[Token]:
    """Candidate heads, then the appositions and later conjuncts of heads that name no actor themselves.

    "met regional rival Japan's Prime Minister Shinzo Abe": "rival" is no actor, its apposition is;
    "urged Europe and the United States": "Europe" is no country, "the United States" is.
    """
    out: list[Token] = []
    for head in heads:
        out.append(head)
        if is_actor_like(head) or any(c.dep_ in ("compound", "amod", "nmod", "poss") and is_actor_like(c)
                                      for c in head.children):
            continue  # the mention itself names its actor ("its NATO ally Turkey")
        if head.pos_ == "NOUN":  # a common noun in apposition to a name ("rival X"), not "the Mufti, Sheikh X"
            out.extend(c for c in head.children if c.dep_ == "appos" and is_actor_like(c))
        if head.pos_ == "PROPN":  # an unknown name conjoined with a known one, not "rockets and drones"
            out.extend(c for c in head.conjuncts if c.i > head.i and is_actor_like(c))
    return out


def unique(tokens: Iterable[Token]) -> list[Token]:
    seen: set[int] = set()
    out: list[Token] = []
    for tok in tokens:
        if tok.i not in seen:
            seen.add(tok.i)
            out.append(tok)
    return out


_CAUSE_DEPS: Final = frozenset({"prep", "pobj", "pcomp", "acl", "conj", "compound"})


def violent_cause(head: Token, lex: Lexicon) -> Token | None:
    """The violent cause a death word names in its own phrase, or None.

    "died in police firing", "died due to police firing", "succumbed to injuries sustained in the firing",
    "deaths in the clash": a bounded walk down prepositions, their objects and participles.
    """
    for child in head.children:  # "perished in police firing" misparsed as "in [police] [firing]advcl/acl"
        if child.dep_ in ("advcl", "acl") and child.tag_ == "VBG" and lemma_of(child) in ("fire", "shoot") and \
                child.i > 0 and child.doc[child.i - 1].dep_ == "pobj":
            return child
    todo = [(c, 1) for c in head.children if c.dep_ == "prep"]
    while todo:
        tok, depth = todo.pop(0)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and lemma_of(tok) in ("fire", "shoot") and \
                tok.head.dep_ == "pobj":
            return tok  # "died in [police [firing]acl]": the parser's reading of "in police firing"
        if tok.pos_ in ("NOUN", "PROPN", "VERB") and tok.dep_ in ("pobj", "conj", "pcomp"):
            word = lemma_of(tok)
            code = lex.nouns.get(word)
            if any(c.dep_ in ("compound", "amod") and lemma_of(c) in event_words().burning_things
                   for c in tok.children):
                return None  # "died in a trailer fire", "a house fire": a blaze, not gunfire
            if word in event_words().violent_causes or word in lex.instruments or (
                    code is not None and code.type == "ASSAULT"):
                return tok
            if any(lex.compound_nouns.get((lemma_of(c), word)) for c in tok.children if c.dep_ == "compound"):
                return tok  # "lathi charge", "mortar fire"
        if depth < 6:
            todo.extend((c, depth + 1) for c in tok.children if c.dep_ in _CAUSE_DEPS)
    return None


def fell_to_fire(verb: Token) -> Token | None:
    """The shooting in "fell to police bullets" / "fell to the firing" (killed by it), or None ("fell to rebels")."""
    if lemma_of(verb) != "fall":
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for means in pobjs(prep):
                if lemma_of(means) in ("bullet", "gunfire", "firing", "fire", "shooting") or \
                        means.lower_ in ("bullets", "firing"):
                    return means
    return None


def cause_actor(cause: Token | None) -> list[Token]:
    """Who wielded a violent cause: its modifiers ("police firing", "the army's shelling") or its "by" object."""
    if cause is None:
        return []
    if cause.dep_ in ("advcl", "acl"):  # the misparses above: the noun just before the gerund is its modifier
        return [cause.doc[cause.i - 1]]
    out = [c for c in cause.children if c.dep_ in ("compound", "poss", "amod", "nmod") and c.i < cause.i]
    out += [p for c in cause.children if c.dep_ == "prep" and c.lower_ == "by" for p in pobjs(c)]
    return out


def hyphen_prefix(tok: Token) -> Token | None:
    """The word before a hyphen glued to ``tok`` ("lathi" in "lathi-charged"), or None."""
    i = tok.i
    if i < 2:
        return None
    doc = tok.doc
    hyphen, prefix = doc[i - 1], doc[i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or prefix.whitespace_:
        return None
    return prefix


def beneficiaries(verb: Token) -> list[Token]:
    """Whom a purpose clause of giving helps: "sent aid to help Haiti", "to help North Korea cope"."""
    out: list[Token] = []
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and lemma_of(clause) in event_words().help_verbs and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
            out += [o for o in clause.children if o.dep_ in ("dobj", "dative")]
            out += [s for c in clause.children if c.dep_ in ("ccomp", "xcomp") for s in c.children
                    if s.dep_ == "nsubj"]
    return out
