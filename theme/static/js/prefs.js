/* Applies the reader's stored display preferences before the first paint.
   Loaded without defer in <head> (a same-origin file, so a strict CSP holds).
   Stored in localStorage, never in cookies. */
(function () {
  var root = document.documentElement;
  root.classList.remove("pl-no-js");
  root.classList.add("pl-js");
  try {
    if (localStorage.getItem("pl-contrast") === "high") root.classList.add("pl-hc");
    var size = localStorage.getItem("pl-text");
    if (size === "lg" || size === "xl") root.classList.add("pl-text-" + size);
  } catch (e) {
    /* storage blocked: the defaults stay */
  }
})();
