"""Browser tests: maps opened in headless Chromium (Debian's, through
Playwright) as a user opens a saved file, every request intercepted — CDN
addresses answered from the local copy of the assets, anything else
refused and recorded — so the tests never touch the network.

They are skipped only when Chromium is absent and the ``CI`` variable is
unset; under CI a missing browser fails them. Screenshots go to
``artifacts/`` (git-ignored).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
READY = "() => window.bordermap && window.bordermap.ready === true"
RESOURCE_ERROR = "Failed to load resource"  # a refused request (tiles online), reported by the browser


@pytest.fixture(scope="session")
def browser():
    from maps.browser import chromium_path, launch

    if not chromium_path().is_file():
        reason = f"no Chromium at {chromium_path()}: run `make chromium` (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} — under CI the browser tests must run, not skip")
        pytest.skip(reason)
    with launch() as chromium:
        yield chromium


@dataclass
class MapPage:
    page: object
    errors: list = field(default_factory=list)  # script errors and console errors
    leaving: list = field(default_factory=list)  # requests that would have left the machine
    dialogs: list = field(default_factory=list)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()


@pytest.fixture
def open_map(browser, tmp_path):
    """Open a folium map (or a page's HTML) from a file; wait until drawn."""
    from maps.browser import serve_offline
    from maps.page import map_html

    opened = []

    def opener(m, *, width: int = 1400, height: int = 900, wait: bool = True) -> MapPage:
        html = m if isinstance(m, str) else map_html(m)
        path = tmp_path / f"map-{len(opened)}.html"
        path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": width, "height": height})
        opened.append(page)
        view = MapPage(page)
        page.on("pageerror", lambda error: view.errors.append(f"{error}"))
        page.on("console", lambda msg: view.errors.append(msg.text)
                if msg.type == "error" and not msg.text.startswith(RESOURCE_ERROR) else None)
        page.on("dialog", lambda dialog: (view.dialogs.append(dialog.message), dialog.dismiss()))
        view.leaving = serve_offline(page)
        page.goto(path.as_uri(), wait_until="load")
        if wait:
            page.wait_for_function(READY, timeout=60_000)
        return view

    yield opener
    for page in opened:
        page.close()


@pytest.fixture(scope="session")
def synthetic():
    """``synthetic_events(n)`` of the map benchmark: events along the whole line."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_maps import synthetic_events

    return synthetic_events
