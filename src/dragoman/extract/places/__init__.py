"""Places: the toponyms of a document, the one gazetteer entry each names, and where each event happened.

The modules in the order one document goes through them:

    toponyms.py  ``ToponymFinder``: the tagger's place entities, repaired and extended with the gazetteer's help
    resolver.py  ``PlaceResolver``, one per document: every toponym's candidates scored jointly (the document's
                 focus, containers, neighbours), the pick of each, then the place of each event (``locate``)
    location.py  the event location policy ``locate`` applies: its rules in order (``LOCATION_RULES``), the
                 story's main place of action (``story_place``)
    evidence.py  the parts of a candidate's hand score, which the resolver computes and the ranker reads
    ranker.py    the optional learned ranker over those parts (used when ``data/geo_ranker.json`` is shipped)
    lookup.py    ``PlaceCountries``: the country a place name stands for, which the actor resolver asks

The names come from ``dragoman.gazetteer`` (the place index); the word lists are data in
``dragoman/lexicon/place_words.yaml``.
"""
