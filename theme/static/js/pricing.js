/* Prices at a quantity, shared by the catalogue's filters (catalogue-filter.js), the
   product page's "Dodaj do zapytania" and the enquiry (enquiry.js). A product's tiers are
   [from quantity, net unit price] pairs, the first at its minimum order; personalisation
   options are [from quantity, net surcharge or null when the maker quotes it]. */
window.plPricing = (function () {
  /* "20:59.00 100:52.00" -> [[20, 59], [100, 52]]; "50:" -> [[50, null]] */
  function pairs(text) {
    return (text || "").split(" ").filter(Boolean).map(function (pair) {
      var parts = pair.split(":");
      return [parseInt(parts[0], 10), parts[1] === "" ? null : parseFloat(parts[1])];
    });
  }

  /* The net unit price for qty pieces: the last tier it reaches; null below the first. */
  function unit(tiers, qty) {
    var found = null;
    tiers.forEach(function (tier) { if (tier[0] <= qty) found = tier[1]; });
    return found;
  }

  /* The offer at qty: {unit, base, extra, extraUnknown}, with the cheapest surcharge
     of the personalisation options qty allows when personalised; null when the product
     (or any personalisation) cannot be ordered in that quantity. */
  function offer(tiers, logos, qty, personalised) {
    var base = unit(tiers, qty);
    if (base === null) return null;
    if (!personalised) return { unit: base, base: base, extra: 0, extraUnknown: false };
    var options = logos.filter(function (option) { return option[0] <= qty; });
    if (!options.length) return null;
    var known = options.filter(function (option) { return option[1] !== null; }).map(function (option) { return option[1]; });
    var extra = known.length ? Math.min.apply(null, known) : 0;
    return { unit: base + extra, base: base, extra: extra, extraUnknown: !known.length };
  }

  /* 1234.5 -> "1 234,50 zł" (non-breaking spaces) */
  function money(value) {
    var parts = Number(value).toFixed(2).split(".");
    return parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") + "," + parts[1] + "\u00a0zł";
  }

  /* The quantity the buyer stated in the catalogue, remembered for the product pages
     (localStorage, never a cookie); 0 when none. */
  var KEY = "pl-ilosc";
  function remembered() {
    try { return parseInt(localStorage.getItem(KEY), 10) || 0; } catch (e) { return 0; }
  }
  function remember(qty) {
    try { if (qty > 0) localStorage.setItem(KEY, String(qty)); else localStorage.removeItem(KEY); } catch (e) { /* storage blocked */ }
  }

  return { pairs: pairs, unit: unit, offer: offer, money: money, remembered: remembered, remember: remember };
})();
