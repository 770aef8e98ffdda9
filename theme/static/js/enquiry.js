/* Enquiry list ("Zapytanie ofertowe") of the catalogue.
   Product pages add items; /katalog/zapytanie/ shows them grouped by maker and builds one
   prefilled e-mail per maker (mailto:), one to the portal, or a printout. The list is
   kept in localStorage, never in cookies. Catalogue data comes from /dane/katalog.json
   (same origin). */
(function () {
  var KEY = "pl-enquiry";

  function read() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function write(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* private mode */ }
  }
  function same(a, b) {
    return a.slug === b.slug && a.personalisation === b.personalisation && JSON.stringify(a.variants) === JSON.stringify(b.variants);
  }
  function money(text) {
    var parts = Number(text).toFixed(2).split(".");
    return parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") + "," + parts[1] + "\u00a0zł";
  }
  function details(item) {
    var bits = Object.keys(item.variants || {}).map(function (name) { return name + ": " + item.variants[name]; });
    if (item.personalisation) bits.push("personalizacja: " + item.personalisation);
    return bits;
  }

  /* ---- product page: add to the list ---- */
  var add = document.querySelector("[data-pl-enquiry-add]");
  if (add) {
    var status = add.querySelector("[data-pl-enquiry-status]");
    add.addEventListener("submit", function (event) {
      event.preventDefault();
      var qty = parseInt(add.elements.qty.value, 10);
      var min = parseInt(add.getAttribute("data-min"), 10);
      if (!(qty >= min)) {
        status.textContent = "Minimalne zamówienie to " + min + " szt.; popraw liczbę sztuk.";
        add.elements.qty.focus();
        return;
      }
      var variants = {};
      Array.prototype.forEach.call(add.querySelectorAll("[data-variant]"), function (select) {
        variants[select.getAttribute("data-variant")] = select.value;
      });
      var item = {
        slug: add.getAttribute("data-slug"),
        qty: qty,
        variants: variants,
        personalisation: add.elements.personalisation ? add.elements.personalisation.value : ""
      };
      var list = read();
      var existing = list.filter(function (x) { return same(x, item); })[0];
      if (existing) existing.qty += qty; else list.push(item);
      write(list);
      status.textContent = "";
      var link = document.createElement("a");
      link.href = add.getAttribute("data-enquiry-url") || "../zapytanie/";
      link.textContent = "Przejdź do zapytania";
      status.append("Dodano do zapytania. Pozycji na liście: " + list.length + ". ", link);
    });
    add.hidden = false;
  }

  /* ---- enquiry page ---- */
  var root = document.querySelector("[data-pl-enquiry]");
  if (!root) return;
  document.querySelector("[data-pl-enquiry-nojs]").hidden = true;
  root.hidden = false;
  var listBox = root.querySelector("[data-pl-enquiry-list]");
  var summary = root.querySelector("[data-pl-enquiry-summary]");
  var actions = root.querySelector("[data-pl-enquiry-actions]");
  var mailList = root.querySelector("[data-pl-enquiry-mail]");
  var portal = root.querySelector("[data-pl-enquiry-portal]");
  var products = {};

  function body(items) {
    var lines = ["Dzień dobry,", "", "proszę o ofertę na poniższe produkty z katalogu portalu " + root.getAttribute("data-site") + ":", ""];
    items.forEach(function (item, i) {
      var p = products[item.slug];
      var extra = details(item);
      lines.push((i + 1) + ". " + p.nazwa + " – " + item.qty + " szt." + (extra.length ? "; " + extra.join("; ") : ""));
      lines.push("   wytwórca: " + p.wytworca + "; cena katalogowa od " + money(p.cena_od_netto) + " netto; " + p.adres);
    });
    lines.push("", "Proszę o informację o cenie, terminie realizacji i kosztach dostawy.", "", "Z poważaniem", "");
    return lines.join("\n");
  }
  function mailto(address, subject, items) {
    return "mailto:" + address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body(items));
  }

  function render() {
    var list = read().filter(function (item) { return products[item.slug]; });
    listBox.textContent = "";
    mailList.textContent = "";
    if (!list.length) {
      summary.textContent = "Lista jest pusta. Dodaj produkty na ich stronach w katalogu.";
      actions.hidden = true;
      return;
    }
    summary.textContent = "Pozycji na liście: " + list.length + ".";
    var groups = {};
    list.forEach(function (item) {
      var maker = products[item.slug].wytworca_id;
      (groups[maker] = groups[maker] || []).push(item);
    });
    Object.keys(groups).forEach(function (maker, g) {
      var items = groups[maker];
      var first = products[items[0].slug];
      var section = document.createElement("section");
      section.className = "pl-enquiry__group";
      var heading = document.createElement("h2");
      heading.textContent = "Wytwórca: " + first.wytworca;
      section.appendChild(heading);
      var table = document.createElement("table");
      table.className = "pl-table";
      table.innerHTML = "<thead><tr><th scope=\"col\">Produkt</th><th scope=\"col\">Szczegóły</th><th scope=\"col\">Liczba sztuk</th><th scope=\"col\"><span class=\"pl-visually-hidden\">Usuń</span></th></tr></thead>";
      var tbody = document.createElement("tbody");
      items.forEach(function (item, i) {
        var p = products[item.slug];
        var row = document.createElement("tr");
        var name = document.createElement("th");
        name.scope = "row";
        var link = document.createElement("a");
        link.href = p.adres_lokalny;
        link.textContent = p.nazwa;
        name.appendChild(link);
        var info = document.createElement("td");
        info.textContent = details(item).join("; ") || "—";
        var qtyCell = document.createElement("td");
        var id = "ilosc-" + g + "-" + i;
        var label = document.createElement("label");
        label.className = "pl-visually-hidden";
        label.htmlFor = id;
        label.textContent = "Liczba sztuk: " + p.nazwa;
        var input = document.createElement("input");
        input.className = "pl-field__control pl-enquiry__qty";
        input.type = "number";
        input.id = id;
        input.min = p.minimalne_zamowienie;
        input.value = item.qty;
        var note = document.createElement("span");
        note.className = "pl-enquiry__note";
        note.id = id + "-uwaga";
        input.setAttribute("aria-describedby", note.id);
        function check() {
          var value = parseInt(input.value, 10);
          var low = !(value >= p.minimalne_zamowienie);
          note.textContent = low ? "minimum " + p.minimalne_zamowienie + " szt." : "";
          input.setAttribute("aria-invalid", low ? "true" : "false");
          return value;
        }
        input.addEventListener("change", function () {
          var value = check();
          var all = read();
          all.forEach(function (x) { if (same(x, item) && value > 0) x.qty = value; });
          write(all);
          render();
          var again = document.getElementById(id);
          if (again) again.focus();
        });
        check();
        qtyCell.append(label, input, " ", note);
        var removeCell = document.createElement("td");
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "pl-button pl-button--secondary";
        remove.textContent = "Usuń";
        remove.setAttribute("aria-label", "Usuń: " + p.nazwa);
        remove.addEventListener("click", function () {
          write(read().filter(function (x) { return !same(x, item); }));
          render();
          summary.focus();
        });
        removeCell.appendChild(remove);
        row.append(name, info, qtyCell, removeCell);
        tbody.appendChild(row);
      });
      table.appendChild(tbody);
      section.appendChild(table);
      listBox.appendChild(section);
      var li = document.createElement("li");
      if (first.wytworca_email) {
        var mail = document.createElement("a");
        mail.className = "pl-button";
        mail.href = mailto(first.wytworca_email, "Zapytanie ofertowe z katalogu: " + items.length + " " + (items.length === 1 ? "produkt" : "produkty"), items);
        mail.textContent = "Wyślij zapytanie do: " + first.wytworca;
        li.appendChild(mail);
      } else {
        li.textContent = first.wytworca + ": brak adresu e-mail, użyj wysyłki do portalu.";
      }
      mailList.appendChild(li);
    });
    portal.href = mailto(root.getAttribute("data-portal-email"), "Zapytanie ofertowe z katalogu portalu", list);
    actions.hidden = false;
  }

  root.querySelector("[data-pl-enquiry-print]").addEventListener("click", function () { window.print(); });
  root.querySelector("[data-pl-enquiry-clear]").addEventListener("click", function () { write([]); render(); summary.focus(); });
  summary.tabIndex = -1;
  window.plEnquiryBody = function (slugs) { return body(read().filter(function (x) { return !slugs || slugs.indexOf(x.slug) >= 0; })); };

  fetch(root.getAttribute("data-catalogue"), { credentials: "omit" })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      data.produkty.forEach(function (p) {
        var local = new URL(p.adres);
        p.adres_lokalny = local.pathname;
        products[p.id] = p;
      });
      render();
    })
    .catch(function () { summary.textContent = "Nie udało się wczytać katalogu. Odśwież stronę."; });
})();
