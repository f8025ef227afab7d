// Issue 17, the browser half: the timeline graphic of a filtered view made in the browser
// (SVG and PNG), the embeddable timeline (embed.html?<view> and briefings/<id>/embed.html)
// inside an <iframe> of a page from another origin, and the "Copy embed code" control.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import {
  SAMPLE, TRAVELS, FIXTURE, launch, openPage, url, loadEvents, expectedIds, settled, axeViolations,
  screenshotPath,
} from "./helpers.mjs";

const QUERY = "?country=JM&from=2020";
// Forty events of the sample: the size of briefing the issue asks the graphic to hold.
const FORTY = "?country=IL,DE";

async function home(browser, site, query = "", options = {}) {
  const page = await openPage(browser, { acceptDownloads: true, ...options });
  await page.goto(url(site, "index.html") + query);
  await page.waitForSelector("html[data-filters-ready]");
  await settled(page);
  return page;
}

async function embed(browser, site, query = "", options = {}) {
  const page = await openPage(browser, { viewport: { width: 640, height: 480 }, ...options });
  await page.goto(url(site, "embed.html") + query);
  await page.waitForSelector("html[data-embed-ready]");
  return page;
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: dl.suggestedFilename(), file: await dl.path() };
}

/// Opens an SVG file in the browser and reads back what Chromium drew: every text element's
/// box, each label's event id, box and texts.
async function drawnSvg(browser, file, shot) {
  // Drawn inline at its own size (1 user unit = 1 CSS pixel), so boxes read in SVG units.
  const svg = readFileSync(file, "utf8");
  const page = await openPage(browser, { viewport: { width: 1600, height: 900 } });
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`);
  const drawn = await page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const svg = document.querySelector("svg");
    return {
      width: +svg.getAttribute("width"),
      height: +svg.getAttribute("height"),
      texts: [...document.querySelectorAll("text")].map((t) => ({ text: t.textContent, ...box(t) })),
      labels: [...document.querySelectorAll("g.tl-label")].map((g) => ({
        id: g.getAttribute("data-event-id"),
        box: box(g.querySelector("rect.tl-label-box")),
        texts: [...g.querySelectorAll("text")].map((t) => ({ text: t.textContent, ...box(t) })),
      })),
      legend: [...document.querySelectorAll("g.tl-legend text")].map((t) => t.textContent),
      heading: document.querySelector(".tl-heading")?.textContent,
      subtitle: document.querySelector(".tl-subtitle")?.textContent,
      credit: document.querySelector(".tl-credit")?.textContent,
    };
  });
  if (shot) await page.locator("svg").first().screenshot({ path: screenshotPath(shot) });
  await page.context().close();
  return drawn;
}

function overlap(a, b, slack = 0.5) {
  return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
}

/// No two text elements of the drawing overlap, and each label's texts stay in its box.
function assertClean(drawn) {
  const t = drawn.texts.filter((x) => x.w > 0);
  for (let i = 0; i < t.length; i++) {
    for (let j = i + 1; j < t.length; j++) {
      assert.ok(!overlap(t[i], t[j]), `"${t[i].text}" and "${t[j].text}" overlap: ${JSON.stringify([t[i], t[j]])}`);
    }
    assert.ok(t[i].x >= 0 && t[i].x + t[i].w <= drawn.width + 0.5, `"${t[i].text}" leaves the picture`);
  }
  for (const l of drawn.labels) {
    for (const x of l.texts) {
      assert.ok(x.x + x.w <= l.box.x + l.box.w + 0.5, `"${x.text}" is wider than its label box (${l.id})`);
    }
  }
}

/// Serves `root` over HTTP on a free local port; resolves with {server, base}.
function serve(root, extra = {}) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (extra[p]) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(extra[p]);
      return;
    }
    const file = path.join(root, path.normalize(p).replace(/^(\.\.[/\\])+/, ""));
    if (!root || !file.startsWith(root) || !existsSync(file) || file.endsWith("/")) {
      res.writeHead(404);
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": (types[path.extname(file)] || "application/octet-stream") + "; charset=utf-8" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${server.address().port}/` }));
  });
}

