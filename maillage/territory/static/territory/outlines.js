// Commune outlines as a Leaflet layer, for every map of the site (territory, needs, directory):
// the GeoJSON of the territory's communes, with IGN's credit, fitted to the map when asked.
// A classic script loaded before the map's own (defer keeps the order): it sets one global.
(function () {
  "use strict";

  var FRANCE = [46.6, 2.4];

  // Resolves with the layer drawn on `map`; rejects when the file cannot be read.
  function draw(map, url, options) {
    return fetch(url, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        var settings = Object.assign({ attribution: "Contours des communes : IGN" }, options);
        return L.geoJSON(data, settings).addTo(map);
      });
  }

  // The map shows the outlines, or the whole of France when there are none to fit.
  function fit(map, layer, franceZoom) {
    var bounds = layer ? layer.getBounds() : null;
    if (bounds && bounds.isValid()) {
      map.fitBounds(bounds, { padding: [8, 8] });
    } else {
      map.setView(FRANCE, franceZoom);
    }
  }

  window.maillageOutlines = { draw: draw, fit: fit };
})();
