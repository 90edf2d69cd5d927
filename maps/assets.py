"""The web assets maps load, in one place: each CDN address folium (0.20)
uses, paired with the file of the same version in the local copy.

Layers name the assets they need (``default_js``/``default_css``, folium's
convention) from the constants here. Online, the page links to the CDN;
``inline_assets`` puts the local files into the page instead, so that an
offline map works with no network at all. The local copy is the npm
packages of ``assets/package.json``, installed by ``make assets`` into
``build/assets/node_modules`` (or the folder ``$BORDERMAP_ASSETS`` names),
plus folium's own copy of Leaflet.heat.
"""

from __future__ import annotations

import base64
import os
import re
from pathlib import Path

from maps.errors import MissingAssetsError

ENV = "BORDERMAP_ASSETS"
JSDELIVR, CDNJS = "https://cdn.jsdelivr.net", "https://cdnjs.cloudflare.com/ajax/libs"

LEAFLET_JS = ("leaflet", f"{JSDELIVR}/npm/leaflet@1.9.3/dist/leaflet.js")
LEAFLET_CSS = ("leaflet_css", f"{JSDELIVR}/npm/leaflet@1.9.3/dist/leaflet.css")
# Font Awesome at folium's version, its icon classes and the solid style only
# (folium links all.min.css, which inlined carries four fonts instead of one).
FONTAWESOME = f"{JSDELIVR}/npm/@fortawesome/fontawesome-free@6.2.0"
FONTAWESOME_CSS = ("fontawesome_css", f"{FONTAWESOME}/css/fontawesome.min.css")
FONTAWESOME_SOLID_CSS = ("fontawesome_solid_css", f"{FONTAWESOME}/css/solid.min.css")
MARKERCLUSTER_JS = ("markerclusterjs", f"{CDNJS}/leaflet.markercluster/1.1.0/leaflet.markercluster.js")
MARKERCLUSTER_CSS = ("markerclustercss", f"{CDNJS}/leaflet.markercluster/1.1.0/MarkerCluster.css")
MARKERCLUSTER_DEFAULT_CSS = ("markerclusterdefaultcss",
                             f"{CDNJS}/leaflet.markercluster/1.1.0/MarkerCluster.Default.css")
HEAT_JS = ("leaflet-heat.js",
           f"{JSDELIVR}/gh/python-visualization/folium@main/folium/templates/leaflet_heat.min.js")

# CDN address → ("npm" or "folium", path in that copy). Besides the ones the
# maps use, folium's own defaults, so that any folium page can be served.
LOCAL = {
    HEAT_JS[1]: ("folium", "templates/leaflet_heat.min.js"),
    "https://code.jquery.com/jquery-3.7.1.min.js": ("npm", "jquery/dist/jquery.min.js"),
    f"{CDNJS}/jquery/3.7.1/jquery.min.js": ("npm", "jquery/dist/jquery.min.js"),
    f"{CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js":
        ("npm", "drmonty-leaflet-awesome-markers/js/leaflet.awesome-markers.js"),
    f"{CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css":
        ("npm", "drmonty-leaflet-awesome-markers/css/leaflet.awesome-markers.css"),
}
# Any other file under a package's CDN folder: the same path under its npm folder.
PACKAGES = {
    f"{JSDELIVR}/npm/leaflet@1.9.3/": "leaflet/",
    f"{FONTAWESOME}/": "@fortawesome/fontawesome-free/",
    f"{CDNJS}/leaflet.markercluster/1.1.0/": "leaflet.markercluster/dist/",
    f"{JSDELIVR}/npm/bootstrap@5.2.2/": "bootstrap/",
    f"{CDNJS}/Leaflet.awesome-markers/2.0.2/images/": "drmonty-leaflet-awesome-markers/css/images/",
}
MIME = {".png": "image/png", ".gif": "image/gif", ".svg": "image/svg+xml", ".woff2": "font/woff2",
        ".js": "text/javascript", ".css": "text/css", ".ttf": "font/ttf", ".woff": "font/woff"}
# What CSS may point at that the page then needs: images and woff2 fonts are
# inlined; older font formats are dropped (every browser Leaflet 1.9 runs in reads woff2).
INLINED_IN_CSS = (".png", ".gif", ".svg", ".woff2")
SCRIPT_LINK = re.compile(r'<script src="(?P<url>[^"]+)"></script>')
CSS_LINK = re.compile(r'<link rel="stylesheet" href="(?P<url>[^"]+)"/>')
CSS_URL = re.compile(r"url\((?P<q>['\"]?)(?P<ref>[^'\")]+)(?P=q)\)")


def npm_root() -> Path:
    """The node_modules folder of the local copy."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    return Path(__file__).resolve().parents[1] / "build" / "assets" / "node_modules"


def local_file(url: str) -> Path | None:
    """The local file for a CDN address, or for a file a stylesheet of the
    local copy points at (fonts, images); None when there is none."""
    url = url.split("?")[0].split("#")[0]
    if url in LOCAL:
        where, relative = LOCAL[url]
        return (_folium_root() if where == "folium" else npm_root()) / relative
    for prefix in sorted(PACKAGES, key=len, reverse=True):
        if url.startswith(prefix) and ".." not in url[len(prefix):].split("/"):
            return npm_root() / PACKAGES[prefix] / url[len(prefix):]
    return None


def read_local(url: str) -> bytes:
    path = local_file(url)
    if path is None:
        raise MissingAssetsError(f"no local copy of {url} (the offline map cannot use it)")
    if not path.is_file():
        raise MissingAssetsError(f"offline maps need the local copy of Leaflet and its plugins; {path} is "
                                 f"missing: run `make assets` (or set {ENV} to a node_modules folder)")
    return path.read_bytes()


def inline_assets(html: str) -> str:
    """``html`` with every linked script and stylesheet put into the page,
    from the local copy; raises MissingAssetsError when one is missing."""

    def script(match):
        code = read_local(match["url"]).decode("utf-8")
        return "<script>" + code.replace("</script", "<\\/script") + "</script>"

    def style(match):
        css = inline_css(read_local(match["url"]).decode("utf-8"), match["url"])
        return "<style>" + css.replace("</style", "<\\/style") + "</style>"

    return CSS_LINK.sub(style, SCRIPT_LINK.sub(script, html))


def inline_css(css: str, url: str) -> str:
    """A stylesheet's images and woff2 fonts as data: addresses; other font
    files removed; the address ``url`` says where the sheet lives."""
    folder = url.rsplit("/", 1)[0]

    def replace(match):
        ref = match["ref"]
        if ref.startswith(("data:", "#")):
            return match.group(0)
        target = ref if "://" in ref else _join(folder, ref)
        suffix = Path(target.split("?")[0].split("#")[0]).suffix.lower()
        if suffix not in INLINED_IN_CSS:
            return "url(data:,)"
        payload = base64.b64encode(read_local(target)).decode("ascii")
        return f"url(data:{MIME[suffix]};base64,{payload})"

    return CSS_URL.sub(replace, css)


def external_references(html: str) -> list[str]:
    """Scripts and stylesheets the page still loads from elsewhere."""
    return [m["url"] for m in (*SCRIPT_LINK.finditer(html), *CSS_LINK.finditer(html))]


def _join(folder: str, ref: str) -> str:
    parts = folder.split("/")
    for piece in ref.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in (".", ""):
            parts.append(piece)
    return "/".join(parts)


def _folium_root() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("folium")
    return Path(spec.origin).parent