describe("embed and graphic on the sample site", { skip: SAMPLE ? false : "ENTENTE_SAMPLE_SITE is not set" }, () => {
  let browser;
  let events;
  before(async () => {
    browser = await launch();
    events = loadEvents(SAMPLE);
  });
  after(async () => browser?.close());

  test("embed.html?country=JM&from=2020 shows exactly that view's events, links back to it, and asks nothing of the network", async () => {
    const page = await embed(browser, SAMPLE, QUERY);
    const want = expectedIds(events, QUERY);
    assert.ok(want.length >= 3, `the view has ${want.length} events`);
    assert.deepEqual(await page.evaluate(() => window.Entente.current()), want);
    const drawn = await page.$$eval("#embed-timeline li[data-event-id]", (lis) => lis.map((li) => li.dataset.eventId));
    assert.deepEqual(drawn, want.slice(0, drawn.length));
    // Scrolling to the end draws the last rows: every event of the view can be reached.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction((last) => !!document.querySelector(`li[data-event-id="${last}"]`), want.at(-1));
    assert.match(await page.textContent("#embed-count"), new RegExp(`^${want.length} of ${events.length} events`));
    assert.match(await page.textContent("#embed-view"), /Jamaica · from 2020/);
    const full = await page.getAttribute("#embed-full", "href");
    assert.equal(new URL(full).pathname.endsWith("/index.html"), true, full);
    assert.equal(new URL(full).search, QUERY);
    // No site navigation; links leave the frame.
    assert.equal(await page.$("nav"), null);
    const targets = await page.$$eval("a[href]", (as) => [...new Set(as.map((a) => a.target))]);
    assert.deepEqual(targets, ["_blank"]);
    assert.deepEqual(page.external, []);
    assert.deepEqual(page.problems, []);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath("embed-jm-2020.png") });
    assert.deepEqual(await axeViolations(page), []);
    // A longer view: the rows drawn are a window of it, and scrolling reaches its end.
    const forty = await embed(browser, SAMPLE, FORTY);
    const all = expectedIds(events, FORTY);
    assert.equal(all.length, 40);
    assert.deepEqual(await forty.evaluate(() => window.Entente.current()), all);
    await forty.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await forty.waitForFunction((last) => !!document.querySelector(`li[data-event-id="${last}"]`), all.at(-1));
    await forty.evaluate(() => window.scrollTo(0, 0));
    await forty.screenshot({ path: screenshotPath("embed-forty.png") });
  });

  test("the embed of the whole site, and of a view with nothing in it", async () => {
    const all = await embed(browser, SAMPLE, "");
    assert.deepEqual(await all.evaluate(() => window.Entente.current()), expectedIds(events, ""));
    assert.equal(await all.getAttribute("#embed-full", "href").then((h) => new URL(h).search), "");
    const none = await embed(browser, SAMPLE, "?country=JM&from=2099");
    assert.deepEqual(await none.evaluate(() => window.Entente.current()), []);
    assert.ok(await none.isVisible("#embed-none"));
    assert.deepEqual(await axeViolations(none), []);
  });

  test("a briefing's embed (briefings/<id>/embed.html) lists the briefing's events without any script", async () => {
    const briefing = readFileSync(path.join(SAMPLE, "briefings/caribbean-2025.html"), "utf8");
    const want = [...briefing.matchAll(/class="briefing-event" data-event-id="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(want.length > 5);
    const page = await openPage(browser, { viewport: { width: 640, height: 480 }, javaScriptEnabled: false });
    await page.goto(url(SAMPLE, "briefings/caribbean-2025/embed.html"));
    const ids = await page.$$eval("#embed-timeline li[data-event-id]", (lis) => lis.map((li) => li.dataset.eventId));
    assert.deepEqual(ids, want);
    assert.equal(await page.getAttribute("#embed-full", "href"), "../caribbean-2025.html");
    const title = await page.textContent("h1");
    assert.ok(briefing.includes(`<h1 id="briefing-title">${title}</h1>`), title);
    assert.deepEqual(page.external, []);
    await page.screenshot({ path: screenshotPath("embed-briefing.png") });
    const live = await openPage(browser, { viewport: { width: 640, height: 480 } });
    await live.goto(url(SAMPLE, "briefings/caribbean-2025/embed.html"));
    assert.deepEqual(await axeViolations(live), []);
    assert.deepEqual(live.problems, []);
  });

  test("Copy embed code on the home view gives the iframe with the published address and the view's query", async () => {
    const page = await home(browser, SAMPLE, QUERY);
    assert.ok(await page.isHidden("#embed-box"));
    await page.click("#embed-copy");
    assert.ok(await page.isVisible("#embed-code"));
    assert.equal(await page.getAttribute("#embed-copy", "aria-expanded"), "true");
    const code = await page.inputValue("#embed-code");
    const src = /<iframe src="([^"]+)"/.exec(code)?.[1];
    assert.equal(src, "https://example.org/entente/embed.html?country=JM&amp;from=2020");
    assert.match(code, /title="[^"]*Jamaica[^"]*" width="100%" height="480"/);
    // Copied, or (file: pages, no permission) the whole snippet is selected for Ctrl+C.
    await page.waitForFunction(() => document.getElementById("embed-status").textContent !== "");
    const status = await page.textContent("#embed-status");
    assert.match(status, /copied|selected/i);
    if (/selected/i.test(status)) {
      const sel = await page.evaluate(() => {
        const t = document.activeElement;
        return [t.id, t.selectionStart, t.selectionEnd, t.value.length];
      });
      assert.deepEqual(sel, ["embed-code", 0, code.length, code.length]);
    }
    // Keyboard: the button is reached and used like any other.
    await page.focus("#embed-copy");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.getElementById("embed-status").textContent !== "");
    assert.match(await page.textContent("#embed-status"), /copied|selected/i);
    assert.deepEqual(page.problems, []);
    await page.screenshot({ path: screenshotPath("embed-code-home.png") });
    assert.deepEqual(await axeViolations(page), []);
  });

  test("Copy embed code on a briefing page gives its embed's published address", async () => {
    const page = await openPage(browser);
    await page.goto(url(SAMPLE, "briefings/caribbean-2025.html"));
    await page.click("#embed-copy");
    const code = await page.inputValue("#embed-code");
    await page.waitForFunction(() => document.getElementById("embed-status").textContent !== "");
    assert.match(code, /^<iframe src="https:\/\/example\.org\/entente\/briefings\/caribbean-2025\/embed\.html" title="[^"]+" width="100%" height="480"/);
    assert.match(await page.textContent("#embed-status"), /copied|selected/i);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("the embed works inside an iframe of a page served from another local port", async () => {
    const site = await serve(SAMPLE);
    // The host page uses the snippet the site gives, pointed at where the site is served.
    const page0 = await home(browser, SAMPLE, QUERY);
    await page0.click("#embed-copy");
    const snippet = (await page0.inputValue("#embed-code")).replace("https://example.org/entente/", site.base);
    const host = await serve("", {
      "/": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main><h1>An organisation's page</h1>${snippet}<p>After the frame.</p></main></body></html>`,
    });
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    const page = await context.newPage();
    const problems = [];
    const external = [];
    page.on("pageerror", (err) => problems.push(err.message));
    page.on("console", (msg) => { if (msg.type() === "error") problems.push(msg.text()); });
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith(site.base) || u.startsWith(host.base) || u.startsWith("data:")) return route.continue();
      external.push(u);
      return route.abort();
    });
    try {
      await page.goto(host.base);
      const frameEl = await page.waitForSelector("iframe");
      const frame = await frameEl.contentFrame();
      await frame.waitForSelector("html[data-embed-ready]");
      assert.notEqual(new URL(frame.url()).port, new URL(host.base).port, "another origin");
      assert.deepEqual(await frame.evaluate(() => window.Entente.current()), expectedIds(events, QUERY));
      const shown = await frame.$$eval("li[data-event-id]", (lis) => lis.length);
      assert.equal(shown, expectedIds(events, QUERY).length);
      // The frame's height (480) holds the heading, several rows and the footer's link back.
      const box = await frameEl.boundingBox();
      assert.equal(Math.round(box.height), 482);
      // The footer sits at the bottom of the frame, even under a short list.
      const foot = await frame.$eval(".embed-foot", (el) => el.getBoundingClientRect().bottom);
      assert.ok(foot <= 480 && foot > 470, `footer ends at ${foot}`);
      const full = await frame.getAttribute("#embed-full", "href");
      assert.equal(full, `${site.base}index.html${QUERY}`);
      assert.deepEqual(external, []);
      assert.deepEqual(problems, []);
      await page.screenshot({ path: screenshotPath("embed-in-iframe.png") });
    } finally {
      await context.close();
      site.server.close();
      host.server.close();
    }
  });

  test("Download timeline graphic: an SVG of the view whose labels do not overlap, every event drawn, and its PNG", async () => {
    const page = await home(browser, SAMPLE, FORTY);
    const want = expectedIds(events, FORTY);
    const svg = await download(page, "#export-svg");
    assert.match(svg.name, /^events-country-IL-DE\.svg$/);
    const drawn = await drawnSvg(browser, svg.file, "graphic-forty.png");
    assert.equal(drawn.width, 1600);
    assert.ok(drawn.height >= 900);
    assert.deepEqual(drawn.labels.map((l) => l.id).sort(), [...want].sort());
    assertClean(drawn);
    assert.match(drawn.heading, /Israel, Germany/);
    assert.match(drawn.subtitle, /^Information as of 7 May 2025 · \d+ events · /);
    assert.match(drawn.credit, /^Entente .* · https:\/\/example\.org\/entente\/index\.html\?country=IL,DE$/);
    for (const l of drawn.labels) {
      const e = events.find((x) => x.id === l.id);
      // The date at its precision: a month is "March 2025", never a day of it.
      if (e.date.length === 7 && !e.end) assert.match(l.texts[0].text, /^[A-Z][a-z]+ \d{4}$/);
      const title = l.texts.slice(1).map((t) => t.text).join(" ").replace(/…$/, "");
      assert.ok(e.title.startsWith(title), `${l.id}: ${title}`);
    }
    for (const name of ["A day", "A month, year or range"]) assert.ok(drawn.legend.includes(name), name);
    const png = await download(page, "#export-png");
    const bytes = readFileSync(png.file);
    assert.equal(bytes.subarray(1, 4).toString(), "PNG");
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [drawn.width, drawn.height]);
    copyFileSync(png.file, screenshotPath("graphic-forty-download.png"));
    assert.deepEqual(page.problems, []);
  });
  test("the browser's graphic lays out a briefing's events exactly as the build-time briefings/<id>.svg", async () => {
    // Same events, same rules: every label box at the same place and size (to the 0.1 px
    // the files are written with), the same canvas size and legend.
    const built = readFileSync(path.join(SAMPLE, "briefings/caribbean-2025.svg"), "utf8");
    const page = await openPage(browser);
    await page.goto(url(SAMPLE, "embed.html"));
    await page.waitForSelector("html[data-embed-ready]");
    const ids = [...built.matchAll(/class="tl-label" data-event-id="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(ids.length > 10);
    const made = await page.evaluate(async (wanted) => {
      const ix = await window.Entente.load();
      await ix.loadRows();
      const list = [];
      for (let i = 0; i < ix.n; i++) if (wanted.includes(ix.id(i))) list.push(i);
      return window.Entente.graphic(ix, list, "t", "c").svg;
    }, ids);
    const boxes = (svg) => {
      const out = {};
      for (const m of svg.matchAll(/data-event-id="([^"]+)">\n<rect class="tl-label-box" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
        out[m[1]] = m.slice(2).map(Number);
      }
      return out;
    };
    const a = boxes(built), b = boxes(made);
    assert.equal(Object.keys(a).length, ids.length);
    assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
    for (const id of Object.keys(a)) {
      a[id].forEach((v, k) => assert.ok(Math.abs(v - b[id][k]) <= 0.11, `${id}: ${a[id]} in the build, ${b[id]} in the browser`));
    }
    const size = (svg) => /viewBox="0 0 (\d+) (\d+)"/.exec(svg).slice(1);
    assert.deepEqual(size(made), size(built));
    const legend = (svg) => [...svg.split('<g class="tl-legend">')[1].matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]).slice(0, -1);
    assert.deepEqual(legend(made), legend(built));
    assert.deepEqual(page.problems, []);
  });
});

