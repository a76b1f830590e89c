// Small enhancements of pages that work without JavaScript. The incident filters apply only
// when the Apply button is pressed (WCAG 3.2.2: changing a field never navigates, so typing
// a date or moving through a list with the arrow keys keeps the page); a changed but not yet
// applied form marks its button so the reader sees there is something to apply.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.filters");
  if (form) {
    const apply = form.querySelector("button[type=submit]");
    form.addEventListener("input", () => {
      if (apply) apply.classList.add("pending");
    });
  }
});
