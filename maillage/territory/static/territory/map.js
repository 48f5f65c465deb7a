// Draws commune outlines with Leaflet on every element carrying data-maillage-map="<GeoJSON URL>".
// Tiles are added only when data-maillage-map-tiles holds a tile URL: outlines alone need no network.
(function () {
  "use strict";

  var outlineStyle = { color: "#1f5f4a", weight: 1.5, fillColor: "#3d9a78", fillOpacity: 0.25 };
  var highlightStyle = { weight: 3, fillOpacity: 0.45 };

  function showError(element) {
    var message = document.createElement("p");
    message.className = "map-error";
    message.textContent =
      "La carte n’a pas pu être chargée. Le tableau des communes donne les mêmes informations.";
    element.replaceChildren(message);
  }

  function bindCommune(feature, layer) {
    var name = feature.properties && feature.properties.nom;
    if (name) {
      layer.bindTooltip(name, { sticky: true });
    }
    layer.on("mouseover", function () { layer.setStyle(highlightStyle); });
    layer.on("mouseout", function () { layer.setStyle(outlineStyle); });
  }

  function draw(element) {
    var map = L.map(element, { scrollWheelZoom: false });
    var tiles = element.dataset.maillageMapTiles;
    if (tiles) {
      var credit = document.createElement("span");
      credit.textContent = element.dataset.maillageMapAttribution || "";
      L.tileLayer(tiles, { maxZoom: 18, attribution: credit.innerHTML }).addTo(map);
    }
    var outlines = window.maillageOutlines;
    outlines
      .draw(map, element.dataset.maillageMap, { style: outlineStyle, onEachFeature: bindCommune })
      .then(function (layer) {
        outlines.fit(map, layer, 5);
      })
      .catch(function () {
        map.remove();
        showError(element);
      });
  }

  function init() {
    if (typeof L === "undefined") {
      return;
    }
    document.querySelectorAll("[data-maillage-map]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
