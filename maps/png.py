"""A static PNG of a map, for reports: the offline page drawn by headless
Chromium (``maps.browser``) and photographed once every layer is drawn."""

from __future__ import annotations

PAGE_URL = "http://bordermap.invalid/map.html"  # answered from memory, never fetched
READY = "() => window.bordermap && window.bordermap.ready === true"
SETTLE_MS = 400  # fading tiles and markers


def page_png(html: str, *, width: int = 1400, height: int = 900, timeout_ms: int = 60_000) -> bytes:
    """The PNG of page ``html`` at ``width`` × ``height`` pixels. Every
    request the page makes is answered locally or refused.

    The browser runs in a thread of its own: Playwright's synchronous API
    refuses to start where an event loop already runs (a notebook, or
    another Playwright session)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_snapshot, html, width, height, timeout_ms).result()


def _snapshot(html: str, width: int, height: int, timeout_ms: int) -> bytes:
    from maps.browser import launch, serve_offline

    with launch() as browser:
        page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        serve_offline(page, page_url=PAGE_URL, html=html)
        page.goto(PAGE_URL, wait_until="load", timeout=timeout_ms)
        page.wait_for_function(READY, timeout=timeout_ms)
        page.wait_for_timeout(SETTLE_MS)
        return page.screenshot(type="png", full_page=False)
