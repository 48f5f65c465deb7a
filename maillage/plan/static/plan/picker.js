// A search box above each grouped checkbox list of the plan (`data-plan-picker`): typing hides
// the options whose label does not contain the words typed, and the groups left empty.
// Checked options stay checked when hidden. Without JavaScript, the whole list shows.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp(picker, number) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    const status = document.createElement("p");
    input.type = "search";
    input.id = "plan-picker-search-" + number;
    input.autocomplete = "off";
    label.htmlFor = input.id;
    label.textContent = picker.dataset.planPicker;
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    const box = document.createElement("div");
    box.className = "field plan-picker__search";
    box.append(label, input, status);
    picker.before(box);

    const options = Array.from(picker.querySelectorAll(".field--checkbox"));
    options.forEach((option) => { option.dataset.text = fold(option.textContent); });
    input.addEventListener("input", () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      options.forEach((option) => {
        const match = words.every((word) => option.dataset.text.includes(word));
        option.hidden = !match;
        if (match) shown += 1;
      });
      picker.querySelectorAll("fieldset").forEach((group) => {
        group.hidden = !group.querySelector(".field--checkbox:not([hidden])");
      });
      status.textContent = shown + (shown > 1 ? " choix affichés" : " choix affiché");
    });
  }

  document.querySelectorAll("[data-plan-picker]").forEach(setUp);
})();
