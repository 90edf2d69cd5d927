function (data, map) {
  var inset = null, control = null;
  var Control = L.Control.extend({
    options: {position: "bottomleft"},
    onAdd: function () {
      var box = L.DomUtil.create("div", "bm-inset leaflet-bar");
      L.DomUtil.create("div", "bm-inset-title", box).textContent =
        !data.places.length ? "Where the area lies" : "Outside the area shown" +
        (data.more ? " (busiest " + data.places.length + " places; " + data.more + " more)" : "");
      var holder = L.DomUtil.create("div", "bm-inset-map", box);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      this._holder = holder;
      return box;
    }
  });
  function draw(holder) {
    inset = L.map(holder, {zoomControl: false, attributionControl: false, dragging: false,
                           scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false,
                           touchZoom: false, zoomSnap: 0.25});
    var outline = L.geoJSON(data.outline, {style: {color: "#9e9686", weight: 1, fillColor: "#f3f0e8",
                                                   fillOpacity: 1}, interactive: false});
    var area = L.geoJSON(data.area, {style: {color: "#ff6f00", weight: 2, fillColor: "#ffb300",
                                             fillOpacity: 0.4}, interactive: false});
    var bounds = area.getBounds(), dots = [];
    data.places.forEach(function (p) {
      var dot = L.circleMarker([p[0], p[1]], {radius: 3 + Math.min(6, Math.sqrt(p[2]) * 1.5), color: "#111",
                                               weight: 1, fillColor: p[3], fillOpacity: 0.95,
                                               className: "bm-inset-dot"});
      dot.bindTooltip(p[4], {direction: "top"});
      dot.on("click", function () { map.flyTo([p[0], p[1]], 7); });
      bounds.extend([p[0], p[1]]);
      dots.push(dot);
    });
    // The view first: vector layers need a map that has one.
    var around = data.places.length ? bounds.pad(0.15) : bounds.pad(2.5);  // else: where the area lies
    inset.fitBounds(bounds.isValid() ? around : outline.getBounds(), {animate: false});
    outline.addTo(inset);
    area.addTo(inset);
    dots.forEach(function (dot) { dot.addTo(inset); });
  }
  var Layer = L.Layer.extend({
    onAdd: function (m) {
      control = new Control().addTo(m);
      draw(control._holder);
    },
    onRemove: function () {
      if (inset) { inset.remove(); inset = null; }
      control.remove();
    }
  });
  return new Layer();
}
