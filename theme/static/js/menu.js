/* The header's "Menu" button on a narrow screen: a disclosure that folds the search, the
   display preferences and the navigation (each marked data-pl-menu) so the page's content
   starts high on a phone or at 200 % zoom. Wide screens show everything and no button;
   without JavaScript everything stays open. */
(function () {
  var button = document.querySelector("[data-pl-menu-button]");
  if (!button) return;
  var header = button.closest(".pl-header");
  var narrow = window.matchMedia("(max-width: 47.99rem)");

  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("pl-header--folded", !open);
  }
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  /* Escape in the open menu closes it and returns to the button */
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
      set(false);
      button.focus();
    }
  });
  function fit() {
    button.hidden = !narrow.matches;
    set(!narrow.matches);
  }
  if (narrow.addEventListener) narrow.addEventListener("change", fit);
  fit();
})();
