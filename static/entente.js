/* Entente: progressive enhancement of the static timeline.
 *
 * Every page works without this file; with it, the home page filters its own event list in
 * place (no fetch(): the site must work opened from disk), charts become keyboard widgets and
 * print buttons appear. The filter state lives in the URL query, so a view can be shared. */
(function () {
  "use strict";

  var doc = document;

  /* ---------- Printing ---------- */

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  // The printed footer names the exact view, query included, and the day it was printed:
  // neither is known when the page is built.
  function stampPrintFooter() {
    var urls = doc.querySelectorAll(".print-url");
    for (var i = 0; i < urls.length; i++) {
      var el = urls[i];
      if (!el.hasAttribute("data-built")) el.setAttribute("data-built", el.textContent);
      var built = el.getAttribute("data-built");
      // The published address (when the site has a base_url) beats a file: path; the query
      // is what makes a filtered view reproducible.
      var params = new URLSearchParams(location.search);
      params.delete("paper");
      var query = params.toString() ? "?" + params : "";
      el.textContent = /^https?:/.test(built)
        ? built.split("?")[0] + query
        : location.href.split("?")[0] + query;
    }
    var dates = doc.querySelectorAll(".printed-on");
    for (var j = 0; j < dates.length; j++) dates[j].textContent = " · Printed " + today();
  }

  function setupPrint() {
    window.addEventListener("beforeprint", stampPrintFooter);
    var buttons = doc.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        stampPrintFooter();
        window.print();
      });
    }
    var tools = doc.querySelectorAll("[data-print-tools]");
    for (var t = 0; t < tools.length; t++) tools[t].hidden = false;
    var radios = doc.querySelectorAll('input[name="paper"]');
    if (!radios.length) return;
    var setPaper = function (paper) {
      doc.documentElement.classList.toggle("letter", paper === "letter");
      for (var r = 0; r < radios.length; r++) radios[r].checked = radios[r].value === paper;
    };
    var wanted = new URLSearchParams(location.search).get("paper");
    if (wanted === "letter" || wanted === "a4") setPaper(wanted);
    for (var k = 0; k < radios.length; k++) {
      radios[k].addEventListener("change", function (ev) { setPaper(ev.target.value); });
    }
  }

  /* ---------- Charts: one tab stop, arrow keys between bars ---------- */

  function setupCharts() {
    var charts = doc.querySelectorAll("svg.chart");
    for (var c = 0; c < charts.length; c++) {
      var svg = charts[c];
      // role="img" would hide the bar links from screen readers while they stay focusable.
      svg.setAttribute("role", "group");
      // Squeezed into the column, a century of bars shrinks its labels past reading: keep
      // the drawing at its natural size and let the figure scroll sideways instead.
      var box = svg.viewBox && svg.viewBox.baseVal;
      if (box && box.width > 0) {
        svg.style.width = Math.round(box.width * 1.2) + "px";
        svg.style.height = Math.round(box.height * 1.2) + "px";
        svg.style.maxHeight = "none";
        var wrap = doc.createElement("div");
        wrap.className = "chart-scroll";
        svg.parentNode.insertBefore(wrap, svg);
        wrap.appendChild(svg);
      }
      var links = [];
      var all = svg.querySelectorAll("a");
      for (var i = 0; i < all.length; i++) {
        var a = all[i];
        var title = a.querySelector("title");
        var label = title ? title.textContent : "";
        // Empty years have no page to go to.
        if (/: 0 events$/.test(label)) {
          a.removeAttribute("href");
          a.setAttribute("aria-hidden", "true");
          continue;
        }
        a.setAttribute("aria-label", label);
        a.setAttribute("tabindex", links.length ? "-1" : "0");
        links.push(a);
      }
      if (links.length) rove(links);
    }
  }

  function rove(links) {
    var current = 0;
    var focus = function (i) {
      links[current].setAttribute("tabindex", "-1");
      current = Math.max(0, Math.min(links.length - 1, i));
      links[current].setAttribute("tabindex", "0");
      links[current].focus();
    };
    links.forEach(function (a, i) {
      a.addEventListener("focus", function () {
        if (i !== current) {
          links[current].setAttribute("tabindex", "-1");
          current = i;
          a.setAttribute("tabindex", "0");
        }
      });
      a.addEventListener("keydown", function (ev) {
        var to = null;
        if (ev.key === "ArrowRight" || ev.key === "ArrowDown") to = current + 1;
        else if (ev.key === "ArrowLeft" || ev.key === "ArrowUp") to = current - 1;
        else if (ev.key === "Home") to = 0;
        else if (ev.key === "End") to = links.length - 1;
        else if (ev.key === "PageDown") to = current + 10;
        else if (ev.key === "PageUp") to = current - 10;
        if (to !== null) {
          ev.preventDefault();
          focus(to);
        }
      });
    });
  }

  /* ---------- Timeline filters ---------- */

  var FIELDS = ["q", "country", "actor", "type", "tag", "from", "to"];
  // The list items' field labels (event_item.html), which no search should match.
  var LABELS = /\n\s*(?:Countries|People|Places):/g;

  // Lower case without diacritics, so "bogota" finds "Bogotá".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // A YYYY, YYYY-MM or YYYY-MM-DD bound as a day string that compares with data-start/end.
  function bound(text, upper) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
    if (!m) return null;
    var month = m[2] ? +m[2] : 0;
    var day = m[3] ? +m[3] : 0;
    if (m[2] && (month < 1 || month > 12)) return null;
    if (m[3] && (day < 1 || day > 31)) return null;
    if (upper) return m[1] + "-" + (m[2] || "12") + "-" + (m[3] || "31");
    return m[1] + "-" + (m[2] || "01") + "-" + (m[3] || "01");
  }

  function setupFilters() {
    var form = doc.getElementById("filter-form");
    var timeline = doc.getElementById("timeline");
    var countEl = doc.getElementById("result-count");
    if (!form || !timeline || !countEl) return;
    var started = performance.now();
    var noResults = doc.getElementById("no-results");
    var controls = {};
    FIELDS.forEach(function (name) { controls[name] = form.elements.namedItem(name); });

    // Index the list once: data attributes padded with spaces so a token test is one indexOf.
    var years = timeline.querySelectorAll("section.year");
    var yearRecs = [];
    var monthRecs = [];
    var recs = [];
    for (var y = 0; y < years.length; y++) {
      var countSpan = years[y].querySelector("h2 .count");
      var yr = { el: years[y], span: countSpan, text: countSpan ? countSpan.textContent : "", n: 0, shown: true };
      yearRecs.push(yr);
      var months = years[y].querySelectorAll("section.month");
      for (var m = 0; m < months.length; m++) {
        var mr = { el: months[m], year: yr, n: 0, shown: true };
        monthRecs.push(mr);
        var items = months[m].querySelectorAll("li.event");
        for (var i = 0; i < items.length; i++) {
          var el = items[i];
          recs.push({
            el: el,
            month: mr,
            id: el.getAttribute("data-event-id"),
            type: el.getAttribute("data-type"),
            start: el.getAttribute("data-start") || "",
            end: el.getAttribute("data-end") || "",
            countries: " " + (el.getAttribute("data-countries") || "") + " ",
            actors: " " + (el.getAttribute("data-actors") || "") + " ",
            tags: " " + (el.getAttribute("data-tags") || "") + " ",
            text: null,
            match: true,
            shown: true
          });
        }
      }
    }
    var total = recs.length;

    var extra = null;
    function searchText(r) {
      if (extra === null) {
        var node = doc.getElementById("search-extra");
        try { extra = node ? JSON.parse(node.textContent) : {}; } catch (e) { extra = {}; }
      }
      var article = r.el.firstElementChild;
      var text = article ? article.textContent : "";
      var last = article && article.lastElementChild;
      // Source titles would make every event match a publisher's name.
      if (last && last.classList.contains("sources")) {
        var at = text.lastIndexOf(last.textContent);
        if (at >= 0) text = text.slice(0, at);
      }
      text = text.replace(LABELS, "\n");
      if (extra[r.id]) text += " " + extra[r.id];
      return fold(text);
    }

    function optionLabel(select) {
      var o = select.options[select.selectedIndex];
      return o ? o.textContent.replace(/\s*\(\d+\)$/, "") : select.value;
    }

    // Values from a shared URL may differ in case or name nothing in this build; keep them
    // visible in the control rather than silently dropping the filter.
    function setSelect(select, value) {
      var candidates = [value, value.toUpperCase(), value.toLowerCase()];
      for (var c = 0; c < candidates.length; c++) {
        for (var i = 0; i < select.options.length; i++) {
          if (select.options[i].value === candidates[c]) {
            select.selectedIndex = i;
            return;
          }
        }
      }
      var o = doc.createElement("option");
      o.value = value;
      o.textContent = value + " (0)";
      select.appendChild(o);
      select.value = value;
    }

    function readState() {
      var st = {};
      FIELDS.forEach(function (name) {
        var c = controls[name];
        st[name] = c ? c.value.trim() : "";
      });
      return st;
    }

    function writeControls(params) {
      FIELDS.forEach(function (name) {
        var c = controls[name];
        if (!c) return;
        var v = params.get(name) || "";
        if (c.tagName === "SELECT") {
          if (v) setSelect(c, v);
          else c.value = "";
        } else {
          c.value = v;
        }
      });
    }

    function describe(st) {
      var parts = [];
      if (st.q) parts.push("“" + st.q + "”");
      if (st.country) parts.push("country " + optionLabel(controls.country));
      if (st.actor) parts.push("person " + optionLabel(controls.actor));
      if (st.type) parts.push("type " + optionLabel(controls.type));
      if (st.tag) parts.push("tag " + optionLabel(controls.tag));
      if (st.from) parts.push("from " + st.from);
      if (st.to) parts.push("to " + st.to);
      return parts.join(", ");
    }

    var lastQuery = null;

    function apply(pushUrl) {
      var t0 = performance.now();
      var st = readState();
      var fromDay = st.from ? bound(st.from, false) : "";
      var toDay = st.to ? bound(st.to, true) : "";
      [["from", fromDay], ["to", toDay]].forEach(function (pair) {
        var c = controls[pair[0]];
        if (!c) return;
        if (st[pair[0]] && pair[1] === null) c.setAttribute("aria-invalid", "true");
        else c.removeAttribute("aria-invalid");
      });
      var terms = st.q ? fold(st.q).split(/\s+/).filter(Boolean) : [];
      var country = st.country ? " " + st.country + " " : "";
      var actor = st.actor ? " " + st.actor + " " : "";
      var tag = st.tag ? " " + st.tag + " " : "";
      var type = st.type;
      var i, r;
      for (i = 0; i < monthRecs.length; i++) monthRecs[i].n = 0;
      for (i = 0; i < yearRecs.length; i++) yearRecs[i].n = 0;
      var shown = 0;
      for (i = 0; i < total; i++) {
        r = recs[i];
        var ok = (!type || r.type === type) &&
          (!country || r.countries.indexOf(country) >= 0) &&
          (!actor || r.actors.indexOf(actor) >= 0) &&
          (!tag || r.tags.indexOf(tag) >= 0) &&
          (!fromDay || r.end >= fromDay) &&
          (!toDay || r.start <= toDay);
        if (ok && terms.length) {
          if (r.text === null) r.text = searchText(r);
          for (var t = 0; t < terms.length; t++) {
            if (r.text.indexOf(terms[t]) < 0) { ok = false; break; }
          }
        }
        r.match = ok;
        if (ok) {
          shown++;
          r.month.n++;
          r.month.year.n++;
        }
      }
      // Touch only what changes, and nothing inside a month that is hidden as a whole: each
      // write of `hidden` costs style recalculation, and narrow filters hide most months.
      for (i = 0; i < total; i++) {
        r = recs[i];
        if (r.match !== r.shown && r.month.n > 0) {
          r.shown = r.match;
          r.el.hidden = !r.match;
        }
      }
      for (i = 0; i < monthRecs.length; i++) {
        var mr = monthRecs[i];
        if ((mr.n > 0) !== mr.shown) {
          mr.shown = mr.n > 0;
          mr.el.hidden = !mr.shown;
        }
      }
      var filtered = shown !== total || Object.keys(st).some(function (k) { return st[k]; });
      for (i = 0; i < yearRecs.length; i++) {
        var yr = yearRecs[i];
        if ((yr.n > 0) !== yr.shown) {
          yr.shown = yr.n > 0;
          yr.el.hidden = !yr.shown;
        }
        if (yr.span) yr.span.textContent = filtered ? "(" + yr.n + ")" : yr.text;
      }
      var query = new URLSearchParams();
      FIELDS.forEach(function (name) { if (st[name]) query.set(name, st[name]); });
      var qs = query.toString();
      var message = filtered
        ? "Showing " + shown + " of " + total + " events: " + describe(st) + "."
        : total + " events";
      if (countEl.textContent !== message) countEl.textContent = message;
      if (noResults) noResults.hidden = shown !== 0;
      if (qs !== lastQuery) {
        lastQuery = qs;
        try {
          history[pushUrl ? "pushState" : "replaceState"](null, "", qs ? "?" + qs : location.pathname);
        } catch (e) {
          // Some browsers refuse history changes on file: pages; the view still works.
        }
      }
      var ms = performance.now() - t0;
      doc.documentElement.setAttribute("data-filter-ms", ms.toFixed(1));
      doc.documentElement.setAttribute("data-filter-shown", String(shown));
      return shown;
    }

    var timer = 0;
    function later() {
      clearTimeout(timer);
      timer = setTimeout(function () { apply(false); }, 120);
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      apply(true);
    });
    form.addEventListener("change", function () {
      clearTimeout(timer);
      apply(false);
    });
    if (controls.q) controls.q.addEventListener("input", later);
    var clear = doc.getElementById("f-clear");
    if (clear) {
      clear.addEventListener("click", function (ev) {
        ev.preventDefault();
        FIELDS.forEach(function (name) { if (controls[name]) controls[name].value = ""; });
        apply(true);
        if (controls.q) controls.q.focus();
      });
    }
    var noResultsLink = noResults && noResults.querySelector("a");
    if (noResultsLink && clear) {
      noResultsLink.addEventListener("click", function (ev) {
        ev.preventDefault();
        clear.click();
      });
    }
    window.addEventListener("popstate", function () {
      writeControls(new URLSearchParams(location.search));
      lastQuery = null;
      apply(false);
    });

    var params = new URLSearchParams(location.search);
    var any = FIELDS.some(function (name) { return params.get(name); });
    writeControls(params);
    lastQuery = params.toString();
    if (any) apply(false);
    // Prepare the search text in idle time, so the first keystroke does not pay for reading
    // thousands of items; a search before this finishes prepares what it needs itself.
    var idle = window.requestIdleCallback || function (fn) {
      return setTimeout(function () { fn({ timeRemaining: function () { return 8; } }); }, 50);
    };
    var next = 0;
    idle(function prepare(deadline) {
      while (next < total && deadline.timeRemaining() > 1) {
        for (var end = Math.min(total, next + 100); next < end; next++) {
          if (recs[next].text === null) recs[next].text = searchText(recs[next]);
        }
      }
      if (next < total) idle(prepare);
    });
    doc.documentElement.setAttribute("data-init-ms", (performance.now() - started).toFixed(1));
    doc.documentElement.setAttribute("data-filters-ready", "true");
  }

  setupPrint();
  setupCharts();
  setupFilters();
})();
