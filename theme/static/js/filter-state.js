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

  return { plural: plural, read: read, restore: restore, query: query, writeUrl: writeUrl };
})();
