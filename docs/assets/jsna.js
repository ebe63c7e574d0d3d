/* JSNA site behaviour: area filter, copy link and cite this section, keyboard access to the theme's
   menu, drawer and search. No network. */
(function () {
  "use strict";

  // The folder the site is published in (this script is its assets/jsna.js), for the 404 page,
  // which is shown at any address and, without site_url, has to find the site's folder itself.
  try {
    var here = document.currentScript && document.currentScript.src;
    if (here && /\/assets\/jsna\.js(\?|$)/.test(here)) { localStorage.setItem("jsna-site-root", new URL("..", here).pathname); }
  } catch (error) { /* storage turned off */ }

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
      if (!box.querySelector("button")) {  // the page has them from the start (nothing moves); an older edition's page may not
        box.innerHTML = '<button type="button" data-action="link">Copy link</button> ' +
          '<button type="button" data-action="cite">Cite this section</button> <output aria-live="polite"></output>';
      }
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


  // Keyboard and focus (issue 16). The theme's menu and search buttons are <label>s for hidden
  // checkboxes (__drawer, __search), which a keyboard cannot reach: they become buttons here. What
  // is closed cannot take the focus (jsna.css); what opens takes it and gives it back on Escape.
  var DRAWER = "(max-width: 76.234375em)";  // below 1220 px the navigation is a drawer
  var PHONE = "(max-width: 59.984375em)";  // below 960 px search opens over the page from a button
  var openedByKey = false;
  var KEEP = ["Shift", "Control", "Alt", "AltGraph", "Meta", "CapsLock", "PageUp", "PageDown", "Home", "End", " "];

  function toggle(name) { return document.getElementById("__" + name); }
  function narrow(query) { return window.matchMedia(query).matches; }
  function headerButton(name) { return document.querySelector(".md-header__button[for='__" + name + "']"); }
  function drawer() { return document.querySelector(".md-sidebar--primary"); }
  function searchBox() { return document.querySelector(".md-search"); }

  function shown(element) {
    var box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility === "visible";
  }

  function firstFocusable(root) {
    var all = root ? root.querySelectorAll("a[href], button, input, [tabindex='0']") : [];
    for (var i = 0; i < all.length; i += 1) {
      if (shown(all[i]) && !all[i].closest("[inert]")) { return all[i]; }
    }
    return null;
  }

  function swap(element, tag) {
    // The element as a <tag>, with its attributes and children, in its place.
    if (element.tagName === tag.toUpperCase()) { return element; }
    var other = document.createElement(tag);
    for (var i = 0; i < element.attributes.length; i += 1) { other.setAttribute(element.attributes[i].name, element.attributes[i].value); }
    while (element.firstChild) { other.appendChild(element.firstChild); }
    element.replaceWith(other);
    return other;
  }

  function asButton(label, name) {
    // A label that toggles a checkbox becomes a real <button>: focusable, named, Enter and Space,
    // a role ARIA allows (a label may have none). It keeps `for`, which the theme's styles select
    // on. Without scripts the label stays, and works by pointer as the theme made it.
    var button = swap(label, "button");
    button.setAttribute("type", "button");
    button.removeAttribute("tabindex");
    button.removeAttribute("role");
    if (name) { button.setAttribute("aria-label", name); }
    if (button.dataset.keys) { return button; }
    button.dataset.keys = "1";
    button.addEventListener("click", function (event) {
      var box = document.getElementById(button.getAttribute("for"));
      if (!box) { return; }
      var byKey = event.detail === 0;  // Enter or Space
      openedByKey = byKey;
      box.click();
      openedByKey = false;
      if (byKey) { moveIntoLevel(button); }
    });
    return button;
  }

  function moveIntoLevel(label) {
    // In the drawer, a level opened from the keyboard takes the focus (its "Back" title), and going
    // back gives it to the control that opened the level, as the level that had it slides away.
    var box = document.getElementById(label.getAttribute("for"));
    if (!box || !box.classList.contains("md-nav__toggle") || !narrow(DRAWER)) { return; }
    var level = box.parentElement.querySelector(":scope > .md-nav");
    var opener = box.parentElement.querySelector(":scope > .md-nav__link[for], :scope > .md-nav__container > .md-nav__link[for]");
    var next = box.checked ? firstFocusable(level) : opener;
    if (next && shown(next)) { next.focus({ preventScroll: true }); }
  }

  function setUpHeader() {
    var menu = headerButton("drawer");
    var search = headerButton("search");
    if (menu) {
      menu = asButton(menu, "Menu");
      menu.setAttribute("aria-expanded", String(toggle("drawer").checked));
    }
    if (search) {
      search = asButton(search, "Search this site");
      search.setAttribute("aria-expanded", String(toggle("search").checked));
      if (searchBox()) { searchBox().id = "__search_dialog"; search.setAttribute("aria-controls", "__search_dialog"); }
    }
    var nav = drawer();
    if (nav && menu) { nav.id = "__drawer_nav"; menu.setAttribute("aria-controls", "__drawer_nav"); }
  }

  function expands(label) {
    // The label says whether the level its checkbox opens is open (aria-expanded), as it changes.
    var box = document.getElementById(label.getAttribute("for"));
    if (!box) { return; }
    label.setAttribute("aria-expanded", String(box.checked));
    box.addEventListener("change", function () { label.setAttribute("aria-expanded", String(box.checked)); });
  }

  function setUpDrawerLevels(root) {
    // A section's open/close control (an unnamed label) is a named button at every width. In the
    // drawer, the label that opens this page's contents and the titles that go back from a level
    // are buttons too; on wide screens the sidebar shows them as plain text.
    var nav = root.querySelector(".md-sidebar--primary");
    if (!nav) { return; }
    nav.querySelectorAll(".md-nav__link[for^='__nav_']").forEach(function (label) {
      if (label.dataset.jsnaLevel) { return; }
      // Its name: its own text, or, beside a section's index page, that page's link's.
      var link = label.parentElement.classList.contains("md-nav__container") ? label.parentElement.querySelector("a.md-nav__link") : null;
      var text = (label.textContent.trim() || (link ? link.textContent.trim() : "This")).replace(/\s+/g, " ");
      var button = asButton(label, text + " section");
      button.dataset.jsnaLevel = "1";
      expands(button);
    });
    var small = narrow(DRAWER);
    nav.querySelectorAll(".md-nav__title[for]:not([for='__drawer']), .md-nav__link[for='__toc']").forEach(function (label) {
      if (!small) {
        if (label.dataset.jsnaLevel) {  // plain text again in the wide sidebar: the theme's label
          var plain = swap(label, "label");
          ["type", "aria-label", "aria-expanded", "data-keys", "data-jsna-level"].forEach(function (name) { plain.removeAttribute(name); });
        }
        return;
      }
      if (label.dataset.jsnaLevel) { return; }
      var text = label.textContent.replace(/\s+/g, " ").trim();
      var button;
      if (label.classList.contains("md-nav__title")) {
        button = asButton(label, "Back from " + text);
      } else {
        button = asButton(label, text + ": contents of this page");
        expands(button);
      }
      button.dataset.jsnaLevel = "1";
    });
  }

  function setUpSearchResults() {
    // The theme takes its results out of the Tab order (tabindex=-1) and closes the search on Tab:
    // here Tab moves through the results too, as the hint under the search box says.
    var list = document.querySelector(".md-search-result__list");
    if (!list || list.dataset.tabbable) { return; }
    list.dataset.tabbable = "1";
    var reach = function () {
      list.querySelectorAll("[tabindex='-1']").forEach(function (element) { element.setAttribute("tabindex", "0"); });
    };
    new MutationObserver(reach).observe(list, { childList: true, subtree: true });
    reach();
  }

  function onToggle(name, change) {
    var box = toggle(name);
    if (box && !box.dataset.jsna) {
      box.dataset.jsna = "1";
      box.addEventListener("change", change);
    }
  }

  function setUpFocusManagement() {
    if (document.documentElement.dataset.jsnaFocus) { return; }
    document.documentElement.dataset.jsnaFocus = "1";
    // A page shown again from the back-forward cache opens with the drawer and search closed.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) { return; }
      ["drawer", "search"].forEach(function (name) { if (toggle(name) && toggle(name).checked) { toggle(name).click(); } });
    });
    window.matchMedia(DRAWER).addEventListener("change", function () { setUpDrawerLevels(document); });

    onToggle("drawer", function () {
      var open = toggle("drawer").checked;
      var menu = headerButton("drawer");
      if (menu) { menu.setAttribute("aria-expanded", String(open)); }
      if (open && openedByKey) {
        var first = firstFocusable(drawer());
        if (first) { first.focus({ preventScroll: true }); }
      } else if (!open && drawer() && drawer().contains(document.activeElement) && menu && shown(menu)) {
        menu.focus();
      }
    });
    onToggle("search", function () {
      var open = toggle("search").checked;
      var button = headerButton("search");
      var input = document.querySelector(".md-search__input");
      if (button) { button.setAttribute("aria-expanded", String(open)); }
      if (open && input && document.activeElement !== input) {
        input.focus();
      } else if (!open && button && shown(button) && (!document.activeElement || document.activeElement === document.body || searchBox().contains(document.activeElement))) {
        button.focus();
      }
    });

    window.addEventListener("keydown", function (event) {
      var search = toggle("search");
      var inSearch = searchBox() && searchBox().contains(document.activeElement);
      var onResult = inSearch && !document.activeElement.matches(".md-search__input");
      if (search && search.checked && inSearch && (event.key === "Tab" || (onResult && KEEP.indexOf(event.key) !== -1))) {
        // The theme closes the search on Tab, and sends every other key but the arrows, Enter and
        // Escape back to the search box (Shift too, so Shift+Tab left the results): Tab moves on.
        event.stopPropagation();
      } else if (event.key === "Escape" && toggle("drawer") && toggle("drawer").checked) {
        toggle("drawer").click();
        var menu = headerButton("drawer");
        if (menu && shown(menu)) { menu.focus(); }
      } else if ((event.key === "/" || event.key === "s" || event.key === "f") && search && !search.checked &&
                 narrow(PHONE) && !event.ctrlKey && !event.metaKey && !event.altKey && !editable(event.target)) {
        // The theme's keys for search focus the search box, which is closed (hidden) on a phone: open it.
        event.preventDefault();
        search.click();
      }
    }, true);

    // The focus leaving the open drawer or search (Tab past its end, Shift+Tab before it) closes it.
    document.addEventListener("focusin", function (event) {
      var target = event.target;
      var box = toggle("drawer");
      if (box && box.checked && narrow(DRAWER) && drawer() && !drawer().contains(target) && target !== headerButton("drawer")) {
        box.click();
      }
      box = toggle("search");
      if (box && box.checked && searchBox() && !searchBox().contains(target) && target !== headerButton("search")) {
        box.click();
      }
    });
  }

  function editable(element) {
    return element instanceof HTMLElement && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function start() {
    setUpReader(document);
    setUpFilter(document);
    setUpCitations(document);
    setUpScrollingTables(document);
    setUpHeader();
    setUpDrawerLevels(document);
    setUpSearchResults();
    setUpFocusManagement();
  }

  // Figures and tables below the screen are laid out only as they near it (jsna.css,
  // content-visibility), so a jump to one first lands where its guessed height put it. Two frames
  // later it and its neighbours are drawn: land again, on its real place. For a link within the
  // page (hashchange) and a page opened by the theme's instant navigation at a section.
  function landOnTarget() {
    if (restoring) { return; } // Back or Forward: the reader goes back where they were, not to the section
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    requestAnimationFrame(function () { requestAnimationFrame(function () { target.scrollIntoView(); }); });
  }
  window.addEventListener("hashchange", landOnTarget);

  // Back, Forward and Reload put the reader back where they were. The browser and the theme restore
  // a scroll offset, which is off wherever figures above were never drawn: their heights were
  // guesses when it was taken. So each page also keeps (in this tab's sessionStorage) which of its
  // blocks was at the top of the screen, and where; on return that block is put back in its place.
  var restoring = false;
  var PLACE = "jsna-place:";
  function blocks() { var article = document.querySelector("article.md-typeset"); return article ? article.children : []; }
  // One place per entry of the tab's history: the entry's own key where the browser has the Navigation
  // API (the theme rewrites the address's #section as the reader scrolls), else the page's address.
  function placeKey() {
    var entry = window.navigation && window.navigation.currentEntry;
    return PLACE + (entry && entry.key ? entry.key : location.pathname + location.search);
  }
  function keepPlace(key) {
    if (key !== placeKey()) { return; } // the theme has moved on to another address meanwhile
    var below = headerBottom();
    var all = blocks();
    for (var i = 0; i < all.length; i++) {
      var box = all[i].getBoundingClientRect();
      if (box.bottom > below && box.height > 0) {
        try { sessionStorage.setItem(key, JSON.stringify({ block: i, top: Math.round(box.top) })); } catch (error) { /* storage off or full */ }
        return;
      }
    }
  }
  function headerBottom() { var header = document.querySelector(".md-header"); return header ? header.getBoundingClientRect().bottom : 0; }
  function backInPlace() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(placeKey()) || "null"); } catch (error) { saved = null; }
    var block = saved && blocks()[saved.block];
    if (block) { window.scrollBy(0, block.getBoundingClientRect().top - saved.top); }
  }
  function returnWhenShown() {
    // After the browser's or the theme's own restoring, then once more as the page settles.
    requestAnimationFrame(function () { requestAnimationFrame(backInPlace); });
    setTimeout(function () { backInPlace(); restoring = false; }, 400);
  }
  var keeping = null;
  window.addEventListener("scroll", function () {
    var key = placeKey();
    clearTimeout(keeping);
    keeping = setTimeout(function () { keepPlace(key); }, 200);
  }, { passive: true });
  window.addEventListener("pagehide", function () { keepPlace(placeKey()); });
  var shownPath = location.pathname;
  var followed = 0; // when a link within the page was last followed: its popstate is no return
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[href*='#']");
    if (link && link.pathname === location.pathname) { followed = Date.now(); }
  }, true);
  window.addEventListener("popstate", function () {
    if (Date.now() - followed < 1000) { return; }
    clearTimeout(keeping);
    restoring = true;
    if (location.pathname !== shownPath) { return; } // another page: put back in place once it is shown (pageShown)
    // The same page, at another place: no new page to wait for. Without the Navigation API both places
    // share the page's key, so the browser's own restoring is left alone.
    if (window.navigation) { returnWhenShown(); } else { setTimeout(function () { restoring = false; }, 400); }
  });
  var arrival = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
  if (arrival && (arrival.type === "back_forward" || arrival.type === "reload")) { restoring = true; }
  function pageShown() {
    shownPath = location.pathname;
    if (!restoring) { return; }
    if (document.readyState === "complete") { returnWhenShown(); } else { window.addEventListener("load", returnWhenShown, { once: true }); }
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { start(); landOnTarget(); pageShown(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
