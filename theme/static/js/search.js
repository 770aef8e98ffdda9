/* Site search on /szukaj/: runs the query from the form (and from ?q=) against the
   Pagefind index, shows the section of every result, product photos and prices, and
   filters by section, subregion and category. The filters compare the metadata of each
   result (sekcja, podregion, kategoria): Pagefind's own filter files differ from build to
   build, and the portal's builds must be byte-identical. State lives in the URL, so a
   search can be bookmarked. Without JavaScript the page shows links to the browsable
   lists instead (see search.html). */
(function () {
  var root = document.querySelector(".pl-search");
  if (!root) return;
  var form = root.querySelector(".pl-search__form");
  var input = root.querySelector(".pl-search__input");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var status = root.querySelector(".pl-search__status");
  var list = root.querySelector(".pl-search__results");
  var indexUrl = root.getAttribute("data-index");
  var siteBase = new URL(indexUrl, location.href).pathname.replace(/pagefind\/$/, "");
  var pagefind = null;
  var timer = null;
  var serial = 0;
  var LIMIT = 10; /* results per page; each costs one small fragment download */
  /* the English search page (/en/search/, portal_english) searches the English index
     (Pagefind picks it by <html lang>) and speaks English */
  var english = document.documentElement.lang === "en";

  function plural(n, one, few, many) {
    if (n === 1) return one;
    if (english) return many;
    var last = n % 10, lastTwo = n % 100;
    return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
  }
  var T = english ? {
    quote: function (q) { return "“" + q + "”"; },
    none: function (q, active) {
      return "No results for " + q + (active ? " with the chosen filters" : "") +
        ". Check the spelling or try another word" + (active ? ", or remove the filters." : ".");
    },
    partial: function (n, q) { return "Showing " + n + " " + plural(n, "result", "results", "results") + " for " + q + " with the chosen filters; there are more."; },
    found: function (n, q) { return "Found " + n + " " + plural(n, "result", "results", "results") + " for " + q; },
    showing: function (n) { return ", showing " + n + "."; },
    searching: "Searching…",
    down: "The search does not answer. Try again in a moment, or use the lists in the menu.",
    failed: "The search could not be loaded. Use the directory, the souvenir catalogue or the other lists in the menu.",
    narrow: "Narrow down"
  } : {
    quote: function (q) { return "„" + q + "”"; },
    none: function (q, active) {
      return "Brak wyników dla " + q + (active ? " przy wybranych filtrach" : "") +
        ". Sprawdź pisownię, użyj innego słowa" + (active ? " albo usuń filtry." : ".");
    },
    partial: function (n, q) { return "Pokazujemy " + n + " " + plural(n, "wynik", "wyniki", "wyników") + " dla " + q + " przy wybranych filtrach; są kolejne."; },
    found: function (n, q) { return "Znaleziono " + n + " " + plural(n, "wynik", "wyniki", "wyników") + " dla " + q; },
    showing: function (n) { return ", pokazujemy " + n + "."; },
    searching: "Szukam…",
    down: "Wyszukiwarka nie odpowiada. Spróbuj ponownie za chwilę albo skorzystaj z mapy strony.",
    failed: "Nie udało się wczytać wyszukiwarki. Skorzystaj z list podmiotów, katalogu albo mapy strony.",
    narrow: "Zawęź wyniki"
  };

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-filter")] = select.value;
    });
    return filters;
  }

  function writeUrl() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    selects.forEach(function (select) {
      if (select.value) params.set(select.getAttribute("data-filter"), select.value);
    });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function restoreFilters(wanted) {
    selects.forEach(function (select) {
      var value = wanted[select.getAttribute("data-filter")];
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      if (value && known) select.value = value;
    });
  }

  function matches(data, filters) {
    var meta = data.meta || {};
    return Object.keys(filters).every(function (name) { return meta[name] === filters[name]; });
  }

  /* The next LIMIT results that pass the filters, loading result data in batches in score
     order, from where the last call stopped (``state.scanned``); with filters, at most
     MAX_SCANNED results are looked at in one call. */
  var MAX_SCANNED = 400;
  function pick(state) {
    var found = [];
    var active = Object.keys(state.filters).length > 0;
    var limit = Math.min(state.results.length, state.scanned + MAX_SCANNED);
    function batch() {
      if (found.length >= LIMIT || state.scanned >= limit) {
        state.complete = state.scanned >= state.results.length;
        return Promise.resolve(found);
      }
      var start = state.scanned;
      var slice = state.results.slice(start, start + LIMIT - (active ? 0 : found.length));
      state.scanned += slice.length;
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (loaded) {
        for (var i = 0; i < loaded.length; i++) {
          if (found.length >= LIMIT) {
            state.scanned = start + i; /* the rest of this batch comes with "more" */
            break;
          }
          if (!active || matches(loaded[i], state.filters)) found.push(loaded[i]);
        }
        return batch();
      });
    }
    return batch();
  }

  /* Pagefind's excerpt is HTML with <mark> around the matched words: keep only its text
     and those marks (nothing else from it reaches the page). */
  function excerptNode(html) {
    var out = document.createElement("p");
    out.className = "pl-result__excerpt";
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "pl-result";
    var meta = data.meta || {};
    var section = meta.sekcja || "";
    /* only products show their photo (Pagefind would give other pages their first photo) */
    if (meta.image && (section === "Katalog" || section === "Souvenirs")) {
      var img = document.createElement("img");
      img.className = "pl-result__image";
      img.src = meta.image;
      img.alt = meta.image_alt || "";
      img.width = 160;
      img.height = 120;
      img.loading = "lazy";
      item.appendChild(img);
    }
    var body = document.createElement("div");
    body.className = "pl-result__body";
    if (section) {
      var label = document.createElement("p");
      label.className = "pl-result__section";
      label.textContent = section;
      body.appendChild(label);
    }
    var heading = document.createElement("h2");
    heading.className = "pl-result__title";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = meta.title || data.url;
    heading.appendChild(link);
    body.appendChild(heading);
    if (meta.cena) {
      var price = document.createElement("p");
      price.className = "pl-result__price";
      price.textContent = meta.cena;
      body.appendChild(price);
    }
    body.appendChild(excerptNode(data.excerpt || ""));
    item.appendChild(body);
    return item;
  }

  /* Pagefind folds most Polish letters (ą→a, ó→o, ś→s ...) by itself, but "ł" is a letter
     of its own in Unicode and has no plain form: "spoldzielnia" would not find
     "spółdzielnia". So a word typed with "l" is also searched with "ł" in its place (every
     combination, at most MAX_VARIANTS queries) and the results are merged by score. */
  var MAX_VARIANTS = 16;
  function variants(query) {
    var forms = [""];
    query.split(/\s+/).forEach(function (word) {
      var options = [word];
      if (!/[łŁ]/.test(word)) {
        for (var i = 0; i < word.length; i++) {
          if (word[i] !== "l" && word[i] !== "L") continue;
          var swap = word[i] === "l" ? "ł" : "Ł";
          options = options.concat(options.map(function (o) { return o.slice(0, i) + swap + o.slice(i + 1); }));
        }
      }
      var next = [];
      forms.forEach(function (form) {
        options.forEach(function (option) {
          if (next.length < MAX_VARIANTS) next.push(form ? form + " " + option : option);
        });
      });
      forms = next;
    });
    return forms;
  }

  function start() {
    /* noWorker: one download less (the worker repeats the runtime); searching our index is quick */
    /* ranking: a word found as typed counts far more than a longer word that starts with it
       ("zakład" finds zakłady aktywności zawodowej before "Zakładki"), and a match in the
       title more than one in the text; tests/browser/test_search.py holds the queries */
    return pagefind.options({
      baseUrl: siteBase, excerptLength: 24, noWorker: true,
      ranking: { termSimilarity: 6.0, metaWeights: { title: 4.0 } }
    });
  }

  /* Under `make devserver` only (its script says where): the pages edited since the site
     was last indexed in full have a small index of their own until the full one is done
     (tools/portal.py, SearchRefresh). It is merged, and the older entries of the same
     pages in the main index are left out. A published site has no such script. */
  var deltaScript = document.querySelector("script[data-search-delta]");
  var delta = { text: "", replaced: {} };
  function refreshDelta() {
    if (!deltaScript) return Promise.resolve();
    var base = deltaScript.getAttribute("data-search-delta");
    return fetch(base + "zmiany.json", { cache: "no-store" }).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (text) {
      if (text === delta.text) return undefined;
      delta.text = text;
      delta.replaced = {};
      return pagefind.destroy().then(start).then(function () {
        if (!text) return undefined;
        JSON.parse(text).zastapione.forEach(function (id) { delta.replaced[id] = true; });
        return pagefind.mergeIndex(base, { baseUrl: siteBase });
      });
    });
  }

  function searchAll(query) {
    return refreshDelta().then(function () {
      return Promise.all(variants(query).map(function (form) {
        return pagefind.search(form);
      }));
    }).then(function (searches) {
      var best = {};
      searches.forEach(function (search) {
        search.results.forEach(function (result) {
          if (delta.replaced[result.id]) return;
          if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
        });
      });
      return Object.keys(best).map(function (id) { return best[id]; }).sort(function (a, b) { return b.score - a.score; });
    });
  }

  var more = root.querySelector(".pl-search__more");
  var moreButton = more.querySelector("button");
  var current = null; /* the search shown: its results, filters, query and how far it got */

  function describe(state) {
    var shown = state.shown;
    var active = Object.keys(state.filters).length > 0;
    var query = T.quote(state.query);
    if (shown === 0) return T.none(query, active);
    if (active && !state.complete) return T.partial(shown, query);
    var total = active ? shown : state.results.length;
    return T.found(total, query) + (shown < total ? T.showing(shown) : ".");
  }

  function show(state, items, first) {
    if (first) list.replaceChildren();
    var nodes = items.map(resultItem);
    nodes.forEach(function (node) { list.appendChild(node); });
    state.shown += items.length;
    var total = Object.keys(state.filters).length > 0 ? null : state.results.length;
    more.hidden = total !== null ? state.shown >= total : state.complete;
    status.textContent = describe(state);
    if (!first && nodes.length) nodes[0].querySelector("a").focus(); /* the first new result */
  }

  function run() {
    var query = input.value.trim();
    var mine = ++serial;
    writeUrl();
    more.hidden = true;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      current = null;
      return;
    }
    status.textContent = T.searching;
    searchAll(query).then(function (results) {
      var state = { query: query, filters: chosenFilters(), results: results, scanned: 0, shown: 0, complete: false };
      return pick(state).then(function (items) {
        if (mine !== serial) return; /* a newer query has started */
        current = state;
        show(state, items, true);
      });
    }).catch(function () {
      status.textContent = T.down;
    });
  }

  moreButton.addEventListener("click", function () {
    var state = current;
    if (!state) return;
    var mine = serial;
    moreButton.disabled = true;
    pick(state).then(function (items) {
      moreButton.disabled = false;
      if (mine !== serial || state !== current) return;
      show(state, items, false);
    });
  });

  var params = new URLSearchParams(location.search);
  var wanted = {};
  selects.forEach(function (select) {
    var name = select.getAttribute("data-filter");
    if (params.get(name)) wanted[name] = params.get(name);
  });
  input.value = params.get("q") || "";

  restoreFilters(wanted);
  /* on a phone the filters fold behind "Zawęź wyniki (N)", so the results come first */
  var fieldset = root.querySelector(".pl-search__filters");
  var folded = window.plFilterState ? window.plFilterState.fold(form, {
    parts: [fieldset], before: fieldset, count: status, label: T.narrow
  }) : function () {};
  function countFilters() {
    folded(selects.filter(function (select) { return select.value; }).length);
  }
  selects.forEach(function (select) { select.addEventListener("change", countFilters); });
  countFilters();
  import(indexUrl + "pagefind.js").then(function (module) {
    pagefind = module;
    return start();
  }).then(function () {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    });
    selects.forEach(function (select) { select.addEventListener("change", run); });
    run();
  }).catch(function () {
    status.textContent = T.failed;
  });
})();
