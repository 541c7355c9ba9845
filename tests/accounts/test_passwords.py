"""The argon2 parameters: production keeps RFC 9106's low-memory profile; only the test suite
chooses the cheapest one (tests/conftest.py), through A11Y_PASSWORD_HASH_PROFILE."""

from __future__ import annotations

import pytest
from argon2 import profiles

from a11y_core.config.errors import EnvSettingError
from a11y_service.accounts.passwords import PROFILE_SETTING, hasher_from_env


def test_without_the_setting_the_production_profile_is_used() -> None:
    hasher = hasher_from_env({})
    assert hasher.time_cost == profiles.RFC_9106_LOW_MEMORY.time_cost == 3
    assert hasher.memory_cost == profiles.RFC_9106_LOW_MEMORY.memory_cost == 64 * 1024
    assert hasher.parallelism == profiles.RFC_9106_LOW_MEMORY.parallelism
    assert hasher_from_env({PROFILE_SETTING: ""}).memory_cost == 64 * 1024


def test_the_setting_names_an_argon2_profile() -> None:
    cheap = hasher_from_env({PROFILE_SETTING: "CHEAPEST"})
    assert (cheap.time_cost, cheap.memory_cost) == (1, 8)
    assert cheap.hash("ein-langes-passwort").startswith("$argon2id$v=19$m=8,t=1,p=1$")


def test_an_unknown_profile_is_a_bilingual_setting_error() -> None:
    with pytest.raises(EnvSettingError) as caught:
        hasher_from_env({PROFILE_SETTING: "fast"})
    assert caught.value.message("de").startswith(
        "A11Y_PASSWORD_HASH_PROFILE: 'fast' ist kein argon2-Profil (erlaubt: RFC_9106_LOW_MEMORY"
    )
    assert "'fast' is not an argon2 profile" in caught.value.message("en")
