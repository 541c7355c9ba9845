from __future__ import annotations

from collections.abc import Iterator

import pytest

from glossaries import cache as disk_cache
from glossaries import loader


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Keep the tests away from the developer's real ~/.cache and from other test runs.
    mp = pytest.MonkeyPatch()
    mp.setenv("A11Y_CACHE_DIR", str(tmp_path_factory.mktemp("a11y-cache")))
    disk_cache._store.cache_clear()
    yield
    mp.undo()
    disk_cache._store.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_process_caches() -> Iterator[None]:
    # Tests write files with the same name in fresh tmp dirs; clear the per-process caches so
    # one test never sees another's parse result.
    loader._load_file_cached.cache_clear()
    loader._merge.cache_clear()
    yield
