"""Where a point stands relative to the border: side, state, county or
municipio, Border Patrol sector, distance to the line, nearest ports.

Everything is vectorised over arrays of points (shapely STRtrees, one pyproj
transform, numpy great-circle matrices) so that thousands of points cost
about as much as a handful; one point goes through the same path.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from .model import BorderContext, Place, PortDistance
from .projection import haversine_matrix_km, to_border_lcc

PIECE_M = 10_000.0  # the line is indexed in pieces this long
NEAR_LINE_KM = 5.0  # within this, the side comes from the line itself
FACING_SECTOR_KM = 200.0  # Mexican points this close get the sector across
PLANAR_LIMIT_KM = 300.0  # beyond this, distances are great-circle
NEAR_UNIT_DEG = 0.1  # how far to look for a unit on the line's side
US_MX = ("US", "MX")


def cut_in_pieces(line, count: int) -> list:
    """``line`` cut into ``count`` pieces of equal length: for each piece
    what ``substring(line, i / count, (i + 1) / count, normalized=True)``
    gives, vertex for vertex, in one walk along the line rather than one from
    its start for every piece (the border's 315 pieces took 0.11 s)."""
    coords = list(line.coords)
    # The distance along the line to each vertex but the last, summed as substring sums it.
    along = []
    distance = 0
    for (x1, y1), (x2, y2) in zip(coords, coords[1:]):
        along.append(distance)
        distance += ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    pieces = []
    for i in range(count):
        start, end = i / count * line.length, (i + 1) / count * line.length
        inside = coords[bisect.bisect_right(along, start):bisect.bisect_left(along, end)]
        first, last = line.interpolate(start).coords[0], line.interpolate(end).coords[0]
        pieces.append(LineString([first, *inside, last]))
    return pieces


def _first_within(tree: shapely.STRtree, points: np.ndarray) -> np.ndarray:
    """Index of the first tree geometry containing each point, or -1."""
    out = np.full(len(points), -1, dtype=np.int64)
    if len(tree.geometries) == 0:
        return out
    pairs = tree.query(points, predicate="within")
    # Assign in reverse so that the first match of each point wins.
    out[pairs[0][::-1]] = pairs[1][::-1]
    return out


class BorderIndex:
    """Spatial answers about points, from the gazetteer's shapes and places."""

    def __init__(self, places: Sequence[Place], geometry: Mapping[str, object]):
        def with_shape(kinds):
            return [p for p in places if p.kind in kinds and p.id in geometry]

        self.states = with_shape({"state"})
        self.admin2 = with_shape({"county", "municipality"})
        self.sectors = with_shape({"sector"})
        self.countries = [p for p in with_shape({"country"}) if p.country in US_MX]
        self.ports = [p for p in places if p.kind == "port_of_entry"]
        segments = [p for p in with_shape({"border_segment"}) if len(p.codes) == 2]

        self._state_tree = shapely.STRtree([geometry[p.id] for p in self.states])
        self._admin2_tree = shapely.STRtree([geometry[p.id] for p in self.admin2])
        self._sector_tree = shapely.STRtree([geometry[p.id] for p in self.sectors])
        self._country_tree = shapely.STRtree([geometry[p.id] for p in self.countries])
        self._port_lat = np.array([p.lat for p in self.ports])
        self._port_lon = np.array([p.lon for p in self.ports])
        self._build_line(segments, geometry)

    def _build_line(self, segments, geometry) -> None:
        pieces, piece_segment = [], []
        lines_lcc = []
        for seg in segments:
            line = geometry[seg.id]
            lon, lat = np.asarray(line.coords).T
            x, y = to_border_lcc(lon, lat)
            projected = shapely.linestrings(np.column_stack([x, y]))
            lines_lcc.append(projected)
            count = max(1, int(np.ceil(projected.length / PIECE_M)))
            pieces.extend(cut_in_pieces(projected, count))
            piece_segment.extend([seg.id] * count)
        self._pieces = np.array(pieces, dtype=object)
        self._piece_tree = shapely.STRtree(self._pieces)
        self._piece_segment = piece_segment
        self._segment_lines = segments
        # Sector facing each piece: the sector polygon nearest its middle.
        mids_x, mids_y = shapely.get_coordinates(
            shapely.line_interpolate_point(self._pieces, 0.5, normalized=True)
        ).T
        if self.sectors:
            mid_lonlat = _from_lcc(mids_x, mids_y)
            nearest = self._sector_tree.query_nearest(
                shapely.points(mid_lonlat[0], mid_lonlat[1]), all_matches=False
            )
            self._piece_sector = [None] * len(pieces)
            for piece_i, sector_i in zip(*nearest):
                self._piece_sector[piece_i] = self.sectors[sector_i].id
        else:
            self._piece_sector = [None] * len(pieces)
        # The whole line west→east, closed to the north: the US side.
        ordered = sorted(lines_lcc, key=lambda g: shapely.get_coordinates(g)[:, 0].min())
        coords = np.vstack([_west_to_east(g) for g in ordered])
        west, east = coords[0], coords[-1]
        far = 4_000_000.0
        cap = [(east[0] + far, east[1]), (east[0] + far, east[1] + far),
               (west[0] - far, west[1] + far), (west[0] - far, west[1])]
        self._north = Polygon(np.vstack([coords, cap]))
        shapely.prepare(self._north)
        lon, lat = _from_lcc(coords[:, 0], coords[:, 1])
        self._vertex_lat, self._vertex_lon = lat, lon

    # -- queries --------------------------------------------------------

    def contexts(self, lats, lons, ports: int = 3) -> list[BorderContext]:
        lats = np.asarray(lats, dtype=float)
        lons = np.asarray(lons, dtype=float)
        points = shapely.points(lons, lats)
        state_i = _first_within(self._state_tree, points)
        admin2_i = _first_within(self._admin2_tree, points)
        sector_i = _first_within(self._sector_tree, points)
        country_i = _first_within(self._country_tree, points)
        km, piece_i = self.border_distance_km(lats, lons)

        x, y = to_border_lcc(lons, lats)
        north = shapely.contains_xy(self._north, np.nan_to_num(x), np.nan_to_num(y))

        port_km = haversine_matrix_km(lats, lons, self._port_lat, self._port_lon)
        port_order = np.argsort(port_km, axis=1)[:, :ports] if self.ports else None

        out = []
        for i in range(len(lats)):
            state = self.states[state_i[i]] if state_i[i] >= 0 else None
            country = state.country if state else (
                self.countries[country_i[i]].country if country_i[i] >= 0 else None)
            side = country if country in US_MX else None
            admin2 = self.admin2[admin2_i[i]] if admin2_i[i] >= 0 else None
            sector = self.sectors[sector_i[i]].id if sector_i[i] >= 0 else None
            if km[i] <= NEAR_LINE_KM:
                side = "US" if north[i] else "MX"
                country = side
                if state is None or state.country != side:
                    # The simplified polygons and the line disagree by metres
                    # here: take the units of the side the line says.
                    state, admin2, sector = self._units_on_side(points[i], side)
            elif admin2 is not None and state is not None and admin2.admin1 != state.name:
                admin2 = None
            if sector is None and side == "MX" and km[i] <= FACING_SECTOR_KM:
                sector = self._piece_sector[piece_i[i]]
            nearest_ports = ()
            if port_order is not None:
                nearest_ports = tuple(
                    PortDistance(self.ports[j].id, self.ports[j].name, round(float(port_km[i, j]), 2))
                    for j in port_order[i]
                )
            out.append(BorderContext(
                lat=float(lats[i]), lon=float(lons[i]), side=side, country=country,
                state=state.name if state else None,
                admin2=admin2.name if admin2 else None,
                sector=sector, border_km=round(float(km[i]), 2),
                border_segment=self._piece_segment[piece_i[i]],
                nearest_ports=nearest_ports,
            ))
        return out

    def units_on_side(self, lat: float, lon: float, side: str):
        """(state, county or municipio, sector id) on ``side`` of a point near the line."""
        return self._units_on_side(shapely.Point(lon, lat), side)

    def _units_on_side(self, point, side: str):
        """Nearest state, county or municipio, and sector on ``side`` of a
        point that lies within metres of the line."""
        def nearest(tree, places, country):
            found = tree.query(point, predicate="dwithin", distance=NEAR_UNIT_DEG)
            found = [j for j in found if places[j].country == country]
            if not found:
                return None
            return places[min(found, key=lambda j: tree.geometries[j].distance(point))]

        state = nearest(self._state_tree, self.states, side)
        admin2 = nearest(self._admin2_tree, self.admin2, side)
        sector = nearest(self._sector_tree, self.sectors, "US") if side == "US" else None
        return state, admin2, sector.id if sector else None

    def context(self, lat: float, lon: float, ports: int = 3) -> BorderContext:
        return self.contexts([lat], [lon], ports=ports)[0]

    def border_distance_km(self, lats, lons) -> tuple[np.ndarray, np.ndarray]:
        """Kilometres from each point to the line, and the nearest piece."""
        lats = np.asarray(lats, dtype=float)
        lons = np.asarray(lons, dtype=float)
        x, y = to_border_lcc(lons, lats)
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        km = np.full(len(lats), np.inf)
        piece = np.zeros(len(lats), dtype=np.int64)
        finite = np.flatnonzero(np.isfinite(x) & np.isfinite(y))  # the poles do not project
        if len(finite):
            idx, metres = self._piece_tree.query_nearest(
                shapely.points(x[finite], y[finite]), return_distance=True, all_matches=False
            )
            km[finite[idx[0]]] = metres / 1000.0
            piece[finite[idx[0]]] = idx[1]
        far = np.flatnonzero(km > PLANAR_LIMIT_KM)
        for chunk in np.array_split(far, max(1, len(far) // 512)) if len(far) else ():
            matrix = haversine_matrix_km(lats[chunk], lons[chunk], self._vertex_lat, self._vertex_lon)
            km[chunk] = matrix.min(axis=1)
        return km, piece


def _west_to_east(line) -> np.ndarray:
    coords = shapely.get_coordinates(line)
    return coords if coords[0, 0] <= coords[-1, 0] else coords[::-1]


def _from_lcc(x, y):
    from pyproj import Transformer

    from .projection import BORDER_LCC

    back = Transformer.from_crs(BORDER_LCC, "EPSG:4326", always_xy=True)
    return back.transform(x, y)
