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
  var names = ["subregion", "powiat", "forma", "oferta", "ps"];

  function words(n) {
    var last = n % 10, lastTwo = n % 100;
    if (n === 1) return "podmiot";
    if (last >= 2 && last <= 4 && !(lastTwo >= 12 && lastTwo <= 14)) return "podmioty";
    return "podmiotów";
  }

  function state() {
    var s = {};
    names.forEach(function (name) {
      var field = form.elements[name];
      s[name] = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
    });
    return s;
  }

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
    return true;
  }

  function apply(updateUrl) {
    limitPowiats(form.elements.subregion.value);
    var s = state();
    var shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, s);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    var filtered = names.some(function (name) { return s[name]; });
    count.textContent = filtered
      ? "Znaleziono " + shown + " " + words(shown) + " z " + cards.length + "."
      : "Wszystkie podmioty: " + cards.length + ".";
    if (empty) empty.hidden = shown !== 0;
    if (updateUrl) {
      var query = new URLSearchParams();
      names.forEach(function (name) { if (s[name]) query.set(name, s[name]); });
      var text = query.toString();
      history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
    }
  }

  function restore() {
    var query = new URLSearchParams(location.search);
    names.forEach(function (name) {
      var field = form.elements[name];
      var value = query.get(name) || "";
      if (field.type === "checkbox") {
        field.checked = value === "1";
      } else if (Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        field.value = value;
      }
    });
  }

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  restore();
  form.hidden = false;
  apply(false);
})();
