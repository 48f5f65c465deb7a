// Main navigation on small screens: a disclosure button shows and hides the list.
// Without JavaScript the button stays hidden and the list is always shown.
const COLLAPSIBLE = "site-nav--collapsible";
const OPEN = "site-nav--open";

function setOpen(nav, button, open) {
  nav.classList.toggle(OPEN, open);
  button.setAttribute("aria-expanded", String(open));
}

function enhance(nav) {
  const button = nav.querySelector("button[aria-controls]");
  if (!button) return;
  button.hidden = false;
  nav.classList.add(COLLAPSIBLE);
  button.addEventListener("click", () => {
    setOpen(nav, button, button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(nav, button, false);
      button.focus();
    }
  });
}

document.querySelectorAll("[data-maillage-nav]").forEach(enhance);
