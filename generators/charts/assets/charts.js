/* JSNA charts: draws each figure.jsna-chart from its data-vega-spec with vega-embed
   (served from this site: vega-embed.js beside this file; no network requests).
   The static SVG <img> stays until the interactive chart has rendered, and is what
   prints. Runs again after each Material instant-navigation page change. */
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
    var links = figure.querySelector(".jsna-chart__downloads");
    var img = figure.querySelector("img.jsna-chart__static");
    if (!links || !img || links.querySelector(".jsna-chart__png")) return;
    var link = document.createElement("a");
    link.href = "#";
    link.className = "jsna-chart__png";
    link.textContent = "chart (PNG)";
    var name = img.getAttribute("src").split("/").pop().replace(/\.svg$/, ".png");
    link.setAttribute("data-name", name);
    link.addEventListener("click", function (event) {
      event.preventDefault();
      downloadPng(figure, link);
    });
    links.appendChild(document.createTextNode(" "));
    links.appendChild(link);
  }

  function draw(figure) {
    figure.setAttribute("data-jsna-state", "rendering");
    var source = figure.getAttribute("data-vega-spec-src");
    if (source) {
      var url = new URL(source, location.href);
      var key = decodeURIComponent(url.hash.slice(1));
      url.hash = "";
      specFile(url.href, function (specs) {
        if (!specs || !specs[key]) { figure.setAttribute("data-jsna-state", "failed"); return; }
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
      })
      .catch(function (error) {
        view.remove();
        figure.setAttribute("data-jsna-state", "failed");
        if (window.console) console.warn("JSNA chart not drawn:", error);
      });
  }

  var loading = false;

  function drawAll() {
    var figures = document.querySelectorAll("figure.jsna-chart:not([data-jsna-state])");
    if (!figures.length) return;
    if (typeof window.vegaEmbed !== "function") {
      // vega-embed (about 900 KB) is loaded only by pages that have charts, once.
      if (!loading) {
        loading = true;
        var tag = document.createElement("script");
        tag.src = BASE + "vega-embed.js";
        tag.onload = drawAll;
        document.head.appendChild(tag);
      }
      return;
    }
    for (var i = 0; i < figures.length; i++) {
      addPngLink(figures[i]);
      draw(figures[i]);
    }
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(drawAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
