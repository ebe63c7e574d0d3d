/* JSNA site behaviour: area filter, copy link and cite this section. No network. */
(function () {
  "use strict";

  function setUpFilter(root) {
    root.querySelectorAll(".jsna-filter").forEach(function (box) {
      var input = box.querySelector("input");
      var list = document.getElementById(input.getAttribute("data-filter-target"));
      var count = box.querySelector(".jsna-filter-count");
      if (!list || box.dataset.ready) { return; }
      box.dataset.ready = "1";
      box.hidden = false;
      input.addEventListener("input", function () {
        var words = input.value.trim().toLowerCase();
        var shown = 0;
        list.querySelectorAll("li").forEach(function (item) {
          var match = item.textContent.toLowerCase().indexOf(words) !== -1;
          item.hidden = !match;
          if (match) { shown += 1; }
        });
        list.querySelectorAll("h2").forEach(function (heading) {
          var next = heading.nextElementSibling;
          var any = next && next.querySelector("li:not([hidden])");
          heading.hidden = !any;
          if (next) { next.hidden = !any; }
        });
        count.textContent = words ? shown + " areas match" : "";
      });
    });
  }

  function citation(section) {
    var meta = document.querySelector(".jsna-page-meta") || document.createElement("aside");
    var title = section.textContent.replace("¶", "").trim();
    var site = meta.getAttribute("data-site") || document.title;
    var edition = meta.getAttribute("data-edition");
    var updated = meta.getAttribute("data-updated");
    var page = (document.querySelector("h1") || {}).textContent || document.title;
    var url = location.origin + location.pathname + "#" + section.id;
    return "\u201c" + title + "\u201d, " + page.replace("¶", "").trim() + ". " + site +
      (edition ? ", " + edition + " edition" : "") + (updated ? ", updated " + updated : "") +
      ". " + url + " (accessed " + new Date().toISOString().slice(0, 10) + ").";
  }

  function copy(text, output) {
    var done = function () { output.textContent = "Copied: " + text; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { output.textContent = text; });
    } else {
      output.textContent = text;
    }
  }

  function setUpCitations(root) {
    root.querySelectorAll(".jsna-cite[data-anchor]").forEach(function (box) {
      if (box.dataset.ready) { return; }
      box.dataset.ready = "1";
      box.hidden = false;
      box.innerHTML = '<button type="button" data-action="link">Copy link</button> ' +
        '<button type="button" data-action="cite">Cite this section</button> <output aria-live="polite"></output>';
      var section = document.getElementById(box.getAttribute("data-anchor"));
      var output = box.querySelector("output");
      box.querySelector("[data-action='link']").addEventListener("click", function () {
        copy(location.origin + location.pathname + "#" + section.id, output);
      });
      box.querySelector("[data-action='cite']").addEventListener("click", function () {
        copy(citation(section), output);
      });
    });
  }

  function setUpScrollingTables(root) {
    // A table wider than the screen scrolls in its own box: make that box reachable by keyboard.
    root.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.hasAttribute("tabindex")) { return; }
      var table = wrap.querySelector("table");
      var label = table && table.caption ? table.caption.textContent : "";
      var node = wrap;
      while (!label && node && node !== root) {
        if (!node.previousElementSibling) { node = node.parentElement; continue; }
        node = node.previousElementSibling;
        if (/^H[1-4]$/.test(node.tagName)) { label = node.textContent.replace("¶", ""); }
      }
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", (label || "Data").trim() + " (table)");
    });
  }

  function setUpReader(root) {
    // An indicator page opened from an area's page (?area=<its address>) marks that area's row in
    // every ranking and says its place above the chart, so a long ranking never hides it.
    var slug = new URLSearchParams(location.search).get("area");
    if (!slug || !/^[a-z0-9-]+$/.test(slug)) { return; }
    root.querySelectorAll(".jsna-ranking").forEach(function (box) {
      if (box.dataset.reader) { return; }
      box.dataset.reader = "1";
      var link = box.querySelector('a[href*="areas/' + slug + '/"]');
      var row = link && link.closest("tr");
      var heading = (box.closest("details") || box).previousElementSibling;  // a long ranking's table is folded
      while (heading && heading.tagName !== "H3") { heading = heading.previousElementSibling; }
      if (!row || !heading) { return; }
      row.classList.add("jsna-row--reader");
      row.setAttribute("aria-current", "true");
      var cells = row.querySelectorAll("td");
      var ranked = 0;
      box.querySelectorAll("tbody tr").forEach(function (r) {
        if (/^\d+$/.test(r.cells[0].textContent.trim())) { ranked += 1; }
      });
      var rank = cells[0].textContent.trim();
      var compared = box.querySelector("thead th:last-child");
      var note = document.createElement("p");
      note.className = "jsna-reader";
      note.textContent = "Your area, " + link.textContent.trim() + ": " +
        (/^\d+$/.test(rank) ? "ranked " + rank + " of " + ranked : "not ranked") +
        ", " + cells[3].textContent.trim() + " in " + cells[2].textContent.trim() + "; " +
        (compared ? compared.textContent.trim().replace(/^C/, "c") : "compared") + ": " + cells[6].textContent.trim() + ".";
      heading.parentNode.insertBefore(note, heading.nextSibling);
    });
  }

  function start() {
    setUpReader(document);
    setUpFilter(document);
    setUpCitations(document);
    setUpScrollingTables(document);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
