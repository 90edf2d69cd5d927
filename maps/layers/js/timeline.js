function (data, map, events) {
  var bins = data.bins, counts = data.counts, nb = bins.length, undated = data.undated, binOf = null;
  events.bmOnData(function (D) {  // each event's bin, by its date (ISO strings compare as dates)
    binOf = new Int32Array(D.n);
    for (var i = 0; i < D.n; i++) {
      var day = D.dates[D.d[i]], lo = 0, hi = nb - 1, found = -1;
      while (day && lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (bins[mid][1] <= day) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      binOf[i] = found;
    }
  });
  var from = 0, to = nb - 1, timer = null, control = null, parts = {};
  var peak = Math.max.apply(null, counts.concat([1]));
  function whole() { return from === 0 && to === nb - 1; }
  function describe() {
    if (!nb) return "No dated events";
    var shown = 0;
    for (var b = from; b <= to; b++) shown += counts[b];
    var span = bins[from][0] + (to > from ? " – " + bins[to][0] : "");
    var text = whole() ? "All dates: " + span : span + ": " + shown + " event" + (shown === 1 ? "" : "s");
    if (!whole() && undated) text += " (" + undated + " undated hidden)";
    return text;
  }
  function paint() {
    parts.label.textContent = describe();
    for (var b = 0; b < nb; b++) parts.bars[b].className = b >= from && b <= to ? "bm-on" : "";
  }
  function apply() {
    paint();
    events.bmFilter(whole() ? null : function (i) { return binOf[i] >= from && binOf[i] <= to; });
  }
  function stop() {
    if (timer) { clearInterval(timer); timer = null; parts.play.textContent = "\u25B6"; }
  }
  function play() {
    if (timer) { stop(); return; }
    if (to >= nb - 1) { to = to - from; from = 0; }
    parts.play.textContent = "\u275A\u275A";
    timer = setInterval(function () {
      if (to >= nb - 1) { stop(); return; }
      from += 1; to += 1;
      parts.from.value = from; parts.to.value = to;
      apply();
    }, 900);
  }
  function slider(value) {
    var input = L.DomUtil.create("input", "bm-range");
    input.type = "range"; input.min = 0; input.max = Math.max(nb - 1, 0); input.value = value;
    input.disabled = nb < 2;
    return input;
  }
  var Control = L.Control.extend({
    options: {position: "topleft"},
    onAdd: function () {
      var box = L.DomUtil.create("div", "bm-time leaflet-bar");
      L.DomUtil.create("div", "bm-time-title", box).textContent = "Events by date";
      var bars = L.DomUtil.create("div", "bm-bars", box);
      parts.bars = counts.map(function (c, b) {
        var bar = L.DomUtil.create("span", "", bars);
        bar.style.height = Math.max(2, Math.round(30 * c / peak)) + "px";
        bar.title = bins[b][0] + ": " + c;
        return bar;
      });
      parts.from = box.appendChild(slider(from));
      parts.to = box.appendChild(slider(to));
      var foot = L.DomUtil.create("div", "bm-time-foot", box);
      parts.play = L.DomUtil.create("button", "bm-play", foot);
      parts.play.type = "button"; parts.play.textContent = "\u25B6"; parts.play.title = "Play";
      parts.play.disabled = nb < 2;
      parts.label = L.DomUtil.create("span", "bm-time-label", foot);
      parts.from.addEventListener("input", function () {
        from = Math.min(+parts.from.value, to); parts.from.value = from; paint();
      });
      parts.to.addEventListener("input", function () {
        to = Math.max(+parts.to.value, from); parts.to.value = to; paint();
      });
      parts.from.addEventListener("change", apply);
      parts.to.addEventListener("change", apply);
      parts.play.addEventListener("click", play);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      paint();
      return box;
    }
  });
  var Layer = L.Layer.extend({
    onAdd: function (m) { control = new Control().addTo(m); },
    onRemove: function () {
      stop();
      control.remove();
      from = 0; to = nb - 1;
      events.bmFilter(null);
    }
  });
  var layer = new Layer();
  layer.bmSetRange = function (a, b) {
    from = a; to = b; parts.from.value = a; parts.to.value = b; apply();
  };
  return layer;
}
