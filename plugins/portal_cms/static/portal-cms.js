/* Previews of the editing forms in the portal's look (Decap CMS, /admin/ only).
 * The portal's stylesheet is the preview's style (its address is on this script's tag,
 * fingerprinted in production); news items and products get a preview built from the
 * portal's own classes, so the editor sees the page roughly as readers will. Decap exposes
 * React's createElement as window.h: no JSX, no build step. Nothing here runs on public
 * pages. */
(function () {
  "use strict";
  var script = document.currentScript;
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || !script) {
    return;
  }
  CMS.registerPreviewStyle(script.getAttribute("data-style"));

  function text(entry, name) {
    var value = entry.getIn(["data", name]);
    return value === undefined || value === null ? "" : String(value);
  }

  function sampleNote(entry) {
    return entry.getIn(["data", "sample"])
      ? h("p", { className: "pl-muted" }, "Treść przykładowa (zmyślona): na stronie będzie tak oznaczona.")
      : null;
  }

  function NewsPreview(props) {
    var entry = props.entry;
    var image = entry.getIn(["data", "image"]);
    var src = image && image.get("src");
    var figure = src
      ? h(
          "figure",
          { className: "pl-article__figure" },
          h("img", { src: props.getAsset(src).toString(), alt: image.get("alt") || "" }),
          image.get("caption") ? h("figcaption", { className: "pl-article__caption" }, image.get("caption")) : null
        )
      : null;
    return h(
      "article",
      { className: "pl-container pl-article" },
      h(
        "header",
        { className: "pl-article__header" },
        h("p", { className: "pl-article__kicker" }, text(entry, "category")),
        h("h1", { className: "pl-page-title" }, text(entry, "title")),
        h("p", { className: "pl-article__meta" }, text(entry, "date")),
        h("p", { className: "pl-lead" }, text(entry, "summary"))
      ),
      sampleNote(entry),
      figure,
      h("div", { className: "pl-prose pl-article__body" }, props.widgetFor("body"))
    );
  }

  function price(value) {
    var number = Number(value);
    return isFinite(number) && value !== "" ? number.toFixed(2).replace(".", ",") + " zł netto/szt." : "";
  }

  function ProductPreview(props) {
    var entry = props.entry;
    var photos = entry.getIn(["data", "photos"]);
    var gallery = [];
    if (photos) {
      photos.forEach(function (photo, index) {
        var src = photo && photo.get("src");
        if (src) {
          gallery.push(
            h(
              "figure",
              { className: "pl-product__figure", key: index },
              h("img", { src: props.getAsset(src).toString(), alt: photo.get("alt") || "" })
            )
          );
        }
      });
    }
    var facts = [
      ["Cena", price(text(entry, "price_net"))],
      ["Minimalne zamówienie", text(entry, "min_order") && text(entry, "min_order") + " szt."],
      ["Czas realizacji", text(entry, "lead_time_days") && text(entry, "lead_time_days") + " dni"],
      ["Wymiary", text(entry, "dimensions")],
      ["Opakowanie", text(entry, "packaging")],
      ["Wytwórca", text(entry, "maker")]
    ].filter(function (row) {
      return row[1];
    });
    return h(
      "article",
      { className: "pl-container pl-product" },
      h("p", { className: "pl-article__kicker" }, text(entry, "brand_line")),
      h("h1", { className: "pl-page-title" }, text(entry, "name")),
      sampleNote(entry),
      h(
        "div",
        { className: "pl-product__layout" },
        h("div", { className: "pl-product__gallery" }, gallery),
        h(
          "div",
          { className: "pl-product__summary" },
          h("p", { className: "pl-lead" }, text(entry, "description")),
          h(
            "dl",
            { className: "pl-facts" },
            facts.map(function (row) {
              return [h("dt", { key: row[0] + "-t" }, row[0]), h("dd", { key: row[0] + "-d" }, row[1])];
            })
          ),
          h("div", { className: "pl-prose" }, h("p", {}, text(entry, "story")))
        )
      )
    );
  }

  CMS.registerPreviewTemplate("aktualnosci", NewsPreview);
  CMS.registerPreviewTemplate("katalog", ProductPreview);
})();
