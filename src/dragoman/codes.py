"""PLOVER event types, their quad classes and the CAMEO roots that correspond to them."""

from __future__ import annotations

from typing import Final

# The 16 PLOVER event types, each with its quad class (PLOVER's grouping, as in CAMEO's quad).
PLOVER_QUAD: Final[dict[str, str]] = {
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "REQUEST": "verbal_cooperation",
    "CONCEDE": "material_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
PLOVER_TYPES: Final[tuple[str, ...]] = tuple(PLOVER_QUAD)

# Default CAMEO root (2 digits) for each PLOVER type when the trigger gives nothing finer.
CAMEO_ROOT: Final[dict[str, str]] = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "REQUEST": "02",
    "CONCEDE": "08",
    "COOPERATE": "06",
    "AID": "07",
    "RETREAT": "08",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "SANCTION": "16",
    "MOBILIZE": "15",
    "COERCE": "17",
    "ASSAULT": "18",
}

# CAMEO's own quad classes by root, used to score CAMEO-coded gold data.
CAMEO_ROOT_QUAD: Final[dict[str, str]] = {
    **{f"{i:02d}": "verbal_cooperation" for i in range(1, 6)},
    **{f"{i:02d}": "material_cooperation" for i in range(6, 9)},
    **{f"{i:02d}": "verbal_conflict" for i in range(9, 14)},
    **{f"{i:02d}": "material_conflict" for i in range(14, 21)},
}

MODALITIES: Final[tuple[str, ...]] = ("asserted", "future", "hypothetical", "negated", "historical")
QUADS: Final[tuple[str, ...]] = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

# PLOVER's international actor codes, used in place of a country.
INTERNATIONAL_CODES: Final[tuple[str, ...]] = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
