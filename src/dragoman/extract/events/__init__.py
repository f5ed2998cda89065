"""Events of one sentence: triggers and their CAMEO codes, arguments, modality, attribution, figures, and the
trained detector that decides which PLOVER types a sentence carries."""
