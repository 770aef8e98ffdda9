/* The enquiry ("Zapytanie ofertowe") of the catalogue: a request for a quote without a
   server. Product pages add items (quantity, variant, personalisation) and show the unit
   price at the quantity; /katalog/zapytanie/ lists them by maker with the catalogue's
   price at each quantity, takes the buyer's details (organisation, NIP checked by its
   control digit, contact person, e-mail, phone, place and date of delivery, notes), and
   builds one e-mail per maker with everything the maker needs to quote (mailto:), one to
   the portal, a printable summary (print or save as PDF) and a CSV for the buyer's
   procurement file. The list and the details stay in localStorage, never in cookies.
   Catalogue data comes from /dane/katalog.json (same origin). */
(function () {
  var KEY = "pl-enquiry";
  var BUYER = "pl-enquiry-buyer";
  var pricing = window.plPricing;
  var money = pricing.money;

  function load(key, fallback) {
    try { return JSON.parse(localStorage.getItem(key) || "null") || fallback; } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
    document.dispatchEvent(new Event("pl-enquiry-changed"));  /* the header's count (enquiry-count.js) */
  }
  function read() { return load(KEY, []); }
  function write(list) { save(KEY, list); }
  function same(a, b) {
    return a.slug === b.slug && a.personalisation === b.personalisation && JSON.stringify(a.variants) === JSON.stringify(b.variants);
  }
  function details(item) {
    var bits = Object.keys(item.variants || {}).map(function (name) { return name + ": " + item.variants[name]; });
    if (item.personalisation) bits.push("personalizacja: " + item.personalisation);
    return bits;
  }

  /* ---- product page: the price at the quantity, and adding to the list ---- */
  var add = document.querySelector("[data-pl-enquiry-add]");
  if (add) {
    var status = add.querySelector("[data-pl-enquiry-status]");
    var priceLine = add.querySelector("[data-pl-enquiry-price]");
    var tiers = pricing.pairs(add.getAttribute("data-ceny"));
    var min = parseInt(add.getAttribute("data-min"), 10);
    var stated = pricing.remembered();
    if (stated >= min) add.elements.qty.value = stated;  /* the quantity stated in the catalogue */
    var showPrice = function () {
      var qty = parseInt(add.elements.qty.value, 10);
      var base = qty > 0 ? pricing.unit(tiers, qty) : null;
      if (base === null) { priceLine.textContent = "Minimalne zamówienie: " + min + " szt."; return; }
      var text = "Przy " + qty + " szt.: " + money(base) + " netto za sztukę";
      var choice = add.elements.personalisation ? add.elements.personalisation.selectedOptions[0] : null;
      if (choice && choice.value) {
        var from = parseInt(choice.getAttribute("data-from"), 10);
        var extra = choice.getAttribute("data-extra");
        if (qty < from) text += "; " + choice.value + " dopiero od " + from + " szt.";
        else if (extra === "") text += " + " + choice.value + " (dopłatę poda wytwórca)";
        else text = "Przy " + qty + " szt.: " + money(base + parseFloat(extra)) + " netto za sztukę z personalizacją (" + choice.value + " " + money(parseFloat(extra)) + ")";
      }
      priceLine.textContent = text + ".";
    };
    add.addEventListener("input", showPrice);
    add.addEventListener("change", showPrice);
    add.addEventListener("submit", function (event) {
      event.preventDefault();
      var qty = parseInt(add.elements.qty.value, 10);
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
    showPrice();
    add.hidden = false;
  }

  /* ---- enquiry page ---- */
  var root = document.querySelector("[data-pl-enquiry]");
  if (!root) return;
  document.querySelector("[data-pl-enquiry-nojs]").hidden = true;
  root.hidden = false;
  var part = function (name) { return root.querySelector("[data-pl-enquiry-" + name + "]"); };
  var listBox = part("list"), summary = part("summary"), actions = part("actions");
  var mailList = part("mail"), buyerForm = part("buyer"), errors = part("errors");
  var sheet = root.querySelector("[data-pl-enquiry-sheet]");
  var FIELDS = ["organizacja", "nip", "osoba", "email", "telefon", "miejsce", "termin", "uwagi"];
  var LABELS = {
    organizacja: "Zamawiający", nip: "NIP", osoba: "Osoba do kontaktu", email: "E-mail", telefon: "Telefon",
    miejsce: "Miejsce dostawy", termin: "Potrzebne do dnia", uwagi: "Personalizacja i uwagi"
  };
  var products = {};
  function listed() {  /* the stored items whose product the catalogue still has */
    return read().filter(function (item) { return products[item.slug]; });
  }

  /* ---- the buyer's details ---- */
  function buyer() {
    var found = {};
    FIELDS.forEach(function (name) { found[name] = buyerForm.elements[name].value.trim(); });
    return found;
  }
  function nipOk(text) {  /* 10 digits, the last the weighted sum mod 11 of the first nine */
    var digits = text.replace(/^PL/i, "").replace(/[\s-]/g, "");
    if (!/^\d{10}$/.test(digits)) return false;
    var weights = [6, 5, 7, 2, 3, 4, 5, 6, 7], sum = 0;
    for (var i = 0; i < 9; i++) sum += weights[i] * parseInt(digits[i], 10);
    return sum % 11 === parseInt(digits[9], 10);
  }
  function today() {
    var now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  }
  function problems(data) {
    var found = [];
    if (!data.organizacja) found.push(["organizacja", "Wpisz nazwę firmy lub instytucji."]);
    if (data.nip && !nipOk(data.nip)) found.push(["nip", "NIP ma 10 cyfr, a ostatnia zgadza się z sumą kontrolną; sprawdź go albo zostaw puste pole."]);
    if (!data.osoba) found.push(["osoba", "Wpisz imię i nazwisko osoby do kontaktu."]);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(data.email)) found.push(["email", "Wpisz adres e-mail, np. zakupy@firma.pl."]);
    if (!data.miejsce) found.push(["miejsce", "Wpisz miejsce dostawy, np. miejscowość i adres."]);
    if (data.termin && new Date(data.termin + "T00:00:00") < today()) found.push(["termin", "Termin dostawy już minął; wybierz dzień od dziś."]);
    return found;
  }
  function showProblems(found) {
    var list = root.querySelector("[data-pl-enquiry-error-list]");
    list.textContent = "";
    FIELDS.forEach(function (name) {
      var field = buyerForm.elements[name];
      var wrong = found.some(function (p) { return p[0] === name; });
      field.setAttribute("aria-invalid", wrong ? "true" : "false");
    });
    found.forEach(function (problem) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + buyerForm.elements[problem[0]].id;
      link.textContent = problem[1];
      link.addEventListener("click", function (event) {
        event.preventDefault();
        buyerForm.elements[problem[0]].focus();
      });
      li.appendChild(link);
      list.appendChild(li);
    });
    errors.hidden = !found.length;
    if (found.length) errors.focus();
    return !found.length;
  }

  /* ---- prices at the asked quantities ---- */
  function priced(item) {
    var p = products[item.slug];
    var tiers = p.progi_cenowe.map(function (t) { return [t.od_sztuk, parseFloat(t.cena_netto)]; });
    var base = pricing.unit(tiers, item.qty);
    var option = item.personalisation
      ? p.personalizacja.filter(function (x) { return x.nazwa === item.personalisation; })[0] : null;
    var extra = option && option.doplata_netto !== "" ? parseFloat(option.doplata_netto) : 0;
    var notes = [];
    if (base === null) notes.push("minimalne zamówienie " + p.minimalne_zamowienie + " szt.");
    if (option && item.qty < option.minimalne_zamowienie) notes.push(option.nazwa + " od " + option.minimalne_zamowienie + " szt.");
    if (option && option.doplata_netto === "") notes.push("dopłatę za personalizację poda wytwórca");
    var unit = base === null ? null : base + extra;
    return {
      product: p, item: item, base: base, extra: option && option.doplata_netto !== "" ? extra : null,
      unit: unit, value: unit === null ? null : unit * item.qty, notes: notes
    };
  }
  function groups(list) {
    var found = {}, order = [];
    list.forEach(function (item) {
      var maker = products[item.slug].wytworca_id;
      if (!found[maker]) { found[maker] = []; order.push(maker); }
      found[maker].push(priced(item));
    });
    return order.map(function (maker) { return found[maker]; });
  }
  function unitText(row) {
    if (row.unit === null) return "—";
    return money(row.unit) + (row.extra ? " (w tym personalizacja " + money(row.extra) + ")" : "");
  }

  /* ---- the message to a maker ---- */
  function body(rows, data) {
    var lines = ["Dzień dobry,", "", "proszę o ofertę na poniższe produkty z katalogu portalu " + root.getAttribute("data-site") + " (" + root.getAttribute("data-site-address") + "):", ""];
    rows.forEach(function (row, i) {
      var extra = details(row.item);
      lines.push((i + 1) + ". " + row.product.nazwa + ": " + row.item.qty + " szt." + (extra.length ? "; " + extra.join("; ") : ""));
      lines.push("   cena z katalogu przy " + row.item.qty + " szt.: " + (row.unit === null ? "brak (" + row.notes.join("; ") + ")" : unitText(row) + " netto za sztukę, razem " + money(row.value) + " netto (VAT " + row.product.vat + "%)"));
      if (row.unit !== null && row.notes.length) lines.push("   uwaga: " + row.notes.join("; "));
      lines.push("   czas realizacji wg katalogu: " + row.product.czas_realizacji_dni + " dni; " + row.product.adres);
    });
    lines.push("", "Dostawa: " + (data.miejsce || "(do uzgodnienia)") + (data.termin ? ", potrzebne do " + data.termin : ""));
    if (data.uwagi) lines.push("Personalizacja i uwagi: " + data.uwagi);
    lines.push("", "Proszę o ofertę z ceną, terminem realizacji i kosztami dostawy.", "", "Zamawiający: " + data.organizacja + (data.nip ? ", NIP " + data.nip : ""));
    lines.push("Osoba do kontaktu: " + data.osoba + ", " + data.email + (data.telefon ? ", tel. " + data.telefon : ""), "", "Z poważaniem", data.osoba);
    return lines.join("\n");
  }
  /* A mail link: a click with details missing or wrong shows what to correct instead of
     opening the message. Returns the function that brings its address up to date (the
     list, the buyer's details); refreshLinks calls those of the links on the page. */
  var links = [];
  function mailLink(link, address, subject, rows) {
    link.addEventListener("click", function (event) {
      if (!showProblems(problems(buyer()))) event.preventDefault();
    });
    return function () {
      link.href = "mailto:" + address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body(rows(), buyer()));
    };
  }
  function refreshLinks() { links.forEach(function (refresh) { refresh(); }); }

  /* ---- the CSV for the buyer's procurement file ---- */
  /* quoted; a formula-looking text gets an apostrophe (CSV injection): the rule of the open
     data's CSV files, portal_content.opendata.FORMULA_START */
  function cell(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }
  function csv(all) {
    var header = ["wytwórca", "e-mail wytwórcy", "produkt", "adres produktu", "szczegóły", "liczba sztuk", "cena netto za sztukę (zł)",
      "w tym personalizacja (zł)", "wartość netto (zł)", "VAT (%)", "wartość brutto (zł)", "czas realizacji (dni)", "uwagi"];
    var lines = [header.map(cell).join(",")];
    all.forEach(function (rows) {
      rows.forEach(function (row) {
        var p = row.product;
        var amount = function (x) { return x === null ? "" : x.toFixed(2); };
        lines.push([p.wytworca, p.wytworca_email, p.nazwa, p.adres, details(row.item).join("; "), row.item.qty, amount(row.unit),
          amount(row.extra), amount(row.value), p.vat, row.value === null ? "" : (row.value * (100 + p.vat) / 100).toFixed(2),
          p.czas_realizacji_dni, row.notes.join("; ")].map(cell).join(","));
      });
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }
  function isoDate() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  /* ---- the printable summary ---- */
  function drawSheet(all) {
    var data = buyer();
    sheet.querySelector("[data-pl-sheet-date]").textContent = "Stan na dzień " + new Date().toLocaleDateString("pl-PL", { day: "numeric", month: "long", year: "numeric" }) + ".";
    var facts = sheet.querySelector("[data-pl-sheet-buyer]");
    facts.textContent = "";
    FIELDS.forEach(function (name) {
      if (!data[name]) return;
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = LABELS[name];
      dd.textContent = data[name];
      facts.append(dt, dd);
    });
    var box = sheet.querySelector("[data-pl-sheet-items]");
    box.textContent = "";
    all.forEach(function (rows) {
      var heading = document.createElement("h3");
      heading.textContent = "Wytwórca: " + rows[0].product.wytworca + (rows[0].product.wytworca_email ? " (" + rows[0].product.wytworca_email + ")" : "");
      var ol = document.createElement("ol");
      rows.forEach(function (row) {
        var li = document.createElement("li");
        var extra = details(row.item);
        li.textContent = row.product.nazwa + ": " + row.item.qty + " szt." + (extra.length ? " (" + extra.join("; ") + ")" : "") + "; " +
          (row.unit === null ? "brak ceny: " + row.notes.join("; ") : unitText(row) + " netto/szt., razem " + money(row.value) + " netto");
        ol.appendChild(li);
      });
      box.append(heading, ol);
    });
  }

  /* ---- the list ---- */
  function cellWith(tag, label, text) {
    var node = document.createElement(tag);
    node.setAttribute("role", tag === "th" ? "rowheader" : "cell");
    node.setAttribute("data-label", label);  /* shown before the value where the table becomes cards */
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function render() {
    var list = listed();
    links = [portalLink];
    listBox.textContent = "";
    mailList.textContent = "";
    if (!list.length) {
      summary.textContent = "Lista jest pusta. Dodaj produkty na ich stronach w katalogu.";
      actions.hidden = true;
      buyerForm.hidden = true;
      sheet.hidden = true;
      return;
    }
    var all = groups(list);
    var total = 0, unknown = false;
    all.forEach(function (rows) { rows.forEach(function (row) { if (row.value === null) unknown = true; else total += row.value; }); });
    summary.textContent = "Pozycji na liście: " + list.length + ", u " + all.length + " " + (all.length === 1 ? "wytwórcy" : "wytwórców") +
      "; razem wg cen katalogu " + money(total) + " netto" + (unknown ? " (bez pozycji bez ceny)" : "") + ".";
    all.forEach(function (rows, g) {
      var first = rows[0].product;
      var section = document.createElement("section");
      section.className = "pl-enquiry__group";
      var heading = document.createElement("h2");
      heading.textContent = "Wytwórca: " + first.wytworca;
      section.appendChild(heading);
      var table = document.createElement("table");
      table.className = "pl-table pl-table--cards";
      table.setAttribute("role", "table");  /* the roles stay when a narrow screen shows rows as cards */
      var head = document.createElement("thead");
      var headRow = document.createElement("tr");
      ["Produkt", "Szczegóły", "Liczba sztuk", "Cena netto/szt.", "Wartość netto", "Usuń"].forEach(function (text, i) {
        var th = document.createElement("th");
        th.scope = "col";
        th.setAttribute("role", "columnheader");
        if (i === 5) { var hidden = document.createElement("span"); hidden.className = "pl-visually-hidden"; hidden.textContent = text; th.appendChild(hidden); }
        else th.textContent = text;
        if (i === 3 || i === 4) th.className = "pl-num";
        headRow.appendChild(th);
      });
      headRow.setAttribute("role", "row");
      head.setAttribute("role", "rowgroup");
      head.appendChild(headRow);
      table.appendChild(head);
      var tbody = document.createElement("tbody");
      tbody.setAttribute("role", "rowgroup");
      rows.forEach(function (row, i) {
        var p = row.product, item = row.item;
        var tr = document.createElement("tr");
        tr.setAttribute("role", "row");
        var name = cellWith("th", "Produkt");
        name.scope = "row";
        var link = document.createElement("a");
        link.href = p.adres_lokalny;
        link.textContent = p.nazwa;
        name.appendChild(link);
        var info = cellWith("td", "Szczegóły", details(item).join("; ") || "—");
        var qtyCell = cellWith("td", "Liczba sztuk");
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
        note.textContent = row.notes.join("; ");
        input.setAttribute("aria-describedby", note.id);
        input.setAttribute("aria-invalid", row.unit === null ? "true" : "false");
        input.addEventListener("change", function () {
          var value = parseInt(input.value, 10);
          var stored = read();
          stored.forEach(function (x) { if (same(x, item) && value > 0) x.qty = value; });
          write(stored);
          render();
          var again = document.getElementById(id);
          if (again) again.focus();
        });
        qtyCell.append(label, input, " ", note);
        var unitCell = cellWith("td", "Cena netto/szt.", unitText(row));
        unitCell.className = "pl-num";
        var valueCell = cellWith("td", "Wartość netto", row.value === null ? "—" : money(row.value));
        valueCell.className = "pl-num";
        var removeCell = cellWith("td", "");
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
        tr.append(name, info, qtyCell, unitCell, valueCell, removeCell);
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      section.appendChild(table);
      listBox.appendChild(section);
      var li = document.createElement("li");
      if (first.wytworca_email) {
        var mail = document.createElement("a");
        mail.className = "pl-button";
        mail.textContent = "Wyślij zapytanie do: " + first.wytworca;
        links.push(mailLink(mail, first.wytworca_email, "Zapytanie ofertowe: " + rows.map(function (r) { return r.product.nazwa; }).join(", "), function () { return rows; }));
        li.appendChild(mail);
      } else {
        li.textContent = first.wytworca + ": brak adresu e-mail, użyj wysyłki do portalu.";
      }
      mailList.appendChild(li);
    });
    buyerForm.hidden = false;
    actions.hidden = false;
    refreshLinks();
    drawSheet(all);
    sheet.hidden = false;
  }

  var stored = load(BUYER, {});
  FIELDS.forEach(function (name) { if (stored[name]) buyerForm.elements[name].value = stored[name]; });
  buyerForm.addEventListener("input", function () {
    save(BUYER, buyer());
    var list = listed();
    if (list.length) { refreshLinks(); drawSheet(groups(list)); }
  });
  buyerForm.addEventListener("submit", function (event) { event.preventDefault(); });
  function allRows() {
    var rows = [];
    groups(listed()).forEach(function (g) { rows = rows.concat(g); });
    return rows;
  }
  var portalLink = mailLink(part("portal"), root.getAttribute("data-portal-email"), "Zapytanie ofertowe z katalogu portalu", allRows);
  part("print").addEventListener("click", function () { window.print(); });
  part("csv").addEventListener("click", function () {
    var blob = new Blob([csv(groups(listed()))], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "zapytanie-ofertowe-" + isoDate() + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  });
  part("clear").addEventListener("click", function () {
    write([]);
    save(BUYER, {});
    buyerForm.reset();
    showProblems([]);
    render();
    summary.focus();
  });
  summary.tabIndex = -1;

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
