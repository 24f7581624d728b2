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

// The menu stands open beside the page on wide screens and folds behind its summary on a phone.
const wideScreen = window.matchMedia("(min-width: 40.0625rem)");
function fitMenu() {
  for (const menu of document.querySelectorAll("details[data-menu]")) {
    menu.open = wideScreen.matches;
  }
}
wideScreen.addEventListener("change", fitMenu);
fitMenu();

// A table wider than a phone scrolls inside itself; the keyboard must be able to reach it to scroll it.
function focusableScrollers() {
  for (const table of document.querySelectorAll(".table")) {
    if (table.scrollWidth > table.clientWidth) {
      table.tabIndex = 0;
    } else {
      table.removeAttribute("tabindex");
    }
  }
}
focusableScrollers();
document.addEventListener("htmx:load", focusableScrollers);
window.addEventListener("resize", focusableScrollers);

// The file picker: the chosen file's name beside the translated button (the browser's own button is hidden).
document.addEventListener("change", (event) => {
  const picker = event.target.closest?.(".file-picker");
  const name = picker?.querySelector(".file-picker-name");
  if (name && event.target.type === "file") {
    name.textContent = Array.from(event.target.files, (file) => file.name).join(", ") || name.dataset.none;
  }
});
