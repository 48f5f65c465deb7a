// The side card of one organisation on the directory map, drawn from the JSON of
// /carte/structures/<id>.json (its public record and its related sections), text only: nothing
// of the record is read as HTML. map.js calls window.maillageMapCard(body, data).
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function link(href, text, hiddenSuffix) {
    var anchor = element("a", null, text);
    anchor.href = href;
    if (hiddenSuffix) {
      anchor.append(element("span", "visually-hidden", hiddenSuffix));
    }
    return anchor;
  }

  function address(data) {
    var lines = [data.complement_adresse, data.adresse,
      [data.code_postal, data.commune].filter(Boolean).join(" ")].filter(Boolean);
    var node = element("address", "map-card__address");
    lines.forEach(function (line, index) {
      if (index) {
        node.append(element("br"));
      }
      node.append(document.createTextNode(line));
    });
    return node;
  }

  function section(part) {
    var wrap = element("div", "map-card__section");
    wrap.append(element("h3", null, part.titre));
    var list = element("ul", "directory-related");
    part.elements.forEach(function (item) {
      var row = element("li");
      row.append(link(item.url, item.titre));
      if (item.detail) {
        row.append(element("span", "directory-related__detail", item.detail));
      }
      list.append(row);
    });
    wrap.append(list);
    return wrap;
  }

  window.maillageMapCard = function (body, data) {
    var title = element("h2", "map-card__title", data.nom);
    title.id = "carte-fiche-titre";
    title.tabIndex = -1;
    var family = element("p", "map-card__family");
    family.append(element("span", "map-legend__swatch directory-marker--" + data.famille),
      document.createTextNode(data.famille_libelle));
    var parts = [title, family, address(data)];
    if (data.resume) {
      parts.push(element("p", "map-card__summary", data.resume));
    }
    if (data.site_web) {
      var site = element("p");
      site.append(link(data.site_web, "Site web", " de " + data.nom));
      site.firstChild.rel = "noopener nofollow";
      parts.push(site);
    }
    data.sections.forEach(function (part) { parts.push(section(part)); });
    var more = element("p", "map-card__more");
    more.append(link(data.url, "Voir la fiche complète", " de " + data.nom));
    parts.push(more);
    body.replaceChildren.apply(body, parts);
    return title;
  };
})();
