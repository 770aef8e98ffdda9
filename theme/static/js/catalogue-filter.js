/* Buyer tools of the catalogue (/katalog/): filters, sorting, URL state, live count.
   Reads each card's data-* facets once, then filters in memory: one change with
   thousands of products stays well under a frame's budget.
   The buyer states the quantity once ("Liczba sztuk"): each card then shows, and the price
   filter and sorting use, the unit price at that quantity (the price tier it reaches), with
   the cheapest logo surcharge that quantity allows when personalisation is asked for; a
   product whose minimum order (or whose personalisation's) is above it is left out, as
   it has no price there. Without a quantity the price is the catalogue's "od" price. */
(function () {
  var form = document.querySelector("[data-pl-catalogue-filter]");
  var list = document.querySelector("[data-pl-products]");
  if (!form || !list) return;
  var count = form.querySelector("[data-pl-count]");
  var heading = document.querySelector("[data-pl-results-heading]");
  var headingText = heading ? heading.textContent : "";
  var empty = document.querySelector("[data-pl-empty]");
  var names = ["ilosc", "cena_od", "cena_do", "kategoria", "material", "wytworca", "subregion", "czas", "personalizacja", "upcykling", "certyfikat", "sort"];
  var shared = window.plFilterState;

  var pricing = window.plPricing;
  var pairs = pricing.pairs, money = pricing.money;

  var items = Array.prototype.map.call(list.children, function (card, index) {
    var price = card.querySelector("[data-pl-price]");
    return {
      card: card,
      index: index,
      price: price,
      priceNodes: Array.prototype.slice.call(price.childNodes),
      kategoria: card.getAttribute("data-kategoria"),
      materialy: card.getAttribute("data-materialy").split("|"),
      wytworca: card.getAttribute("data-wytworca"),
      subregion: card.getAttribute("data-subregion"),
      cena: parseFloat(card.getAttribute("data-cena")),
      ceny: pairs(card.getAttribute("data-ceny")),
      logo: pairs(card.getAttribute("data-logo")),
      czas: parseInt(card.getAttribute("data-czas"), 10),
      personalizacja: card.getAttribute("data-personalizacja") === "1",
      upcykling: card.getAttribute("data-upcykling") === "1",
      certyfikat: card.getAttribute("data-certyfikat") === "1"
    };
  });
  var order = items.slice();

  function number(text) {
    var value = parseFloat(String(text).replace(",", "."));
    return isNaN(value) ? null : value;
  }

  /* The offer at the state's quantity (pricing.js), or the "od" price without one. */
  function offer(item, qty, personalised) {
    if (!qty) return { unit: item.cena, base: item.cena, extra: 0, extraUnknown: false };
    return pricing.offer(item.ceny, item.logo, qty, personalised);
  }

  function showPrice(item, found, qty, personalised) {
    var box = item.price;
    box.textContent = "";
    if (!qty || !found) {
      item.priceNodes.forEach(function (node) { box.appendChild(node); });
      return;
    }
    var strong = document.createElement("strong");
    strong.textContent = money(found.unit);
    box.append(strong, " netto/szt. przy " + qty + " szt.");
    if (personalised) {
      box.append(found.extraUnknown
        ? " (bez dopłaty za logo: wytwórca poda ją w ofercie)"
        : " (w tym logo: " + money(found.extra) + ")");
    }
  }

  function test(item, found, s, priceFrom, priceTo) {
    if (!found) return false;
    if (s.kategoria && item.kategoria !== s.kategoria) return false;
    if (s.material && item.materialy.indexOf(s.material) < 0) return false;
    if (s.wytworca && item.wytworca !== s.wytworca) return false;
    if (s.subregion && item.subregion !== s.subregion) return false;
    if (priceFrom !== null && found.unit < priceFrom) return false;
    if (priceTo !== null && found.unit > priceTo) return false;
    if (s.czas && item.czas > parseInt(s.czas, 10)) return false;
    if (s.personalizacja && !item.personalizacja) return false;
    if (s.upcykling && !item.upcykling) return false;
    if (s.certyfikat && !item.certyfikat) return false;
    return true;
  }

  var comparators = {
    "": function (a, b) { return a.item.index - b.item.index; },
    "cena": function (a, b) { return a.unit - b.unit || a.item.index - b.item.index; },
    "cena-malejaco": function (a, b) { return b.unit - a.unit || a.item.index - b.item.index; },
    "czas": function (a, b) { return a.item.czas - b.item.czas || a.item.index - b.item.index; }
  };

  function chosen(name) {  /* the visible text of a chosen option */
    var field = form.elements[name];
    return field.options[field.selectedIndex].text;
  }

  /* "do 50,00 zł netto przy 200 szt., z certyfikatem": the active filters in words */
  function describe(s, qty, priceFrom, priceTo) {
    var parts = [];
    var price = "";
    if (priceFrom !== null && priceTo !== null) price = money(priceFrom) + "–" + money(priceTo);
    else if (priceFrom !== null) price = "od " + money(priceFrom);
    else if (priceTo !== null) price = "do " + money(priceTo);
    if (price) parts.push(price + " netto/szt." + (qty ? " przy " + qty + " szt." : ""));
    else if (qty) parts.push("do zamówienia " + qty + " szt.");
    if (s.kategoria) parts.push(chosen("kategoria").toLowerCase());
    if (s.material) parts.push("materiał: " + chosen("material"));
    if (s.wytworca) parts.push("wytwórca: " + chosen("wytworca"));
    if (s.subregion) parts.push("subregion " + chosen("subregion"));
    if (s.czas) parts.push("realizacja " + chosen("czas"));
    if (s.personalizacja) parts.push("z logo");
    if (s.upcykling) parts.push("z materiałów z odzysku");
    if (s.certyfikat) parts.push("z certyfikatem");
    return parts.join(", ");
  }

  function apply(updateUrl) {
    var s = shared.read(form, names);
    var priceFrom = number(s.cena_od), priceTo = number(s.cena_do);
    var qty = parseInt(s.ilosc, 10);
    qty = qty > 0 ? qty : 0;
    var personalised = Boolean(s.personalizacja);
    var offers = items.map(function (item) {
      var found = offer(item, qty, personalised);
      showPrice(item, found, qty, personalised);
      return { item: item, found: found, unit: found ? found.unit : Infinity };
    });
    var sorted = offers.slice().sort(comparators[s.sort] || comparators[""]).map(function (o) { return o.item; });
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
    offers.forEach(function (o) {
      var ok = test(o.item, o.found, s, priceFrom, priceTo);
      if (o.item.card.hidden === ok) o.item.card.hidden = !ok;
      if (ok) shown += 1;
    });
    if (changedOrder) parent.insertBefore(list, next);
    var words = describe(s, qty, priceFrom, priceTo);
    var found = shown + " " + shared.plural(shown, "produkt", "produkty", "produktów");
    if (heading) heading.textContent = words ? found + ": " + words : headingText;
    count.textContent = words
      ? "Znaleziono " + found + " z " + items.length + ": " + words + "."
      : "Wszystkie produkty: " + items.length + ".";
    if (empty) empty.hidden = shown !== 0;
    folded(s);
    if (updateUrl) {
      shared.writeUrl(s, names);
      pricing.remember(qty);  /* the product pages start their quantity from it */
    }
  }

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  shared.restore(form, names);
  var folded = shared.foldFilters(form, names);
  form.hidden = false;
  apply(false);
  window.plCatalogueApply = apply;  /* for the benchmark: time one filter change */
})();
