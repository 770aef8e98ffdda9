/* Shared by directory-filter.js and catalogue-filter.js: a filter form's state, kept in
   the URL query so a filtered view can be shared, and Polish plural nouns for the
   announced count. Loaded (deferred) before them. */
window.plFilterState = (function () {
  function plural(n, one, few, many) {
    var last = n % 10, lastTwo = n % 100;
    if (n === 1) return one;
    if (last >= 2 && last <= 4 && !(lastTwo >= 12 && lastTwo <= 14)) return few;
    return many;
  }

  function read(form, names) {
    var state = {};
    names.forEach(function (name) {
      var field = form.elements[name];
      state[name] = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value.trim();
    });
    return state;
  }

  /* Set the fields from location.search; values a field cannot take are ignored. */
  function restore(form, names) {
    var query = new URLSearchParams(location.search);
    names.forEach(function (name) {
      var field = form.elements[name];
      var value = query.get(name) || "";
      if (field.type === "checkbox") {
        field.checked = value === "1";
      } else if (field.tagName === "SELECT") {
        if (Array.prototype.some.call(field.options, function (o) { return o.value === value; })) field.value = value;
      } else if (field.type === "number") {
        if (value !== "" && !isNaN(parseFloat(value))) field.value = value;
      } else {
        field.value = value;
      }
    });
  }

  /* The URL query of a state: the fields that have a value. */
  function query(state, names) {
    var params = new URLSearchParams();
    names.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    return params.toString();
  }

  function writeUrl(state, names) {
    var text = query(state, names);
    history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
  }

  /* On a narrow screen a filter form's fields fold behind a "Filtruj (N)" button (N: the
     filters in use), so the results come first; after a change on a narrow screen the count
     is brought into view (of a choice, not of a text field). The folding is CSS's, inside the narrow-screen media query (the
     class pl-folded on each part), so a wide screen shows the fields and no button whatever
     the state.
     options: parts (the elements that fold), before (the button goes before it), count
     (the live count), label ("Filtruj"). Returns a function to call with the number of
     filters in use. */
  function fold(form, options) {
    var narrow = window.matchMedia("(max-width: 47.99rem)");
    var first = options.parts[0];
    first.id = first.id || (form.getAttribute("aria-labelledby") || form.id || "filtry") + "-pola";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "pl-button pl-button--secondary pl-filters__toggle";
    button.setAttribute("aria-controls", options.parts.map(function (part, index) {
      part.id = part.id || first.id + "-" + index;
      return part.id;
    }).join(" "));
    options.before.parentNode.insertBefore(button, options.before);
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      options.parts.forEach(function (part) { part.classList.toggle("pl-folded", !open); });
    }
    button.addEventListener("click", function () { set(button.getAttribute("aria-expanded") !== "true"); });
    set(false);
    /* Not for a text field: its results come as one types, and its "change" comes when it
       loses focus, e.g. to a tap on a button below, which the scroll would make miss. */
    form.addEventListener("change", function (event) {
      if (narrow.matches && !/^(text|search|email|tel|url)$/.test(event.target.type)) {
        options.count.scrollIntoView({ block: "nearest" });
      }
    });
    return function (used) {
      button.textContent = (options.label || "Filtruj") + " (" + used + ")";
    };
  }

  /* fold() for a form of the portal's filter layout (.pl-filters): its fields and its
     reset button fold after the title; N counts the named fields in use (not the order). */
  function foldFilters(form, names) {
    var update = fold(form, {
      parts: [form.querySelector(".pl-filters__fields"), form.querySelector(".pl-filters__actions")].filter(Boolean),
      before: form.querySelector(".pl-filters__title").nextSibling,
      count: form.querySelector("[data-pl-count]")
    });
    return function (state) {
      update(names.filter(function (name) { return name !== "sort" && state[name]; }).length);
    };
  }

  return { plural: plural, read: read, restore: restore, query: query, writeUrl: writeUrl, fold: fold, foldFilters: foldFilters };
})();
