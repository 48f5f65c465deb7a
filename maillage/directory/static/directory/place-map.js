// A small map of one organisation: its point over its commune's outline, on every element
// carrying data-maillage-place-map (data-longitude, data-latitude; the outline, when known,
// sits in <script id="contour-commune" type="application/json">). Tiles only when
// data-maillage-map-tiles holds a URL (credited with data-maillage-map-attribution), as on the
// territory map.
(function () {
  "use strict";

  var outlineStyle = { color: "#1f5f4a", weight: 1.5, fillColor: "#3d9a78", fillOpacity: 0.2 };
  var pointStyle = { radius: 8, color: "#074236", weight: 2, fillColor: "#b35c00", fillOpacity: 0.9 };

  // Leaflet writes attributions as HTML; the configured one is plain text.
  function escaped(text) {
    var node = document.createElement("span");
    node.textContent = text || "";
    return node.innerHTML;
  }

  function outline() {
    var element = document.getElementById("contour-commune");
    if (!element) {
      return null;
    }
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  }

  function draw(element) {
    var latitude = parseFloat(element.dataset.latitude);
    var longitude = parseFloat(element.dataset.longitude);
    if (isNaN(latitude) || isNaN(longitude)) {
      return;
    }
    var map = L.map(element, { scrollWheelZoom: false, keyboard: false });
    var tiles = element.dataset.maillageMapTiles;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: escaped(element.dataset.maillageMapAttribution) })
        .addTo(map);
    }
    var geometry = outline();
    var point = L.circleMarker([latitude, longitude], pointStyle).addTo(map);
    if (geometry) {
      var layer = L.geoJSON(geometry, { style: outlineStyle, interactive: false }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
      point.bringToFront();
    } else {
      map.setView([latitude, longitude], 13);
    }
  }

  function init() {
    if (typeof L === "undefined") {
      return;
    }
    document.querySelectorAll("[data-maillage-place-map]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
