"""Actors: who did what to whom, as a country, a sector and a name.

The modules in the order one document goes through them:

    resolver.py  ``ActorResolver``, one per document: its focus country and a pre-scan of titled people; then
                 each argument head the event coder hands it becomes an ``Actor`` (a person, a named body, a
                 country word, a town done to, a sector word; pronouns go to an earlier actor)
    phrases.py   where the phrase around a head starts and ends, whether a capital is named as a place done
                 to, and the lexicon entry of a country word

The word lists are data in ``dragoman/lexicon`` (countries, groups, international bodies, people, sectors,
actor_words.yaml). The country of a town or region named in a phrase is the place side's answer
(``places.lookup.PlaceCountries``, handed over by the document's ``PlaceResolver``).
"""
