"""maps.assets: every CDN address the maps use has a local copy, and an
offline page links nothing."""

from __future__ import annotations

import re

import pytest

from maps import assets
from maps.errors import MissingAssetsError

USED = [assets.LEAFLET_JS, assets.LEAFLET_CSS, assets.FONTAWESOME_CSS, assets.FONTAWESOME_SOLID_CSS,
        assets.MARKERCLUSTER_JS, assets.MARKERCLUSTER_CSS, assets.MARKERCLUSTER_DEFAULT_CSS, assets.HEAT_JS]
needs_copy = pytest.mark.skipif(not (assets.npm_root() / "leaflet").is_dir(),
                                reason="the local copy of Leaflet is not installed (make assets)")


def test_versions_match_folium():
    import folium.folium
    import folium.plugins

    folium_urls = {url for _, url in folium.folium._default_js + folium.folium._default_css}
    assert assets.LEAFLET_JS[1] in folium_urls and assets.LEAFLET_CSS[1] in folium_urls
    plugin = folium.plugins.MarkerCluster
    cluster = {url for _, url in plugin.default_js + plugin.default_css}
    ours = {assets.MARKERCLUSTER_JS[1], assets.MARKERCLUSTER_CSS[1], assets.MARKERCLUSTER_DEFAULT_CSS[1]}
    assert ours <= cluster
    assert assets.HEAT_JS[1] in {url for _, url in folium.plugins.HeatMap.default_js}
    fa = next(url for _, url in folium.folium._default_css if "fontawesome" in url)
    assert fa.rsplit("/css/", 1)[0] == assets.FONTAWESOME  # the same version, its smaller sheets


@needs_copy
@pytest.mark.parametrize(("name", "url"), USED)
def test_every_used_asset_has_a_local_file(name, url):
    path = assets.local_file(url)
    assert path is not None and path.is_file(), url


@needs_copy
def test_fonts_and_images_are_inlined_and_old_font_formats_dropped():
    css = assets.inline_css(assets.read_local(assets.FONTAWESOME_SOLID_CSS[1]).decode(),
                            assets.FONTAWESOME_SOLID_CSS[1])
    assert "data:font/woff2;base64," in css and ".ttf" not in css and "webfonts/" not in css
    leaflet = assets.inline_css(assets.read_local(assets.LEAFLET_CSS[1]).decode(), assets.LEAFLET_CSS[1])
    assert "data:image/png;base64," in leaflet and "images/layers.png" not in leaflet


@needs_copy
def test_inline_assets_leaves_no_link():
    html = (f'<head><script src="{assets.LEAFLET_JS[1]}"></script>'
            f'<link rel="stylesheet" href="{assets.LEAFLET_CSS[1]}"/></head>')
    out = assets.inline_assets(html)
    assert assets.external_references(out) == []
    assert "L.version" in out or "leaflet" in out.lower()
    assert not re.search(r"</script(?!>)", out)


def test_missing_copy_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv(assets.ENV, str(tmp_path))
    with pytest.raises(MissingAssetsError, match="make assets"):
        assets.inline_assets(f'<script src="{assets.LEAFLET_JS[1]}"></script>')
    with pytest.raises(MissingAssetsError, match="no local copy"):
        assets.read_local("https://example.org/other.js")


def test_paths_cannot_leave_the_package_folder():
    assert assets.local_file("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/../../etc/passwd") is None
