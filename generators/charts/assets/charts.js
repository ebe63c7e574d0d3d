/* JSNA charts. Every figure.jsna-chart shows its static SVG <img> (sized before it loads, drawn
   by the build, the same chart with or without JavaScript, and what prints). A figure with a
   Vega-Lite spec (data-vega-spec-src) has an "Interactive chart" button: only when the reader
   presses it is the chart runtime (vega-embed.js beside this file, about 300 KB gzipped) loaded
   and that one chart drawn, with values on hover or touch, so pages stay light on phones. No
   network requests beyond this site. Runs again after each Material instant-navigation change. */
(function () {
  "use strict";
  var THEME = __JSNA_THEME__;
  var script = document.currentScript;
  var BASE = script && script.src ? script.src.replace(/[^\/]*$/, "") : "";

  function downloadPng(figure, link) {
    var svg = figure.querySelector(".jsna-chart__view svg") || null;
    var img = figure.querySelector("img.jsna-chart__static");
    var source = svg ? new XMLSerializer().serializeToString(svg) : null;
    var picture = new Image();
    picture.onload = function () {
      var scale = 2;
      var canvas = document.createElement("canvas");
      canvas.width = picture.naturalWidth * scale || 1280;
      canvas.height = picture.naturalHeight * scale || 640;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(picture, 0, 0, canvas.width, canvas.height);
      var a = document.createElement("a");
      a.href = canvas.toDataURL("image/png");
      a.download = link.getAttribute("data-name");
      document.body.appendChild(a);
      a.click();
      a.remove();
    };
    picture.src = source
      ? "data:image/svg+xml;charset=utf-8," + encodeURIComponent(source)
      : img.src;
  }

  function addPngLink(figure) {
    // The link is in the page (hidden without scripts); here it learns what to do.
    var link = figure.querySelector(".jsna-chart__png");
    if (!link || link.dataset.ready) return;
    link.dataset.ready = "1";
    link.addEventListener("click", function (event) {
      event.preventDefault();
      downloadPng(figure, link);
    });
  }

  function draw(figure) {
    figure.setAttribute("data-jsna-state", "rendering");
    var source = figure.getAttribute("data-vega-spec-src");
    if (source) {
      var url = new URL(source, location.href);
      var key = decodeURIComponent(url.hash.slice(1));
      url.hash = "";
      specFile(url.href, function (specs) {
        if (!specs || !specs[key]) { figure.setAttribute("data-jsna-state", "failed"); figure.dispatchEvent(new CustomEvent("jsna:drawn")); return; }
        figure.setAttribute("data-vega-spec", JSON.stringify(specs[key]));
        embed(figure);
      });
      return;
    }
    embed(figure);
  }

  // One spec file per page, fetched once from this site and shared by its figures.
  var specFiles = {};

  function specFile(href, done) {
    var entry = specFiles[href];
    if (entry && entry.specs !== undefined) { done(entry.specs); return; }
    if (entry) { entry.waiting.push(done); return; }
    entry = specFiles[href] = { waiting: [done] };
    var request = new XMLHttpRequest();
    request.open("GET", href);
    request.onload = function () {
      var specs = null;
      if (request.status === 200) {
        try { specs = JSON.parse(request.responseText); } catch (error) { specs = null; }
      }
      finish(specs);
    };
    request.onerror = function () { finish(null); };
    request.send();
    function finish(specs) {
      entry.specs = specs;
      entry.waiting.forEach(function (callback) { callback(specs); });
      entry.waiting = [];
    }
  }

  function embed(figure) {
    var spec;
    try {
      spec = JSON.parse(figure.getAttribute("data-vega-spec"));
    } catch (error) {
      figure.setAttribute("data-jsna-state", "failed");
      figure.dispatchEvent(new CustomEvent("jsna:drawn"));
      return;
    }
    var view = document.createElement("div");
    view.className = "jsna-chart__view";
    view.setAttribute("aria-hidden", "true");
    var img = figure.querySelector("img.jsna-chart__static");
    figure.insertBefore(view, img ? img.nextSibling : null);
    window
      .vegaEmbed(view, spec, {
        actions: false,
        renderer: "svg",
        mode: "vega-lite",
        config: THEME,
        loader: { baseURL: BASE },
      })
      .then(function () {
        figure.classList.add("jsna-chart--live");
        figure.setAttribute("data-jsna-state", "rendered");
        figure.dispatchEvent(new CustomEvent("jsna:drawn"));
      })
      .catch(function (error) {
        view.remove();
        figure.setAttribute("data-jsna-state", "failed");
        figure.dispatchEvent(new CustomEvent("jsna:drawn"));
        if (window.console) console.warn("JSNA chart not drawn:", error);
      });
  }

  // vega-embed is loaded once, the first time a reader asks for an interactive chart.
  var runtime = { state: "none", waiting: [] };

  function withRuntime(done) {
    if (typeof window.vegaEmbed === "function") { done(true); return; }
    runtime.waiting.push(done);
    if (runtime.state === "loading") return;
    runtime.state = "loading";
    var tag = document.createElement("script");
    tag.src = BASE + "vega-embed.js";
    tag.onload = function () { settle(typeof window.vegaEmbed === "function"); };
    tag.onerror = function () { settle(false); };
    document.head.appendChild(tag);
    function settle(ok) {
      runtime.state = ok ? "loaded" : "none";
      var waiting = runtime.waiting;
      runtime.waiting = [];
      waiting.forEach(function (callback) { callback(ok); });
    }
  }

  function toggle(figure, button) {
    var live = figure.classList.contains("jsna-chart--live");
    var view = figure.querySelector(".jsna-chart__view");
    if (live) {
      figure.classList.remove("jsna-chart--live");
      if (view) view.style.display = "none";
      button.setAttribute("aria-pressed", "false");
      return;
    }
    if (figure.getAttribute("data-jsna-state") === "rendered") {
      if (view) view.style.display = "";
      figure.classList.add("jsna-chart--live");
      button.setAttribute("aria-pressed", "true");
      return;
    }
    button.setAttribute("aria-busy", "true");
    withRuntime(function (ok) {
      if (!ok) { button.removeAttribute("aria-busy"); figure.setAttribute("data-jsna-state", "failed"); return; }
      figure.addEventListener("jsna:drawn", function () {
        button.removeAttribute("aria-busy");
        button.setAttribute("aria-pressed", figure.classList.contains("jsna-chart--live") ? "true" : "false");
      }, { once: true });
      draw(figure);
    });
  }

  function addButton(figure) {
    // The button is in the page (hidden without scripts); here it learns what to do.
    var button = figure.querySelector(".jsna-chart__interactive");
    if (!button || button.dataset.ready) return;
    button.dataset.ready = "1";
    button.addEventListener("click", function () { toggle(figure, button); });
  }

  function setUp() {
    var figures = document.querySelectorAll("figure.jsna-chart");
    for (var i = 0; i < figures.length; i++) {
      addPngLink(figures[i]);
      addButton(figures[i]);
    }
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
