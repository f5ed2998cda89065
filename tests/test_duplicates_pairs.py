"""duplicates.py on hand-written texts: wire copies and light rewrites found, other stories of the same kind not."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dragoman import duplicates

STORY = (
    "Flooding forced hundreds of families from their homes in the river valley on Tuesday, officials said.\n\n"
    "The regional water authority opened the spillways of two dams after three days of heavy rain, and the river "
    "rose more than two metres overnight. Emergency crews evacuated four villages by boat.\n\n"
    "A spokeswoman for the provincial government said shelters had been set up in schools and that no deaths had "
    "been reported. Farmers said the water had destroyed most of the maize harvest.\n\n"
    "Forecasters expect more rain at the weekend, and the authority warned residents downstream to be ready to "
    "leave at short notice."
)
# Same template, another happening: the words of a routine story repeat, the facts do not.
OTHER = (
    "Flooding forced dozens of families from their homes in the coastal district on Friday, police said.\n\n"
    "The city council closed the harbour road after a storm surge, and the sea wall gave way in two places. "
    "Fire crews pumped water from a hospital basement.\n\n"
    "A spokesman for the mayor said a sports hall was open as a shelter and that one man was missing. Fishermen "
    "said their boats had been wrecked.\n\n"
    "Forecasters expect calmer weather next week."
)


def _link(original: str, copy: str) -> duplicates.Link | None:
    return duplicates.best_original(copy, [("orig", original)])


def _probed(original: str, copy: str) -> bool:
    """LSH: the two bodies share at least one band key (so the store would check the pair)."""
    return bool(set(duplicates.band_keys(original)) & set(duplicates.band_keys(copy)))


def test_wire_copies_and_rewrites_found() -> None:
    paragraphs = STORY.split("\n\n")
    copies = {
        "furniture": "Advertisement\n\n" + STORY + "\n\nShare this story on Facebook\n\nCopyright 2024 Valley Post",
        "reordered": "\n\n".join([paragraphs[0], paragraphs[2], paragraphs[1], paragraphs[3]]),
        "edited": STORY.replace("four villages", "five villages").replace("heavy rain", "torrential rain"),
        "truncated": "\n\n".join(paragraphs[:3]),
        "punctuation": STORY.upper().replace(",", "").replace("\u2019", "'"),
    }
    for kind, copy in copies.items():
        link = _link(STORY, copy)
        assert link is not None and link.duplicate_of == "orig", kind
        assert _probed(STORY, copy), kind
    assert _link(STORY, copies["punctuation"]) == duplicates.Link("orig", 1.0)  # the same words: 1.0
    assert _link(STORY, STORY + "\n\nAdvertisement").similarity == 0.9898  # one furniture word: 97 of 98 shingles
    assert not _link(STORY, copies["edited"]).same_words  # type: ignore[union-attr]


def test_other_stories_not_linked() -> None:
    assert _link(STORY, OTHER) is None
    assert duplicates.jaccard(duplicates.shingles(STORY), duplicates.shingles(OTHER)) < 0.05
    assert _link(STORY, "Flooding forced hundreds of families from their homes.") is None  # a headline alone
    assert duplicates.band_keys("") == () and duplicates.band_keys(" .,; ") == ()


def test_signature_is_stable() -> None:
    keys = duplicates.band_keys(STORY)
    assert len(keys) == 37 and keys == duplicates.band_keys(STORY)  # datasketch: 37 bands of 3 rows for 0.3
    assert all(-2**63 <= key < 2**63 for key in keys)
    assert duplicates.words("Don\u2019t stop-the \u00c9lan, 12.5%") == ["dont", "stop", "the", "élan", "12", "5"]
    assert duplicates.shingles("one two three") == {"one two three"}


def test_minhash_and_bands_are_datasketchs() -> None:
    # stored band keys must not change: the MinHash computed here is datasketch's "affine32" one, bit for bit
    datasketch = pytest.importorskip("datasketch", reason="datasketch is a development dependency")
    for body in (STORY, OTHER, "one two three", "word " * 40):
        items = [s.encode("utf-8") for s in duplicates.shingles(body)]
        theirs = datasketch.MinHash(num_perm=duplicates.NUM_PERM, seed=duplicates.SEED, scheme="affine32")
        theirs.update_batch(items)
        assert duplicates.minhash(items).tolist() == theirs.hashvalues.tolist()
    lsh = datasketch.MinHashLSH(threshold=duplicates.LSH_THRESHOLD, num_perm=duplicates.NUM_PERM)
    assert (lsh.b, lsh.r) == (duplicates.LSH_BANDS, duplicates.LSH_ROWS)


def test_importing_the_duplicates_module_imports_no_scipy() -> None:
    code = "import sys, dragoman.duplicates as d; d.band_keys('a b c d e f'); print('scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
