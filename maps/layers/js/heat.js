function (options, map, events) {
  var heat = L.heatLayer([], options);
  events.bmOnData(function (D) {
    function points(keep) {
      var out = [];
      for (var i = 0; i < D.n; i++) if (!keep || keep(i)) out.push([D.lat[i], D.lon[i], 1]);
      return out;
    }
    heat.setLatLngs(points(null));
    events.on("bmfilter", function (e) { heat.setLatLngs(points(e.keep)); });
  });
  return heat;
}
