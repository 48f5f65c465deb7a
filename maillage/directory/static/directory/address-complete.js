// Address completion on a street field marked `data-maillage-address`: suggestions from the
// site's proxy of the Base Adresse Nationale, as an ARIA combobox (arrows, Enter, Escape).
// Choosing one fills the street, postcode and city fields named by the data attributes.
// Without JavaScript, or when the service is down, the fields stay plain text fields.
(function () {
  "use strict";
  const DELAY_MS = 250;

  function setUp(input) {
    const url = input.dataset.maillageAddress;
    const postcode = document.querySelector(input.dataset.maillageAddressPostcode);
    const city = document.querySelector(input.dataset.maillageAddressCity);
    const list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.className = "address-suggestions";
    list.hidden = true;
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    input.after(list, status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    let suggestions = [];
    let active = -1;
    let timer = null;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      active = index;
      Array.from(list.children).forEach((item, i) => {
        item.setAttribute("aria-selected", String(i === index));
      });
      if (index >= 0) input.setAttribute("aria-activedescendant", list.children[index].id);
    }

    function choose(index) {
      const chosen = suggestions[index];
      if (!chosen) return;
      input.value = chosen.name;
      if (postcode) postcode.value = chosen.postcode;
      if (city) city.value = chosen.city;
      close();
      status.textContent = "Adresse choisie : " + chosen.label;
    }

    function show(found) {
      suggestions = found;
      list.replaceChildren(...found.map((s, i) => {
        const item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.textContent = s.label;
        item.addEventListener("mousedown", (event) => { event.preventDefault(); choose(i); });
        return item;
      }));
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", String(found.length > 0));
      status.textContent = found.length ? found.length + " suggestion(s) d’adresse" : "";
      active = -1;
    }

    async function ask() {
      const query = input.value.trim();
      if (query.length < 3) { close(); return; }
      try {
        const response = await fetch(url + "?q=" + encodeURIComponent(query), {
          headers: { Accept: "application/json" },
        });
        const data = await response.json();
        if (input.value.trim() === query) show(data.suggestions || []);
        if (data.message) status.textContent = data.message;
      } catch (error) {
        close();
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY_MS);
    });
    input.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % suggestions.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight((active - 1 + suggestions.length) % suggestions.length);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("[data-maillage-address]").forEach(setUp);
})();
