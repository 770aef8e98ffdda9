/* Contrast and text-size switches in the header. The controls are hidden in the HTML and
   shown here, because without JavaScript they could not work. */
(function () {
  var root = document.documentElement;
  var panel = document.querySelector("[data-pl-prefs]");
  if (!panel) return;

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  var contrast = panel.querySelector("[data-pl-contrast]");
  function showContrast() {
    contrast.setAttribute("aria-pressed", root.classList.contains("pl-hc") ? "true" : "false");
  }
  contrast.addEventListener("click", function () {
    var on = root.classList.toggle("pl-hc");
    store("pl-contrast", on ? "high" : "normal");
    showContrast();
  });

  var sizeButtons = panel.querySelectorAll("[data-pl-text]");
  function currentSize() {
    if (root.classList.contains("pl-text-xl")) return "xl";
    if (root.classList.contains("pl-text-lg")) return "lg";
    return "normal";
  }
  function showSize() {
    var size = currentSize();
    sizeButtons.forEach(function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-pl-text") === size ? "true" : "false");
    });
  }
  sizeButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      var size = button.getAttribute("data-pl-text");
      root.classList.remove("pl-text-lg", "pl-text-xl");
      if (size !== "normal") root.classList.add("pl-text-" + size);
      store("pl-text", size);
      showSize();
    });
  });

  showContrast();
  showSize();
  panel.hidden = false;
})();
