"""Headless Chromium through Playwright: the system's browser (Debian's
``chromium`` package, ``$BORDERMAP_CHROMIUM`` to use another), never one
Playwright downloads. Used for PNG snapshots, the browser tests and the
benchmark; every request a page makes goes through ``serve_offline``."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from maps.errors import MissingAssetsError

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> Path:
    return Path(os.environ.get("BORDERMAP_CHROMIUM") or CHROMIUM)


def available() -> bool:
    import importlib.util

    return chromium_path().is_file() and importlib.util.find_spec("playwright") is not None


@contextlib.contextmanager
def launch():
    """A headless Chromium browser (Playwright's ``Browser``)."""
    import importlib.util

    if importlib.util.find_spec("playwright") is None:
        raise MissingAssetsError("drawing a PNG needs the 'playwright' package: pip install playwright")
    path = chromium_path()
    if not path.is_file():
        raise MissingAssetsError(f"drawing a PNG needs Chromium at {path}: apt-get install chromium "
                                 "(or set BORDERMAP_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(path), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def serve_offline(page, *, page_url: str | None = None, html: str | None = None) -> list[str]:
    """Answer every request of ``page`` from this machine: ``page_url`` with
    ``html``, a CDN address with its local copy (``maps.assets``), anything
    else aborted. Returns the list that collects the addresses of the
    requests that would have left the machine (CDN ones included)."""
    from maps.assets import MIME, local_file

    leaving: list[str] = []

    def handle(route):
        url = route.request.url
        if page_url is not None and url == page_url:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html or "")
            return
        if url.startswith(("data:", "about:", "blob:", "file:")):  # never leave the machine
            route.continue_()
            return
        leaving.append(url)
        local = local_file(url)
        if local is not None and local.is_file():
            route.fulfill(status=200, body=local.read_bytes(),
                          content_type=MIME.get(local.suffix.lower(), "application/octet-stream"),
                          headers={"Access-Control-Allow-Origin": "*"})
        else:
            route.abort()

    page.route("**/*", handle)
    return leaving
