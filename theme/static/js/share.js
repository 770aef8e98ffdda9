/* Share links: shows the "copy link" button where the clipboard API works and copies the
   page's address with it, announcing the result in the status line. The other share
   links are plain links and need no script. */
(function () {
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll(".pl-share").forEach(function (box) {
    var item = box.querySelector(".pl-share__copy-item");
    var button = box.querySelector(".pl-share__copy");
    var status = box.querySelector(".pl-share__status");
    if (!item || !button || !status) return;
    item.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-url")).then(
        function () { status.textContent = "Skopiowano link do schowka."; },
        function () { status.textContent = "Nie udało się skopiować linku: skopiuj adres z paska przeglądarki."; }
      );
    });
  });
})();
