// Small enhancements of pages that work without JavaScript: the incident filters apply as
// soon as a choice changes.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.filters");
  if (form) {
    form.querySelectorAll("select, input[type=date]").forEach((el) => {
      el.addEventListener("change", () => form.requestSubmit());
    });
  }
});
