"""PLOVER event types, their quad classes, the CAMEO roots that correspond to them, the CAMEO codes the rules
choose by name, and the tables that refine a code by what it governs."""

from __future__ import annotations

from typing import Final

from .model import Quad

# The 16 PLOVER event types (in the order the trained models' files use), each with its quad class as the PLOVER
# manual's table of quad categories gives it (REQUEST and SANCTION verbal conflict, CONCEDE verbal cooperation:
# not CAMEO's grouping of the roots they come from).
PLOVER_QUAD: Final[dict[str, Quad]] = {
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "REQUEST": "verbal_conflict",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "verbal_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
PLOVER_TYPES: Final[tuple[str, ...]] = tuple(PLOVER_QUAD)
# The quad classes' numbers, as PLOVER's table and GDELT's QuadClass number them.
QUAD_NUMBER: Final[dict[str, int]] = {
    "verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4,
}
# The class of each type as the quad-class news set (cameo-class) labels it, which the trained models learn:
# PLOVER's table, but yielding (CAMEO 08: a ban lifted, restrictions eased, a strike called off) is material
# cooperation, as in CAMEO's grouping, in 18 of the 22 sentences of the set's training part whose leading event is
# CONCEDE. The events' own ``quad`` keeps PLOVER's table.
TYPE_CLASS: Final[dict[str, int]] = {t: QUAD_NUMBER[q] for t, q in PLOVER_QUAD.items()} | {"CONCEDE": 2}

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

# ---------------------------------------------------------------- CAMEO codes the rules choose

# Named after the CAMEO codebook (1.1b3). A trigger word's own code is data in ``lexicon/events.yaml``; these are
# the codes the rules give from context (a governed complement, an undone act, an announced one).
CAMEO_INTENT_TO_COOPERATE: Final = "030"
CAMEO_DISCUSS_BY_TELEPHONE: Final = "041"
CAMEO_MILITARY_COOPERATION: Final = "062"
CAMEO_PEACEKEEPING: Final = "074"  # provide military protection or peacekeeping
CAMEO_YIELD: Final = "080"
CAMEO_EASE_ADMINISTRATIVE_SANCTIONS: Final = "081"
CAMEO_EASE_CURFEW: Final = "0813"
CAMEO_EASE_MARTIAL_LAW: Final = "0814"  # ease state of emergency or martial law
CAMEO_EASE_POLITICAL_DISSENT: Final = "082"
CAMEO_EASE_ECONOMIC_SANCTIONS: Final = "085"  # ease economic sanctions, boycott, embargo
CAMEO_DE_ESCALATE: Final = "087"  # de-escalate military engagement
CAMEO_EASE_BLOCKADE: Final = "0872"  # ease military blockade
CAMEO_DEMAND_ROOT: Final = "10"  # a REQUEST coded under this root is a demand, not an appeal (02)
CAMEO_DEMAND: Final = "100"
CAMEO_ACCUSE: Final = "112"  # accuse, not specified below
CAMEO_ACCUSE_OF_AGGRESSION: Final = "1123"
CAMEO_REJECT: Final = "120"
CAMEO_REJECT_MEETING: Final = "125"  # reject proposal to meet, discuss or negotiate
CAMEO_REJECT_AGREEMENT: Final = "127"  # reject plan, agreement to settle dispute
CAMEO_DEFY_NORMS: Final = "128"  # defy norms, law
CAMEO_THREATEN: Final = "130"
CAMEO_THREATEN_NON_FORCE: Final = "131"
CAMEO_THREATEN_SANCTIONS: Final = "1312"  # threaten to boycott, embargo or sanction
CAMEO_THREATEN_ADMINISTRATIVE_SANCTIONS: Final = "132"
CAMEO_THREATEN_BAN: Final = "1322"  # threaten to ban political parties or politicians
CAMEO_THREATEN_CURFEW: Final = "1323"
CAMEO_STRIKE: Final = "143"  # conduct strike or boycott
CAMEO_DEMONSTRATE: Final = "141"  # demonstrate or rally
CAMEO_DEMONSTRATE_MILITARY_POWER: Final = "150"  # demonstrate military or police power
CAMEO_POLICE_ALERT: Final = "151"  # increase police alert status
CAMEO_MILITARY_ALERT: Final = "152"  # increase military alert status
CAMEO_MOBILIZE_ARMED_FORCES: Final = "154"  # mobilize or increase armed forces
CAMEO_THREATEN_MARTIAL_LAW: Final = "1324"  # threaten to impose state of emergency or martial law
CAMEO_THREATEN_DISSENT: Final = "133"  # threaten political dissent, protest
CAMEO_THREATEN_EXPULSION: Final = "136"  # threaten to expel or deport
CAMEO_THREATEN_REPRESSION: Final = "137"
CAMEO_THREATEN_FORCE: Final = "138"  # threaten to use military force
CAMEO_THREATEN_OCCUPATION: Final = "1382"  # threaten to occupy territory
CAMEO_STOP_AID: Final = "162"  # reduce or stop material aid
CAMEO_SANCTIONS_ROOT: Final = "163"  # impose embargo, boycott or sanctions (and its subcodes)
CAMEO_HALT_NEGOTIATIONS: Final = "164"
CAMEO_HALT_MEDIATION: Final = "165"
CAMEO_EXPEL: Final = "166"  # expel or deport individuals
CAMEO_COERCE: Final = "170"
CAMEO_ARREST: Final = "173"  # arrest, detain, or charge with legal action
CAMEO_VIOLENT_REPRESSION: Final = "175"  # use tactics of violent repression
CAMEO_ASSAULT: Final = "18"
CAMEO_MILITARY_FORCE: Final = "190"  # use conventional military force
CAMEO_OCCUPY_TERRITORY: Final = "192"
CAMEO_SMALL_ARMS: Final = "193"  # fight with small arms and light weapons
CAMEO_VIOLATE_CEASEFIRE: Final = "196"

# ---------------------------------------------------------------- codes refined by what they govern

# "agreed to cooperate / to support / to provide aid ...": the CAMEO 03x intent by the PLOVER type of the content.
AGREE_CAMEO: Final[dict[str, str]] = {
    "COOPERATE": "031", "SUPPORT": "032", "AID": "033", "CONCEDE": "035", "RETREAT": "035", "CONSULT": "036",
    "AGREE": CAMEO_INTENT_TO_COOPERATE,
}
# REQUEST (appeal 02x, demand 10x) and REJECT (12x) by what is asked for or refused.
APPEAL_CAMEO: Final[dict[str, str]] = {
    "COOPERATE": "021", "AID": "023", "SUPPORT": "022", "CONCEDE": "025", "RETREAT": "025", "CONSULT": "026",
    "AGREE": "026",
}
DEMAND_CAMEO: Final[dict[str, str]] = {
    "COOPERATE": "101", "AID": "103", "SUPPORT": "102", "CONCEDE": "105", "RETREAT": "105", "CONSULT": "106",
    "AGREE": "106",
}
REJECT_CAMEO: Final[dict[str, str]] = {
    "COOPERATE": "121", "AID": "122", "SUPPORT": "121", "CONCEDE": "124", "RETREAT": "124",
    "CONSULT": CAMEO_REJECT_MEETING, "AGREE": CAMEO_REJECT_AGREEMENT,
}
# The PLOVER mode of a REQUEST or REJECT (shared in PLOVER) by what is asked for or refused.
ASK_MODE: Final[dict[str, str]] = {
    "COOPERATE": "assist", "AID": "assist", "SUPPORT": "assist", "AGREE": "meet", "CONCEDE": "yield",
    "RETREAT": "yield", "CONSULT": "meet", "COERCE": "change", "SANCTION": "change",
}
# THREATEN (mode, CAMEO) by the PLOVER type threatened, and for COERCE by its mode.
THREAT_MODE: Final[dict[str, tuple[str, str]]] = {
    "ASSAULT": ("violence", CAMEO_THREATEN_FORCE),
    "MOBILIZE": ("violence", CAMEO_THREATEN_FORCE),
    "SANCTION": ("relations", CAMEO_THREATEN_NON_FORCE),
    "PROTEST": ("relations", CAMEO_THREATEN_DISSENT),
}
COERCE_THREAT: Final[dict[str | None, tuple[str, str]]] = {
    "arrest": ("arrest", CAMEO_THREATEN_REPRESSION),
    "ban": ("ban", CAMEO_THREATEN_BAN),
    "curfew": ("restrict", CAMEO_THREATEN_CURFEW),
    "martial-law": ("restrict", CAMEO_THREATEN_MARTIAL_LAW),
    "restrict": ("restrict", CAMEO_THREATEN_SANCTIONS),
    "deport": ("expel", CAMEO_THREATEN_EXPULSION),
}
