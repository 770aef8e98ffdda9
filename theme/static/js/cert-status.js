/* Badges that never lie: a page may be older than today, so each badge carries its dates
   and is switched here to "wygasł" (or "wygasa wkrótce") by the reader's own date.
   Also the copy button of the embeddable badge code. */
(function () {
  var DAY = 86400000;
  function parse(text) {
    var p = text.split("-");
    return new Date(Number(p[0]), Number(p[1]) - 1, Number(p[2]));
  }
  var today = new Date();
  today = new Date(today.getFullYear(), today.getMonth(), today.getDate());

  function statusOf(until) {
    if (today > until) return "expired";
    return (until - today) / DAY <= 60 ? "expiring" : "valid";
  }
  var english = document.documentElement.lang === "en";  /* the English pages (portal_english) */
  var words = english
    ? { expired: "expired", expiring: "valid, expires soon", valid: "valid" }
    : { expired: "wygasł", expiring: "ważny, wygasa wkrótce", valid: "ważny" };
  var byDevice = english ? " (by the date on your device)" : " (według daty w Twoim urządzeniu)";

  Array.prototype.forEach.call(document.querySelectorAll("[data-pl-cert]"), function (badge) {
    var from = parse(badge.getAttribute("data-valid-from"));
    if (today < from) return;
    var code = statusOf(parse(badge.getAttribute("data-valid-until")));
    if (badge.classList.contains("pl-cert--" + code)) return;
    ["valid", "expiring", "expired", "future"].forEach(function (c) { badge.classList.remove("pl-cert--" + c); });
    badge.classList.add("pl-cert--" + code);
    var status = badge.querySelector("[data-pl-cert-status]");
    if (status) status.textContent = words[code] + byDevice;
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-pl-cert-status-page]"), function (node) {
    var code = statusOf(parse(node.getAttribute("data-valid-until")));
    if (code !== node.getAttribute("data-status")) node.textContent = words[code] + byDevice;
  });

  var copy = document.querySelector("[data-pl-copy]");
  if (copy && navigator.clipboard) {
    var field = document.getElementById(copy.getAttribute("data-pl-copy"));
    var done = document.querySelector("[data-pl-copy-status]");
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        done.textContent = "Skopiowano kod do schowka.";
      }, function () {
        field.select();
        done.textContent = "Zaznaczono kod: skopiuj go skrótem Ctrl+C.";
      });
    });
  }
})();
