"""Events of one sentence, from triggers to codes, arguments, modality, attribution and figures, and the trained
detector that decides which PLOVER types a sentence carries.

Modules, in the order a sentence meets them (each imports only those above it, no cycles):

    types.py        Code, Lexicon, Found, Category: the types the modules share
    words.py        the rules' word lists, read once from lexicon/event_words.yaml
    attribution.py  who says so: the speaker a reported event is attributed to (and what a reporting verb is)
    arguments.py    argument heads of a trigger: who acts, on whom, with what
    modality.py     asserted / future / hypothetical / negated / historical, and the evidence about intent
    coding.py       how one code becomes another (governed content, undoing) and the one final code choice
    triggers.py     the event lexicon (lexicon/events.yaml) and find_events: the triggers of a sentence
    counts.py       dead / injured / arrested / displaced figures and which event each belongs to
    classifier.py   features of a sentence (and the older quad-class gate)
    detector.py     the trained detector: drops, reorders and adds events of a sentence
    story.py        the story read together: background is historical, generic mentions go, one happening once

``dragoman.extract`` builds the Event of each found trigger (actors, places, dates) and runs the detector.

What is data and what is code: open word classes a user extending the coder would edit (trigger words and their
codes in ``lexicon/events.yaml``; opinion nouns, undo verbs, natural causes, reporting verbs, what a figure
counts ... in ``lexicon/event_words.yaml``) live in the lexicon. Closed grammatical classes (dependency labels,
prepositions, modals, pronouns, negation words, number qualifiers) and code tables (PLOVER types, sectors) stay in
the code as named constants; CAMEO codes the rules choose are named in ``dragoman.codes``.
"""
