/* Film facades: without JavaScript each hosted film is a link to its host. Here the link
   becomes a button named "Odtwórz film: <title>, <duration>"; only when it is pressed is
   the host's iframe (youtube-nocookie.com or player.vimeo.com with dnt=1) created, with a
   title, and focus moves to it. No iframe API script is loaded. */
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("[data-pl-film]"), function (frame) {
    var link = frame.querySelector(".pl-film__facade");
    if (!link) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "pl-film__facade pl-film__button";
    while (link.firstChild) button.appendChild(link.firstChild);
    button.querySelector(".pl-film__label").textContent = frame.getAttribute("data-label");
    link.replaceWith(button);
    button.addEventListener("click", function () {
      var iframe = document.createElement("iframe");
      iframe.src = frame.getAttribute("data-embed");
      iframe.title = frame.getAttribute("data-title");
      iframe.className = "pl-film__iframe";
      iframe.width = "1280";
      iframe.height = "720";
      iframe.allow = "autoplay; fullscreen; picture-in-picture";
      iframe.setAttribute("allowfullscreen", "");
      iframe.referrerPolicy = "strict-origin-when-cross-origin";
      iframe.tabIndex = 0;
      button.replaceWith(iframe);
      iframe.focus();
    });
  });
})();
