// Puts the A6IP bot's chat where this script tag is: <script src="__BASE__/embed.js" data-lang="fr" async></script>
(function () {
  var tag = document.currentScript;
  if (!tag) { return; }
  var frame = document.createElement("iframe");
  var lang = tag.getAttribute("data-lang") || "";
  frame.src = "__BASE__/embed" + (lang ? "?lang=" + encodeURIComponent(lang) : "");
  frame.title = tag.getAttribute("data-title") || "A6IP bot";
  frame.loading = "lazy";
  // CSSOM, not a style attribute: allowed by a host page whose CSP forbids inline styles.
  frame.style.width = "100%";
  frame.style.border = "1px solid #d0d7de";
  frame.style.borderRadius = "8px";
  frame.style.height = (parseInt(tag.getAttribute("data-height"), 10) || 560) + "px";
  tag.parentNode.insertBefore(frame, tag.nextSibling);
})();
