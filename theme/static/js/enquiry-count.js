/* The enquiry list's count in the header, on every page: "Zapytanie ofertowe (3)" ("Zapytanie (3)" on a phone), shown
   once the list (localStorage, kept by enquiry.js) has an item; kept current when the list
   changes on this page or in another tab. */
(function () {
  var item = document.querySelector("[data-pl-enquiry-count]");
  if (!item) return;
  var number = item.querySelector("[data-pl-enquiry-n]");
  function show() {
    var count = 0;
    try { count = JSON.parse(localStorage.getItem("pl-enquiry") || "[]").length || 0; } catch (e) { /* storage blocked */ }
    number.textContent = String(count);
    item.hidden = count === 0;
  }
  show();
  document.addEventListener("pl-enquiry-changed", show);
  window.addEventListener("storage", function (event) { if (event.key === "pl-enquiry" || event.key === null) show(); });
})();
