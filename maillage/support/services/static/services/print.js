// « Imprimer ce récapitulatif »: a button only where printing from a script works.
for (const button of document.querySelectorAll("[data-maillage-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
