// The directory map: commune outlines as the base layer, then the organisations of the visible
// area, asked for on every move (bounding box + zoom: never the whole file). The server groups
// nearby organisations into clusters; a table under the map lists what the map shows, in text.
// Hooked on [data-maillage-directory-map]; tiles only when data-maillage-map-tiles holds a URL.
(function () {
  "use strict";

  var outlineStyle = { color: "#1f5f4a", weight: 1, fillColor: "#3d9a78", fillOpacity: 0.12 };
  var FAMILIES = {
    association: "Association",
    cooperative: "Coopérative",
    mutuelle: "Mutuelle",
    fondation: "Fondation",
    commercial: "Société commerciale de l’ESS",
  };
  var numberFormat = new Intl.NumberFormat("fr-FR");

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function plural(count, singular, pluralForm) {
    return numberFormat.format(count) + " " + (count > 1 ? pluralForm : singular);
  }

  function clamp(value, low, high) {
    return Math.min(high, Math.max(low, value));
  }

  function bboxOf(map) {
    var bounds = map.getBounds();
    return [
      clamp(bounds.getWest(), -180, 180),
      clamp(bounds.getSouth(), -90, 90),
      clamp(bounds.getEast(), -180, 180),
      clamp(bounds.getNorth(), -90, 90),
    ].map(function (value) { return value.toFixed(5); }).join(",");
  }

  function DirectoryMap(container) {
    this.container = container;
    this.status = document.querySelector("[data-maillage-map-status]");
    this.tableWrap = document.querySelector("[data-maillage-map-table]");
    this.rows = document.querySelector("[data-maillage-map-rows]");
    this.filters = container.dataset.maillageMapFilters || "";
    this.controller = null;
    this.timer = null;
    this.map = L.map(container, { scrollWheelZoom: false, maxZoom: 18 });
    var tiles = container.dataset.maillageMapTiles;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18 }).addTo(this.map);
    }
    this.markers = L.layerGroup().addTo(this.map);
    this.map.on("moveend", this.schedule.bind(this));
    this.drawOutlines();
  }

  DirectoryMap.prototype.drawOutlines = function () {
    var self = this;
    fetch(this.container.dataset.maillageMapOutlines, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          style: outlineStyle,
          interactive: false,
          attribution: "Contours des communes : IGN",
        }).addTo(self.map);
        var bounds = layer.getBounds();
        if (bounds.isValid()) {
          self.map.fitBounds(bounds, { padding: [8, 8] });
        } else {
          self.map.setView([46.6, 2.4], 6);
        }
      })
      .catch(function () {
        self.map.setView([46.6, 2.4], 6);
      });
  };

  DirectoryMap.prototype.schedule = function () {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(this.load.bind(this), 150);
  };

  DirectoryMap.prototype.load = function () {
    var self = this;
    if (this.controller) {
      this.controller.abort();
    }
    this.controller = new AbortController();
    var url = this.container.dataset.maillageMapPoints +
      "?bbox=" + bboxOf(this.map) + "&zoom=" + this.map.getZoom() +
      (this.filters ? "&" + this.filters : "");
    fetch(url, { headers: { Accept: "application/geo+json" }, signal: this.controller.signal })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) { self.render(data); })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          self.status.textContent =
            "Les structures de cette zone n’ont pas pu être chargées. La liste des résultats reste disponible.";
        }
      });
  };

  DirectoryMap.prototype.render = function (data) {
    var self = this;
    var singles = 0;
    var groups = 0;
    this.markers.clearLayers();
    this.rows.replaceChildren();
    data.features.forEach(function (feature) {
      var p = feature.properties;
      var coordinates = feature.geometry.coordinates;
      var latLng = L.latLng(coordinates[1], coordinates[0]);
      if (p.count === 1) {
        singles += 1;
        self.addOrganisation(latLng, p);
      } else {
        groups += 1;
        self.addCluster(latLng, p);
      }
    });
    this.tableWrap.hidden = data.features.length === 0;
    this.status.textContent = data.total === 0
      ? "Aucune structure dans la zone affichée : dézoomez ou déplacez la carte."
      : "Zone affichée : " + plural(data.total, "structure", "structures") + " (" +
        plural(singles, "structure seule", "structures seules") + ", " +
        plural(groups, "regroupement", "regroupements") + ").";
  };

  DirectoryMap.prototype.addOrganisation = function (latLng, p) {
    var family = FAMILIES[p.famille] || "";
    var icon = L.divIcon({
      className: "directory-marker directory-marker--" + (p.famille || "autre"),
      html: element("span", "visually-hidden", p.nom),
      iconSize: [18, 18],
    });
    var popup = element("div", "directory-popup");
    var link = element("a", null, p.nom);
    link.href = p.url;
    var meta = [family, p.commune].filter(Boolean).join(" · ");
    popup.replaceChildren(link, element("span", "directory-popup__meta", meta));
    L.marker(latLng, { icon: icon, title: p.nom, keyboard: true }).bindPopup(popup).addTo(this.markers);

    var row = element("tr");
    var name = element("td");
    var rowLink = element("a", null, p.nom);
    rowLink.href = p.url;
    name.append(rowLink);
    row.append(name, element("td", null, family), element("td", null, p.commune));
    this.rows.append(row);
  };

  DirectoryMap.prototype.addCluster = function (latLng, p) {
    var self = this;
    var label = plural(p.count, "structure", "structures") + (p.commune ? " autour de " + p.commune : "");
    var size = p.count < 10 ? 30 : p.count < 100 ? 38 : 46;
    var icon = L.divIcon({
      className: "directory-cluster",
      html: element("span", null, numberFormat.format(p.count)),
      iconSize: [size, size],
    });
    var zoom = function () { self.zoomTo(p.bbox, latLng); };
    L.marker(latLng, { icon: icon, title: label + " : zoomer", keyboard: true })
      .on("click", zoom)
      .addTo(this.markers);

    var row = element("tr");
    var name = element("td");
    var button = element("button", "link-button", "Regroupement de " + label);
    button.type = "button";
    button.addEventListener("click", function () {
      zoom();
      self.container.focus();
    });
    name.append(button);
    row.append(name, element("td", null, "—"), element("td", null, p.commune));
    this.rows.append(row);
  };

  DirectoryMap.prototype.zoomTo = function (bbox, latLng) {
    var bounds = L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]);
    if (this.map.getZoom() >= this.map.getMaxZoom() || !bounds.isValid()) {
      return;
    }
    if (bounds.getNorth() === bounds.getSouth() && bounds.getEast() === bounds.getWest()) {
      this.map.setView(latLng, this.map.getMaxZoom());
    } else {
      this.map.fitBounds(bounds, { padding: [24, 24], maxZoom: this.map.getMaxZoom() });
    }
  };

  function init() {
    if (typeof L === "undefined") {
      return;
    }
    document.querySelectorAll("[data-maillage-directory-map]").forEach(function (container) {
      container.tabIndex = -1;
      new DirectoryMap(container);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
