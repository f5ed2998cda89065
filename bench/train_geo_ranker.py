"""Rebuild the geocoding ranker ``src/dragoman/data/geo_ranker.json`` and report its held-out figures.

    python bench/train_geo_ranker.py [--write] [--gold ../shared/gold] [--cache DIR]

Data: LGL and GeoWebNews (``../shared/gold/geo``). Even-numbered articles of both sets train, odd-numbered
ones check. For every gold toponym we geocode (with our spans and with the gold spans), the resolver's
candidates and their features (``dragoman.extract.places.ranker.FEATURES``: the hand score, its parts, population
ratios, ...) are kept; the right candidates are those within 161 km of the gold point.

Model: a conditional logit (softmax over one name's candidates) in numpy, full-batch Adam; the loss is the
log of the summed probability of the right candidates, plus an L2 pull towards the hand weights (weight 1 on
the hand score, 0 elsewhere), so with little data the ranker stays the hand scorer. ``--write`` stores it
only if no check half (odd articles) gets worse than with the hand weights (``--force`` overrides); while
no ranker file is shipped the resolver picks by the hand score;
figures are acc@161km per half and set, hand weights vs ranker, with our spans and the gold spans.
``--cache DIR`` keeps the spaCy parses (``lgl.spacy``, ``gwn.spacy``) between runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import DocBin

from dragoman.evaluate.geo import GoldArticle, read_gold
from dragoman.extract.places.ranker import FEATURES, RANKER_PATH, Ranker, set_ranker
from dragoman.extract.places.resolver import PlaceResolver, haversine_km
from dragoman.model import CleanDoc, OffsetMap
from dragoman.nlp import get_nlp

SETS = {"lgl": "geo/LGL/lgl.xml", "gwn": "geo/GeoWebNews/GWN.xml"}
MAX_KM = 161.0


def parses(name: str, articles: list[GoldArticle], cache: Path | None) -> list[Any]:
    nlp = get_nlp()
    path = cache / f"{name}.spacy" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(articles) and all(d.text == a.text for d, a in zip(docs, articles)):
            return docs
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    if path is not None:
        DocBin(docs=docs, store_user_data=True).to_disk(path)
    return docs


def resolve(doc: Any, art: GoldArticle, oracle: bool) -> PlaceResolver:
    clean = CleanDoc(body=doc.text, offsets=OffsetMap.identity(len(doc.text)))
    return PlaceResolver(doc, clean, spans=[(g.start, g.end) for g in art.toponyms] if oracle else None,
                         keep_features=True)


def examples(docs: list[Any], articles: list[GoldArticle], half: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features [n, F], right [n] bool) per gold toponym with at least one right and one wrong candidate."""
    out = []
    for i in range(half, len(articles), 2):
        art, doc = articles[i], docs[i]
        for oracle in (False, True):
            res = resolve(doc, art, oracle)
            for g in art.toponyms:
                k = next((k for k, t in enumerate(res.toponyms) if t.start < g.end and g.start < t.end), None)
                if k is None or len(res.options[k]) < 2:
                    continue
                right = np.array([haversine_km(g.lat, g.lon, c.lat, c.lon) <= MAX_KM for c in res.options[k]])
                if right.any() and not right.all():
                    out.append((np.array(res.features[k], dtype=float), right))
    return out


def fit(data: list[tuple[np.ndarray, np.ndarray]], *, l2: float, steps: int = 1500, lr: float = 0.05) -> np.ndarray:
    width = max(len(x) for x, _ in data)
    n_feat = len(FEATURES)
    x = np.zeros((len(data), width, n_feat))
    mask = np.zeros((len(data), width), dtype=bool)
    right = np.zeros((len(data), width), dtype=bool)
    for m, (feats, ok) in enumerate(data):
        x[m, :len(feats)] = feats
        mask[m, :len(feats)] = True
        right[m, :len(ok)] = ok
    prior = np.zeros(n_feat)
    prior[FEATURES.index("hand")] = 1.0
    scale = np.maximum(np.abs(x[mask]).max(axis=0), 1e-6)  # features on one scale for the optimiser
    w = prior * scale
    prior_s = w.copy()
    xs = x / scale
    m1 = np.zeros(n_feat)
    m2 = np.zeros(n_feat)
    for step in range(1, steps + 1):
        z = np.where(mask, xs @ w, -np.inf)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        q = np.where(right, p, 0.0)
        q /= q.sum(axis=1, keepdims=True)  # posterior over the right candidates
        grad = ((p - q)[:, :, None] * xs).sum(axis=(0, 1)) / len(data) + l2 * (w - prior_s)
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad ** 2
        w -= lr * (m1 / (1 - 0.9 ** step)) / (np.sqrt(m2 / (1 - 0.999 ** step)) + 1e-8)
    return w / scale


def acc161(docs: list[Any], articles: list[GoldArticle], half: int, oracle: bool) -> float:
    good = total = 0
    for i in range(half, len(articles), 2):
        art, doc = articles[i], docs[i]
        res = resolve(doc, art, oracle)
        for g in art.toponyms:
            t = next((t for t in res.toponyms if t.start < g.end and g.start < t.end), None)
            if t is None:
                continue
            total += 1
            good += t.candidate is not None and haversine_km(g.lat, g.lon, t.candidate.lat, t.candidate.lon) <= MAX_KM
    return round(good / max(total, 1), 4)


def table(data: dict[str, tuple[list[Any], list[GoldArticle]]]) -> dict[str, float]:
    return {f"{name} {'gold' if oracle else 'ours'} h{half}": acc161(docs, arts, half, oracle)
            for name, (docs, arts) in data.items() for oracle in (False, True) for half in (0, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "gold")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--l2", type=float, default=0.05)
    ap.add_argument("--write", action="store_true", help="store the ranker if no check half gets worse")
    ap.add_argument("--force", action="store_true", help="with --write: store it even so")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    data = {}
    for name, rel in SETS.items():
        arts = read_gold(args.gold / rel)
        data[name] = (parses(name, arts, args.cache), arts)
    set_ranker(None)
    train = [ex for docs, arts in data.values() for ex in examples(docs, arts, 0)]
    hand = table(data)
    w = fit(train, l2=args.l2)
    ranker = Ranker(tuple(float(v) for v in w))
    set_ranker(ranker)
    learned = table(data)
    report = {"train_toponyms": len(train), "l2": args.l2, "hand": hand, "ranker": learned,
              "weights": {n: round(float(v), 4) for n, v in zip(FEATURES, w)},
              "seconds": round(time.perf_counter() - t0, 1)}
    worse = [k for k in hand if k.endswith("h1") and learned[k] < hand[k]]
    report["check_halves_worse"] = worse
    if args.write and worse and not args.force:
        print(f"not written: the ranker is worse than the hand weights on {worse}", file=sys.stderr)
    elif args.write:
        RANKER_PATH.write_text(json.dumps({"features": list(FEATURES), "weights": report["weights"],
                                           "trained_on": "even articles of LGL and GeoWebNews", "l2": args.l2},
                                          indent=1) + "\n", encoding="utf-8")
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
