/* "Sprawdź certyfikat" (partials/cert-lookup.html): the number from a diploma opens its
   verification page; a number no certificate has is said so, in the form, with focus kept
   in the field. Without this script the form opens the register of all certificates. */
(function () {
  function normalised(text) {
    var value = text.trim().toUpperCase().replace(/[\s_\u2013\u2014/]+/g, "-");
    return value.replace(/^([A-Z]+)-?(\d{4})-?(\d+)$/, "$1-$2-$3");
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-pl-cert-lookup]"), function (form) {
    var input = form.querySelector("input");
    var status = form.querySelector("[data-pl-cert-lookup-status]");
    var pattern = form.getAttribute("data-url");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var number = normalised(input.value);
      if (!/^[A-Z]+-\d{4}-\d+$/.test(number)) {
        status.textContent = "Wpisz numer certyfikatu tak, jak na dyplomie, np. ZP-2025-04.";
        input.focus();
        return;
      }
      var url = pattern.replace("{number}", encodeURIComponent(number));
      status.textContent = "Sprawdzam…";
      fetch(url, { method: "HEAD", cache: "no-store" }).then(function (response) {
        if (response.ok) {
          location.href = url;
          return;
        }
        status.textContent = "Nie ma certyfikatu o numerze " + number + ". Sprawdź numer na dyplomie albo poszukaj go w rejestrze certyfikatów.";
        input.focus();
      }).catch(function () {
        location.href = url; /* no answer to the check: the page itself will say */
      });
    });
  });
})();
