// A `.table-wrap` that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): while its
// content overflows, it gets a tab stop, a region role and a name taken from the table caption.
function caption(wrap) {
  const element = wrap.querySelector("caption");
  return element ? element.textContent.trim() : "Tableau";
}

function update(wrap) {
  const enhanced = "maillageScrollable" in wrap.dataset;
  const overflows = wrap.scrollWidth > wrap.clientWidth;
  if (overflows && !enhanced && !wrap.hasAttribute("tabindex")) {
    wrap.dataset.maillageScrollable = "";
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption(wrap));
  } else if (!overflows && enhanced) {
    delete wrap.dataset.maillageScrollable;
    ["tabindex", "role", "aria-label"].forEach((name) => wrap.removeAttribute(name));
  }
}

const wraps = document.querySelectorAll(".table-wrap");
if (wraps.length) {
  const observer = new ResizeObserver((entries) => entries.forEach((e) => update(e.target)));
  wraps.forEach((wrap) => observer.observe(wrap));
}
