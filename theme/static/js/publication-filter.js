/* Filters of the knowledge library (/wiedza/): type, year, subregion or powiat, topic,
   with the state in the URL. Without JavaScript the form stays hidden and the pages by
   type list the same publications. */
(function () {
  var form = document.querySelector("[data-pl-publication-filter]");
  var list = document.querySelector("[data-pl-publication-list]");
  if (!form || !list) return;
  var shared = window.plFilterState;
  var names = ["rodzaj", "rok", "obszar", "temat"];
  var count = form.querySelector("[data-pl-count]");
  var cards = Array.prototype.slice.call(list.querySelectorAll("[data-rodzaj]"));
  var groups = Array.prototype.slice.call(list.querySelectorAll("[data-pl-year-group]"));
  function has(card, name, value) { return card.getAttribute(name).split(" ").indexOf(value) >= 0; }
  function apply(updateUrl) {
    var s = shared.read(form, names);
    var shown = 0;
    cards.forEach(function (card) {
      var ok = (!s.rodzaj || card.getAttribute("data-rodzaj") === s.rodzaj) &&
        (!s.rok || card.getAttribute("data-rok") === s.rok) &&
        (!s.obszar || has(card, "data-obszar", s.obszar)) &&
        (!s.temat || has(card, "data-tematy", s.temat));
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector("[data-rodzaj]:not([hidden])"); });
    var filtered = names.some(function (name) { return s[name]; });
    count.textContent = filtered
      ? "Znaleziono " + shown + " " + shared.plural(shown, "publikację", "publikacje", "publikacji") + " z " + cards.length + "."
      : "Wszystkie publikacje: " + cards.length + ".";
    folded(s);
    if (updateUrl) shared.writeUrl(s, names);
  }
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  shared.restore(form, names);
  var folded = shared.foldFilters(form, names);
  form.hidden = false;
  apply(false);
})();