describe("embed and graphic on the travels", { skip: TRAVELS ? false : "ENTENTE_TRAVELS_SITE is not set (needs ../shared/data/travels)" }, () => {
  let browser;
  let events;
  before(async () => {
    browser = await launch();
    events = loadEvents(TRAVELS);
  });
  after(async () => browser?.close());

  test("a view of thousands: the embed holds every event; the graphic the newest 60, saying so, without overlap", async () => {
    const page = await embed(browser, TRAVELS, "?from=1990");
    const want = expectedIds(events, "?from=1990");
    assert.ok(want.length > 1000);
    assert.deepEqual(await page.evaluate(() => window.Entente.current()), want);
    assert.ok((await page.$$("li[data-event-id]")).length < 100, "only the rows near the screen are drawn");
    await page.screenshot({ path: screenshotPath("embed-travels.png") });

    const view = await home(browser, TRAVELS, "?from=1990");
    const svg = await download(view, "#export-svg");
    const drawn = await drawnSvg(browser, svg.file, "graphic-travels-newest.png");
    assert.deepEqual(drawn.labels.map((l) => l.id).sort(), want.slice(0, 60).sort());
    assert.match(drawn.subtitle, new RegExp(`the newest 60 of ${want.length.toLocaleString("en")} events shown`));
    assertClean(drawn);
    // No base_url: the embed code is relative to the site root.
    await view.click("#embed-copy");
    assert.match(await view.inputValue("#embed-code"), /^<iframe src="embed\.html\?from=1990" /);
  });

  test("a same-day cluster: forty visits of one country stay readable", async () => {
    // The country with the most events in one year of the travels: crowded, close dates.
    const counts = {};
    for (const e of events) for (const c of e.countries) {
      const k = `${c.code}|${e.date.slice(0, 4)}`;
      counts[k] = (counts[k] || 0) + 1;
    }
    const [code, year] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0].split("|");
    const query = `?country=${code}&from=${year}&to=${year}`;
    const want = expectedIds(events, query);
    const page = await home(browser, TRAVELS, query);
    const svg = await download(page, "#export-svg");
    const drawn = await drawnSvg(browser, svg.file, "graphic-travels-crowded.png");
    assert.deepEqual(drawn.labels.map((l) => l.id).sort(), want.slice(0, 60).sort());
    assertClean(drawn);
  });
});

describe("embed code without base_url", { skip: FIXTURE ? false : "ENTENTE_FIXTURE_SITE is not set" }, () => {
  test("the snippet names embed.html relative to the site root", async () => {
    const browser = await launch();
    try {
      const page = await home(browser, FIXTURE, "?type=visit");
      await page.click("#embed-copy");
      assert.match(await page.inputValue("#embed-code"), /^<iframe src="embed\.html\?type=visit" title="[^"]+"/);
      assert.deepEqual(page.problems, []);
    } finally {
      await browser.close();
    }
  });
});
