"""Session set-up shared by every test.

The gazetteer writes its SQLite name index to ``$BORDERMAP_CACHE``; the
variable is pointed at a throw-away folder here, before any test (or any
subprocess a test starts) can open a Gazetteer, so that the suite never
writes to the user's ``~/.cache``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

_CACHE_KEY = "_bordermap_test_cache"


def pytest_configure(config):
    cache = tempfile.mkdtemp(prefix="bordermap-test-cache-")
    setattr(config, _CACHE_KEY, cache)
    os.environ["BORDERMAP_CACHE"] = cache
    # A places file set in the developer's shell must not leak into the CLI tests.
    os.environ.pop("BORDERMAP_PLACES", None)


def pytest_unconfigure(config):
    cache = getattr(config, _CACHE_KEY, None)
    if cache:
        shutil.rmtree(cache, ignore_errors=True)


@pytest.fixture(scope="session")
def cache_dir() -> str:
    """The session's index cache folder (``$BORDERMAP_CACHE``)."""
    return os.environ["BORDERMAP_CACHE"]


@pytest.fixture(scope="session")
def gaz(cache_dir):
    """The packaged gazetteer, shared by the whole session. Tests must not add
    places to it (use ``fresh_gaz`` for that)."""
    from gazetteer import Gazetteer

    return Gazetteer.default()


@pytest.fixture
def fresh_gaz(cache_dir):
    """A Gazetteer of its own (same cached index) that a test may add places to."""
    from gazetteer import Gazetteer

    return Gazetteer()


@pytest.fixture
def fresh_default(monkeypatch, fresh_gaz):
    """Make ``Gazetteer.default()`` (what the CLI uses) a fresh instance for one
    test, so that ``--places`` files do not leak into the shared one."""
    import gazetteer.gazetteer as module

    monkeypatch.setattr(module, "_DEFAULT", fresh_gaz)
    return fresh_gaz


def pytest_collection_modifyitems(config, items):
    """Plain ``pytest`` (``make test-fast``) leaves out the slow tests; any
    ``-m`` expression, e.g. ``-m "slow or not slow"`` (``make test``), decides
    for itself."""
    if config.option.markexpr:
        return
    skip = pytest.mark.skip(reason='slow: run with -m "slow or not slow"')
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def geoparser(gaz):
    """One Geoparser over the shared gazetteer, for the whole session (the name
    automaton loads once)."""
    from geo.pipeline import Geoparser

    return Geoparser(gaz)


SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "joint-effort-targets-border-crime.txt"


@pytest.fixture(scope="session")
def seed_doc(geoparser):
    """The article the project started from, geoparsed (skips when the shared
    folder is not beside the repository)."""
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED} (the shared folder is not beside the repository)")
    from geo.readers import read_documents

    (doc,) = list(read_documents([str(SEED)]))
    return geoparser(doc)
