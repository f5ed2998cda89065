"""Actors: the phrase around an argument head, and its resolution to a country, sector and name."""
