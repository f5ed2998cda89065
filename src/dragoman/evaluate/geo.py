"""Toponym detection and geocoding scores on the LGL and GeoWebNews XML layouts.

Gold toponyms are those with coordinates (LGL: every ``<toponym>`` with a ``<gaztag>``; GeoWebNews:
every ``<toponym>`` with ``<latitude>``). For LGL the corrected coordinates of
``coordinate-fixes/lgl_patches.tsv`` (next to the LGL folder) replace the dataset's where the name and
the dataset coordinates match. A found toponym matches a gold one when their spans overlap.

Figures (as in Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation"):
``precision``/``recall`` of detection; ``acc_161km`` the share of detected gold toponyms resolved
within 161 km; ``median_km``; ``auc`` the area under the curve of sorted log(1 + error km) scaled by
log(20039) (0 is perfect, 1 is always at the antipode); detected toponyms with no coordinates count as
20,039 km off. ``--oracle-spans`` geocodes the gold spans instead of finding toponyms.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..extract.places.resolver import PlaceResolver, Toponym, haversine_km
from ..model import CleanDoc, OffsetMap

MAX_ERROR_KM = 20039.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    return float(node.text)


def _patches(gold: Path) -> dict[tuple[str, float, float], tuple[float, float]]:
    path = gold.resolve().parent.parent / "coordinate-fixes" / "lgl_patches.tsv"
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text("utf-8").splitlines():
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 3:
            continue
        try:
            old = [float(x) for x in parts[1].split(",")]
            new = [float(x) for x in parts[2].split(",")]
        except ValueError:
            continue
        out[(parts[0], round(old[0], 2), round(old[1], 2))] = (new[0], new[1])
    return out


def read_gold(gold: Path) -> list[GoldArticle]:
    """Articles and their toponyms with coordinates, from LGL or GeoWebNews XML."""
    try:
        root = ET.parse(gold).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvaluationError(f"cannot read gold file {gold} ({exc}): pass lgl.xml or GWN.xml",
                              stage="evaluate") from exc
    articles = []
    lgl = root.find("article/toponyms/toponym/gaztag") is not None
    patches = _patches(gold) if lgl else {}
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for top in art.iter("toponym"):
            start, end = int(top.findtext("start") or -1), int(top.findtext("end") or -1)
            if lgl:
                tag = top.find("gaztag")
                lat, lon = (_float(tag.find("lat")), _float(tag.find("lon"))) if tag is not None else (None, None)
                name = top.findtext("phrase") or ""
            else:
                lat, lon = _float(top.find("latitude")), _float(top.find("longitude"))
                name = top.findtext("extractedName") or ""
            if lat is None or lon is None or start < 0 or end <= start:
                continue
            if patches:
                fix = patches.get((name, round(lat, 2), round(lon, 2)))
                if fix:
                    lat, lon = fix
            tops.append(GoldToponym(start, end, name, lat, lon))
        doc_id = art.get("docid") or art.get("file") or str(i)
        articles.append(GoldArticle(doc_id, text, tuple(sorted(tops, key=lambda t: t.start))))
    if not articles:
        raise EvaluationError(f"no <article> in {gold}: expected the LGL or GeoWebNews XML layout", stage="evaluate")
    return articles


def auc_of(errors: list[float]) -> float:
    """Area under the sorted, log-scaled error curve (Gritta et al. 2019), 0 best."""
    if not errors:
        return 0.0
    scaled = sorted(min(1.0, math.log(1 + e) / math.log(MAX_ERROR_KM)) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((scaled[i] + scaled[i + 1]) / 2 for i in range(len(scaled) - 1))
    return area / (len(scaled) - 1)


def geocode_articles(texts: list[str], *, spans: list[list[tuple[int, int]]] | None = None) -> list[list[Toponym]]:
    """Toponyms of every text (parsed once, in batches); with ``spans``, those spans geocoded."""
    from ..nlp import get_nlp
    from ..pipeline import as_parsed

    out = []
    for k, doc in enumerate(get_nlp().pipe((as_parsed(text) for text in texts), batch_size=16)):
        clean = CleanDoc(body=texts[k], offsets=OffsetMap.identity(len(texts[k])))
        resolver = PlaceResolver(doc, clean, spans=spans[k] if spans is not None else None)
        out.append(resolver.toponyms)
    return out


def score_geo(gold: Path, *, oracle_spans: bool = False, limit: int | None = None) -> dict[str, Any]:
    articles = read_gold(gold)
    if limit is not None:
        articles = articles[:limit]
    texts = [a.text for a in articles]
    spans = [[(t.start, t.end) for t in a.toponyms] for a in articles] if oracle_spans else None
    found = geocode_articles(texts, spans=spans)
    n_gold = sum(len(a.toponyms) for a in articles)
    n_found = 0
    n_found_matched = 0
    errors: list[float] = []
    for art, tops in zip(articles, found):
        n_found += len(tops)
        used: set[int] = set()
        for top in tops:
            if any(top.start < g.end and g.start < top.end for g in art.toponyms):
                n_found_matched += 1
        for gi, g in enumerate(art.toponyms):
            match = next((t for t in tops if t.start < g.end and g.start < t.end), None)
            if match is None or gi in used:
                continue
            used.add(gi)
            cand = match.candidate
            errors.append(MAX_ERROR_KM if cand is None else haversine_km(g.lat, g.lon, cand.lat, cand.lon))
    detected = len(errors)
    return {
        "gold": str(gold),
        "articles": len(articles),
        "oracle_spans": oracle_spans,
        "toponyms": n_gold,
        "detected": detected,
        "precision": round(n_found_matched / n_found, 4) if n_found else 0.0,
        "recall": round(detected / n_gold, 4) if n_gold else 0.0,
        "acc_161km": round(sum(e <= 161 for e in errors) / detected, 4) if detected else 0.0,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "auc": round(auc_of(errors), 4),
    }
