/* Entente: progressive enhancement of the static timeline.
 *
 * Every page works without this file. With it, print buttons appear, charts become keyboard
 * widgets, and the home page filters and searches every event from the index files in
 * index/ (plain <script src>, so the site works opened from disk, where fetch() does not),
 * drawing only the rows on screen. A first filter loads events.js (the filter columns) and
 * the rows-N.js parts of the rows it draws; a search loads text.js; an export the deflated
 * details-N.js of its events. The filter state lives in the URL query, so a view can be
 * shared.
 *
 * The index is also a small API for other pages (an embed page, a graphic):
 *
 *   Entente.load()                      -> Promise of the index (events.js)
 *   Entente.parse(location.search)      -> a filter (country, person, type, tag, from, to, q)
 *   index.query(filter)                 -> Promise of the matching event numbers, oldest first
 *   index.loadRows(list)                -> Promise: the rows of those events (all when omitted)
 *   index.event(i)                      -> {id, href, title, date, end, human, type, ...},
 *                                          once its row is loaded
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

  // [year, month, day] of a day number (the inverse of dayNumber).
  function civil(z) {
    z += 719468;
    var era = Math.floor(z / 146097);
    var doe = z - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    var m = mp < 10 ? mp + 3 : mp - 9;
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
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

  // Compressed sparse rows: the ids of event i are ids[off[i]] .. ids[off[i + 1] - 1].
  function Csr(off, ids) { this.off = off; this.ids = ids; }
  Csr.prototype.has = function (i, mask) {
    for (var k = this.off[i], end = this.off[i + 1]; k < end; k++) if (mask[this.ids[k]]) return true;
    return false;
  };
  Csr.prototype.of = function (i) { return Array.prototype.slice.call(this.ids, this.off[i], this.off[i + 1]); };

  // Base64 as bytes, in a buffer of their own (so typed arrays can view it from offset 0).
  function base64Bytes(text) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
    var b = atob(text);
    var out = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
    return out;
  }

  /* The index of events.js (format in src/render/browse/mod.rs): the taxonomies, and the filter
   * columns of every event as fixed-width arrays in base64, viewed here as typed arrays.
   * What a drawn row shows (id, ISO dates, title) is in rows-N.js, loaded for those rows. */
  function Index(raw) {
    var n = raw.n;
    this.n = n;
    this.version = raw.v;
    this.types = raw.types;
    this.countries = raw.countries;
    this.people = raw.people;
    this.tags = raw.tags;
    this.rowsPer = raw.rowsPer || 1000;
    this.rowParts = {};
    // The columns are arrays in place in the bytes (little-endian, as every browser's typed
    // arrays are); only the lists' offsets are summed here.
    var bytes = base64Bytes(raw.cols || "");
    var buf = bytes.buffer, at = 0;
    function take(Type, count) {
      var a = new Type(buf, at, count);
      at = (at + count * Type.BYTES_PER_ELEMENT + 3) & ~3;
      return a;
    }
    this.first = take(Int32Array, n);
    this.last = take(Int32Array, n);
    this.type = take(Uint8Array, n);
    this.flags = take(Uint8Array, n);
    var counts = [take(Uint8Array, n), take(Uint8Array, n), take(Uint8Array, n)];
    var names = [this.countries, this.people, this.tags];
    var lists = [];
    for (var f = 0; f < 3; f++) {
      var off = new Uint32Array(n + 1), cnt = counts[f], sum = 0;
      for (var i = 0; i < n; i++) { off[i] = sum; sum += cnt[i]; }
      off[n] = sum;
      var len = names[f].length;
      lists.push(new Csr(off, take(len <= 256 ? Uint8Array : len <= 65536 ? Uint16Array : Uint32Array, sum)));
    }
    this.c = lists[0];
    this.p = lists[1];
    this.t = lists[2];
    var k;
    this.text = null;
    this.countryByCode = {};
    for (k = 0; k < this.countries.length; k++) this.countryByCode[this.countries[k][0].toLowerCase()] = k;
    this.personBySlug = {};
    for (k = 0; k < this.people.length; k++) this.personBySlug[this.people[k][0]] = k;
    this.tagBySlug = {};
    for (k = 0; k < this.tags.length; k++) this.tagBySlug[this.tags[k][0]] = k;
    this.typeByName = {};
    for (k = 0; k < this.types.length; k++) this.typeByName[this.types[k][0]] = k;
    this.regions = raw.regions || [];
    this.regionByCode = {};
    for (k = 0; k < this.regions.length; k++) this.regionByCode[this.regions[k][0].toLowerCase()] = k;
    this.home = raw.home || "";
  }

  // Year and month (0 when only the year is known) of event i's start.
  Index.prototype.yearMonth = function (i) {
    var c = civil(this.first[i]);
    return [c[0], this.flags[i] & 4 ? c[1] : 0];
  };

  // The number of the rows-N.js holding event i: part 0 holds the newest events.
  Index.prototype.partOf = function (i) {
    return Math.floor((this.n - 1 - i) / this.rowsPer);
  };

  // The records of rows-N.js holding event i, and the number of its first, once loaded.
  Index.prototype.part = function (i) {
    var k = this.partOf(i);
    var part = this.rowParts[k];
    if (part) return part;
    var raw = received["rows-" + k];
    if (!raw || raw.v !== this.version) return null;
    return (this.rowParts[k] = { from: raw.from, rows: raw.rows.split("\u001e") });
  };

  // The rows-N.js part numbers of the events `list` whose rows are not loaded yet.
  Index.prototype.missing = function (list) {
    var want = [];
    var seen = {};
    for (var j = 0; j < list.length; j++) {
      var k = this.partOf(list[j]);
      if (seen[k]) continue;
      seen[k] = true;
      if (!this.part(list[j])) want.push(k);
    }
    return want;
  };

  // Resolves when the rows of the events `list` (every event when it is omitted) are loaded,
  // so that id(), event() and everything drawn from them can be read.
  Index.prototype.loadRows = function (list) {
    if (!list) { list = []; for (var i = this.n - 1; i >= 0; i -= this.rowsPer) list.push(i); }
    var want = this.missing(list);
    if (!want.length) return Promise.resolve();
    var self = this;
    return Promise.all(want.map(function (k) { return loadPart("rows-" + k); })).then(function () {
      // A part of another build (a stale copy) would be asked for again and again.
      if (self.missing(list).length) throw new Error("index/rows-*.js are not of this build");
    });
  };

  // Fields of event i's row: [id, start, end, title]. Its rows-N.js must be loaded.
  Index.prototype.fields = function (i) {
    var part = this.part(i);
    return part.rows[i - part.from].split("\u001f");
  };

  Index.prototype.id = function (i) {
    return this.idOf(this.fields(i));
  };

  Index.prototype.idOf = function (f) {
    var id = f[0];
    if (id === "") return slugOf(f[3] || "");
    // "~N" and a rest: the title's slug cut to N characters, then the rest ("~43-2").
    var cut = /^~(\d+)(.*)$/.exec(id);
    if (cut) return slugOf(f[3] || "").slice(0, +cut[1]) + cut[2];
    return id;
  };

  Index.prototype.event = function (i) {
    var self = this;
    var f = this.fields(i);
    var id = this.idOf(f);
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
      title: f[3] || "",
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

  // The query parameters of a filter, in the order they are written. `actor` is the old name
  // of `person` and is still read; `country` may list several codes (`JM,GY`).
  var PARAMS = ["q", "country", "region", "person", "type", "tag", "from", "to"];
  // How the view is shown, beside the filter: `sort=oldest`, `view=table`.
  var VIEW_PARAMS = ["sort", "view"];

  function parse(search) {
    var q = search instanceof URLSearchParams ? search : new URLSearchParams(search || "");
    var f = {};
    PARAMS.concat(VIEW_PARAMS).forEach(function (name) { f[name] = (q.get(name) || "").trim(); });
    if (!f.person && q.get("actor")) f.person = q.get("actor").trim();
    // Repeated country= parameters add up, as a form with several values would send them.
    var all = q.getAll("country").join(",").split(",").map(function (c) { return c.trim(); }).filter(Boolean);
    f.country = all.filter(function (c, i) { return all.indexOf(c) === i; }).join(",");
    if (f.sort !== "oldest") f.sort = "";
    if (f.view !== "table") f.view = "";
    return f;
  }

  function active(f) {
    return PARAMS.some(function (name) { return !!f[name]; });
  }

  // The index number of a person given as a slug, a name or another spelling; -1 if none.
  Index.prototype.person = function (text) {
    if (!text) return -1;
    var slug = slugOf(text);
    var k = this.personBySlug[slug];
    if (k !== undefined) return k;
    var folded = fold(text).trim();
    for (var i = 0; i < this.people.length; i++) {
      var p = this.people[i];
      for (var j = 1; j < p.length; j++) if (fold(p[j]) === folded) return i;
    }
    return -1;
  };

  // Countries of a filter as a mask over the index's countries: the codes given, and the
  // member states of the region; null when the filter names no place.
  Index.prototype.places = function (f) {
    if (!f.country && !f.region) return null;
    var mask = new Uint8Array(this.countries.length);
    var self = this;
    (f.country || "").split(",").forEach(function (code) {
      var k = self.countryByCode[code.trim().toLowerCase()];
      if (k !== undefined) mask[k] = 1;
    });
    if (f.region) {
      var r = this.regionByCode[f.region.toLowerCase()];
      if (r !== undefined) this.regions[r][2].forEach(function (k) { mask[k] = 1; });
    }
    return mask;
  };

  // Matching event numbers, oldest first. `text` is the free-text set when the filter has q.
  Index.prototype.select = function (f, text) {
    var n = this.n;
    var pmask = null, tmask = null, type = -1;
    var none = false;
    var cmask = this.places(f);
    if (cmask && cmask.indexOf(1) < 0) none = true;
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

  // Resolves with the details (places, plain summary, sources, people and tags as written)
  // of the events `list`, loading the files that hold them.
  Index.prototype.details = function (list) {
    var shards = {};
    for (var k = 0; k < list.length; k++) shards[Math.floor(list[k] / 1000)] = true;
    var self = this;
    return Promise.all(Object.keys(shards).map(detailsPart).concat([self.loadRows(list)]))
      .then(function () {
        return Array.prototype.map.call(list, function (i) {
          var part = detailParts[Math.floor(i / 1000)];
          var d = part.d[i - part.from];
          var e = self.event(i);
          // 0: the people or tags are the index's names for the event, as written.
          return { places: d[0], summary: d[1], sources: d[2].map(function (x) {
            var p = x[4] ? parts(x[4]) : null;
            return { title: x[0], publisher: x[1], url: x[2], date: p ? humanPart(p) : "", article: x[3], iso: x[4] };
          }), actors: d[3] === 0 ? e.people.map(function (x) { return x.name; }) : d[3],
          tags: d[4] === 0 ? e.tags.map(function (x) { return x.label; }) : d[4], event: e };
        });
      });
  };

  // Whether this browser can read the details files (deflated: DecompressionStream).
  var canInflate = typeof DecompressionStream === "function" && typeof Response === "function" &&
    typeof Blob === "function" && !!Blob.prototype.stream;

  // Resolves with details-<k>.js read: {from, d: one array per event}.
  var detailParts = {};
  function detailsPart(k) {
    if (detailParts[k]) return Promise.resolve(detailParts[k]);
    if (!canInflate) return Promise.reject(new Error("this browser cannot read the compressed details"));
    return loadPart("details-" + k).then(function (raw) {
      var stream = new Blob([base64Bytes(raw.z)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      return new Response(stream).text();
    }).then(function (text) {
      if (!detailParts[k]) detailParts[k] = { from: received["details-" + k].from, d: JSON.parse(text) };
      return detailParts[k];
    });
  }

  // A VirtualList's `need`: loads the rows of `list` when some are missing.
  function needRows(ix) {
    return function (list) { return ix.missing(list).length ? ix.loadRows(list) : null; };
  }

  var indexPromise = null;
  function load() {
    if (!indexPromise) {
      indexPromise = loadPart("events").then(function (raw) { return new Index(raw); });
      // The newest rows, which most views open at, load beside it.
      loadPart("rows-0").catch(function () {});
      indexPromise.catch(function () { indexPromise = null; });
    }
    return indexPromise;
  }

  window.Entente = {
    load: load, parse: parse, active: active, fold: fold, human: human, esc: esc, root: ROOT,
    PARAMS: PARAMS, graphic: function (ix, list, title, credit) { return viewGraphic(ix, list, title, credit); },
  };

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
    // The day of printing ends the address's line, in a span made here the first time.
    for (var j = 0; j < urls.length; j++) {
      var line = urls[j].parentNode;
      var on = line.querySelector(".printed-on");
      if (!on) {
        on = doc.createElement("span");
        on.className = "printed-on";
        line.appendChild(on);
      }
      on.textContent = " · Printed " + today();
    }
  }

  function setupPrint() {
    window.addEventListener("beforeprint", stampPrintFooter);
    var buttons = doc.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        var ready = window.Entente.beforePrint ? window.Entente.beforePrint() : null;
        Promise.resolve(ready).then(null, function () {}).then(function () {
          stampPrintFooter();
          window.print();
        });
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
    var maps = doc.querySelectorAll("svg.map");
    for (var mi = 0; mi < maps.length; mi++) {
      var mapLinks = Array.prototype.slice.call(maps[mi].querySelectorAll("a"));
      mapLinks.forEach(function (a, i) {
        var t = a.querySelector("title");
        if (t) a.setAttribute("aria-label", t.textContent);
        a.setAttribute("tabindex", i ? "-1" : "0");
      });
      if (mapLinks.length) rove(mapLinks);
    }
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
        // Open at the recent end: that is where a reader starts.
        wrap.scrollLeft = wrap.scrollWidth;
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

  function rove(links, start) {
    var current = start || 0;
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

  // The countries a list row names: all but the site's home country (kept in the data).
  function rowCountries(ix, e) {
    return e.countries.filter(function (c) { return c.code !== ix.home; });
  }

  // One card, the same markup as templates/row.html, with a box to choose it for a briefing.
  function cardHtml(ix, e, picked) {
    var who = rowCountries(ix, e).map(function (c) { return c.name; }).join(", ");
    var people = e.people.map(function (p) { return p.name; }).join(", ");
    if (who && people) who += " \u00b7 " + people;
    else if (people) who = people;
    return '<input type="checkbox" class="pick" aria-label="Choose for a briefing: ' + esc(e.title) + '"' +
      (picked ? " checked" : "") + '><p class="meta"><time datetime="' + esc(e.end ? e.date + "/" + e.end : e.date) + '">' +
      esc(e.human) + '</time> <span class="type type-' + esc(e.type) + '">' + esc(e.typeLabel) +
      "</span>" + (e.unreviewed ? ' <span class="badge">Unreviewed</span>' : "") + "</p>" +
      '<h3><a href="' + esc(e.href) + '">' + esc(e.title) + "</a></h3>" +
      (who ? '<p class="who">' + esc(who) + "</p>" : "");
  }

  // One row of the table view: date, type, title, countries, people.
  function tableHtml(ix, e, picked) {
    var countries = rowCountries(ix, e).map(function (c) { return c.name; }).join(", ");
    var people = e.people.map(function (p) { return p.name; }).join(", ");
    return '<td class="pick"><input type="checkbox" class="pick" aria-label="Choose for a briefing: ' + esc(e.title) + '"' +
      (picked ? " checked" : "") + '></td><td class="col-date"><time datetime="' + esc(e.end ? e.date + "/" + e.end : e.date) + '">' +
      esc(e.human) + '</time></td><td class="col-type">' + esc(e.typeLabel) + "</td>" +
      '<td class="title"><a href="' + esc(e.href) + '" title="' + esc(e.title) + '">' + esc(e.title) + "</a>" +
      (e.unreviewed ? ' <span class="badge">Unreviewed</span>' : "") + "</td>" +
      '<td class="countries" title="' + esc(countries) + '">' + esc(countries) + '</td><td class="people" title="' +
      esc(people) + '">' + esc(people) + "</td>";
  }

  /* A list of many rows of one fixed height (set by the style sheet, measured here) of which
   * only those near the screen are in the document; the rest are stood in for by padding (a
   * list) or by two spacer rows (a table body). The window scrolls, so the page behaves as
   * one long list, and a focused row is kept while it is near, so Tab walks on through the
   * rows. Rows carry aria-posinset/aria-setsize (list) or aria-rowindex (table). `need(items)`
   * returns a promise while what `make` reads of those items is still loading, else null. */
  function VirtualList(box, make, need) {
    this.box = box;
    this.make = make;
    this.need = need;
    this.table = box.tagName === "TBODY";
    this.items = new Int32Array(0);
    this.rowH = 0;
    this.from = 0;
    this.to = 0;
    this.rows = {};
    this.pending = false;
    this.on = false;
    if (this.table) {
      this.top = doc.createElement("tr");
      this.bottom = doc.createElement("tr");
      [this.top, this.bottom].forEach(function (tr) {
        tr.className = "spacer";
        tr.setAttribute("aria-hidden", "true");
        tr.innerHTML = '<td colspan="6"></td>';
      });
    }
    var self = this;
    this.onScroll = function () {
      if (self.pending) return;
      self.pending = true;
      requestAnimationFrame(function () { self.pending = false; self.update(); });
    };
    window.addEventListener("scroll", this.onScroll, { passive: true });
    window.addEventListener("resize", function () { self.rowH = 0; self.onScroll(); });
  }

  // Returns a promise when rows are drawn later, once what they read is loaded.
  VirtualList.prototype.setItems = function (items) {
    this.items = items;
    this.on = true;
    this.clear();
    return this.update();
  };

  // A promise of drawing again once `list`'s rows are loaded; null when they are.
  VirtualList.prototype.waitFor = function (list) {
    var wait = this.need && list.length ? this.need(list) : null;
    if (!wait) return null;
    var self = this, items = this.items;
    return wait.then(function () { if (self.items === items) return self.update(); }, function () {});
  };

  VirtualList.prototype.stop = function () {
    this.on = false;
    this.items = new Int32Array(0);
    this.clear();
    this.box.style.paddingTop = this.box.style.paddingBottom = "";
  };

  VirtualList.prototype.clear = function () {
    this.box.textContent = "";
    this.rows = {};
    this.from = this.to = 0;
    if (this.table) {
      this.box.appendChild(this.top);
      this.box.appendChild(this.bottom);
    }
  };

  VirtualList.prototype.row = function (pos) {
    var el = this.make(this.items[pos]);
    el.setAttribute("data-pos", String(pos));
    if (this.table) el.setAttribute("aria-rowindex", String(pos + 2));
    else {
      el.setAttribute("aria-posinset", String(pos + 1));
      el.setAttribute("aria-setsize", String(this.items.length));
    }
    return el;
  };

  VirtualList.prototype.measure = function () {
    if (this.rowH) return this.rowH;
    var probe = null;
    for (var k in this.rows) { probe = this.rows[k]; break; }
    var temp = null;
    if (!probe && this.items.length) {
      temp = probe = this.row(0);
      this.box.insertBefore(probe, this.table ? this.bottom : null);
    }
    this.rowH = probe ? probe.getBoundingClientRect().height : 0;
    if (temp) temp.remove();
    return this.rowH || 80;
  };

  VirtualList.prototype.update = function () {
    if (!this.on || this.expanded) return null;
    var total = this.items.length;
    var wait = this.rowH ? null : this.waitFor(this.items.subarray(0, 1));
    if (wait) return wait;
    var h = this.measure();
    var top = this.box.getBoundingClientRect().top + window.scrollY;
    var y = window.scrollY - top;
    var over = 8;
    // The rows on screen and a few either side; a list still below the screen draws its
    // first rows, one scrolled past draws its last.
    var onTop = Math.min(total, Math.max(0, Math.floor(y / h)));
    var onBottom = Math.min(total, Math.max(0, Math.ceil((y + window.innerHeight) / h)));
    var from = Math.max(0, Math.min(onTop, total - 2 * over) - over);
    var to = Math.min(total, Math.max(onBottom, from + 2 * over) + over);
    // Keep a focused row that is near, so Tab and Shift+Tab go on through the list.
    var focusedRow = doc.activeElement && this.box.contains(doc.activeElement)
      ? doc.activeElement.closest("[data-pos]") : null;
    var focused = focusedRow ? +focusedRow.getAttribute("data-pos") : -1;
    if (focused >= 0 && focused >= from - 200 && focused < to + 200) {
      from = Math.min(from, focused);
      to = Math.max(to, focused + 1);
    }
    var count = 0;
    for (var c in this.rows) count++;
    if (from === this.from && to === this.to && count === to - from) return null;
    wait = this.waitFor(this.items.subarray(from, to));
    if (wait) return wait;
    var rows = this.rows;
    var keep = {};
    for (var k in rows) {
      var p = +k;
      if (p >= from && p < to) keep[p] = rows[k];
      else rows[k].remove();
    }
    var first = null;
    for (var q = from; q < to; q++) if (keep[q]) { first = keep[q]; break; }
    var firstPos = first ? +first.getAttribute("data-pos") : -1;
    var before = doc.createDocumentFragment();
    var after = doc.createDocumentFragment();
    for (var pos = from; pos < to; pos++) {
      if (keep[pos]) continue;
      var el = this.row(pos);
      keep[pos] = el;
      if (first && pos < firstPos) before.appendChild(el);
      else after.appendChild(el);
    }
    if (first) this.box.insertBefore(before, first);
    this.box.insertBefore(after, this.table ? this.bottom : null);
    this.rows = keep;
    this.from = from;
    this.to = to;
    if (this.table) {
      this.top.firstChild.style.height = from * h + "px";
      this.bottom.firstChild.style.height = (total - to) * h + "px";
      this.top.hidden = from === 0;
      this.bottom.hidden = to === total;
    } else {
      this.box.style.paddingTop = from * h + "px";
      this.box.style.paddingBottom = (total - to) * h + "px";
    }
    return null;
  };

  // Every row in the document, for printing; `limit` keeps a print of a huge view finite.
  // Stops at the first row not loaded (printing cannot wait); returns how many it drew.
  VirtualList.prototype.expand = function (limit) {
    this.clear();
    this.box.style.paddingTop = this.box.style.paddingBottom = "";
    if (this.table) { this.top.hidden = this.bottom.hidden = true; }
    var frag = doc.createDocumentFragment();
    var n = Math.min(this.items.length, limit);
    for (var pos = 0; pos < n; pos++) {
      if (this.need && this.need(this.items.subarray(pos, pos + 1))) break;
      frag.appendChild(this.row(pos));
    }
    this.box.insertBefore(frag, this.table ? this.bottom : null);
    this.expanded = true;
    return pos;
  };

  VirtualList.prototype.collapse = function () {
    if (!this.expanded) return;
    this.expanded = false;
    this.clear();
    this.update();
  };

  // Redraws the rows on screen (a choice changed), keeping the list where it is.
  VirtualList.prototype.refresh = function () {
    if (!this.on) return;
    for (var k in this.rows) this.rows[k].remove();
    this.rows = {};
    this.from = this.to = -1;
    this.update();
  };

  /* ---------- Exports of a view: CSV and Markdown, made here ---------- */

  // A spreadsheet would run a cell starting with = + - @ tab or CR as a formula; events.csv
  // puts an apostrophe before such a cell, and so does this.
  function csvCell(text) {
    text = String(text);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  var CSV_COLUMNS = ["id", "date", "end", "precision", "approximate", "type", "title", "countries",
    "country_names", "actors", "places", "tags", "summary", "sources", "reviewed"];

  // The events of `details` as events.csv writes them: the same columns, the same guard.
  function toCsv(details) {
    var lines = [CSV_COLUMNS.join(",")];
    details.forEach(function (d) {
      var e = d.event;
      var precision = ["year", "month", "day"][e.date.replace(/^-/, "").split("-").length - 1];
      lines.push([
        e.id, e.date, e.end || "", precision, String(e.approximate), e.type, e.title,
        e.countries.map(function (c) { return c.code; }).join("; "),
        e.countries.map(function (c) { return c.name; }).join("; "),
        d.actors.join("; "), d.places.join("; "), d.tags.join("; "), d.summary,
        d.sources.map(function (x) { return x.url ? x.title + " <" + x.url + ">" : x.title; }).join("; "),
        String(!e.unreviewed),
      ].map(csvCell).join(","));
    });
    return lines.join("\n") + "\n";
  }

  function mdEscape(text) {
    return String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").replace(/[\\*_[\]<>`#|]/g, "\\$&");
  }

  function mdUrl(url) {
    return String(url).replace(/[<>"\s\u0000-\u001f]/g, function (c) {
      return Array.prototype.map.call(unescape(encodeURIComponent(c)), function (b) {
        return "%" + b.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
      }).join("");
    });
  }

  // Numbers the sources of `details`: one number per page (URL), or per title, publisher and
  // date for a source without an address, as the built briefings do.
  function citations(details) {
    var numbers = {};
    var list = [];
    var per = details.map(function (d) {
      var cites = [];
      d.sources.forEach(function (x) {
        var key = x.url ? "u " + x.url : "t " + x.title + "\u0000" + x.publisher + "\u0000" + x.iso;
        if (!numbers[key]) {
          list.push(x);
          numbers[key] = list.length;
        }
        if (cites.indexOf(numbers[key]) < 0) cites.push(numbers[key]);
      });
      return cites;
    });
    return { per: per, list: list };
  }

  // An absolute address for a site path when the page knows the site's (base_url), else the
  // page's own.
  function siteUrl(path) {
    var canon = doc.querySelector('link[rel="canonical"]');
    if (canon) return new URL(path, canon.href.replace(/[^/]*$/, "")).href;
    return new URL(path, ROOT || location.href).href;
  }

  // The events of `details` in the Markdown of the built briefings' .md files.
  function toMarkdown(details, title, lines) {
    var c = citations(details);
    var md = "# " + mdEscape(title) + "\n\n" + lines.map(function (l) { return "- " + l; }).join("\n") + "\n\n";
    md += "## Chronology\n\n";
    if (!details.length) md += "No events match this selection.\n\n";
    details.forEach(function (d, k) {
      var e = d.event;
      md += (k + 1) + ". **" + e.human + "** \u2014 [" + mdEscape(e.title) + "](" + mdUrl(siteUrl(e.href)) + ") (" + e.typeLabel + ")\n";
      var facts = [];
      if (e.countries.length) facts.push("Countries: " + e.countries.map(function (x) { return x.name; }).join(", "));
      if (d.actors.length) facts.push("People: " + d.actors.join(", "));
      if (d.places.length) facts.push("Places: " + d.places.join(", "));
      if (facts.length) md += "   " + mdEscape(facts.join("; ")) + "\n";
      var refs = c.per[k].map(function (n) { return "\\[" + n + "\\]"; }).join("");
      if (d.summary) md += "   " + mdEscape(d.summary) + " " + refs + "\n";
      else if (refs) md += "   Sources: " + refs + "\n";
      md += "\n";
    });
    if (c.list.length) {
      md += "## Sources\n\n";
      c.list.forEach(function (x, k) {
        md += (k + 1) + ". " + mdEscape(x.title);
        if (x.publisher && x.publisher !== x.title) md += ", " + mdEscape(x.publisher);
        if (x.date) md += ", " + x.date;
        if (x.url) md += ". <" + mdUrl(x.url) + ">";
        md += "\n";
      });
    }
    return md;
  }

  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var a = doc.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    doc.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  /* ---------- The chart of a view: engagements per year, or per month for short spans ---------- */

  function drawChart(figure, ix, items, f, apply) {
    if (!figure) return;
    var byYear = {}, byMonth = {};
    var minY = Infinity, maxY = -Infinity;
    for (var k = 0; k < items.length; k++) {
      var ym = ix.yearMonth(items[k]);
      var y = ym[0];
      byYear[y] = (byYear[y] || 0) + 1;
      if (ym[1]) {
        var m = y + "-" + (ym[1] < 10 ? "0" : "") + ym[1];
        byMonth[m] = (byMonth[m] || 0) + 1;
      }
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (!items.length) { figure.hidden = true; return; }
    figure.hidden = false;
    var months = maxY - minY < 3;
    var bars = [];
    if (months) {
      for (var yy = minY; yy <= maxY; yy++) {
        for (var mm = 1; mm <= 12; mm++) {
          var key = yy + "-" + (mm < 10 ? "0" : "") + mm;
          bars.push({ label: MONTHS[mm - 1].slice(0, 3) + " " + yy, value: key, count: byMonth[key] || 0, tick: mm === 1 || bars.length === 0 ? String(yy) : "" });
        }
      }
      // Only the months the events span.
      while (bars.length && !bars[0].count) bars.shift();
      while (bars.length && !bars[bars.length - 1].count) bars.pop();
      if (bars.length) bars[0].tick = bars[0].label;
    } else {
      for (var y2 = minY; y2 <= maxY; y2++) bars.push({ label: String(y2), value: String(y2), count: byYear[y2] || 0, tick: (y2 % 5 === 0 || y2 === minY || y2 === maxY) ? String(y2) : "" });
    }
    var max = 1;
    bars.forEach(function (b) { if (b.count > max) max = b.count; });
    var bw = months ? 14 : 12, gap = 2, height = 100;
    var width = bars.length * (bw + gap) + 40;
    var svg = '<svg class="chart" viewBox="0 0 ' + width + ' ' + (height + 30) + '" role="group" aria-labelledby="view-chart-title" style="width:' + Math.round(width * 1.2) + 'px;height:' + Math.round((height + 30) * 1.2) + 'px;max-height:none"><title id="view-chart-title">Events of this view per ' + (months ? "month" : "year") + '</title>';
    bars.forEach(function (b, i) {
      var h = Math.max(1, Math.ceil(b.count * height / max));
      var x = 30 + i * (bw + gap);
      var label = b.label + ": " + b.count + " events";
      if (b.count) {
        svg += '<a href="#" data-period="' + b.value + '" aria-label="' + label + '" tabindex="' + (i === bars.length - 1 ? 0 : -1) + '"><rect x="' + x + '" y="' + (height - h) + '" width="' + bw + '" height="' + h + '"><title>' + label + "</title></rect></a>";
      } else {
        svg += '<rect class="empty" x="' + x + '" y="' + (height - h) + '" width="' + bw + '" height="' + h + '"><title>' + label + "</title></rect>";
      }
      if (b.tick) svg += '<text x="' + (x + bw / 2) + '" y="' + (height + 16) + '" text-anchor="middle">' + esc(b.tick) + "</text>";
    });
    svg += '<text x="26" y="10" text-anchor="end">' + max + "</text></svg>";
    var wrap = figure.querySelector(".chart-scroll");
    wrap.innerHTML = svg;
    var caption = figure.querySelector("figcaption");
    caption.textContent = "Events of this view per " + (months ? "month" : "year") + ". Select a bar to narrow the view to that " + (months ? "month" : "year") + ".";
    // Open at the recent end, in the next frame: reading scrollWidth now would lay out the
    // page once more before the frame does.
    requestAnimationFrame(function () { wrap.scrollLeft = wrap.scrollWidth; });
    var links = Array.prototype.slice.call(wrap.querySelectorAll("a"));
    links.forEach(function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var p = a.getAttribute("data-period");
        apply({ from: p, to: p });
      });
    });
    if (links.length) rove(links, links.length - 1);
    void f;
  }

  /* ---------- The map of a view: each country shaded by its events ---------- */

  function colourMap(map, ix, items) {
    if (!map) return;
    var counts = new Uint32Array(ix.countries.length);
    for (var k = 0; k < items.length; k++) {
      var list = ix.c.of(items[k]);
      for (var j = 0; j < list.length; j++) counts[list[j]]++;
    }
    var max = 1;
    for (k = 0; k < counts.length; k++) if (counts[k] > max) max = counts[k];
    var shapes = map.querySelectorAll("[data-code]");
    for (k = 0; k < shapes.length; k++) {
      var el = shapes[k];
      var code = el.getAttribute("data-code");
      var c = ix.countryByCode[code.toLowerCase()];
      var n = c === undefined ? 0 : counts[c];
      el.setAttribute("class", "c" + (n ? 1 + Math.min(4, Math.floor(4 * Math.log(1 + n) / Math.log(1 + max))) : 0));
      var t = el.querySelector("title");
      if (t) t.textContent = t.textContent.replace(/: \d+ events?$/, "") + ": " + n + (n === 1 ? " event" : " events");
      var a = el.closest("a");
      if (a) a.setAttribute("aria-label", t ? t.textContent : code);
    }
  }

  /* ---------- The timeline graphic of a view (the browser's copy of timeline_svg.rs) ---------- */

  /* The same layout as src/render/briefing_exports/timeline_svg.rs, whose header states the
   * rules (time scale, marks, labels, lanes, density levels, leaders, ticks, legend): keep the
   * two in step. Widths are estimated from the same tables, never measured, so the picture
   * does not depend on the fonts of the browser that made it. */
  var TL = {
    W: 1600, H: 900, MARGIN: 48, PLOT_TOP: 150, AXIS_ABOVE: 16, AXIS_BELOW: 34, GAP: 14,
    LANE_GAP: 8, SYMBOL_SPACE: 22, TITLE_SIZE: 34, SUBTITLE_SIZE: 19, LEGEND_SIZE: 16,
    TICK_SIZE: 14, LEGEND_HEIGHT: 96,
    FONT: "'Liberation Sans', Arial, Helvetica, sans-serif",
    LEVELS: [
      { fontSize: 17, maxTitle: 270, titleLines: 2 },
      { fontSize: 15, maxTitle: 230, titleLines: 2 },
      { fontSize: 13, maxTitle: 170, titleLines: 2 },
    ],
  };
  // Most events one graphic draws: the newest of a larger view, with a note saying so.
  var GRAPHIC_MAX = 60;
  var REGULAR = [318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637,
    637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 557, 1016, 685, 687, 723, 771, 667,
    611, 778, 752, 295, 500, 667, 558, 863, 749, 788, 667, 788, 723, 667, 611, 732, 685, 989, 686,
    667, 686, 391, 337, 391, 838, 557, 500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580,
    278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838];
  var BOLD = [349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 763, 734, 831, 684,
    684, 821, 837, 373, 557, 775, 638, 996, 837, 851, 733, 851, 771, 721, 683, 813, 774, 1104, 771,
    725, 726, 458, 366, 458, 838, 557, 500, 675, 716, 593, 716, 679, 436, 716, 712, 343, 343, 666,
    343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838];
  var SHORT_MONTHS = MONTHS.map(function (m) { return m.slice(0, 3); });
  // The vocabulary's order (EventType::ALL), which the legend follows; and each type's colour
  // (the Okabe-Ito palette).
  var KINDS = ["meeting", "visit", "tour", "call", "summit", "statement", "agreement", "other"];
  var KIND_COLOUR = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#999999"];

  function textWidth(text, size, bold) {
    var table = bold ? BOLD : REGULAR;
    var sum = 0;
    for (var ch of String(text)) {
      var c = ch.codePointAt(0);
      sum += c >= 0x20 && c <= 0x7e ? table[c - 0x20] : 1000;
    }
    return sum * size / 1000;
  }

  function truncate(text, size, bold, max) {
    if (textWidth(text, size, bold) <= max) return text;
    var room = max - textWidth("\u2026", size, bold);
    var out = "", width = 0;
    for (var ch of String(text)) {
      var w = textWidth(ch, size, bold);
      if (width + w > room) break;
      width += w;
      out += ch;
    }
    return out.replace(/\s+$/, "") + "\u2026";
  }

  function wrapText(text, size, max, lines) {
    var ws = String(text).split(/\s+/).filter(Boolean);
    var out = [];
    var i = 0;
    while (i < ws.length && out.length < lines) {
      var line = "";
      while (i < ws.length) {
        var candidate = line ? line + " " + ws[i] : ws[i];
        if (textWidth(candidate, size, false) <= max) { line = candidate; i++; } else break;
      }
      if (!line) { line = truncate(ws[i], size, false, max); i++; }
      out.push(line);
    }
    if (i < ws.length && out.length) {
      out[out.length - 1] = truncate(out[out.length - 1] + " " + ws.slice(i).join(" "), size, false, max);
    }
    return out;
  }

  function dateSize(l) { return Math.round(l.fontSize * 0.85); }
  function lineHeight(l) { return Math.round(l.fontSize * 1.25); }
  function labelHeight(l) { return Math.round(dateSize(l) * 1.25) + lineHeight(l) * l.titleLines + 4; }
  function laneHeight(l) { return labelHeight(l) + TL.LANE_GAP; }

  // Monday-based weekday of a day number (1970-01-01 was a Thursday).
  function weekday(z) { return ((z % 7) + 7 + 3) % 7; }

  function addMonths(y, m, n) {
    var k = y * 12 + (m - 1) + n;
    return [Math.floor(k / 12), (k % 12 + 12) % 12 + 1];
  }

  function graphicTicks(from, to, xOf) {
    var span = to - from;
    var dates = [];
    var c = civil(from);
    if (span > 365 * 3.5) {
      var years = span / 365;
      var step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find(function (s) { return years / s <= 14; }) || 1000;
      var y = c[0] + 1;
      y += (step - (((y % step) + step) % step)) % step;
      for (; dayNumber(y, 1, 1) < to; y += step) dates.push([dayNumber(y, 1, 1), String(y)]);
    } else if (span > 75) {
      var mstep = span > 365 * 1.2 ? 3 : 1;
      var ym = addMonths(c[0], c[1], 1);
      while ((ym[1] - 1) % mstep !== 0) ym = addMonths(ym[0], ym[1], 1);
      var first = true;
      while (dayNumber(ym[0], ym[1], 1) < to) {
        var name = SHORT_MONTHS[ym[1] - 1];
        dates.push([dayNumber(ym[0], ym[1], 1), first || ym[1] === 1 ? name + " " + ym[0] : name]);
        first = false;
        ym = addMonths(ym[0], ym[1], mstep);
      }
    } else {
      for (var d = from + (7 - weekday(from)) % 7; d < to; d += 7) {
        var cd = civil(d);
        dates.push([d, cd[2] + " " + SHORT_MONTHS[cd[1] - 1]]);
      }
    }
    var out = [];
    var lastEnd = -Infinity;
    dates.forEach(function (dl) {
      var x = xOf(dl[0]);
      var start = x + 4;
      var w = textWidth(dl[1], TL.TICK_SIZE, false);
      var label = null;
      if (start >= lastEnd + 8 && start + w <= TL.W - TL.MARGIN) {
        lastEnd = start + w;
        label = [start, dl[1]];
      }
      out.push({ x: x, label: label });
    });
    return out;
  }

  // items: [{id, title, dateLabel, kind (0-7, the vocabulary's order), first, last (day
  // numbers), singleDay}].
  function graphicLayout(items) {
    var left = TL.MARGIN, right = TL.W - TL.MARGIN;
    var start, end;
    if (items.length) {
      start = Math.min.apply(null, items.map(function (i) { return i.first; }));
      end = Math.max.apply(null, items.map(function (i) { return i.last; })) + 1;
    } else {
      start = dayNumber(2000, 1, 1);
      end = dayNumber(2000, 2, 1);
    }
    var span = Math.max(end - start, 30);
    var pad = Math.ceil(span * 0.03);
    var d0 = start - pad;
    var total = span + 2 * pad;
    var xOf = function (d) { return left + (d - d0) / total * (right - left); };
    var anchors = items.map(function (i) {
      var x0 = xOf(i.first), x1 = xOf(i.last + 1);
      if (i.singleDay) { var mid = (x0 + x1) / 2; return [mid, mid, mid]; }
      return [x0, x1, (x0 + x1) / 2];
    });
    var order = items.map(function (_, k) { return k; });
    order.sort(function (a, b) { return anchors[a][2] - anchors[b][2] || a - b; });
    var defaultBottom = TL.H - TL.LEGEND_HEIGHT;
    var half = function (bottom) { return ((bottom - TL.PLOT_TOP) - TL.AXIS_ABOVE - TL.AXIS_BELOW) / 2; };
    var chosen = null;
    for (var n = 0; n < TL.LEVELS.length; n++) {
      var level = TL.LEVELS[n];
      var boxes = order.map(function (i) { return labelBox(items[i], level, anchors[i][2], left, right); });
      var ends = [];
      var slots = boxes.map(function (b) {
        for (var s = 0; s < ends.length; s++) {
          if (ends[s] + TL.GAP <= b.left) { ends[s] = b.left + b.w; return s; }
        }
        ends.push(b.left + b.w);
        return ends.length - 1;
      });
      var above = 0, below = 0;
      slots.forEach(function (s) {
        if (s % 2 === 0) above = Math.max(above, Math.floor(s / 2) + 1);
        else below = Math.max(below, Math.floor(s / 2) + 1);
      });
      var lanes = Math.max(above, below);
      var fits = lanes * laneHeight(level) <= half(defaultBottom);
      if (fits || n === TL.LEVELS.length - 1) {
        chosen = { level: level, boxes: boxes, slots: slots, lanes: lanes };
        if (fits) break;
      }
    }
    var lv = chosen.level;
    var needed = chosen.lanes * laneHeight(lv);
    var height = needed > half(defaultBottom)
      ? Math.ceil(TL.PLOT_TOP + TL.AXIS_ABOVE + TL.AXIS_BELOW + 2 * needed + TL.LEGEND_HEIGHT)
      : TL.H;
    var plotBottom = height - TL.LEGEND_HEIGHT;
    var axisY = Math.round(TL.PLOT_TOP + half(plotBottom) + TL.AXIS_ABOVE);
    var placed = order.map(function (i, k) {
      var slot = chosen.slots[k], b = chosen.boxes[k];
      var lane = Math.floor(slot / 2);
      var up = slot % 2 === 0;
      var y = up ? axisY - TL.AXIS_ABOVE - (lane + 1) * laneHeight(lv) + TL.LANE_GAP
        : axisY + TL.AXIS_BELOW + lane * laneHeight(lv);
      return {
        item: i, anchor: anchors[i][2], x0: anchors[i][0], x1: anchors[i][1],
        label: { x: b.left, y: y, w: b.w, h: labelHeight(lv) }, above: up, lines: b.lines,
      };
    });
    return {
      width: TL.W, height: height, level: lv, axisY: axisY, left: left, right: right,
      placed: placed, ticks: graphicTicks(d0, d0 + total, xOf), legendTop: plotBottom,
    };
  }

  function labelBox(item, level, anchor, left, right) {
    var lines = wrapText(item.title, level.fontSize, level.maxTitle, level.titleLines);
    var date = truncate(item.dateLabel, dateSize(level), false, level.maxTitle);
    var text = lines.reduce(function (m, l) { return Math.max(m, textWidth(l, level.fontSize, false)); },
      textWidth(date, dateSize(level), false));
    var w = Math.ceil(TL.SYMBOL_SPACE + text + 4);
    return { lines: lines, left: Math.max(left, Math.min(anchor - 7, right - w)), w: w };
  }

  function f1(x) { return (Math.round(x * 10) / 10).toFixed(1); }

  // The symbol of type `kind` centred on (cx, cy), about 2r across (symbol_path in Rust).
  function symbolPath(kind, cx, cy, r) {
    var poly = function (pts) {
      return pts.map(function (p, i) { return (i ? "L" : "M") + f1(cx + p[0] * r) + " " + f1(cy + p[1] * r); }).join("") + "Z";
    };
    var regular = function (n, rot, inner) {
      var pts = [];
      var steps = inner ? n * 2 : n;
      for (var k = 0; k < steps; k++) {
        var a = rot + 2 * Math.PI * k / steps;
        var rad = inner && k % 2 === 1 ? inner : 1;
        pts.push([rad * Math.cos(a), rad * Math.sin(a)]);
      }
      return poly(pts);
    };
    var up = -Math.PI / 2;
    switch (kind) {
      case 0: return "M" + f1(cx - r) + " " + f1(cy) + "a" + r + " " + r + " 0 1 0 " + f1(2 * r) + " 0a" + r + " " + r + " 0 1 0 " + f1(-2 * r) + " 0Z";
      case 1: return poly([[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]]);
      case 2: return poly([[0, -1.15], [1.15, 0], [0, 1.15], [-1.15, 0]]);
      case 3: return regular(3, up, 0);
      case 4: return regular(5, up, 0.45);
      case 5: return regular(3, -up, 0);
      case 6: return regular(6, 0, 0);
      default: return poly([[-0.35, -1], [0.35, -1], [0.35, -0.35], [1, -0.35], [1, 0.35], [0.35, 0.35],
        [0.35, 1], [-0.35, 1], [-0.35, 0.35], [-1, 0.35], [-1, -0.35], [-0.35, -0.35]]);
    }
  }

  // XML text: markup escaped, characters XML cannot hold dropped or made spaces.
  function xml(text) {
    return esc(String(text).replace(/[\uFFFE\uFFFF]/g, "").replace(/[\u0000-\u001f\u007f-\u009f]/g, " "));
  }

  // heading: {title, subtitle, credit}; plurals: each type's plural name, in KINDS order.
  function graphicSvg(heading, items, plurals) {
    var l = graphicLayout(items);
    var lv = l.level;
    var s = [];
    var M = TL.MARGIN;
    s.push('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + l.width + " " + l.height + '" width="' + l.width +
      '" height="' + l.height + '" font-family="' + TL.FONT + '" role="img" aria-labelledby="tl-title tl-desc">');
    s.push('<title id="tl-title">' + xml(heading.title) + '</title>\n<desc id="tl-desc">Timeline of ' + items.length +
      " event" + (items.length === 1 ? "" : "s") + ". " + xml(heading.subtitle) + "</desc>");
    s.push('<rect width="' + l.width + '" height="' + l.height + '" fill="#ffffff"/>');
    var room = TL.W - 2 * M;
    var titleSize = [TL.TITLE_SIZE, 30, 26].find(function (sz) { return textWidth(heading.title, sz, true) <= room; }) || 26;
    s.push('<text class="tl-heading" x="' + M + '" y="' + (M + 20) + '" font-size="' + titleSize +
      '" font-weight="bold" fill="#1a1a1a">' + xml(truncate(heading.title, titleSize, true, room)) + "</text>");
    s.push('<text class="tl-subtitle" x="' + M + '" y="' + (M + 54) + '" font-size="' + TL.SUBTITLE_SIZE +
      '" fill="#444444">' + xml(truncate(heading.subtitle, TL.SUBTITLE_SIZE, false, room)) + "</text>");
    s.push('<g class="tl-axis">');
    l.ticks.forEach(function (t) {
      s.push('<line x1="' + f1(t.x) + '" y1="' + f1(l.axisY - 8) + '" x2="' + f1(t.x) + '" y2="' + f1(l.axisY + 8) +
        '" stroke="#8a8a8a" stroke-width="1"/>');
      if (t.label) {
        s.push('<text class="tl-tick" x="' + f1(t.label[0]) + '" y="' + f1(l.axisY + 24) + '" font-size="' + TL.TICK_SIZE +
          '" fill="#555555">' + xml(t.label[1]) + "</text>");
      }
    });
    s.push('<line x1="' + f1(l.left) + '" y1="' + l.axisY + '" x2="' + f1(l.right) + '" y2="' + l.axisY +
      '" stroke="#333333" stroke-width="2"/>\n</g>');
    s.push('<g class="tl-leaders" stroke="#9a9a9a" stroke-width="1">');
    l.placed.forEach(function (p) {
      var end = p.above ? p.label.y + p.label.h : p.label.y;
      s.push('<line x1="' + f1(p.anchor) + '" y1="' + f1(l.axisY) + '" x2="' + f1(p.anchor) + '" y2="' + f1(end) + '"/>');
    });
    s.push("</g>");
    s.push('<g class="tl-marks">');
    var marks = l.placed.slice();
    marks.sort(function (a, b) {
      var sa = items[a.item].singleDay ? 1 : 0, sb = items[b.item].singleDay ? 1 : 0;
      return sa - sb || (b.x1 - b.x0) - (a.x1 - a.x0) || a.item - b.item;
    });
    marks.forEach(function (p) {
      var it = items[p.item];
      if (it.singleDay) s.push('<circle cx="' + f1(p.anchor) + '" cy="' + l.axisY + '" r="4" fill="#1a1a1a"/>');
      else {
        s.push('<rect x="' + f1(p.x0) + '" y="' + f1(l.axisY - 5) + '" width="' + f1(Math.max(p.x1 - p.x0, 2)) +
          '" height="10" fill="' + KIND_COLOUR[it.kind] + '" fill-opacity="0.45" stroke="#1a1a1a" stroke-width="1"/>');
      }
    });
    s.push("</g>");
    var ds = dateSize(lv);
    s.push('<g class="tl-labels">');
    l.placed.forEach(function (p) {
      var it = items[p.item];
      var r = p.label;
      s.push('<g class="tl-label" data-event-id="' + xml(it.id) + '">\n<rect class="tl-label-box" x="' + f1(r.x) + '" y="' +
        f1(r.y) + '" width="' + f1(r.w) + '" height="' + f1(r.h) + '" fill="#ffffff" fill-opacity="0.92"/>');
      s.push('<path d="' + symbolPath(it.kind, r.x + 8, r.y + ds * 0.7, 6.5) + '" fill="' + KIND_COLOUR[it.kind] +
        '" stroke="#1a1a1a" stroke-width="1.2"/>');
      var tx = f1(r.x + TL.SYMBOL_SPACE);
      s.push('<text x="' + tx + '" y="' + f1(r.y + ds) + '" font-size="' + ds + '" fill="#444444">' +
        xml(truncate(it.dateLabel, ds, false, lv.maxTitle)) + "</text>");
      p.lines.forEach(function (line, k) {
        s.push('<text class="tl-title" x="' + tx + '" y="' + f1(r.y + Math.round(ds * 1.25) + lineHeight(lv) * k + lv.fontSize) +
          '" font-size="' + lv.fontSize + '" fill="#111111">' + xml(line) + "</text>");
      });
      s.push("</g>");
    });
    s.push("</g>");
    // Legend: each type present, the marks' key, the credit.
    var present = [];
    items.forEach(function (it) { if (present.indexOf(it.kind) < 0) present.push(it.kind); });
    present.sort(function (a, b) { return a - b; });
    var y = l.legendTop + 40;
    var x = M;
    var LS = TL.LEGEND_SIZE;
    s.push('<g class="tl-legend">');
    present.forEach(function (k) {
      s.push('<path d="' + symbolPath(k, x + 8, y - 5.5, 7) + '" fill="' + KIND_COLOUR[k] + '" stroke="#1a1a1a" stroke-width="1.2"/>');
      s.push('<text x="' + f1(x + 22) + '" y="' + f1(y) + '" font-size="' + LS + '" fill="#222222">' + xml(plurals[k]) + "</text>");
      x += 22 + textWidth(plurals[k], LS, false) + 26;
    });
    x += 14;
    s.push('<circle cx="' + f1(x + 5) + '" cy="' + f1(y - 5.5) + '" r="4" fill="#1a1a1a"/>\n<text x="' + f1(x + 16) + '" y="' +
      f1(y) + '" font-size="' + LS + '" fill="#222222">A day</text>');
    x += 16 + textWidth("A day", LS, false) + 26;
    s.push('<rect x="' + f1(x) + '" y="' + f1(y - 10.5) + '" width="30" height="10" fill="#bbbbbb" stroke="#1a1a1a" stroke-width="1"/>\n<text x="' +
      f1(x + 38) + '" y="' + f1(y) + '" font-size="' + LS + '" fill="#222222">A month, year or range</text>');
    s.push('<text class="tl-credit" x="' + f1(TL.W - M) + '" y="' + f1(l.height - 20) + '" font-size="14" fill="#555555" text-anchor="end">' +
      xml(truncate(heading.credit, 14, false, TL.W - 2 * M)) + "</text>\n</g>");
    s.push("</svg>\n");
    return s.join("\n");
  }

  // The events of `list` a graphic draws: the newest GRAPHIC_MAX.
  function graphicEvents(list) {
    var all = Array.prototype.slice.call(list).sort(function (a, b) { return a - b; });
    return all.length > GRAPHIC_MAX ? all.slice(all.length - GRAPHIC_MAX) : all;
  }

  // The graphic of the events `list` (event numbers, in any order) of a view titled `title`:
  // the newest GRAPHIC_MAX of them when there are more, and the subtitle says so.
  // Their rows must be loaded (graphicEvents(list) names them).
  function viewGraphic(ix, list, title, credit) {
    var all = Array.prototype.slice.call(list).sort(function (a, b) { return a - b; });
    var drawn = graphicEvents(all);
    var items = drawn.map(function (i) {
      var e = ix.event(i);
      var kind = KINDS.indexOf(e.type);
      return {
        id: e.id, title: e.title, dateLabel: e.human, kind: kind < 0 ? 7 : kind,
        first: ix.first[i], last: ix.last[i], singleDay: !e.end && (ix.flags[i] & 12) === 12,
      };
    });
    var asOf = doc.querySelector(".site-footer time, .embed-foot time");
    var sub = [];
    if (asOf) sub.push("Information as of " + asOf.textContent.trim());
    sub.push(drawn.length < all.length
      ? "the newest " + drawn.length + " of " + all.length.toLocaleString("en") + " events shown"
      : all.length + (all.length === 1 ? " event" : " events"));
    if (items.length) {
      var a = ix.event(drawn[0]), b = ix.event(drawn[drawn.length - 1]);
      var p0 = parts(a.date), p1 = parts(b.end || b.date);
      if (p0 && p1) {
        var h0 = humanPart(p0), h1 = humanPart(p1);
        sub.push(h0 === h1 ? h0 : h0 + " \u2013 " + h1);
      }
    }
    var plurals = KINDS.map(function (k) {
      var t = ix.typeByName[k];
      return t === undefined ? k : ix.types[t][2];
    });
    return { svg: graphicSvg({ title: title, subtitle: sub.join(" \u00b7 "), credit: credit }, items, plurals), drawn: drawn.length, total: all.length };
  }

  // A PNG of an SVG text, drawn by the browser (an SVG without external parts does not taint
  // the canvas, from file: too). Resolves with a Blob.
  function svgToPng(svg) {
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () {
        var canvas = doc.createElement("canvas");
        canvas.width = img.naturalWidth || TL.W;
        canvas.height = img.naturalHeight || TL.H;
        var ctx = canvas.getContext("2d");
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0);
        try {
          canvas.toBlob(function (blob) { if (blob) resolve(blob); else reject(new Error("no image")); }, "image/png");
        } catch (e) { reject(e); }
      };
      img.onerror = function () { reject(new Error("the graphic could not be drawn")); };
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
    });
  }

  /* ---------- Embed code: an <iframe> snippet, copied or selected ---------- */

  var IFRAME_HEIGHT = 480;

  // The same markup as iframe_code in src/render/embed.rs.
  function iframeCode(src, title) {
    return '<iframe src="' + xml(src) + '" title="' + xml(title) + '" width="100%" height="' + IFRAME_HEIGHT +
      '" style="border:1px solid #ccc;max-width:100%" loading="lazy"></iframe>';
  }

  // The "Copy embed code" button: shows the snippet in a field and copies it; where the
  // Clipboard API is missing or refused (file: pages, old browsers), the field's text is
  // selected for the reader to copy. `code()` gives the snippet, or null to keep the field's.
  function setupEmbedCode(code) {
    var button = doc.getElementById("embed-copy");
    var box = doc.getElementById("embed-box");
    var field = doc.getElementById("embed-code");
    var status = doc.getElementById("embed-status");
    if (!button || !box || !field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = code();
      if (text !== null) field.value = text;
      box.hidden = false;
      button.setAttribute("aria-expanded", "true");
      var say = function (t) { if (status) status.textContent = t; };
      var select = function () {
        field.focus();
        field.select();
        var copied = false;
        try { copied = doc.execCommand("copy"); } catch (e) { copied = false; }
        say(copied ? "Embed code copied." : "Embed code selected: copy it with Ctrl+C (\u2318C on a Mac).");
      };
      say("");
      if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { say("Embed code copied."); }, select);
      } else {
        select();
      }
    });
  }

  /* ---------- The embed page (embed.html): a compact timeline of a view ---------- */

  // A filter in words, from the index alone: "Jamaica, Guyana · from 2020".
  function describeFilter(ix, f) {
    var out = [];
    if (f.q) out.push("\u201c" + f.q + "\u201d");
    if (f.country) {
      out.push(f.country.split(",").map(function (c) {
        var k = ix.countryByCode[c.toLowerCase()];
        return k === undefined ? c : ix.countries[k][1];
      }).join(", "));
    }
    if (f.region) {
      var r = ix.regionByCode[f.region.toLowerCase()];
      out.push(r === undefined ? f.region : ix.regions[r][1]);
    }
    if (f.person) {
      var p = ix.person(f.person);
      out.push(p < 0 ? f.person : ix.people[p][1]);
    }
    if (f.type) {
      var t = ix.typeByName[f.type.toLowerCase()];
      out.push(t === undefined ? f.type : ix.types[t][2]);
    }
    if (f.tag) {
      var g = ix.tagBySlug[slugOf(f.tag)];
      out.push("tag " + (g === undefined ? f.tag : ix.tags[g][1]));
    }
    if (f.from && f.to) out.push(f.from + " \u2013 " + f.to);
    else if (f.from) out.push("from " + f.from);
    else if (f.to) out.push("until " + f.to);
    return out.join(" \u00b7 ");
  }

  function embedRowHtml(ix, e) {
    var kind = KINDS.indexOf(e.type);
    if (kind < 0) kind = 7;
    var who = rowCountries(ix, e).map(function (c) { return c.name; }).join(", ");
    var people = e.people.map(function (p) { return p.name; }).join(", ");
    if (who && people) who += " \u00b7 " + people;
    else if (people) who = people;
    return '<svg class="sym" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="' +
      symbolPath(kind, 8, 8, 6) + '" fill="' + KIND_COLOUR[kind] + '" stroke="#1a1a1a" stroke-width="1.2"/></svg>' +
      '<p class="embed-meta"><time datetime="' + esc(e.end ? e.date + "/" + e.end : e.date) + '">' + esc(e.human) +
      '</time> <span class="type type-' + esc(e.type) + '">' + esc(e.typeLabel) + "</span>" +
      (who ? ' <span class="embed-who">\u00b7 ' + esc(who) + "</span>" : "") + "</p>" +
      '<a class="embed-title" href="' + esc(ROOT + e.href) + '" target="_blank" rel="noopener">' + esc(e.title) + "</a>";
  }

  function setupEmbed() {
    var main = doc.getElementById("embed");
    var ol = doc.getElementById("embed-timeline");
    if (!main || !ol || main.hasAttribute("data-briefing")) return;
    var html = doc.documentElement;
    var countEl = doc.getElementById("embed-count");
    var viewEl = doc.getElementById("embed-view");
    var none = doc.getElementById("embed-none");
    var full = doc.getElementById("embed-full");
    var f = parse(location.search);
    // Back to the same view on the full site, in a new tab (the embedding page stays).
    var q = new URLSearchParams();
    PARAMS.concat(VIEW_PARAMS).forEach(function (name) { if (f[name]) q.set(name, f[name]); });
    var qs = q.toString().replace(/%2C/g, ",");
    if (full) full.href = ROOT + "index.html" + (qs ? "?" + qs : "");
    html.setAttribute("data-busy", "true");
    load().then(function (ix) {
      return ix.query(f).then(function (matches) {
        var n = matches.length;
        var items = new Int32Array(n);
        if (f.sort === "oldest") items.set(matches);
        else for (var k = 0; k < n; k++) items[k] = matches[n - 1 - k];
        var list = new VirtualList(ol, function (i) {
          var li = doc.createElement("li");
          var e = ix.event(i);
          li.className = "embed-ev";
          li.setAttribute("data-event-id", e.id);
          li.innerHTML = embedRowHtml(ix, e);
          return li;
        }, needRows(ix));
        var d = describeFilter(ix, f);
        if (viewEl) viewEl.textContent = d;
        if (d) doc.title = d + " \u00b7 " + doc.title;
        countEl.textContent = active(f) ? n + " of " + ix.n + " events" : n + (n === 1 ? " event" : " events");
        if (none) none.hidden = n !== 0;
        window.Entente.current = function () {
          return ix.loadRows(items).then(function () {
            return Array.prototype.map.call(items, function (i) { return ix.id(i); });
          });
        };
        return Promise.resolve(list.setItems(items)).then(function () {
          html.removeAttribute("data-busy");
          html.setAttribute("data-embed-ready", "true");
        });
      });
    }).catch(function (err) {
      html.removeAttribute("data-busy");
      countEl.textContent = "The timeline could not be loaded (" + err.message + ").";
    });
  }

  /* ---------- The home page: filters, search, results ---------- */

  var PRINT_LIMIT = 5000;
  // Rows loaded before a view is drawn: a first screen's and the few either side.
  var FIRST_ROWS = 64;
  var SELECTION_KEY = "entente:selection";

  // Events chosen for a briefing, by id, kept for the tab's session.
  function loadSelection() {
    try { return JSON.parse(sessionStorage.getItem(SELECTION_KEY) || "[]"); } catch (e) { return []; }
  }
  function saveSelection(ids) {
    try { sessionStorage.setItem(SELECTION_KEY, JSON.stringify(ids)); } catch (e) { /* private mode */ }
  }

  function setupTimeline() {
    var form = doc.getElementById("filter-form");
    var results = doc.getElementById("results");
    var ol = doc.getElementById("timeline");
    var countEl = doc.getElementById("result-count");
    if (!form || !results || !ol || !countEl) return;
    var started = performance.now();
    var html = doc.documentElement;
    var $ = function (id) { return doc.getElementById(id); };
    var noResults = $("no-results");
    var heading = $("results-h");
    var more = $("more");
    var showAll = $("show-all");
    var personList = $("f-person-list");
    var table = $("timeline-table");
    var tbody = $("timeline-body");
    var tools = $("view-tools");
    var chartFig = $("view-chart");
    var map = $("view-map");
    var countrySelect = $("f-country");
    var countryValue = $("f-country-value");
    var chips = $("f-country-chips");
    var controls = {};
    PARAMS.forEach(function (name) { controls[name] = form.elements.namedItem(name); });
    var sortSelect = $("f-sort");
    var viewRadios = doc.querySelectorAll('input[name="view"]');
    // The rows the page was built with, put back when the filters are cleared.
    var initial = Array.prototype.slice.call(ol.children);
    var initialCount = countEl.textContent;
    var initialHeading = heading ? heading.textContent : "";
    var cards = null, rowsTable = null;
    var ix = null;
    var showingAll = false;
    var generation = 0;
    var lastQuery = null;
    var printNote = null;
    var current = { items: new Int32Array(0), f: parse("") };
    // The chart as built (every year, linking to the year pages), put back on clearing.
    var chartWrap = chartFig ? chartFig.querySelector(".chart-scroll") : null;
    var chartBuilt = chartWrap ? Array.prototype.slice.call(chartWrap.childNodes) : [];
    var chartCaption = chartFig && chartFig.querySelector("figcaption") ? chartFig.querySelector("figcaption").textContent : "";
    var pictures = $("pictures");
    var selection = loadSelection();
    var picked = {};
    selection.forEach(function (id) { picked[id] = true; });

    /* The country chips: the select adds a country, each chip's button removes it. */
    function countries() {
      return countryValue && countryValue.value ? countryValue.value.split(",") : [];
    }
    function countryName(code) {
      if (ix) {
        var k = ix.countryByCode[code.toLowerCase()];
        if (k !== undefined) return ix.countries[k][1];
      }
      if (countrySelect) {
        for (var i = 0; i < countrySelect.options.length; i++) {
          if (countrySelect.options[i].value.toLowerCase() === code.toLowerCase()) {
            return countrySelect.options[i].textContent.replace(/\s*\(\d+\)$/, "");
          }
        }
      }
      return code;
    }
    function canonicalCode(code) {
      if (countrySelect) {
        for (var i = 0; i < countrySelect.options.length; i++) {
          if (countrySelect.options[i].value.toLowerCase() === code.toLowerCase()) return countrySelect.options[i].value;
        }
      }
      return code;
    }
    function setCountries(list) {
      if (!countryValue) return;
      countryValue.value = list.join(",");
      if (!chips) return;
      chips.textContent = "";
      list.forEach(function (code) {
        var li = doc.createElement("li");
        var name = countryName(code);
        li.innerHTML = "<span>" + esc(name) + '</span> <button type="button" class="chip-x" aria-label="Remove ' +
          esc(name) + '">\u00d7</button>';
        li.querySelector("button").addEventListener("click", function () {
          setCountries(countries().filter(function (c) { return c !== code; }));
          apply(false);
          if (countrySelect) countrySelect.focus();
        });
        chips.appendChild(li);
      });
    }
    if (countrySelect) {
      countrySelect.addEventListener("change", function (ev) {
        ev.stopPropagation();
        var code = countrySelect.value;
        countrySelect.value = "";
        if (!code) return;
        var list = countries();
        if (list.indexOf(code) < 0) list.push(code);
        setCountries(list);
        apply(false);
      });
    }

    /* Filters on a phone fold away behind a button, so the results start on the first screen. */
    var toggle = $("f-toggle");
    var moreFilters = $("f-more");
    function foldFilters(open) {
      if (!toggle || !moreFilters) return;
      toggle.setAttribute("aria-expanded", String(open));
      moreFilters.toggleAttribute("data-collapsed", !open);
    }
    if (toggle && moreFilters) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        foldFilters(toggle.getAttribute("aria-expanded") !== "true");
      });
    }

    function readForm() {
      var f = {};
      PARAMS.forEach(function (name) {
        var c = controls[name];
        f[name] = c ? c.value.trim() : "";
      });
      f.sort = sortSelect && sortSelect.value === "oldest" ? "oldest" : "";
      f.view = "";
      for (var k = 0; k < viewRadios.length; k++) if (viewRadios[k].checked) f.view = viewRadios[k].value;
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
        if (name === "country") {
          setCountries(v ? v.split(",").map(canonicalCode) : []);
        } else if (c.tagName === "SELECT") {
          if (v) setSelect(c, v);
          else c.value = "";
        } else if (name === "person" && v && ix) {
          var k = ix.person(v);
          c.value = k >= 0 ? ix.people[k][1] : v;
        } else {
          c.value = v;
        }
      });
      if (sortSelect) sortSelect.value = f.sort || "";
      for (var k = 0; k < viewRadios.length; k++) viewRadios[k].checked = viewRadios[k].value === (f.view || "");
      markToggle(f);
    }

    // "More filters (2 set)": how many filters the folded part holds.
    function markToggle(f) {
      if (!toggle) return;
      var n = ["country", "region", "person", "type", "tag", "from", "to"].filter(function (k) { return f[k]; }).length;
      toggle.textContent = n ? "More filters (" + n + " set)" : "More filters";
    }

    function optionLabel(select) {
      var o = select.options[select.selectedIndex];
      return o ? o.textContent.replace(/\s*\(\d+\)$/, "") : select.value;
    }

    function describe(f) {
      var parts = [];
      if (f.q) parts.push("\u201c" + f.q + "\u201d");
      if (f.country) parts.push((f.country.indexOf(",") >= 0 ? "countries " : "country ") + f.country.split(",").map(countryName).join(", "));
      if (f.region && controls.region) parts.push("region " + optionLabel(controls.region));
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
      PARAMS.concat(VIEW_PARAMS).forEach(function (name) {
        var v = f[name];
        if (!v) return;
        if (name === "person" && ix) {
          var k = ix.person(v);
          if (k >= 0) v = ix.people[k][0];
        }
        q.set(name, v);
      });
      return q.toString().replace(/%2C/g, ",");
    }

    function flagDates(f) {
      ["from", "to"].forEach(function (name) {
        var c = controls[name];
        if (!c) return;
        if (f[name] && bound(f[name], name === "to") === null) c.setAttribute("aria-invalid", "true");
        else c.removeAttribute("aria-invalid");
      });
    }

    // The person field suggests every name and every other spelling of it (actors.yaml).
    function fillPeople() {
      if (!personList || personList.childElementCount || !ix) return;
      var frag = doc.createDocumentFragment();
      for (var k = 0; k < ix.people.length; k++) {
        var p = ix.people[k];
        for (var j = 1; j < p.length; j++) {
          var o = doc.createElement("option");
          o.value = p[j];
          if (j > 1) o.label = p[j] + " (" + p[1] + ")";
          frag.appendChild(o);
        }
      }
      personList.appendChild(frag);
    }

    function setCount(message) {
      if (countEl.textContent !== message) countEl.textContent = message;
    }

    function updateSelection() {
      var box = $("selection");
      var n = selection.length;
      if (box) {
        box.hidden = n === 0;
        $("selection-count").textContent = n + (n === 1 ? " event chosen" : " events chosen");
      }
      var make = $("make-briefing");
      if (make) make.textContent = n ? "Briefing of the " + n + " chosen" : "Briefing of this view";
      saveSelection(selection);
    }

    function pick(id, on) {
      if (on && !picked[id]) { picked[id] = true; selection.push(id); }
      if (!on && picked[id]) { delete picked[id]; selection = selection.filter(function (x) { return x !== id; }); }
      updateSelection();
    }

    function makeCard(i) {
      var e = ix.event(i);
      var li = doc.createElement("li");
      li.className = "ev picking" + (e.unreviewed ? " unreviewed" : "");
      li.setAttribute("data-event-id", e.id);
      li.innerHTML = cardHtml(ix, e, picked[e.id]);
      return li;
    }

    function makeRow(i) {
      var e = ix.event(i);
      var tr = doc.createElement("tr");
      tr.setAttribute("data-event-id", e.id);
      if (e.unreviewed) tr.className = "unreviewed";
      tr.innerHTML = tableHtml(ix, e, picked[e.id]);
      return tr;
    }

    [ol, tbody].forEach(function (box) {
      if (!box) return;
      box.addEventListener("change", function (ev) {
        var t = ev.target;
        if (!t.classList || !t.classList.contains("pick")) return;
        ev.stopPropagation();
        var row = t.closest("[data-event-id]");
        if (row) pick(row.getAttribute("data-event-id"), t.checked);
      });
    });

    function activeList() {
      return current.f.view === "table" ? rowsTable : cards;
    }

    var all = null;
    function allItems() {
      if (!all) { all = new Int32Array(ix.n); for (var k = 0; k < ix.n; k++) all[k] = k; }
      return all;
    }

    // Back to the page as built: the recent rows, no index needed.
    function restore() {
      generation++;
      if (cards) cards.stop();
      if (rowsTable) rowsTable.stop();
      ol.textContent = "";
      initial.forEach(function (li) { ol.appendChild(li); });
      ol.hidden = false;
      if (table) table.hidden = true;
      ol.classList.remove("virtual");
      setCount(initialCount);
      if (heading) heading.textContent = initialHeading;
      if (more) more.hidden = false;
      if (noResults) noResults.hidden = true;
      if (chartFig && chartWrap) {
        chartFig.hidden = false;
        chartWrap.textContent = "";
        chartBuilt.forEach(function (n) { chartWrap.appendChild(n); });
        chartFig.querySelector("figcaption").textContent = chartCaption;
        chartWrap.scrollLeft = chartWrap.scrollWidth;
      }
      showingAll = false;
      current = { items: new Int32Array(0), f: parse("") };
      html.setAttribute("data-filter-shown", String(initial.length));
      if (ix && map) colourMap(map, ix, allItems());
    }

    // Shows the events of filter `f` (all events when it is empty), in its order and view.
    function show(f, t0) {
      var gen = ++generation;
      html.setAttribute("data-busy", "true");
      return load().then(function (index) {
        ix = index;
        fillPeople();
        // An address written before the index came ("?person=Marco Rubio", typed and sent
        // at once, or shared so) takes the slug the index now knows.
        var qs = queryOf(f);
        if (gen === generation && qs !== lastQuery) {
          lastQuery = qs;
          try {
            history.replaceState(null, "", qs ? "?" + qs : location.pathname);
          } catch (e) {
            // Some browsers refuse history changes on file: pages; the view still works.
          }
        }
        return ix.query(f);
      }).then(function (matches) {
        if (gen !== generation) return;
        var n = matches.length;
        var items = new Int32Array(n);
        if (f.sort === "oldest") items.set(matches);
        else for (var k = 0; k < n; k++) items[k] = matches[n - 1 - k];
        current = { items: items, f: f, matches: matches };
        // The rows a first screen draws are loaded before the old list goes, so it never
        // shows empty; a list scrolled further waits for its own below.
        return ix.loadRows(items.subarray(0, FIRST_ROWS)).then(function () { return draw(gen, f, items, matches, t0); });
      }).then(null, function (err) {
        html.removeAttribute("data-busy");
        setCount("The index could not be loaded (" + err.message + "); browse by year below.");
      });
    }

    function draw(gen, f, items, matches, t0) {
      if (gen !== generation) return null;
      if (!cards) cards = new VirtualList(ol, makeCard, needRows(ix));
      if (!rowsTable && tbody) rowsTable = new VirtualList(tbody, makeRow, needRows(ix));
      var asTable = f.view === "table" && rowsTable;
      ol.hidden = !!asTable;
      if (table) table.hidden = !asTable;
      var filtered = active(f);
      if (heading) heading.textContent = filtered ? "Matching events" : "All events";
      if (more) more.hidden = true;
      if (noResults) noResults.hidden = items.length !== 0;
      var order = f.sort === "oldest" ? "oldest first" : "newest first";
      setCount(filtered
        ? "Showing " + items.length + " of " + ix.n + " events, " + order + ": " + describe(f) + "."
        : ix.n + " events, " + order);
      drawChart(chartFig, ix, matches, f, function (range) {
        controls.from.value = range.from;
        controls.to.value = range.to;
        apply(true);
      });
      if (map) colourMap(map, ix, matches);
      // The list last: it measures the page, which then holds the chart and the map too.
      var drawn;
      if (asTable) {
        cards.stop();
        table.setAttribute("aria-rowcount", String(items.length + 1));
        drawn = rowsTable.setItems(items);
      } else {
        if (rowsTable) rowsTable.stop();
        ol.classList.add("virtual");
        drawn = cards.setItems(items);
      }
      return Promise.resolve(drawn).then(function () {
        if (gen !== generation) return;
        html.setAttribute("data-filter-ms", (performance.now() - t0).toFixed(1));
        html.setAttribute("data-filter-shown", String(items.length));
        html.removeAttribute("data-busy");
        html.setAttribute("data-index-ready", "true");
      });
    }

    function apply(push) {
      var t0 = performance.now();
      var f = readForm();
      flagDates(f);
      markToggle(f);
      var qs = queryOf(f);
      if (qs !== lastQuery) {
        lastQuery = qs;
        try {
          history[push ? "pushState" : "replaceState"](null, "", qs ? "?" + qs : location.pathname);
        } catch (e) {
          // Some browsers refuse history changes on file: pages; the view still works.
        }
      }
      if (!active(f) && !showingAll && !f.sort && !f.view) {
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
      load().then(function (index) {
        ix = index;
        fillPeople();
        if (map && !current.matches) colourMap(map, ix, allItems());
      }, function () {});
    }
    form.addEventListener("focusin", warm);
    form.addEventListener("pointerover", warm);
    if (tools) {
      tools.hidden = false;
      tools.addEventListener("focusin", warm);
      tools.addEventListener("pointerover", warm);
    }
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
    // Order and view sit outside the form (form="filter-form"), so their events do not
    // bubble to it.
    [sortSelect].concat(Array.prototype.slice.call(viewRadios)).forEach(function (c) {
      if (c) c.addEventListener("change", function () { apply(false); });
    });
    var clear = $("f-clear");
    if (clear) {
      clear.addEventListener("click", function (ev) {
        ev.preventDefault();
        PARAMS.forEach(function (name) { if (controls[name]) controls[name].value = ""; });
        setCountries([]);
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
        show(readForm(), performance.now()).then(function () {
          // Keep the reader's place: focus the first row's link.
          var l = activeList() || cards;
          var a = l && l.box.querySelector("a");
          if (a) a.focus();
        });
      });
    }

    // Exports of the view, made here from the index (no server needed, works from disk).
    function viewDetails() {
      return load().then(function (index) {
        ix = index;
        if (current.matches) return current;
        var f = readForm();
        return ix.query(f).then(function (m) {
          var items = new Int32Array(m.length);
          for (var k = 0; k < m.length; k++) items[k] = m[m.length - 1 - k];
          return { f: f, matches: m, items: f.sort === "oldest" ? m : items };
        });
      }).then(function (view) {
        return ix.details(view.items);
      });
    }
    // Without the details (an older browser cannot inflate them), the whole timeline's
    // exports are still there.
    function exportFailed(err) {
      countEl.innerHTML = "This view cannot be exported here (" + esc(err.message) + "). Every event is in " +
        '<a href="' + esc(ROOT) + 'events.csv">events.csv</a> and <a href="' + esc(ROOT) + 'events.json">events.json</a>.';
    }
    function fileName(ext) {
      var q = queryOf(current.f || readForm()).replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
      return "events" + (q ? "-" + q.slice(0, 80) : "") + "." + ext;
    }
    function viewTitle() {
      var d = describe(current.f || readForm());
      var site = doc.querySelector(".site-title a");
      return (site ? site.textContent : "Events") + (d ? ": " + d : "");
    }
    var csvButton = $("export-csv");
    if (csvButton) {
      csvButton.addEventListener("click", function () {
        viewDetails().then(function (details) {
          download(fileName("csv"), "text/csv;charset=utf-8", toCsv(details));
        }, exportFailed);
      });
    }
    var mdButton = $("export-md");
    if (mdButton) {
      mdButton.addEventListener("click", function () {
        viewDetails().then(function (details) {
          var lines = ["**View:** <" + mdUrl(location.href) + ">", "**Events:** " + details.length,
            "**Exported:** " + today()];
          download(fileName("md"), "text/markdown;charset=utf-8", toMarkdown(details, viewTitle(), lines));
        }, exportFailed);
      });
    }
    // The timeline graphic of the view, as SVG or PNG, made here from the index.
    function viewGraphicNow() {
      return load().then(function (index) {
        ix = index;
        if (current.matches) return current.matches;
        return ix.query(readForm());
      }).then(function (matches) {
        var f = current.f || readForm();
        var credit = doc.querySelector(".site-title a");
        credit = credit ? credit.textContent : "";
        if (doc.querySelector('link[rel="canonical"]')) credit += " \u00b7 " + siteUrl("index.html" + (queryOf(f) ? "?" + queryOf(f) : ""));
        return ix.loadRows(graphicEvents(matches)).then(function () { return viewGraphic(ix, matches, viewTitle(), credit); });
      });
    }
    var svgButton = $("export-svg");
    if (svgButton) {
      svgButton.addEventListener("click", function () {
        viewGraphicNow().then(function (g) {
          download(fileName("svg"), "image/svg+xml;charset=utf-8", g.svg);
        });
      });
    }
    var pngButton = $("export-png");
    if (pngButton) {
      pngButton.addEventListener("click", function () {
        viewGraphicNow().then(function (g) { return svgToPng(g.svg); }).then(function (blob) {
          download(fileName("png"), "image/png", blob);
        }, function (err) {
          setCount("The image could not be made (" + err.message + "); download the SVG instead.");
        });
      });
    }
    // The embed code of the view: embed.html with the same query, at the published address
    // when the site has one (base_url), else relative to the site root.
    setupEmbedCode(function () {
      var qs = queryOf(readForm());
      var path = "embed.html" + (qs ? "?" + qs : "");
      var src = doc.querySelector('link[rel="canonical"]') ? siteUrl(path) : path;
      return iframeCode(src, viewTitle());
    });
    var briefingButton = $("make-briefing");
    if (briefingButton) {
      briefingButton.addEventListener("click", function () {
        var q = selection.length ? "ids=" + selection.join(",") : queryOf(readForm());
        location.href = ROOT + "briefing.html" + (q ? "?" + q : "");
      });
    }
    var selectionClear = $("selection-clear");
    if (selectionClear) {
      selectionClear.addEventListener("click", function () {
        selection = [];
        picked = {};
        updateSelection();
        var l = activeList();
        if (l) l.refresh();
      });
    }
    updateSelection();

    window.addEventListener("popstate", function () {
      var f = parse(location.search);
      writeForm(f);
      lastQuery = null;
      apply(false);
    });

    // Printing a drawn list prints every row of the view, not the few on screen.
    window.addEventListener("beforeprint", function () {
      var l = activeList();
      if (!l || !l.on) return;
      var printed = l.expand(PRINT_LIMIT);
      if (printed < l.items.length) {
        printNote = doc.createElement("p");
        printNote.className = "print-only";
        printNote.textContent = "The first " + printed + " of " + l.items.length + " events are printed; " +
          (printed < PRINT_LIMIT ? "use \u201cPrint this view\u201d to print up to " + PRINT_LIMIT + "."
            : "narrow the filters to print the rest.");
        results.insertBefore(printNote, ol);
      }
    });
    // "Print this view" loads the rows a print draws first (the browser's own print command
    // cannot wait, and prints the rows loaded).
    window.Entente.beforePrint = function () {
      var l = activeList();
      return l && l.on && ix ? ix.loadRows(l.items.subarray(0, PRINT_LIMIT)) : Promise.resolve();
    };
    window.addEventListener("afterprint", function () {
      var l = activeList();
      if (l) l.collapse();
      if (printNote) { printNote.remove(); printNote = null; }
    });

    // A promise of the ids of the view in display order (every match, not only the rows
    // drawn): for tests, and for pages that build on this one.
    window.Entente.current = function () {
      var l = activeList();
      if (l && l.on) {
        var items = l.items;
        return ix.loadRows(items).then(function () {
          return Array.prototype.map.call(items, function (i) { return ix.id(i); });
        });
      }
      return Promise.resolve(initial.map(function (li) { return li.getAttribute("data-event-id"); }));
    };

    var f0 = parse(location.search);
    writeForm(f0);
    lastQuery = queryOf(f0);
    var phone = window.matchMedia && window.matchMedia("(max-width: 48rem)").matches;
    // On a phone the filters stay folded even when some are set (the count says which), so
    // the results start on the first screen.
    foldFilters(!phone);
    // Beside the results on a wide screen; folded away on a phone, where it would push them down.
    if (pictures && !phone) pictures.open = true;
    if (active(f0) || f0.sort || f0.view) {
      flagDates(f0);
      show(f0, performance.now()).then(function () { writeForm(f0); });
    } else {
      html.setAttribute("data-filter-shown", String(initial.length));
    }
    html.setAttribute("data-init-ms", (performance.now() - started).toFixed(1));
    html.setAttribute("data-filters-ready", "true");
    if (performance.mark) performance.mark("entente:ready");
  }

  /* ---------- The briefing builder (briefing.html) ---------- */

  // The few Markdown forms an introduction needs: paragraphs, **strong**, *emphasis*, [links](url).
  function miniMarkdown(text) {
    return text.trim().split(/\n\s*\n/).filter(Boolean).map(function (para) {
      var h = esc(para.replace(/\s*\n\s*/g, " "));
      h = h.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>").replace(/\*([^*]+)\*/g, "<em>$1</em>");
      h = h.replace(/\[([^\]]+)\]\((https?:[^)\s]+|mailto:[^)\s]+)\)/g, '<a href="$2">$1</a>');
      return "<p>" + h + "</p>";
    }).join("\n");
  }

  // A YAML scalar: JSON's double-quoted string is also YAML's.
  function yamlString(text) {
    return JSON.stringify(String(text));
  }

  function setupBuilder() {
    var article = doc.getElementById("briefing");
    var tools = doc.getElementById("builder-tools");
    if (!article || !tools || !doc.body.classList.contains("builder")) return;
    var html = doc.documentElement;
    var params = new URLSearchParams(location.search);
    var ids = (params.get("ids") || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
    var f = parse(params);
    var titleInput = doc.getElementById("b-title");
    var introInput = doc.getElementById("b-intro");
    var site = article.getAttribute("data-site") || "";
    var asOf = article.getAttribute("data-as-of") || "";
    var asOfIso = article.getAttribute("data-as-of-iso") || "";
    var paper = doc.body.getAttribute("data-paper");
    if (!params.get("paper") && paper === "letter") {
      html.classList.add("letter");
      var radio = doc.querySelector('input[name="paper"][value="letter"]');
      if (radio) radio.checked = true;
    }
    var back = doc.getElementById("b-back");
    if (back && !ids.length) back.href = "index.html" + (location.search || "");
    tools.hidden = false;
    var state = null;

    function criteria(ix, count) {
      var out = [];
      if (ids.length) out.push(["Chosen", count + " events chosen on the timeline"]);
      if (f.from || f.to) out.push(["Period", (f.from || "\u2026") + " \u2013 " + (f.to || "\u2026")]);
      if (f.country) {
        out.push(["Countries", f.country.split(",").map(function (c) {
          var k = ix.countryByCode[c.toLowerCase()];
          return k === undefined ? c : ix.countries[k][1];
        }).join(", ")]);
      }
      if (f.region) {
        var r = ix.regionByCode[f.region.toLowerCase()];
        out.push(["Region", r === undefined ? f.region : ix.regions[r][1] + " (its member states)"]);
      }
      if (f.person) {
        var p = ix.person(f.person);
        out.push(["People", p < 0 ? f.person : ix.people[p][1]]);
      }
      if (f.type) {
        var t = ix.typeByName[f.type];
        out.push(["Types", t === undefined ? f.type : ix.types[t][2]]);
      }
      if (f.tag) out.push(["Tags", f.tag]);
      if (f.q) out.push(["Search", "\u201c" + f.q + "\u201d"]);
      if (!ids.length) out.push(["Events", count + (count === 1 ? " event" : " events")]);
      return out;
    }

    function render() {
      if (!state) return;
      var ix = state.ix, details = state.details;
      var title = titleInput.value.trim() || "Briefing";
      doc.title = title + " \u00b7 " + site;
      var c = citations(details);
      var h = '<header class="title-block"><p class="kicker">Briefing \u00b7 ' + esc(site) + "</p>" +
        '<h1 id="briefing-title">' + esc(title) + '</h1><dl class="criteria">';
      criteria(ix, details.length).forEach(function (cr) { h += "<dt>" + esc(cr[0]) + "</dt><dd>" + esc(cr[1]) + "</dd>"; });
      if (asOf) h += '<dt>Information as of</dt><dd><time datetime="' + esc(asOfIso) + '">' + esc(asOf) + "</time></dd>";
      h += "</dl></header>";
      if (introInput.value.trim()) h += '<section class="briefing-intro" aria-label="Introduction">' + miniMarkdown(introInput.value) + "</section>";
      h += '<section class="chronology" aria-labelledby="chronology-h"><h2 id="chronology-h">Chronology</h2>';
      if (!details.length) h += "<p>No events match this selection.</p>";
      else {
        h += '<ol class="briefing-events">';
        details.forEach(function (d, k) {
          var e = d.event;
          h += '<li class="briefing-event" data-event-id="' + esc(e.id) + '"><p class="meta"><time datetime="' +
            esc(e.end ? e.date + "/" + e.end : e.date) + '">' + esc(e.human) + "</time> \u00b7 " + esc(e.typeLabel) +
            (e.unreviewed ? ' \u00b7 <span class="badge">Unreviewed</span>' : "") + "</p>" +
            '<h3><a href="' + esc(e.href) + '">' + esc(e.title) + "</a></h3>";
          var facts = [];
          if (e.countries.length) facts.push('<span class="label">Countries:</span> ' + esc(e.countries.map(function (x) { return x.name; }).join(", ")) + ".");
          if (d.actors.length) facts.push('<span class="label">People:</span> ' + esc(d.actors.join(", ")) + ".");
          if (d.places.length) facts.push('<span class="label">Places:</span> ' + esc(d.places.join(", ")) + ".");
          if (facts.length) h += '<p class="facts-line">' + facts.join(" ") + "</p>";
          if (d.summary) h += '<div class="summary"><p>' + esc(d.summary) + "</p></div>";
          if (c.per[k].length) {
            h += '<p class="cites"><span class="label">Sources:</span> ' + c.per[k].map(function (n) {
              return '<a href="#src-' + n + '">[' + n + "]</a>";
            }).join(" ") + "</p>";
          }
          h += "</li>";
        });
        h += "</ol>";
      }
      h += "</section>";
      if (c.list.length) {
        h += '<section class="citations" aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2><ol>';
        c.list.forEach(function (x, k) {
          h += '<li id="src-' + (k + 1) + '"><cite>' + esc(x.title) + "</cite>" +
            (x.publisher && x.publisher !== x.title ? ", " + esc(x.publisher) : "") + (x.date ? ", " + esc(x.date) : "") + "." +
            (x.url ? ' <a class="url" href="' + esc(x.url) + '" rel="noopener noreferrer">' + esc(x.url) + "</a>"
              : x.article ? ' <a class="url" href="' + esc(x.article) + '">Article on this site</a>' : "") + "</li>";
        });
        h += "</ol></section>";
      }
      article.innerHTML = h;
      html.setAttribute("data-briefing-ready", "true");
    }

    // The briefing as content/briefings/*.yaml: the criteria of the view where they can be
    // written, and the events themselves, so the built briefing holds exactly these.
    function yaml() {
      var ix = state.ix;
      var lines = ["# Made with the briefing builder of " + site + " on " + today() + " from",
        "# " + location.href.replace(/[\r\n]/g, ""),
        "title: " + yamlString(titleInput.value.trim() || "Briefing")];
      var intro = introInput.value.replace(/\r/g, "").replace(/\s+$/, "");
      if (intro) lines.push("intro: |", intro.split("\n").map(function (l) { return "  " + l; }).join("\n"));
      if (!ids.length) {
        if (f.from && bound(f.from, false) !== null) lines.push("from: " + yamlString(f.from));
        if (f.to && bound(f.to, true) !== null) lines.push("to: " + yamlString(f.to));
        var places = ix.places(f);
        if (places) {
          var codes = [];
          for (var k = 0; k < places.length; k++) if (places[k]) codes.push(ix.countries[k][0]);
          lines.push("countries: [" + codes.map(yamlString).join(", ") + "]");
        }
        if (f.person && ix.person(f.person) >= 0) lines.push("actors: [" + yamlString(ix.people[ix.person(f.person)][1]) + "]");
        if (f.type && ix.typeByName[f.type] !== undefined) lines.push("types: [" + f.type + "]");
        if (f.tag && ix.tagBySlug[slugOf(f.tag)] !== undefined) lines.push("tags: [" + yamlString(ix.tags[ix.tagBySlug[slugOf(f.tag)]][1]) + "]");
      }
      if (asOfIso) lines.push("as_of: " + yamlString(asOfIso));
      lines.push("events:");
      state.details.forEach(function (d) { lines.push("  - " + d.event.id); });
      return lines.join("\n") + "\n";
    }

    load().then(function (ix) {
      var list;
      if (ids.length) {
        var want = {};
        ids.forEach(function (id) { want[id] = true; });
        var found = [];
        list = ix.loadRows().then(function () {
          for (var i = 0; i < ix.n; i++) if (want[ix.id(i)]) found.push(i);
          return Int32Array.from(found);
        });
      } else {
        list = ix.query(f);
      }
      return list.then(function (matches) {
        return ix.details(matches).then(function (details) { state = { ix: ix, details: details }; });
      });
    }).then(function () {
      var d = [];
      if (ids.length) d.push(ids.length + " chosen events");
      titleInput.value = params.get("title") || (site ? site + " briefing" : "Briefing");
      render();
    }, function (err) {
      article.textContent = "The index could not be loaded (" + err.message + ").";
    });
    titleInput.addEventListener("input", render);
    introInput.addEventListener("input", render);
    doc.getElementById("b-yaml").addEventListener("click", function () {
      if (!state) return;
      var name = slugOf(titleInput.value) || "briefing";
      download(name + ".yaml", "text/yaml;charset=utf-8", yaml());
    });
  }

  /* ---------- Cite this (event pages) ---------- */

  // A citation of the event page, made from what the page shows (title, date at its
  // precision, the site, its published address when the site has one, the "as of" date and
  // the sources), with a button that copies it.
  function setupCite() {
    var article = doc.querySelector("article.event-page");
    if (!article) return;
    var title = article.querySelector("h1");
    var time = article.querySelector(".meta time");
    var siteEl = doc.querySelector(".site-title a");
    var canon = doc.querySelector('link[rel="canonical"]');
    var asOf = doc.querySelector(".site-footer time");
    var address = canon ? canon.href : /^https?:/.test(location.href) ? location.href.split(/[?#]/)[0] : "";
    var sources = Array.prototype.map.call(article.querySelectorAll("section.sources li"), function (li) {
      var a = li.querySelector("a[href^='http']");
      var text = li.textContent.replace(/\s*\(article on this site\)\s*$/, "").trim();
      return a ? text + ", " + a.href : text;
    });
    var parts = ["\u201c" + (title ? title.textContent.trim() : "") + ".\u201d"];
    if (time) parts.push(time.textContent.trim() + ".");
    if (siteEl) parts.push(siteEl.textContent.trim() + ".");
    if (address) parts.push(address + ".");
    if (asOf) parts.push("Information as of " + asOf.textContent.trim() + ".");
    if (sources.length) parts.push("Sources: " + sources.join("; ") + ".");
    var text = parts.join(" ");
    var section = doc.createElement("section");
    section.className = "cite";
    section.setAttribute("aria-labelledby", "cite-h");
    section.innerHTML = '<h2 id="cite-h">Cite this</h2><blockquote><p id="cite-text"></p></blockquote>' +
      '<p><button type="button" class="button secondary" id="cite-copy">Copy citation</button> ' +
      '<span id="cite-done" role="status"></span></p>';
    section.querySelector("#cite-text").textContent = text;
    article.appendChild(section);
    var done = section.querySelector("#cite-done");
    section.querySelector("#cite-copy").addEventListener("click", function () {
      var said = function () { done.textContent = "Copied."; };
      var fallback = function () {
        var range = doc.createRange();
        range.selectNodeContents(section.querySelector("#cite-text"));
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        try { doc.execCommand("copy"); said(); } catch (e) { done.textContent = "Selected: copy it with Ctrl+C."; }
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(said, fallback);
      else fallback();
    });
  }

  setupPrint();
  setupCharts();
  setupTimeline();
  setupEmbed();
  // A briefing page's embed code is written in by the build.
  if (doc.body.classList.contains("briefing-doc")) setupEmbedCode(function () { return null; });
  setupBuilder();
  setupCite();
})();
