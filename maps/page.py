"""A map as a file: HTML (online, or offline with every asset inside the
page) or PNG (``maps.png``). Files are written beside their target and
renamed over it when complete."""

from __future__ import annotations

from html import escape
from pathlib import Path

from branca.element import Figure

from maps.errors import MissingAssetsError, OutputFileError

SUFFIXES = {".html": "html", ".htm": "html", ".png": "png"}


class MapFigure(Figure):
    """The page a map sits in; when ``offline``, rendering puts the local
    copies of the linked scripts and stylesheets into the page, so that
    ``Map.save`` and ``_repr_html_`` give a page that needs no network."""

    def __init__(self, *, title: str | None = None, offline: bool = False):
        super().__init__(title=escape(title) if title else None)
        self.offline = offline

    def render(self, **kwargs) -> str:
        html = super().render(**kwargs)
        if not self.offline:
            return html
        from maps.assets import external_references, inline_assets

        html = inline_assets(html)
        left = external_references(html)
        if left:
            raise MissingAssetsError(f"the offline map still links {left[0]}")
        return html


def attach_figure(m, *, title: str | None, offline: bool):
    MapFigure(title=title, offline=offline).add_child(m)
    m.bordermap_offline = offline
    return m


def map_html(m) -> str:
    """The whole page of map ``m``."""
    return m.get_root().render()


def output_kind(path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise OutputFileError(path, f"unknown map file type {suffix or '(none)'!r} (expected .html or .png)")
    return SUFFIXES[suffix]


def check_map_output(path) -> str:
    """"html" or "png", after checking that ``path`` can be written."""
    from maps.export import check_output

    kind = output_kind(path)
    check_output(path, format="csv")  # any known format: only the folder and the file are checked
    return kind


def save_map(m, path, *, width: int = 1400, height: int = 900) -> Path:
    """Write map ``m`` to ``path``: .html/.htm, or .png (a screenshot of the
    offline page in headless Chromium, ``width`` × ``height`` pixels)."""
    from maps.export import _replacing

    kind = check_map_output(path)
    target = Path(path)
    if kind == "png":
        from maps.png import page_png

        if not getattr(m, "bordermap_offline", False):
            raise OutputFileError(path, "a PNG is drawn from an offline map: corridor_map(..., offline=True)")

        data = page_png(map_html(m), width=width, height=height)
        with _replacing(target) as tmp:
            Path(tmp).write_bytes(data)
        return target
    html = map_html(m)
    with _replacing(target) as tmp:
        Path(tmp).write_text(html, encoding="utf-8")
    return target
