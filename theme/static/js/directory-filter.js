/* Instant filters of the entity directory (/podmioty/).
   Without JavaScript the form stays hidden and the listing links lead to generated
   pages. With it, the controls combine, the count is announced through a live region,
   and the state lives in the URL query (?subregion=&powiat=&forma=&oferta=&cpv=&ps=1). The
   CPV field takes a code (any level: 55500000 finds every catering supplier, as a card
   lists its codes and every code above them) or words of a code's Polish name (the codes
   of the datalist whose names hold them all, Polish letters or not). A chosen
   subregion or powiat shows its support centre (OWES) above the results; when nothing is
   found, the same filters elsewhere in the subregion are offered with their counts. */
(function () {
  var form = document.querySelector("[data-pl-filter]");
  var list = document.querySelector("[data-pl-results]");
  if (!form || !list) return;
  var cards = Array.prototype.slice.call(list.children);
  var count = form.querySelector("[data-pl-count]");
  var empty = document.querySelector("[data-pl-empty]");
  var names = ["subregion", "powiat", "forma", "oferta", "cpv", "ps", "certyfikat"];
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

  /* Lower case without Polish letters: "Usługi stołówek" and "uslugi stolowek" compare equal. */
  function plain(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l");
  }

  var vocabulary = Array.prototype.map.call(document.querySelectorAll("#cpv-lista option"), function (option) {
    return { digits: option.value.slice(0, 8), text: plain(option.value) };
  });

  /* What a card's data-cpv must hold for the CPV field's text: a test of one code. */
  function cpvTest(text) {
    var value = text.trim();
    if (!value) return null;
    if (/^\d/.test(value)) {
      var digits = value.replace(/[^\d-]/g, "").split("-")[0].slice(0, 8).replace(/0+$/, "");
      if (digits.length < 2) digits = value.replace(/\D/g, "").slice(0, 2);
      return function (code) { return code.indexOf(digits) === 0; };
    }
    var words = plain(value).split(/\s+/);
    var known = {};
    vocabulary.forEach(function (entry) {
      if (words.every(function (word) { return entry.text.indexOf(word) >= 0; })) known[entry.digits] = true;
    });
    return function (code) { return known[code] === true; };
  }

  function matches(card, s) {
    if (s.subregion && card.getAttribute("data-subregion") !== s.subregion) return false;
    if (s.powiat && card.getAttribute("data-powiat") !== s.powiat) return false;
    if (s.forma && card.getAttribute("data-forma") !== s.forma) return false;
    if (s.oferta && card.getAttribute("data-oferta").split(" ").indexOf(s.oferta) < 0) return false;
    if (s.cpvTest && !card.getAttribute("data-cpv").split(" ").some(s.cpvTest)) return false;
    if (s.ps && card.getAttribute("data-ps") !== "1") return false;
    if (s.certyfikat && card.getAttribute("data-certyfikat") !== "1") return false;
    return true;
  }

  var owesBox = document.querySelector("[data-pl-owes-box]");
  var nearby = document.querySelector("[data-pl-nearby]");

  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }

  function copy(s, changes) {
    var t = {};
    names.forEach(function (name) { t[name] = s[name]; });
    Object.keys(changes).forEach(function (name) { t[name] = changes[name]; });
    return t;
  }

  /* The subregion chosen, or the one of the chosen powiat. */
  function subregionOf(s) {
    if (s.subregion) return s.subregion;
    var option = s.powiat ? form.elements.powiat.querySelector('option[value="' + s.powiat + '"]') : null;
    return option ? option.getAttribute("data-subregion") : "";
  }

  /* The support centre of the chosen place, above the results (directory-owes.html). */
  function showOwes(s) {
    if (!owesBox) return;
    var subregion = subregionOf(s);
    owesBox.hidden = !subregion;
    each(owesBox, "[data-pl-owes-for]", function (item) { item.hidden = item.getAttribute("data-pl-owes-for") !== subregion; });
    each(owesBox, "[data-pl-owes-powiat]", function (item) { item.hidden = item.getAttribute("data-pl-owes-powiat") !== s.powiat; });
  }

  function counted(s) {
    s.cpvTest = cpvTest(s.cpv || "");
    return cards.filter(function (card) { return matches(card, s); }).length;
  }

  /* Nothing found: the same filters in the rest of the subregion and in its other powiats
     (or, for a subregion, in the others), with counts; each a link to that view. */
  function showNearby(s, shown) {
    if (!nearby) return;
    var list = nearby.querySelector("[data-pl-nearby-list]");
    var places = [];
    var subregion = subregionOf(s);
    if (shown === 0 && s.powiat) {
      var label = form.elements.subregion.querySelector('option[value="' + subregion + '"]').textContent;
      places.push({ label: "cały subregion " + label, state: copy(s, { powiat: "", subregion: subregion }) });
      each(form.elements.powiat, 'option[data-subregion="' + subregion + '"]', function (option) {
        if (option.value !== s.powiat) places.push({ label: option.textContent, state: copy(s, { powiat: option.value }) });
      });
    } else if (shown === 0 && s.subregion) {
      each(form.elements.subregion, "option", function (option) {
        if (option.value && option.value !== s.subregion) places.push({ label: "subregion " + option.textContent, state: copy(s, { subregion: option.value }) });
      });
    }
    var found = places.map(function (place) { place.count = counted(place.state); return place; })
      .filter(function (place) { return place.count > 0; });
    list.replaceChildren.apply(list, found.map(function (place) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = location.pathname + "?" + shared.query(place.state, names) + "#lista";
      link.textContent = place.label;
      item.appendChild(link);
      item.appendChild(document.createTextNode(": " + place.count + " " + shared.plural(place.count, "podmiot", "podmioty", "podmiotów")));
      return item;
    }));
    nearby.querySelector("[data-pl-nearby-title]").textContent = found.length
      ? "Te same kryteria w pobliżu:"
      : "";
    nearby.hidden = found.length === 0;
  }

  function apply(updateUrl) {
    limitPowiats(form.elements.subregion.value);
    var s = shared.read(form, names);
    s.cpvTest = cpvTest(s.cpv);
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
    showOwes(s);
    showNearby(s, shown);
    folded(s);
    if (updateUrl) shared.writeUrl(s, names);
  }

  form.addEventListener("change", function () { apply(true); });
  form.elements.cpv.addEventListener("input", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  shared.restore(form, names);
  var folded = shared.foldFilters(form, names);
  form.hidden = false;
  apply(false);
})();
