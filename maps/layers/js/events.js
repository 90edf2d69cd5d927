function (P, map) {
  var bm = window.bordermap = window.bordermap || {layers: {}, pending: 0};
  var DIRS = ["", "northbound", "southbound"];
  var D = null, markers = [], added = false, waiting = true, keepLater = null, loading = 0;
  bm.pending += 1;
  function finished() {
    if (!waiting) return;
    waiting = false;
    bm.pending -= 1;
    if (bm.check) bm.check();
  }
  var group = L.markerClusterGroup({
    chunkedLoading: true, chunkInterval: 100, chunkDelay: 1, showCoverageOnHover: false, maxClusterRadius: 40,
    // Called for every addLayers, the group's own empty one on add too: only ours counts.
    chunkProgress: function (done, total) {
      if (loading && total === loading && done >= total) { loading = 0; setTimeout(finished, 0); }
    }
  });
  // A big table arrives gzipped and base64-encoded (maps/layers/events.py): unpack it in the browser.
  function decode(payload) {
    if (typeof payload.gzip !== "string") return Promise.resolve(payload);
    var text = atob(payload.gzip), bytes = new Uint8Array(text.length);
    for (var k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }
  function icon(t, off) {
    return L.divIcon({
      className: "bm-ev-icon", iconSize: [24, 24], iconAnchor: [12, 12],
      html: '<div class="bm-ev' + (off ? " bm-off" : "") + '" data-type="' + t.key + '" style="background:' +
            t.color + '"><i class="fa-solid fa-' + t.icon + '"></i></div>'
    });
  }
  function row(key, value) {
    return '<tr><td class="bm-k">' + key + "</td><td>" + value + "</td></tr>";
  }
  // Every string below is either ours or was escaped in Python (maps/layers/popup.py).
  function popupHtml(i) {
    var t = D.types[D.t[i]];
    var h = '<div class="bm-pop"><div class="bm-pop-head" style="border-color:' + t.color + '">' +
            '<i class="fa-solid fa-' + t.icon + '" style="color:' + t.color + '"></i> <b>' + t.label + "</b>";
    if (D.dir[i]) h += ' <span class="bm-dir">' + DIRS[D.dir[i]] + "</span>";
    if (D.off[i]) h += ' <span class="bm-offtag">outside the corridor</span>';
    h += "</div><table>";
    h += row("Date", (D.dates[D.d[i]] || "undated") + " <small>(" + D.dprecs[D.dp[i]] + ")</small>");
    h += row("Place", D.places[D.p[i]]);
    if (D.q[i] >= 0) h += row("Amounts", D.texts[D.q[i]]);
    h += '</table><blockquote class="bm-evidence">' + D.evidence[D.e[i]] + "</blockquote>";
    h += '<div class="bm-source">Source: ' + D.docs[D.s[i]] + "</div>";
    if (D.o[i] >= 0) h += '<div class="bm-others">Also reported by:' + D.texts[D.o[i]] + "</div>";
    return h + "</div>";
  }
  function draw(list) {
    added = true;
    loading = list.length;
    if (list.length) group.addLayers(list); else setTimeout(finished, 0);
  }
  function start(data) {
    D = data;
    var icons = D.types.map(function (t) { return [icon(t, false), icon(t, true)]; });
    markers = new Array(D.n);
    for (var i = 0; i < D.n; i++) {
      markers[i] = L.marker([D.lat[i], D.lon[i]], {icon: icons[D.t[i]][D.off[i]], keyboard: false});
      markers[i].bmIndex = i;
    }
    group.bmData = D;
    bm.events.total = D.n;
    bm.events.markers = markers;
    group.fire("bmdata");
    if (keepLater) group.bmFilter(keepLater);
    else if (group._map) draw(markers);
    else finished();  // not shown: nothing to draw until it is turned on
  }
  group.on("click", function (e) {
    var m = e.layer;
    if (!m || m.bmIndex === undefined) return;
    L.popup({maxWidth: 380, minWidth: 260, className: "bm-popup", offset: [0, -8]})
      .setLatLng(m.getLatLng()).setContent(popupHtml(m.bmIndex)).openOn(map);
  });
  group.on("add", function () { if (D && !added) draw(markers); });
  // Show only the events keep(i) accepts (null: all); tells listeners (heat, timeline).
  group.bmFilter = function (keep) {
    if (!D) { keepLater = keep; return 0; }
    keepLater = null;
    var shown = keep ? markers.filter(function (m) { return keep(m.bmIndex); }) : markers;
    group.clearLayers();
    draw(shown);
    group.fire("bmfilter", {keep: keep, count: shown.length});
    return shown.length;
  };
  // Run fn(data) once the table is decoded.
  group.bmOnData = function (fn) {
    if (D) fn(D); else group.once("bmdata", function () { fn(D); });
  };
  group.bmPopupHtml = popupHtml;
  bm.events = {
    layer: group, total: null, markers: markers,
    drawn: function () { return group.getLayers().length; },
    clustered: function () { return group._topClusterLevel ? group._topClusterLevel.getChildCount() : 0; }
  };
  decode(P).then(start).catch(function (error) {
    bm.errors = (bm.errors || []).concat([String(error)]);
    finished();
    throw error;
  });
  return group;
}
