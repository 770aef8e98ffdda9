/* The shortlist of possible suppliers ("Wykaz potencjalnych wykonawców") for a public
   buyer's procurement file, without a server.
   - On the directory (/podmioty/): each card gets "Dodaj do wykazu"; a bar adds all the
     results shown, clears the choice and leads to the shortlist page with the search's
     criteria and the chosen ids in its address. The choice is kept in localStorage while
     the buyer searches (never in cookies).
   - On /podmioty/wykaz/: the chosen suppliers from /dane/podmioty.json (same origin), the
     date of the data, the criteria, every fact of the file's columns, and the files: CSV
     and XLSX (xlsx-writer.js) with the columns the page lists (the same as the files made
     at build time by portal_procurement.shortlist), and print (or save as PDF).
   Text from the data is set with textContent only. */
(function () {
  var KEY = "pl-shortlist";
  var CRITERIA = ["subregion", "powiat", "forma", "oferta", "cpv", "ps", "certyfikat"];

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]").filter(function (id) { return typeof id === "string"; }); } catch (e) { return []; }
  }
  function save(ids) {
    try { localStorage.setItem(KEY, JSON.stringify(ids)); } catch (e) { /* private mode: the address still carries them */ }
  }
  function plural(n, one, few, many) { return window.plFilterState.plural(n, one, few, many); }
  function el(name, text, className) {
    var node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* ---- the directory: choosing ---- */
  var bar = document.querySelector("[data-pl-shortlist-bar]");
  var results = document.querySelector("[data-pl-results]");
  if (bar && results) {
    var chosen = load();
    var cards = Array.prototype.slice.call(results.children);
    var status = bar.querySelector("[data-pl-shortlist-status]");
    var link = bar.querySelector("[data-pl-shortlist-link]");
    var boxes = cards.map(function (card) {
      var id = card.getAttribute("data-id");
      var label = el("label", undefined, "pl-shortlist-pick");
      var box = el("input");
      box.type = "checkbox";
      box.value = id;
      box.checked = chosen.indexOf(id) >= 0;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" Dodaj do wykazu"));
      label.appendChild(el("span", ": " + card.querySelector(".pl-entity-card__title").textContent.trim(), "pl-visually-hidden"));
      card.appendChild(label);
      box.addEventListener("change", function () {
        chosen = chosen.filter(function (other) { return other !== id; });
        if (box.checked) chosen.push(id);
        update();
      });
      return box;
    });
    var update = function () {
      save(chosen);
      boxes.forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
      status.textContent = chosen.length
        ? "W wykazie: " + chosen.length + " " + plural(chosen.length, "podmiot", "podmioty", "podmiotów") + "."
        : "Wykaz jest pusty: zaznacz podmioty albo dodaj wszystkie wyniki.";
      var params = new URLSearchParams(location.search);
      var query = new URLSearchParams();
      CRITERIA.forEach(function (name) { if (params.get(name)) query.set(name, params.get(name)); });
      if (chosen.length) query.set("id", chosen.join(","));
      link.href = link.getAttribute("data-base") + (query.toString() ? "?" + query.toString() : "");
      link.hidden = chosen.length === 0;
    };
    bar.querySelector("[data-pl-shortlist-all]").addEventListener("click", function () {
      cards.forEach(function (card) {
        var id = card.getAttribute("data-id");
        if (!card.hidden && chosen.indexOf(id) < 0) chosen.push(id);
      });
      update();
    });
    bar.querySelector("[data-pl-shortlist-clear]").addEventListener("click", function () {
      chosen = [];
      update();
    });
    /* the filters change the address: the link keeps the criteria of the search */
    var filters = document.querySelector("[data-pl-filter]");
    if (filters) {
      ["change", "input", "reset"].forEach(function (type) {
        filters.addEventListener(type, function () { setTimeout(update, 0); });
      });
    }
    bar.hidden = false;
    update();
  }

  /* ---- the shortlist page ---- */
  var page = document.querySelector("[data-pl-shortlist-page]");
  if (!page) return;
  var params = new URLSearchParams(location.search);
  var ids = params.get("id") ? params.get("id").split(",").filter(Boolean) : load();
  var columns = Array.prototype.map.call(page.querySelectorAll("[data-pl-shortlist-columns] [data-key]"), function (item) {
    return { header: item.getAttribute("data-header"), key: item.getAttribute("data-key"), width: Number(item.getAttribute("data-width")) };
  });
  var labels = {};
  Array.prototype.forEach.call(page.querySelectorAll("[data-pl-label]"), function (item) {
    labels[item.getAttribute("data-pl-label")] = item.textContent;
  });
  var section = page.querySelector("[data-pl-shortlist]");
  if (!ids.length) {
    page.querySelector("[data-pl-shortlist-empty]").hidden = false;
    return;
  }

  function cell(value) {
    if (value === true) return "tak";
    if (value === false) return "nie";
    if (Array.isArray(value)) return value.join("; ");
    return value;
  }
  function table(rows) {
    return rows.map(function (row, index) {
      return columns.map(function (column) { return column.key ? cell(row[column.key]) : index + 1; });
    });
  }
  function criteria() {
    var lines = [];
    CRITERIA.forEach(function (name) {
      var value = params.get(name);
      if (!value) return;
      if (name === "cpv") {
        var digits = value.replace(/\D/g, "").slice(0, 8);
        var known = /^\d/.test(value) && labels["cpv:" + digits.padEnd(8, "0")];
        lines.push("kod CPV: " + (known || value) + (/^\d/.test(value) ? " (z kodami węższymi)" : ""));
      } else if (name === "ps") {
        lines.push("tylko przedsiębiorstwa społeczne");
      } else if (name === "certyfikat") {
        lines.push("z ważnym certyfikatem „Zakup Prospołeczny”");
      } else {
        lines.push(labels[name + ":" + value] || name + ": " + value);
      }
    });
    if (!lines.length) lines.push("bez filtrów: podmioty wybrane z całego katalogu");
    lines.push("wybrane przez zamawiającego: " + ids.length + " " + plural(ids.length, "podmiot", "podmioty", "podmiotów"));
    return lines;
  }
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  function csv(rows) {
    var quote = function (value) {
      var text = String(value);
      if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  /* the open data's rule (portal_content.opendata) */
      return '"' + text.replace(/"/g, '""') + '"';
    };
    var lines = [columns.map(function (c) { return quote(c.header); }).join(",")];
    table(rows).forEach(function (values) { lines.push(values.map(quote).join(",")); });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  fetch(page.getAttribute("data-source")).then(function (response) {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  }).then(function (data) {
    var rows = data.podmioty.filter(function (row) { return ids.indexOf(row.id) >= 0; });
    var missing = ids.length - rows.length;
    var day = new Date(data.data_zbudowania + "T12:00:00").toLocaleDateString("pl-PL", { day: "numeric", month: "long", year: "numeric" });
    var title = "Wykaz potencjalnych wykonawców — stan na dzień " + day + " r.";
    page.querySelector("[data-pl-shortlist-title]").textContent = title;
    var list = section.querySelector("[data-pl-shortlist-criteria]");
    var lines = criteria();
    lines.forEach(function (line) { list.appendChild(el("li", line)); });
    section.querySelector("[data-pl-shortlist-count]").textContent = "Wykonawców w wykazie: " + rows.length + "." +
      (missing > 0 ? " Wybranych podmiotów, których nie ma już w katalogu: " + missing + "." : "");
    var items = section.querySelector("[data-pl-shortlist-list]");
    rows.forEach(function (row) {
      var item = el("li", undefined, "pl-shortlist__item");
      var heading = el("h3", undefined, "pl-shortlist__name");
      var a = el("a", row.nazwa);
      a.href = row.profil;
      heading.appendChild(a);
      item.appendChild(heading);
      var facts = el("dl", undefined, "pl-facts pl-shortlist__facts");
      columns.forEach(function (column) {
        if (!column.key || column.key === "nazwa" || column.key === "profil") return;
        var value = cell(row[column.key]);
        if (value === "" || value === undefined) return;
        facts.appendChild(el("dt", column.header));
        facts.appendChild(el("dd", String(value)));
      });
      item.appendChild(facts);
      items.appendChild(item);
    });
    var stamp = data.data_zbudowania;
    var about = [["Kryteria", lines.join("; ")], ["Liczba wykonawców", String(rows.length)]].concat(
      Array.prototype.map.call(page.querySelectorAll("[data-pl-shortlist-notes] [data-note]"), function (note) {
        return [note.getAttribute("data-note"), note.getAttribute("data-text") || note.textContent];
      }));
    section.querySelector("[data-pl-shortlist-csv]").addEventListener("click", function () {
      download(new Blob([csv(rows)], { type: "text/csv;charset=utf-8" }), "wykaz-wykonawcow-" + stamp + ".csv");
    });
    section.querySelector("[data-pl-shortlist-xlsx]").addEventListener("click", function () {
      var heading = columns.map(function (c) { return c.header; });
      download(window.plXlsx([
        { name: "Wykaz", widths: columns.map(function (c) { return c.width; }), rows: [heading].concat(table(rows)), boldRows: [0] },
        { name: "Informacje", widths: [28, 100], rows: [[title], []].concat(about), boldRows: [0] }
      ]), "wykaz-wykonawcow-" + stamp + ".xlsx");
    });
    section.querySelector("[data-pl-shortlist-print]").addEventListener("click", function () { window.print(); });
    section.hidden = false;
  }).catch(function () {
    page.querySelector("[data-pl-shortlist-error]").hidden = false;
  });
})();
