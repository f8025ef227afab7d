/* Entente: progressive enhancement of the static timeline.
 *
 * Every page works without this file. With it, print buttons appear, charts become keyboard
 * widgets, and the home page filters and searches every event from the index files in
 * index/ (plain <script src>, so the site works opened from disk, where fetch() does not),
 * drawing only the rows on screen. The filter state lives in the URL query, so a view can be
 * shared.
 *
 * The index is also a small API for other pages (an embed page, a graphic):
 *
 *   Entente.load()                      -> Promise of the index (events.js)
 *   Entente.parse(location.search)      -> a filter (country, person, type, tag, from, to, q)
 *   index.query(filter)                 -> Promise of the matching event numbers, oldest first
 *   index.event(i)                      -> {id, href, title, date, end, human, type, ...}
 */
(function () {
  "use strict";

  var doc = document;
  var script = doc.currentScript;
  // entente.js sits at the site root, so its own address locates the index from any page.
  var ROOT = script && script.src ? script.src.replace(/[^/]*(\?.*)?$/, "") : "";

  /* ---------- Small helpers ---------- */

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return ESC[c]; });
  }

  // Lower case without diacritics, so "bogota" finds "Bogotá".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // The words of a text as the index splits them: runs of letters and digits.
  var NON_WORD = /[^\p{L}\p{N}]+/u;
  function words(text) {
    return fold(text).split(NON_WORD).filter(Boolean);
  }

  function slugOf(text) {
    return fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /* ---------- Dates ---------- */

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  // Days since 1970-01-01 of a proleptic Gregorian date (any year, unlike Date.UTC).
  function dayNumber(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400);
    var yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function daysIn(y, m) {
    return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28)
      : [4, 6, 9, 11].indexOf(m) >= 0 ? 30 : 31;
  }

  // [year, month or 0, day or 0] of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null if invalid.
  function parts(iso) {
    var m = /^(-?\d{1,6})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] : 0, d = m[3] ? +m[3] : 0;
    if (m[2] && (mo < 1 || mo > 12)) return null;
    if (m[3] && (d < 1 || d > daysIn(y, mo))) return null;
    return [y, mo, d];
  }

  function firstDay(p) { return dayNumber(p[0], p[1] || 1, p[2] || 1); }
  function lastDay(p) {
    if (p[2]) return dayNumber(p[0], p[1], p[2]);
    if (p[1]) return dayNumber(p[0], p[1], daysIn(p[0], p[1]));
    return dayNumber(p[0], 12, 31);
  }

  // A filter bound as a day number; null when the text is not a date.
  function bound(text, upper) {
    var p = parts(text.trim());
    return p ? (upper ? lastDay(p) : firstDay(p)) : null;
  }

  function humanPart(p) {
    if (p[2]) return p[2] + " " + MONTHS[p[1] - 1] + " " + p[0];
    if (p[1]) return MONTHS[p[1] - 1] + " " + p[0];
    return String(p[0]);
  }

  // The same wording as the pages: "6 May 2025", "6–7 May 2025", "March–May 2025", "c. 1985".
  function human(startIso, endIso, approximate) {
    var s = parts(startIso) || [0, 0, 0];
    var e = endIso ? parts(endIso) : null;
    var core;
    if (!e) core = humanPart(s);
    else if (s[2] && e[2] && s[0] === e[0] && s[1] === e[1]) {
      core = s[2] + "\u2013" + e[2] + " " + MONTHS[s[1] - 1] + " " + s[0];
    } else if (s[2] && e[2] && s[0] === e[0]) {
      core = s[2] + " " + MONTHS[s[1] - 1] + " \u2013 " + e[2] + " " + MONTHS[e[1] - 1] + " " + s[0];
    } else if (s[1] && !s[2] && e[1] && !e[2] && s[0] === e[0]) {
      core = MONTHS[s[1] - 1] + "\u2013" + MONTHS[e[1] - 1] + " " + s[0];
    } else {
      core = humanPart(s) + " \u2013 " + humanPart(e);
    }
    return approximate ? "c. " + core : core;
  }

  /* ---------- The index ---------- */

  var received = {};
  var waiting = {};
  function receive(item) {
    if (!item || typeof item[0] !== "string") return;
    received[item[0]] = item[1];
    var cbs = waiting[item[0]] || [];
    waiting[item[0]] = [];
    cbs.forEach(function (cb) { cb(item[1]); });
  }
  var queue = (window.EntenteIndex = window.EntenteIndex || []);
  queue.forEach(receive);
  queue.length = 0;
  queue.push = function (item) { receive(item); return 0; };

  function version() {
    var el = doc.querySelector("[data-index]");
    return el ? el.getAttribute("data-index") : "";
  }

  // Loads index/<kind>.js once; resolves with its data.
  var loading = {};
  function loadPart(kind) {
    if (received[kind]) return Promise.resolve(received[kind]);
    if (loading[kind]) return loading[kind];
    loading[kind] = new Promise(function (resolve, reject) {
      (waiting[kind] = waiting[kind] || []).push(resolve);
      var s = doc.createElement("script");
      var v = version();
      s.src = ROOT + "index/" + kind + ".js" + (v ? "?v=" + encodeURIComponent(v) : "");
      s.async = true;
      s.onerror = function () {
        loading[kind] = null;
        reject(new Error("cannot load " + s.src));
      };
      doc.head.appendChild(s);
    });
    return loading[kind];
  }

  // A growable list of numbers in a typed array.
  function Ints(capacity) { this.a = new Uint32Array(capacity || 1024); this.n = 0; }
  Ints.prototype.push = function (v) {
    if (this.n === this.a.length) {
      var b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  };

  // Compressed sparse rows: the ids of event i are ids[off[i]] .. ids[off[i + 1] - 1].
  function Csr(n) { this.off = new Uint32Array(n + 1); this.list = new Ints(n * 2); }
  Csr.prototype.finish = function () { this.ids = this.list.a.subarray(0, this.list.n); this.list = null; };
  Csr.prototype.has = function (i, mask) {
    for (var k = this.off[i], end = this.off[i + 1]; k < end; k++) if (mask[this.ids[k]]) return true;
    return false;
  };
  Csr.prototype.of = function (i) { return Array.prototype.slice.call(this.ids, this.off[i], this.off[i + 1]); };

  var FS = 0x1f, RS = 0x1e;
  // The value of a base-36 digit's character code; -1 for anything else.
  var B36 = new Int8Array(128).fill(-1);
  for (var b36 = 0; b36 < 36; b36++) B36["0123456789abcdefghijklmnopqrstuvwxyz".charCodeAt(b36)] = b36;

  /* The index of events.js (format in src/render/browse.rs). Only what filtering needs is read
   * up front, by scanning the records character by character; titles and ids are read from
   * a record when a row is drawn. */
  function Index(raw) {
    var s = raw.rows || "";
    var n = raw.n;
    this.n = n;
    this.version = raw.v;
    this.types = raw.types;
    this.countries = raw.countries;
    this.people = raw.people;
    this.tags = raw.tags;
    this.rows = s;
    this.at = new Uint32Array(n + 1);
    this.first = new Int32Array(n);
    this.last = new Int32Array(n);
    this.type = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.c = new Csr(n);
    this.p = new Csr(n);
    this.t = new Csr(n);
    this.cache = {};
    var lists = [this.c, this.p, this.t];
    var pos = 0, len = s.length, i, ch, v, neg, f;
    function skip() {
      while (pos < len && s.charCodeAt(pos) !== FS) pos++;
      pos++;
    }
    function number() {
      v = 0;
      neg = false;
      if (s.charCodeAt(pos) === 45) { neg = true; pos++; }
      while (pos < len && (ch = s.charCodeAt(pos)) !== FS) { v = v * 36 + B36[ch]; pos++; }
      pos++;
      return neg ? -v : v;
    }
    for (i = 0; i < n && pos < len; i++) {
      this.at[i] = pos;
      skip(); skip(); skip();
      this.first[i] = number();
      this.last[i] = number();
      this.type[i] = number();
      for (f = 0; f < 3; f++) {
        var csr = lists[f];
        csr.off[i] = csr.list.n;
        v = -1;
        while (pos < len && (ch = s.charCodeAt(pos)) !== FS) {
          if (ch === 44) { csr.list.push(v); v = -1; } else { v = (v < 0 ? 0 : v * 36) + B36[ch]; }
          pos++;
        }
        if (v >= 0) csr.list.push(v);
        pos++;
      }
      skip();
      while (pos < len && (ch = s.charCodeAt(pos)) !== RS) {
        if (ch === 97) this.flags[i] |= 1;
        else if (ch === 117) this.flags[i] |= 2;
        pos++;
      }
      pos++;
    }
    this.at[n] = pos;
    for (f = 0; f < 3; f++) { lists[f].off[n] = lists[f].list.n; lists[f].finish(); }
    this.text = null;
    this.countryByCode = {};
    for (var k = 0; k < this.countries.length; k++) this.countryByCode[this.countries[k][0].toLowerCase()] = k;
    this.personBySlug = {};
    for (k = 0; k < this.people.length; k++) this.personBySlug[this.people[k][0]] = k;
    this.tagBySlug = {};
    for (k = 0; k < this.tags.length; k++) this.tagBySlug[this.tags[k][0]] = k;
    this.typeByName = {};
    for (k = 0; k < this.types.length; k++) this.typeByName[this.types[k][0]] = k;
  }

  // Fields of event i's record: [id, start, end, ..., title, flags].
  Index.prototype.fields = function (i) {
    return this.rows.slice(this.at[i], this.at[i + 1] - 1).split("\u001f");
  };

  Index.prototype.id = function (i) {
    var f = this.fields(i);
    var id = f[0];
    if (id === "") return slugOf(f[9] || "");
    if (id.charAt(0) === "~") return slugOf(f[9] || "").slice(0, +id.slice(1));
    return id;
  };

  Index.prototype.event = function (i) {
    var self = this;
    var f = this.fields(i);
    var id = this.id(i);
    var countries = this.c.of(i).map(function (k) {
      var c = self.countries[k];
      return { code: c[0], name: c[1], kind: c[2] };
    });
    var people = this.p.of(i).map(function (k) { return { slug: self.people[k][0], name: self.people[k][1] }; });
    var tags = this.t.of(i).map(function (k) { return { slug: self.tags[k][0], label: self.tags[k][1] }; });
    var type = this.types[this.type[i]];
    return {
      index: i,
      id: id,
      href: "events/" + id + ".html",
      title: f[9] || "",
      date: f[1],
      end: f[2],
      approximate: !!(this.flags[i] & 1),
      unreviewed: !!(this.flags[i] & 2),
      human: human(f[1], f[2], this.flags[i] & 1),
      type: type[0],
      typeLabel: type[1],
      countries: countries,
      people: people,
      tags: tags,
    };
  };

  // Resolves once the free-text part is loaded (on the first search).
  Index.prototype.loadText = function () {
    var self = this;
    if (self.text) return Promise.resolve(self.text);
    return loadPart("text").then(function (raw) {
      if (!self.text) self.text = new TextIndex(raw, self.n);
      return self.text;
    });
  };

  /* The free-text index: words (folded here, as queries are) and their events. */
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < 64; d++) DIGIT[DIGITS.charCodeAt(d)] = d;

  function TextIndex(raw, n) {
    this.n = n;
    this.words = raw.words ? raw.words.split("\u001e").map(fold) : [];
    this.post = raw.post ? raw.post.split(" ") : [];
    this.cache = {};
  }

  // ORs word k's events into the bit set `set`.
  TextIndex.prototype.addTo = function (k, set) {
    var code = this.post[k] || "";
    var i, v;
    if (code.charAt(0) === "~") {
      for (i = 1; i < code.length; i++) {
        v = DIGIT[code.charCodeAt(i)];
        if (!v) continue;
        for (var b = 0; b < 6; b++) {
          if (v & (1 << b)) {
            var e = (i - 1) * 6 + b;
            set[e >>> 5] |= 1 << (e & 31);
          }
        }
      }
      return;
    }
    var value = 0;
    var prev = -1;
    for (i = 0; i < code.length; i++) {
      v = DIGIT[code.charCodeAt(i)];
      if (v >= 32) {
        value = value * 32 + (v - 32);
      } else {
        value = value * 32 + v;
        var ev = prev + 1 + value;
        if (prev < 0) ev = value;
        set[ev >>> 5] |= 1 << (ev & 31);
        prev = ev;
        value = 0;
      }
    }
  };

  // The events containing a word that contains `term` (one letter: that word exactly).
  TextIndex.prototype.term = function (term) {
    if (this.cache[term]) return this.cache[term];
    var set = new Uint32Array((this.n + 31) >>> 5);
    var exact = term.length === 1;
    for (var k = 0; k < this.words.length; k++) {
      var w = this.words[k];
      if (exact ? w === term : w.indexOf(term) >= 0) this.addTo(k, set);
    }
    this.cache[term] = set;
    return set;
  };

  // Every word of the query must occur: the intersection of the terms' sets.
  TextIndex.prototype.match = function (query) {
    var terms = words(query);
    if (!terms.length) return null;
    var out = null;
    for (var i = 0; i < terms.length; i++) {
      var set = this.term(terms[i]);
      if (!out) out = Uint32Array.from(set);
      else for (var j = 0; j < out.length; j++) out[j] &= set[j];
    }
    return out;
  };

  /* ---------- Filters: the URL contract ---------- */

  // The query parameters of a view, in the order they are written. `actor` is the old name
  // of `person` and is still read.
  var PARAMS = ["q", "country", "person", "type", "tag", "from", "to"];

  function parse(search) {
    var q = search instanceof URLSearchParams ? search : new URLSearchParams(search || "");
    var f = {};
    PARAMS.forEach(function (name) { f[name] = (q.get(name) || "").trim(); });
    if (!f.person && q.get("actor")) f.person = q.get("actor").trim();
    return f;
  }

  function active(f) {
    return PARAMS.some(function (name) { return !!f[name]; });
  }

  // The index number of a person given as a slug or as a name; -1 if none.
  Index.prototype.person = function (text) {
    if (!text) return -1;
    var slug = slugOf(text);
    var k = this.personBySlug[slug];
    if (k !== undefined) return k;
    var folded = fold(text);
    for (var i = 0; i < this.people.length; i++) if (fold(this.people[i][1]) === folded) return i;
    return -1;
  };

  // Matching event numbers, oldest first. `text` is the free-text set when the filter has q.
  Index.prototype.select = function (f, text) {
    var n = this.n;
    var cmask = null, pmask = null, tmask = null, type = -1;
    var none = false;
    if (f.country) {
      cmask = new Uint8Array(this.countries.length);
      f.country.split(",").forEach(function (code) {
        var k = this.countryByCode[code.trim().toLowerCase()];
        if (k !== undefined) cmask[k] = 1;
      }, this);
      if (cmask.indexOf(1) < 0) none = true;
    }
    if (f.person) {
      var pk = this.person(f.person);
      if (pk < 0) none = true;
      else { pmask = new Uint8Array(this.people.length); pmask[pk] = 1; }
    }
    if (f.tag) {
      var tk = this.tagBySlug[slugOf(f.tag)];
      if (tk === undefined) none = true;
      else { tmask = new Uint8Array(this.tags.length); tmask[tk] = 1; }
    }
    if (f.type) {
      type = this.typeByName[f.type.toLowerCase()];
      if (type === undefined) none = true;
    }
    var from = f.from ? bound(f.from, false) : null;
    var to = f.to ? bound(f.to, true) : null;
    var out = new Int32Array(none ? 0 : n);
    if (none) return out;
    var count = 0;
    for (var i = 0; i < n; i++) {
      if (type >= 0 && this.type[i] !== type) continue;
      if (from !== null && this.last[i] < from) continue;
      if (to !== null && this.first[i] > to) continue;
      if (text && !(text[i >>> 5] & (1 << (i & 31)))) continue;
      if (cmask && !this.c.has(i, cmask)) continue;
      if (pmask && !this.p.has(i, pmask)) continue;
      if (tmask && !this.t.has(i, tmask)) continue;
      out[count++] = i;
    }
    return out.subarray(0, count);
  };

  Index.prototype.query = function (f) {
    var self = this;
    if (!f.q || !words(f.q).length) return Promise.resolve(self.select(f, null));
    return self.loadText().then(function (text) { return self.select(f, text.match(f.q)); });
  };

  var indexPromise = null;
  function load() {
    if (!indexPromise) {
      indexPromise = loadPart("events").then(function (raw) { return new Index(raw); });
      indexPromise.catch(function () { indexPromise = null; });
    }
    return indexPromise;
  }

  window.Entente = { load: load, parse: parse, fold: fold, human: human, esc: esc, root: ROOT };

  /* ---------- Printing ---------- */

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
      if (box && box.width > 0 && !svg.parentNode.classList.contains("chart-scroll")) {
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

  /* ---------- Rows and the virtual list ---------- */

  // One row, the same markup as templates/row.html.
  function rowHtml(ix, i, root) {
    var e = ix.event(i);
    var who = e.countries.map(function (c) { return c.name; }).join(", ");
    var people = e.people.map(function (p) { return p.name; }).join(", ");
    if (who && people) who += " \u00b7 " + people;
    else if (people) who = people;
    return '<p class="meta"><time datetime="' + esc(e.end ? e.date + "/" + e.end : e.date) + '">' +
      esc(e.human) + '</time> <span class="type type-' + esc(e.type) + '">' + esc(e.typeLabel) +
      "</span>" + (e.unreviewed ? ' <span class="badge">Unreviewed</span>' : "") + "</p>" +
      '<h3><a href="' + esc(root + e.href) + '">' + esc(e.title) + "</a></h3>" +
      (who ? '<p class="who">' + esc(who) + "</p>" : "");
  }

  /* A list of many rows of one fixed height (set by the style sheet, measured here) of which
   * only those near the screen are in the document; padding stands in for the others. The
   * window scrolls, so the page behaves as one long list, and a focused row is kept while it
   * is near, so Tab walks through the rows. Each row carries aria-posinset/aria-setsize. */
  function VirtualList(ol, draw) {
    this.ol = ol;
    this.draw = draw;
    this.items = new Int32Array(0);
    this.rowH = 0;
    this.from = 0;
    this.to = 0;
    this.rows = {};
    this.pending = false;
    var self = this;
    this.onScroll = function () {
      if (self.pending) return;
      self.pending = true;
      requestAnimationFrame(function () { self.pending = false; self.update(); });
    };
    window.addEventListener("scroll", this.onScroll, { passive: true });
    window.addEventListener("resize", function () { self.rowH = 0; self.onScroll(); });
  }

  VirtualList.prototype.setItems = function (items) {
    this.items = items;
    this.on = true;
    this.clear();
    this.update();
  };

  // Stops drawing: the list's element goes back to its page.
  VirtualList.prototype.stop = function () {
    this.on = false;
    this.items = new Int32Array(0);
    this.rows = {};
    this.ol.style.paddingTop = this.ol.style.paddingBottom = "";
  };

  VirtualList.prototype.clear = function () {
    this.ol.textContent = "";
    this.rows = {};
    this.from = this.to = 0;
  };

  VirtualList.prototype.make = function (pos) {
    var li = doc.createElement("li");
    var i = this.items[pos];
    li.className = "ev";
    li.setAttribute("data-event-id", "");
    li.innerHTML = this.draw(i, li);
    li.setAttribute("aria-posinset", String(pos + 1));
    li.setAttribute("aria-setsize", String(this.items.length));
    return li;
  };

  VirtualList.prototype.measure = function () {
    if (this.rowH) return this.rowH;
    var probe = this.ol.firstElementChild;
    var temp = null;
    if (!probe && this.items.length) {
      temp = probe = this.make(0);
      this.ol.appendChild(probe);
    }
    this.rowH = probe ? probe.getBoundingClientRect().height : 0;
    if (temp) temp.remove();
    return this.rowH || 80;
  };

  VirtualList.prototype.update = function () {
    if (!this.on || this.expanded) return;
    var total = this.items.length;
    var h = this.measure();
    var top = this.ol.getBoundingClientRect().top + window.scrollY;
    var y = window.scrollY - top;
    var over = 8;
    var from = Math.max(0, Math.floor(y / h) - over);
    var to = Math.min(total, Math.ceil((y + window.innerHeight) / h) + over);
    if (from >= to) { from = Math.min(from, total); to = Math.min(total, from + 1); }
    // Keep a focused row that is near, so Tab and Shift+Tab go on through the list.
    var row = doc.activeElement && this.ol.contains(doc.activeElement)
      ? doc.activeElement.closest("li") : null;
    var focused = row ? +row.getAttribute("aria-posinset") - 1 : -1;
    if (focused >= 0 && focused >= from - 200 && focused < to + 200) {
      from = Math.min(from, focused);
      to = Math.max(to, focused + 1);
    }
    if (from === this.from && to === this.to && this.ol.childElementCount === to - from) return;
    var rows = this.rows;
    var keep = {};
    for (var k in rows) {
      var p = +k;
      if (p >= from && p < to) keep[p] = rows[k];
      else rows[k].remove();
    }
    var first = null;
    for (var q = from; q < to; q++) if (keep[q]) { first = keep[q]; break; }
    var before = doc.createDocumentFragment();
    var after = doc.createDocumentFragment();
    for (var pos = from; pos < to; pos++) {
      if (keep[pos]) continue;
      var li = this.make(pos);
      keep[pos] = li;
      if (first && pos < +first.getAttribute("aria-posinset") - 1) before.appendChild(li);
      else after.appendChild(li);
    }
    if (first) this.ol.insertBefore(before, first);
    this.ol.appendChild(after);
    this.rows = keep;
    this.from = from;
    this.to = to;
    this.ol.style.paddingTop = from * h + "px";
    this.ol.style.paddingBottom = (total - to) * h + "px";
  };

  // Every row in the document, for printing; `limit` keeps a print of a huge view finite.
  VirtualList.prototype.expand = function (limit) {
    this.clear();
    this.ol.style.paddingTop = this.ol.style.paddingBottom = "";
    var frag = doc.createDocumentFragment();
    var n = Math.min(this.items.length, limit);
    for (var pos = 0; pos < n; pos++) frag.appendChild(this.make(pos));
    this.ol.appendChild(frag);
    this.expanded = true;
  };

  VirtualList.prototype.collapse = function () {
    if (!this.expanded) return;
    this.expanded = false;
    this.clear();
    this.update();
  };

  /* ---------- The home page: filters, search, results ---------- */

  var PRINT_LIMIT = 5000;

  function setupTimeline() {
    var form = doc.getElementById("filter-form");
    var results = doc.getElementById("results");
    var ol = doc.getElementById("timeline");
    var countEl = doc.getElementById("result-count");
    if (!form || !results || !ol || !countEl) return;
    var started = performance.now();
    var html = doc.documentElement;
    var noResults = doc.getElementById("no-results");
    var heading = doc.getElementById("results-h");
    var more = doc.getElementById("more");
    var showAll = doc.getElementById("show-all");
    var personList = doc.getElementById("f-person-list");
    var controls = {};
    PARAMS.forEach(function (name) { controls[name] = form.elements.namedItem(name); });
    // The rows the page was built with, put back when the filters are cleared.
    var initial = Array.prototype.slice.call(ol.children);
    var initialCount = countEl.textContent;
    var initialHeading = heading ? heading.textContent : "";
    var list = null;
    var ix = null;
    var showingAll = false;
    var generation = 0;
    var lastQuery = null;
    var printNote = null;

    function readForm() {
      var f = {};
      PARAMS.forEach(function (name) {
        var c = controls[name];
        f[name] = c ? c.value.trim() : "";
      });
      return f;
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

    function writeForm(f) {
      PARAMS.forEach(function (name) {
        var c = controls[name];
        if (!c) return;
        var v = f[name] || "";
        if (c.tagName === "SELECT") {
          if (v) setSelect(c, v);
          else c.value = "";
        } else if (name === "person" && v && ix) {
          var k = ix.person(v);
          c.value = k >= 0 ? ix.people[k][1] : v;
        } else {
          c.value = v;
        }
      });
    }

    function optionLabel(select) {
      var o = select.options[select.selectedIndex];
      return o ? o.textContent.replace(/\s*\(\d+\)$/, "") : select.value;
    }

    function describe(f) {
      var parts = [];
      if (f.q) parts.push("\u201c" + f.q + "\u201d");
      if (f.country && controls.country) parts.push("country " + optionLabel(controls.country));
      if (f.person) {
        var k = ix ? ix.person(f.person) : -1;
        parts.push("person " + (k >= 0 ? ix.people[k][1] : f.person));
      }
      if (f.type && controls.type) parts.push("type " + optionLabel(controls.type));
      if (f.tag && controls.tag) parts.push("tag " + optionLabel(controls.tag));
      if (f.from) parts.push("from " + f.from);
      if (f.to) parts.push("to " + f.to);
      return parts.join(", ");
    }

    // The URL of a view: codes and slugs, not labels, so it can be shared.
    function queryOf(f) {
      var q = new URLSearchParams();
      PARAMS.forEach(function (name) {
        var v = f[name];
        if (!v) return;
        if (name === "person" && ix) {
          var k = ix.person(v);
          if (k >= 0) v = ix.people[k][0];
        }
        q.set(name, v);
      });
      return q.toString();
    }

    function flagDates(f) {
      ["from", "to"].forEach(function (name) {
        var c = controls[name];
        if (!c) return;
        if (f[name] && bound(f[name], name === "to") === null) c.setAttribute("aria-invalid", "true");
        else c.removeAttribute("aria-invalid");
      });
    }

    function fillPeople() {
      if (!personList || personList.childElementCount || !ix) return;
      var frag = doc.createDocumentFragment();
      for (var k = 0; k < ix.people.length; k++) {
        var o = doc.createElement("option");
        o.value = ix.people[k][1];
        frag.appendChild(o);
      }
      personList.appendChild(frag);
    }

    function setCount(message) {
      if (countEl.textContent !== message) countEl.textContent = message;
    }

    // Back to the page as built: the recent rows, no index needed.
    function restore() {
      generation++;
      if (list) list.stop();
      ol.textContent = "";
      initial.forEach(function (li) { ol.appendChild(li); });
      ol.classList.remove("virtual");
      setCount(initialCount);
      if (heading) heading.textContent = initialHeading;
      if (more) more.hidden = false;
      if (noResults) noResults.hidden = true;
      showingAll = false;
      html.setAttribute("data-filter-shown", String(initial.length));
    }

    function draw(i, li) {
      li.setAttribute("data-event-id", ix.id(i));
      if (ix.flags[i] & 2) li.classList.add("unreviewed");
      return rowHtml(ix, i, "");
    }

    // Shows the events of filter `f` (all events when it is empty), newest first.
    function show(f, t0) {
      var gen = ++generation;
      html.setAttribute("data-busy", "true");
      return load().then(function (index) {
        ix = index;
        fillPeople();
        return ix.query(f);
      }).then(function (matches) {
        if (gen !== generation) return;
        var items = new Int32Array(matches.length);
        for (var k = 0; k < matches.length; k++) items[k] = matches[matches.length - 1 - k];
        if (!list) list = new VirtualList(ol, draw);
        ol.classList.add("virtual");
        list.setItems(items);
        var filtered = active(f);
        if (heading) heading.textContent = filtered ? "Matching events" : "All events";
        if (more) more.hidden = true;
        if (noResults) noResults.hidden = items.length !== 0;
        setCount(filtered
          ? "Showing " + items.length + " of " + ix.n + " events: " + describe(f) + "."
          : ix.n + " events, newest first");
        html.setAttribute("data-filter-ms", (performance.now() - t0).toFixed(1));
        html.setAttribute("data-filter-shown", String(items.length));
        html.removeAttribute("data-busy");
        html.setAttribute("data-index-ready", "true");
      }, function (err) {
        html.removeAttribute("data-busy");
        setCount("The index could not be loaded (" + err.message + "); browse by year below.");
      });
    }

    function apply(push) {
      var t0 = performance.now();
      var f = readForm();
      flagDates(f);
      var qs = queryOf(f);
      if (qs !== lastQuery) {
        lastQuery = qs;
        try {
          history[push ? "pushState" : "replaceState"](null, "", qs ? "?" + qs : location.pathname);
        } catch (e) {
          // Some browsers refuse history changes on file: pages; the view still works.
        }
      }
      if (!active(f) && !showingAll) {
        restore();
        return Promise.resolve();
      }
      return show(f, t0);
    }

    var timer = 0;
    function later() {
      clearTimeout(timer);
      timer = setTimeout(function () { apply(false); }, 120);
    }

    // Load the index as soon as the reader reaches for the form, before the first change.
    function warm() {
      load().then(function (index) { ix = index; fillPeople(); }, function () {});
    }
    form.addEventListener("focusin", warm);
    form.addEventListener("pointerover", warm);
    if (controls.q) {
      controls.q.addEventListener("focus", function () {
        load().then(function (index) { return index.loadText(); }).catch(function () {});
      });
      controls.q.addEventListener("input", later);
    }
    if (controls.person) {
      controls.person.addEventListener("input", function () {
        // A name picked from the list applies at once; typing waits for Enter or leaving.
        if (ix && ix.person(controls.person.value) >= 0) later();
      });
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
    var clear = doc.getElementById("f-clear");
    if (clear) {
      clear.addEventListener("click", function (ev) {
        ev.preventDefault();
        PARAMS.forEach(function (name) { if (controls[name]) controls[name].value = ""; });
        showingAll = false;
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
    if (showAll) {
      showAll.hidden = false;
      showAll.addEventListener("click", function () {
        showingAll = true;
        var first = ol.querySelector("a");
        show(readForm(), performance.now()).then(function () {
          // Keep the reader's place: focus the first row's link.
          var a = ol.querySelector("a");
          if (a && first) a.focus();
        });
      });
    }
    window.addEventListener("popstate", function () {
      var f = parse(location.search);
      writeForm(f);
      lastQuery = null;
      apply(false);
    });

    // Printing a drawn list prints every row of the view, not the few on screen.
    window.addEventListener("beforeprint", function () {
      if (!list || !ol.classList.contains("virtual")) return;
      list.expand(PRINT_LIMIT);
      if (list.items.length > PRINT_LIMIT) {
        printNote = doc.createElement("p");
        printNote.className = "print-only";
        printNote.textContent = "The first " + PRINT_LIMIT + " of " + list.items.length +
          " events are printed; narrow the filters to print the rest.";
        ol.parentNode.insertBefore(printNote, ol);
      }
    });
    window.addEventListener("afterprint", function () {
      if (list) list.collapse();
      if (printNote) { printNote.remove(); printNote = null; }
    });

    // The ids of the view in display order (every match, not only the rows drawn): for
    // tests, and for pages that build on this one.
    window.Entente.current = function () {
      if (list && list.on) return Array.prototype.map.call(list.items, function (i) { return ix.id(i); });
      return initial.map(function (li) { return li.getAttribute("data-event-id"); });
    };

    var f0 = parse(location.search);
    writeForm(f0);
    lastQuery = queryOf(f0);
    if (active(f0)) {
      flagDates(f0);
      show(f0, performance.now()).then(function () { writeForm(f0); });
    } else {
      html.setAttribute("data-filter-shown", String(initial.length));
    }
    html.setAttribute("data-init-ms", (performance.now() - started).toFixed(1));
    html.setAttribute("data-filters-ready", "true");
    if (performance.mark) performance.mark("entente:ready");
  }

  setupPrint();
  setupCharts();
  setupTimeline();
})();
