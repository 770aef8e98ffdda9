/* Film library filters (tag, featured entity, Polish Sign Language) with the state in the URL. */
(function () {
  var form = document.querySelector("[data-pl-film-filter]");
  var list = document.querySelector("[data-pl-film-list]");
  if (!form || !list) return;
  var shared = window.plFilterState;
  var names = ["tag", "podmiot", "pjm"];
  var count = form.querySelector("[data-pl-count]");
  var cards = Array.prototype.slice.call(list.children);
  function apply(updateUrl) {
    var s = shared.read(form, names);
    var shown = 0;
    cards.forEach(function (card) {
      var ok = (!s.tag || card.getAttribute("data-tagi").split(" ").indexOf(s.tag) >= 0) &&
        (!s.podmiot || card.getAttribute("data-podmioty").split(" ").indexOf(s.podmiot) >= 0) &&
        (!s.pjm || card.getAttribute("data-pjm") === "1");
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = (s.tag || s.podmiot || s.pjm)
      ? "Znaleziono " + shown + " " + shared.plural(shown, "film", "filmy", "filmów") + " z " + cards.length + "."
      : "Wszystkie filmy: " + cards.length + ".";
    folded(s);
    if (updateUrl) shared.writeUrl(s, names);
  }
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  shared.restore(form, names);
  var folded = shared.foldFilters(form, names);  /* behind "Filtruj (N)" on a phone */
  form.hidden = false;
  apply(false);
})();
