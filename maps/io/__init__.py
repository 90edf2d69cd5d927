"""Writers and readers, one module per format family: ``geojson`` (by hand,
RFC 7946), ``gis`` (GeoPackage, GeoParquet), ``table`` (CSV with WKT).

A writer takes an events GeoDataFrame (``maps.frame``) and a path and
writes the whole file there; ``maps.export`` makes that safe (a temporary
file renamed over the target). A reader returns the same kind of frame.
"""
