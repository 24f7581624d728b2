// Behaviour the templates ask for with data- attributes: no inline handlers, so the
// content security policy needs no 'unsafe-inline' for scripts.
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-submit-on-change]")) {
    event.target.form.submit();
  }
});
document.addEventListener("click", (event) => {
  if (event.target.matches("[data-select-on-click]")) {
    event.target.select();
  }
});
