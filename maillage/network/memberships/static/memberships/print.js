// The receipt's print button: window.print() cannot be called from an inline handler (CSP).
for (const button of document.querySelectorAll("[data-maillage-print]")) {
  button.addEventListener("click", () => window.print());
}
