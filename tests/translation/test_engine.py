"""The engine on a tiny real model: batching, translation memory, pivot, sentence splitting."""

from __future__ import annotations

from pathlib import Path

import pytest

from a11y_core.config import EnvSettingError
from tests.translation.conftest import tag_ids
from translators import tags
from translators.engine import EngineConfig, Translator, split_sentences
from translators.errors import ModelNotInstalledError
from translators.memory import TranslationMemory

SENTENCES = [
    "Der Antrag wird vom Amt geprüft.",
    "Bitte rufen Sie uns an.",
    "Das Bürgeramt ist am Montag geschlossen.",
]


def test_translate_segments_structure(fresh_translator: Translator) -> None:
    result = fresh_translator.translate_segments(SENTENCES, "de", "en")
    assert len(result.segments) == 3
    assert result.pivot is None
    assert result.models == ["de-en@1.0"]
    for segment in result.segments:
        assert isinstance(segment.text, str)
        assert segment.from_memory is False
        assert segment.pivot is None


def test_all_sentences_go_in_one_batch(fresh_translator: Translator) -> None:
    text = " ".join(SENTENCES * 3)  # nine sentences, three distinct
    result = fresh_translator.translate_segments([text, "Haben Sie noch Fragen?"], "de", "en")
    assert fresh_translator.stats["model_calls"] == 1
    # Identical sentences are translated once, within one request too.
    assert fresh_translator.stats["model_sentences"] == 4
    assert result.stats["sentences"] == 10


def test_memory_hit_avoids_the_model(fresh_translator: Translator) -> None:
    first = fresh_translator.translate_segments(SENTENCES, "de", "en")
    calls = dict(fresh_translator.stats)
    second = fresh_translator.translate_segments(list(reversed(SENTENCES)), "de", "en")
    assert fresh_translator.stats["model_calls"] == calls["model_calls"]
    assert fresh_translator.stats["model_sentences"] == calls["model_sentences"]
    assert all(s.from_memory for s in second.segments)
    assert second.texts == list(reversed(first.texts))


def test_memory_keys_ignore_placeholder_numbers(fresh_translator: Translator) -> None:
    fresh_translator.translate_segments(["Rufen Sie <x4/> an."], "de", "en")
    before = fresh_translator.stats["model_sentences"]
    result = fresh_translator.translate_segments(["Rufen Sie <x9/> an."], "de", "en")
    assert fresh_translator.stats["model_sentences"] == before
    assert result.segments[0].from_memory
    assert tag_ids(result.segments[0].text) == ["x9"]


def test_persistent_memory_survives_a_new_translator(tmp_path: Path, models_dir: Path) -> None:
    config = EngineConfig(models_dir=models_dir, memory_path=tmp_path / "tm.sqlite3")
    first = Translator(config)
    texts = first.translate_segments(SENTENCES, "de", "en").texts
    first.memory.close()
    second = Translator(config)
    result = second.translate_segments(SENTENCES, "de", "en")
    assert second.stats["model_calls"] == 0
    assert result.texts == texts


def test_pivot_through_english(fresh_translator: Translator) -> None:
    result = fresh_translator.translate_segments(SENTENCES, "de", "fr")
    assert result.pivot == "en"
    assert result.models == ["de-en@1.0", "en-fr@1.0"]
    assert all(s.pivot == "en" for s in result.segments)
    assert fresh_translator.stats["model_calls"] == 2  # one batch per hop


def test_missing_model(fresh_translator: Translator) -> None:
    with pytest.raises(ModelNotInstalledError) as info:
        fresh_translator.translate_segments(["Hallo."], "fr", "de")
    assert "fr → de" in info.value.de and "fr → de" in info.value.en


def test_tags_survive_the_model(fresh_translator: Translator) -> None:
    source = "Rufen Sie <g1>uns</g1> unter <x2/> an. Wir sind <x3/> da."
    result = fresh_translator.translate_segments([source], "de", "en")
    out = result.segments[0].text
    assert sorted(tag_ids(out)) == sorted(tag_ids(source))
    assert tags.balanced(out)


def test_split_sentences_keeps_pairs_together() -> None:
    prefix, pieces = split_sentences("<g1>Erster Satz. Zweiter Satz.</g1> Dritter Satz.", "de")
    assert prefix == ""
    assert [p for p, _s in pieces] == ["<g1>Erster Satz. Zweiter Satz.</g1>", "Dritter Satz."]
    _prefix, pieces = split_sentences("First one. Second one!\nThird", "en")
    assert [p for p, _s in pieces] == ["First one.", "Second one!", "Third"]
    _prefix, pieces = split_sentences("Am 3. März ist z. B. zu. Dann nicht.", "de")
    assert len(pieces) == 2  # the project's segmenter: no split after ordinals or "z. B."


def test_config_from_env(tmp_path: Path) -> None:
    config = EngineConfig.from_env(
        {
            "A11Y_MODELS_DIR": str(tmp_path),
            "A11Y_TRANSLATE_THREADS": "2",
            "A11Y_TRANSLATE_BEAM_SIZE": "1",
            "A11Y_TRANSLATE_BATCH_SIZE": "8",
        }
    )
    assert (config.models_dir, config.inter_threads, config.beam_size, config.max_batch_size) == (
        tmp_path, 2, 1, 8,
    )
    assert EngineConfig.from_env({}).beam_size == EngineConfig().beam_size
    # The one parser of A11Y_* numbers: the error names the variable, in both languages.
    with pytest.raises(EnvSettingError) as info:
        EngineConfig.from_env({"A11Y_TRANSLATE_THREADS": "viele"})
    assert info.value.both() == (
        "A11Y_TRANSLATE_THREADS: 'viele' ist keine ganze Zahl. / 'viele' is not an integer."
    )



def test_memory_lru_bound() -> None:
    memory = TranslationMemory(size=2)
    memory.put_many([(("de", "en", "v", str(i)), str(i)) for i in range(3)])
    assert memory.get(("de", "en", "v", "0")) is None
    assert memory.get(("de", "en", "v", "2")) == "2"
