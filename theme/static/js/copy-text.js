/* "Kopiuj treść" buttons (the buyers' guide): copy the text of the element a button names
   (data-pl-copy="id"), paragraphs separated by a blank line, and say so in the status next
   to it. Without JavaScript the buttons stay hidden and the text can be selected. */
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("[data-pl-copy]"), function (button) {
    var id = button.getAttribute("data-pl-copy");
    var source = document.getElementById(id);
    var status = document.querySelector('[data-pl-copy-status="' + id + '"]');
    if (!source || !navigator.clipboard) return;
    button.addEventListener("click", function () {
      var text = Array.prototype.map.call(source.querySelectorAll("p"), function (p) { return p.textContent.trim(); }).join("\n\n");
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = "Skopiowano do schowka.";
      }, function () {
        status.textContent = "Nie udało się skopiować: zaznacz tekst i skopiuj go ręcznie.";
      });
    });
  });
})();
