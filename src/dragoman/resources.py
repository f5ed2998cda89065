"""The files dragoman ships and reads at run time, and the one way they are read.

    data/detector.json     trained event detector (``make train``)          ModelError when unreadable
    data/event_model.json  sentence quad-class model (bench/train_classifier.py)
    data/geo_ranker.json   place-candidate ranker (bench/train_geo_ranker.py); optional
    lexicon/*.yaml, *.tsv  word lists we write                              LexiconError when unreadable
                           (YAML parsed by ``load_yaml``: a key given twice is an error)

Every loader reads its file once per process (the callers cache the built object) and turns a missing or
damaged file into the installation error of its kind, with the fix, so a batch stops instead of failing every
document (``errors.BROKEN_INSTALLATION``). The gazetteer index is built per machine, not shipped: see
``dragoman.gazetteer``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import yaml

from .errors import DragomanError, LexiconError, ModelError

PACKAGE_DIR: Final = Path(__file__).resolve().parent
DATA_DIR: Final = PACKAGE_DIR / "data"
LEXICON_DIR: Final = PACKAGE_DIR / "lexicon"


def read_text(path: Path, *, what: str, fix: str, error: type[DragomanError]) -> str:
    """The text of a shipped file; ``error`` (naming ``what``, the file and ``fix``) when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{what} {path} cannot be read ({exc}): {fix}") from exc


def read_json(path: Path, *, what: str, fix: str, error: type[DragomanError] = ModelError) -> Any:
    """A shipped JSON file, parsed; ``error`` when it cannot be read or is not JSON."""
    text = read_text(path, what=what, fix=fix, error=error)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{what} {path} is not valid JSON ({exc}): {fix}") from exc


def read_lexicon(name: str, *, folder: Path = LEXICON_DIR) -> str:
    """The text of lexicon file ``name``; LexiconError when the installation lacks it."""
    return read_text(folder / name, what="lexicon", fix="reinstall dragoman (pip install --force-reinstall)",
                     error=LexiconError)


# libyaml's parser when PyYAML was built with it (its wheels are): the lexicons parse in a third less time.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoDuplicateKeys(_SafeLoader):  # type: ignore[misc,valid-type]
    """``yaml.SafeLoader`` that refuses a key given twice in one mapping."""


def _mapping_once(loader: _NoDuplicateKeys, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: dict[Any, int] = {}
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} given twice (first on line {seen[key]})", key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_NoDuplicateKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_once)


def load_yaml(text: str) -> Any:
    """YAML text as plain data, like ``yaml.safe_load``, except that a key given twice in one mapping is an error
    (``yaml.YAMLError`` naming the key and its line): PyYAML keeps the last silently, and a lexicon entry written
    a second time would hide the first."""
    return yaml.load(text, Loader=_NoDuplicateKeys)  # noqa: S506 - a SafeLoader subclass
