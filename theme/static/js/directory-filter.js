/* Instant filters of the entity directory (/podmioty/).
   Without JavaScript the form stays hidden and the listing links lead to generated
   pages. With it, the controls combine, the count is announced through a live region,
   and the state lives in the URL query (?subregion=&powiat=&forma=&oferta=&ps=1). */
(function () {
  var form = document.querySelector("[data-pl-filter]");
  var list = document.querySelector("[data-pl-results]");
  if (!form || !list) return;
  var cards = Array.prototype.slice.call(list.children);
  var count = form.querySelector("[data-pl-count]");
  var empty = document.querySelector("[data-pl-empty]");
  var names = ["subregion", "powiat", "forma", "oferta", "ps", "certyfikat"];
  var shared = window.plFilterState;

  function limitPowiats(subregion) {
    var select = form.elements.powiat;
    Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
      var off = Boolean(subregion) && group.getAttribute("data-subregion") !== subregion;
      group.hidden = off;
      group.disabled = off;
    });
    var chosen = select.options[select.selectedIndex];
    if (chosen && chosen.disabled === false && chosen.parentNode.disabled) select.value = "";
    if (chosen && chosen.getAttribute("data-subregion") && subregion && chosen.getAttribute("data-subregion") !== subregion) select.value = "";
  }

  function matches(card, s) {
    if (s.subregion && card.getAttribute("data-subregion") !== s.subregion) return false;
    if (s.powiat && card.getAttribute("data-powiat") !== s.powiat) return false;
    if (s.forma && card.getAttribute("data-forma") !== s.forma) return false;
    if (s.oferta && card.getAttribute("data-oferta").split(" ").indexOf(s.oferta) < 0) return false;
    if (s.ps && card.getAttribute("data-ps") !== "1") return false;
    if (s.certyfikat && card.getAttribute("data-certyfikat") !== "1") return false;
    return true;
  }

  function apply(updateUrl) {
    limitPowiats(form.elements.subregion.value);
    var s = shared.read(form, names);
    var shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, s);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    var filtered = names.some(function (name) { return s[name]; });
    count.textContent = filtered
      ? "Znaleziono " + shown + " " + shared.plural(shown, "podmiot", "podmioty", "podmiotów") + " z " + cards.length + "."
      : "Wszystkie podmioty: " + cards.length + ".";
    if (empty) empty.hidden = shown !== 0;
    if (updateUrl) shared.writeUrl(s, names);
  }

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  shared.restore(form, names);
  form.hidden = false;
  apply(false);
})();
