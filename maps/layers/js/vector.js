function (data, map) {
  var pane = data.pane || "overlayPane";
  if (data.pane && !map.getPane(data.pane)) {
    map.createPane(data.pane).style.zIndex = data.zIndex;
  }
  if (!map.bmZoomClass) {  // "bm-zoom-far" on the map when zoomed out: CSS hides small labels
    map.bmZoomClass = function () {
      L.DomUtil[map.getZoom() < 8 ? "addClass" : "removeClass"](map.getContainer(), "bm-zoom-far");
    };
    map.on("zoomend", map.bmZoomClass);
    map.whenReady(map.bmZoomClass);
  }
  function styleOf(f) {
    return Object.assign({}, data.style, (f && f.properties && f.properties.style) || {});
  }
  return L.geoJSON(data.geojson, {
    pane: pane,
    className: data.className,
    interactive: data.interactive,
    style: styleOf,
    pointToLayer: function (f, latlng) {
      return L.circleMarker(latlng, Object.assign(
        {radius: data.radius, pane: pane, className: data.className, interactive: data.interactive},
        styleOf(f)));
    },
    onEachFeature: function (f, layer) {
      var p = f.properties || {};
      if (p.tip) {
        layer.bindTooltip(p.tip, {permanent: !!p.tipPermanent, direction: p.tipDirection || "auto",
                                  className: p.tipClass || "", interactive: false});
      }
    }
  });
}
