// The print view's Print button: shown once this script runs, so that a reader
// without JavaScript sees the hint to use the browser's own Print command instead.
document.querySelectorAll("[data-print-button]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
  document.querySelectorAll("[data-print-hint]").forEach((hint) => { hint.hidden = true; });
});
