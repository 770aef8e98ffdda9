/* The header's "Menu" button on a narrow screen: a disclosure that folds the search, the
   display preferences and the navigation so the page's content starts high on a phone or
   at 200 % zoom. The folding is CSS's, inside the narrow-screen media query (the class
   pl-header--folded), so a wide screen shows everything and no button whatever the state;
   without JavaScript the button is hidden and everything stays open. */
(function () {
  var button = document.querySelector("[data-pl-menu-button]");
  if (!button) return;
  var header = button.closest(".pl-header");

  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("pl-header--folded", !open);
  }
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  /* Escape in the open menu closes it and returns to the button */
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && button.offsetParent !== null) {
      set(false);
      button.focus();
    }
  });
  set(false);
})();
