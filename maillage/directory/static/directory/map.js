// The directory map: the configured tiles (data-maillage-map-tiles) or commune outlines as the
// base layer, then the organisations of the visible area, asked for on every move (bounding box
// + zoom: never the whole file). The server groups nearby organisations into clusters; a table
// beside the map lists what the map shows, in text, and a status line announces its count.
// A point opens its side card (map-card.js). The view and the filters live in the address
// (?filters#carte=zoom/lat/lon&structure=id), rewritten with replaceState, so a view can be
// shared and comes back on load. The family legend filters the map in place. A cluster is a
// ring cut in its families' colours, in their shares, around its count, so the map reads by
// family at every zoom; its title and its row in the table say the same in words.
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
  // Each family's name for a count of one and of several (« 1 mutuelle », « 3 mutuelles »).
  var FAMILY_COUNTS = {
    association: ["association", "associations"],
    cooperative: ["coopérative", "coopératives"],
    mutuelle: ["mutuelle", "mutuelles"],
    fondation: ["fondation", "fondations"],
    commercial: ["société commerciale de l’ESS", "sociétés commerciales de l’ESS"],
    autre: ["structure sans famille", "structures sans famille"],
  };
  var numberFormat = new Intl.NumberFormat("fr-FR");
  // A finger needs a larger target than a mouse pointer (24 px, WCAG 2.5.8).
  var markerSize = window.matchMedia("(pointer: coarse)").matches ? 24 : 18;

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

  // "#carte=12/47.65123/-2.08456&structure=42" → {zoom, lat, lon, structure}, or null.
  function readHash() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    var view = (params.get("carte") || "").split("/").map(Number);
    var structure = parseInt(params.get("structure"), 10);
    var valid = view.length === 3 && view.every(isFinite) &&
      view[0] >= 0 && view[0] <= 18 && Math.abs(view[1]) <= 90 && Math.abs(view[2]) <= 180;
    return {
      view: valid ? { zoom: view[0], center: L.latLng(view[1], view[2]) } : null,
      structure: structure > 0 ? structure : null,
    };
  }

  function DirectoryMap(container) {
    this.container = container;
    this.status = document.querySelector("[data-maillage-map-status]");
    this.region = document.querySelector("[data-maillage-map-region]");
    this.tableWrap = document.querySelector("[data-maillage-map-table]");
    this.rows = document.querySelector("[data-maillage-map-rows]");
    this.form = document.querySelector("[data-maillage-map-form]");
    this.lead = document.querySelector("[data-maillage-map-lead]");
    this.panel = document.querySelector("[data-maillage-map-card-panel]");
    this.filters = container.dataset.maillageMapFilters || "";
    this.structure = null;
    this.controller = null;
    this.timer = null;
    this.map = L.map(container, { scrollWheelZoom: false, maxZoom: 18 });
    var tiles = container.dataset.maillageMapTiles;
    if (tiles) {
      var credit = element("span", null, container.dataset.maillageMapAttribution || "");
      L.tileLayer(tiles, { maxZoom: 18, attribution: credit.innerHTML }).addTo(this.map);
    }
    this.markers = L.layerGroup().addTo(this.map);
    this.map.on("moveend", this.moved.bind(this));
    var state = readHash();
    if (state.view) {
      this.map.setView(state.view.center, state.view.zoom);
    }
    this.drawOutlines(!state.view);
    if (state.structure) {
      this.openCard(state.structure, false);
    }
    this.wireLegend();
    this.wirePanel();
  }

  DirectoryMap.prototype.moved = function () {
    this.schedule();
    this.remember();
  };

  // The address says what is shown: filters in the query, view and open card in the hash.
  DirectoryMap.prototype.remember = function () {
    var center = this.map.getCenter();
    var hash = "carte=" + this.map.getZoom() + "/" + center.lat.toFixed(5) + "/" +
      center.lng.toFixed(5) + (this.structure ? "&structure=" + this.structure : "");
    var query = this.filters ? "?" + this.filters : "";
    window.history.replaceState(null, "", window.location.pathname + query + "#" + hash);
    if (this.form) {
      // A submitted filter keeps the view: a GET form keeps its action's fragment.
      this.form.action = window.location.pathname + "#" + hash;
    }
  };

  DirectoryMap.prototype.wireLegend = function () {
    var self = this;
    var boxes = document.querySelectorAll("[data-maillage-map-legend]");
    var apply = document.querySelector("[data-maillage-map-apply]");
    if (apply) {
      apply.hidden = true;  // ticking filters at once
    }
    boxes.forEach(function (box) {
      box.addEventListener("change", function () { self.refilter(boxes); });
    });
  };

  DirectoryMap.prototype.refilter = function (boxes) {
    var params = new URLSearchParams();
    new FormData(this.form).forEach(function (value, name) {
      if (value) {
        params.append(name, value);
      }
    });
    this.filters = params.toString();
    this.busy(true);
    var chosen = Array.prototype.filter.call(boxes, function (box) { return box.checked; })
      .map(function (box) { return box.labels[0].textContent.trim(); });
    var link = this.lead.querySelector("[data-maillage-map-list-link]");
    link.href = this.container.dataset.maillageMapList + (this.filters ? "?" + this.filters : "");
    this.lead.replaceChildren(
      document.createTextNode(chosen.length
        ? "Familles affichées\u00a0: " + chosen.join(", ") + ". "
        : "Toutes les familles de l’ESS sont affichées. "),
      link
    );
    this.remember();
    this.load();
  };

  DirectoryMap.prototype.wirePanel = function () {
    var self = this;
    var close = this.panel.querySelector("[data-maillage-map-card-close]");
    close.addEventListener("click", function () { self.closeCard(); });
    this.panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        self.closeCard();
      }
    });
  };

  DirectoryMap.prototype.openCard = function (id, focus) {
    var self = this;
    var url = this.container.dataset.maillageMapCard.replace(/\/0\.json$/, "/" + id + ".json");
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        var title = window.maillageMapCard(self.panel.querySelector("[data-maillage-map-card-body]"), data);
        self.panel.hidden = false;
        self.structure = id;
        self.remember();
        if (focus) {
          title.focus();
        }
      })
      .catch(function () {
        self.status.textContent = "La fiche de cette structure n’a pas pu être chargée.";
      });
  };

  DirectoryMap.prototype.closeCard = function () {
    this.panel.hidden = true;
    this.structure = null;
    this.remember();
    this.container.focus();
  };

  DirectoryMap.prototype.drawOutlines = function (fit) {
    var map = this.map;
    var outlines = window.maillageOutlines;
    var url = this.container.dataset.maillageMapOutlines;
    outlines
      .draw(map, url, { style: outlineStyle, interactive: false })
      .then(function (layer) {
        if (fit) {
          outlines.fit(map, layer, 6);
        }
      })
      .catch(function () {
        if (fit) {
          outlines.fit(map, null, 6);
        }
      });
  };

  // The list region is busy from a move until its area is drawn: a screen reader announces the
  // count once, when it is right.
  DirectoryMap.prototype.busy = function (busy) {
    this.region.setAttribute("aria-busy", String(busy));
  };

  DirectoryMap.prototype.schedule = function () {
    this.busy(true);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(this.load.bind(this), 150);
  };

  DirectoryMap.prototype.load = function () {
    var self = this;
    if (!this.map.getSize().x) {
      this.busy(false);
      return;  // resized while hidden behind the list on a phone: no area to ask for
    }
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
      .then(function (data) {
        self.render(data);
        self.busy(false);
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          self.status.textContent =
            "Les structures de cette zone n’ont pas pu être chargées. La liste des résultats reste disponible.";
          self.busy(false);
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
      : "Zone affichée\u00a0: " + plural(data.total, "structure", "structures") + " (" +
        plural(singles, "structure seule", "structures seules") + ", " +
        plural(groups, "regroupement", "regroupements") + ").";
  };

  DirectoryMap.prototype.addOrganisation = function (latLng, p) {
    var family = FAMILIES[p.famille] || "";
    var icon = L.divIcon({
      className: "directory-marker directory-marker--" + (p.famille || "autre"),
      html: element("span", "visually-hidden", p.nom),
      iconSize: [markerSize, markerSize],
    });
    var self = this;
    L.marker(latLng, { icon: icon, title: p.nom + (family ? " (" + family + ")" : ""), keyboard: true })
      .on("click", function () { self.openCard(p.id, true); })
      .addTo(this.markers);

    var row = element("tr");
    var name = element("td");
    var rowLink = element("a", null, p.nom);
    rowLink.href = p.url;
    name.append(rowLink);
    var familyCell = element("td", null);
    if (family) {
      familyCell.append(element("span", "map-legend__swatch directory-marker--" + p.famille),
        document.createTextNode(family));
    }
    row.append(name, familyCell, element("td", null, p.commune));
    this.rows.append(row);
  };

  // « 3 coopératives, 1 association », the most numerous first (the server's order).
  function familiesText(families) {
    return Object.keys(families).map(function (code) {
      var names = FAMILY_COUNTS[code] || FAMILY_COUNTS.autre;
      return plural(families[code], names[0], names[1]);
    }).join(", ");
  }

  // The ring: each family's arc in its share of the cluster, in the colours of the legend.
  function familiesRing(families, count) {
    var start = 0;
    return "conic-gradient(" + Object.keys(families).map(function (code) {
      var end = start + (families[code] / count) * 100;
      var arc = "var(--family-" + (FAMILY_COUNTS[code] ? code : "autre") + ") " +
        start.toFixed(2) + "% " + end.toFixed(2) + "%";
      start = end;
      return arc;
    }).join(", ") + ")";
  }

  DirectoryMap.prototype.addCluster = function (latLng, p) {
    var self = this;
    var families = p.familles || {};
    var label = plural(p.count, "structure", "structures") + (p.commune ? " autour de " + p.commune : "");
    var size = p.count < 10 ? 34 : p.count < 100 ? 42 : 50;
    var ring = element("span", "directory-cluster__ring");
    ring.style.backgroundImage = familiesRing(families, p.count);
    ring.dataset.maillageFamilies = Object.keys(families).map(function (code) {
      return code + ":" + families[code];
    }).join(",");
    ring.append(element("span", "directory-cluster__count", numberFormat.format(p.count)));
    var icon = L.divIcon({ className: "directory-cluster", html: ring, iconSize: [size, size] });
    var zoom = function () { self.zoomTo(p.bbox, latLng); };
    var title = label + " (" + familiesText(families) + ")\u00a0: zoomer";
    L.marker(latLng, { icon: icon, title: title, keyboard: true })
      .on("click", zoom)
      .addTo(this.markers);

    var row = element("tr");
    var name = element("td");
    var button = element("button", "link-button", "Regroupement de " + label);
    button.type = "button";
    button.addEventListener("click", function () {
      var showMap = document.querySelector("[data-maillage-map-view='carte']");
      if (!self.container.offsetWidth && showMap) {
        showMap.click();  // the list was shown instead of the map, on a phone
      }
      zoom();
      self.container.focus();
    });
    name.append(button);
    row.append(name, element("td", null, familiesText(families)), element("td", null, p.commune));
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

  // On a phone the map and the list take turns (CSS shows the switch below 48rem only).
  function wireSwitch(map) {
    var page = document.querySelector("[data-maillage-map-page]");
    var group = document.querySelector("[data-maillage-map-switch]");
    if (!page || !group) {
      return;
    }
    var buttons = group.querySelectorAll("[data-maillage-map-view]");
    group.hidden = false;
    page.classList.add("map-page--switched");
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        page.dataset.view = button.dataset.maillageMapView;
        buttons.forEach(function (other) {
          other.setAttribute("aria-pressed", String(other === button));
        });
        if (button.dataset.maillageMapView === "carte") {
          map.invalidateSize();  // hidden, the map kept its last area for the list
        }
      });
    });
  }

  function init() {
    if (typeof L === "undefined") {
      return;
    }
    document.querySelectorAll("[data-maillage-directory-map]").forEach(function (container) {
      container.tabIndex = -1;
      var map = new DirectoryMap(container);
      wireSwitch(map.map);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
