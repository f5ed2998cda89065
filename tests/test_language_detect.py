"""Language identification, and the pipeline's skip of a German document (real store)."""

from __future__ import annotations

from pathlib import Path

from dragoman import query, store
from dragoman.language import detect_language
from dragoman.pipeline import code_files

GERMAN = ("BERLIN (dpa) - Die Bundesregierung hat die Angriffe auf Zivilisten in der Region Darfur scharf "
          "verurteilt. Die Außenministerin forderte am Montag einen sofortigen Waffenstillstand und die Öffnung "
          "der Grenzübergänge für humanitäre Hilfe.\n")
ENGLISH = ("KHARTOUM (Reuters) - Sudanese army warplanes bombed a market in North Darfur on Saturday, killing 40 "
           "people, a medical group said.\n")


def test_detect_language() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(GERMAN) == "de"
    assert detect_language("Le gouvernement a suspendu les activités de deux partis politiques jusqu'à nouvel "
                           "ordre, selon un communiqué.") == "fr"
    assert detect_language("12 34 !!") is None


def test_german_text_is_stored_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "x.db"
    summary = code_files([tmp_path / "de.txt", tmp_path / "en.txt"], db=db)
    assert summary.skipped == 1 and summary.coded == 1
    conn = store.connect(db)
    try:
        docs = {Path(d["source_id"]).name: d for d in query.iter_documents(conn)}
    finally:
        conn.close()
    assert docs["de.txt"]["status"] == "skipped" and docs["de.txt"]["error"] == "language de"
    assert docs["de.txt"]["language"] == "de"
    assert docs["en.txt"]["status"] == "ok" and docs["en.txt"]["agency"] == "Reuters"
    assert docs["en.txt"]["text"].startswith("Sudanese army warplanes bombed")


def test_short_english_sentences_are_english() -> None:
    for text in ("Rebels attacked Goma.", "Kigali and Kinshasa held talks.", "Israel bombed Gaza.",
                 "Russia invaded Ukraine.", "Gunmen killed 12 villagers in Zamfara", "Troops shelled Sake on Monday.",
                 "Dagestan's president met Putin on Monday."):
        assert detect_language(text) == "en", text


def test_short_foreign_sentences_keep_their_language() -> None:
    assert detect_language("Die Bundesregierung hat die Angriffe verurteilt.") == "de"
    assert detect_language("Le gouvernement a suspendu les partis.") == "fr"
    assert detect_language("El gobierno condenó el ataque.") == "es"
    assert detect_language("Il governo ha condannato l'attacco.") == "it"
    assert detect_language("De president van Rusland heeft op maandag met Poetin gesproken.") == "nl"


def test_language_long_english_text_skips_the_classifier() -> None:
    from dragoman import language

    language._identifier.cache_clear()
    text = ("The army said on Monday that its troops had pushed the rebels out of the town after two days of "
            "fighting, and that they would stay there until the talks with the government resume. ") * 3
    assert language.detect_language(text) == "en"
    assert language._identifier.cache_info().currsize == 0
    german = ("Die Armee hat am Montag mitgeteilt, dass ihre Truppen die Rebellen nach zwei Tagen aus der Stadt "
              "vertrieben haben und dass sie dort bleiben, bis die Gespräche mit der Regierung wieder beginnen. ") * 3
    assert language.detect_language(german) == "de"


def test_language_short_english_news_is_not_taken_for_a_creole() -> None:
    from dragoman.language import detect_language

    # py3langid tends to call short English news Nigerian Pidgin (pcm); the function words settle it.
    sentence = "Nigerian troops killed dozens of Boko Haram fighters in Borno state, the army said."
    assert detect_language(sentence) == "en"


def test_language_short_english_with_inflections_is_english() -> None:
    # Sentences with no listed English function word that the classifier alone calls Portuguese or Italian.
    for text in ("Police arrested 30 protesters in Lagos as gunmen killed five villagers in Zamfara.",
                 "Soldiers opened fire on marchers demanding elections in Conakry.",
                 "Gunmen kidnapped 20 students in Kaduna state, police added."):
        assert detect_language(text) == "en", text


def test_language_short_foreign_text_with_english_looking_words_keeps_its_language() -> None:
    # Dutch ends many nouns in -ing; its function words still win.
    assert detect_language("De regering heeft de verkiezing in de provincie uitgesteld na het geweld.") == "nl"
    assert detect_language("Os manifestantes foram detidos pela polícia após os protestos.") == "pt"


def test_language_short_english_told_with_an_irregular_past_is_english() -> None:
    # "met" is a Dutch function word too: after a name it is the English verb, and the classifier alone says Dutch.
    for text in ("Jens Stoltenberg met Turkish President Erdogan in Ankara.", "Merkel met Macron in Paris.",
                 "Putin told Erdogan in Sochi.", "Ursula von der Leyen met Chinese officials in Beijing."):
        assert detect_language(text) == "en", text  # "von der" inside a name is no German
    assert detect_language("Rutte sprak met Macron in Parijs.") == "nl"
    assert detect_language("De minister sprak met Poetin.") == "nl"
