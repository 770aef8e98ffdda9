/* Buyer tools of the catalogue (/katalog/): filters, sorting, URL state, live count.
   Reads each card's data-* facets once, then filters in memory: one change with
   thousands of products stays well under a frame's budget. */
(function () {
  var form = document.querySelector("[data-pl-catalogue-filter]");
  var list = document.querySelector("[data-pl-products]");
  if (!form || !list) return;
  var count = form.querySelector("[data-pl-count]");
  var empty = document.querySelector("[data-pl-empty]");
  var names = ["kategoria", "material", "wytworca", "subregion", "cena_od", "cena_do", "min", "czas", "personalizacja", "upcykling", "certyfikat", "sort"];
  var items = Array.prototype.map.call(list.children, function (card, index) {
    return {
      card: card,
      index: index,
      kategoria: card.getAttribute("data-kategoria"),
      materialy: card.getAttribute("data-materialy").split("|"),
      wytworca: card.getAttribute("data-wytworca"),
      subregion: card.getAttribute("data-subregion"),
      cena: parseFloat(card.getAttribute("data-cena")),
      min: parseInt(card.getAttribute("data-min"), 10),
      czas: parseInt(card.getAttribute("data-czas"), 10),
      personalizacja: card.getAttribute("data-personalizacja") === "1",
      upcykling: card.getAttribute("data-upcykling") === "1",
      certyfikat: card.getAttribute("data-certyfikat") === "1"
    };
  });
  var order = items.slice();
  var shared = window.plFilterState;

  function number(text) {
    var value = parseFloat(String(text).replace(",", "."));
    return isNaN(value) ? null : value;
  }

  function test(item, s, priceFrom, priceTo) {
    if (s.kategoria && item.kategoria !== s.kategoria) return false;
    if (s.material && item.materialy.indexOf(s.material) < 0) return false;
    if (s.wytworca && item.wytworca !== s.wytworca) return false;
    if (s.subregion && item.subregion !== s.subregion) return false;
    if (priceFrom !== null && item.cena < priceFrom) return false;
    if (priceTo !== null && item.cena > priceTo) return false;
    if (s.min && item.min > parseInt(s.min, 10)) return false;
    if (s.czas && item.czas > parseInt(s.czas, 10)) return false;
    if (s.personalizacja && !item.personalizacja) return false;
    if (s.upcykling && !item.upcykling) return false;
    if (s.certyfikat && !item.certyfikat) return false;
    return true;
  }

  var comparators = {
    "": function (a, b) { return a.index - b.index; },
    "cena": function (a, b) { return a.cena - b.cena || a.index - b.index; },
    "cena-malejaco": function (a, b) { return b.cena - a.cena || a.index - b.index; },
    "czas": function (a, b) { return a.czas - b.czas || a.index - b.index; }
  };

  function apply(updateUrl) {
    var s = shared.read(form, names);
    var priceFrom = number(s.cena_od), priceTo = number(s.cena_do);
    var sorted = items.slice().sort(comparators[s.sort] || comparators[""]);
    var changedOrder = sorted.some(function (item, i) { return item !== order[i]; });
    /* A new order is built in a detached list: one style and layout pass when it
       returns, instead of one per moved card. DOM order = visual order, so screen readers and
       the Tab key follow the sorting too. */
    var parent = list.parentNode, next = list.nextSibling;
    if (changedOrder) {
      parent.removeChild(list);
      sorted.forEach(function (item) { list.appendChild(item.card); });
      order = sorted;
    }
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var ok = test(items[i], s, priceFrom, priceTo);
      if (items[i].card.hidden === ok) items[i].card.hidden = !ok;
      if (ok) shown += 1;
    }
    if (changedOrder) parent.insertBefore(list, next);
    var filtered = names.some(function (name) { return name !== "sort" && s[name]; });
    count.textContent = filtered
      ? "Znaleziono " + shown + " " + shared.plural(shown, "produkt", "produkty", "produktów") + " z " + items.length + "."
      : "Wszystkie produkty: " + items.length + ".";
    if (empty) empty.hidden = shown !== 0;
    if (updateUrl) shared.writeUrl(s, names);
  }

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  shared.restore(form, names);
  form.hidden = false;
  apply(false);
  window.plCatalogueApply = apply;  /* for the benchmark: time one filter change */
})();
