// Fifty thousand synthetic events (../shared/bench/gen_events.py --n 50000 --seed 1): filters,
// search, paging and virtual scrolling at full size. Timings are printed for the record; the
// budgets are measured by scripts/bench-browser, and the bounds here are generous.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import path from "node:path";
import {
  SCALE, launch, openPage, url, loadEvents, expectedIds, viewIds, drawnIds, settled,
  screenshotPath, reachable, axeViolations,
} from "./helpers.mjs";

const skip = SCALE ? false : "ENTENTE_SCALE_SITE is not set (the event generator was not found)";

describe("fifty thousand events", { skip }, () => {
  let browser;
  let events;
  before(async () => {
    browser = await launch();
    events = loadEvents(SCALE);
  });
  after(async () => browser?.close());

  async function open(query = "", options = {}) {
    const page = await openPage(browser, options);
    await page.goto(url(SCALE, "index.html") + query);
    await page.waitForSelector("html[data-filters-ready]", { timeout: 60000 });
    await settled(page);
    return page;
  }

  test("the home page stays small and loads no index until asked", async () => {
    assert.equal(events.length, 50000);
    const bytes = statSync(path.join(SCALE, "index.html")).size;
    assert.ok(bytes <= 300 * 1024, `index.html is ${bytes} bytes`);
    // Resource timing has no entries for file: addresses; the requests do.
    const page = await openPage(browser);
    const loaded = [];
    page.on("request", (r) => loaded.push(r.url().split("/").pop().split("?")[0]));
    await page.goto(url(SCALE, "index.html"));
    await page.waitForSelector("html[data-filters-ready]", { timeout: 60000 });
    await settled(page);
    assert.ok(loaded.includes("entente.js"), loaded.join());
    assert.ok(!loaded.some((n) => n.startsWith("index/") || /^(events|text|rows-\d+|details-\d+)\.js$/.test(n)), loaded.join());
    assert.equal((await drawnIds(page)).length, 25);
    await page.screenshot({ path: screenshotPath("scale-home.png") });
  });

  test("the first change loads the filter columns and the rows it draws, then scrolls into rows not loaded", async () => {
    const page = await open();
    // (Resource timing has no entries for file: addresses; the requests do.)
    const requested = [];
    page.on("request", (r) => requested.push(r.url().split("/").pop().split("?")[0]));
    const names = async () => requested;
    await page.selectOption("#f-country", "JM");
    await settled(page);
    const want = expectedIds(events, "?country=JM");
    assert.match(await page.textContent("#result-count"), new RegExp(`^Showing ${want.length} of 50000 events`));
    const drawn = await drawnIds(page);
    assert.ok(drawn.length >= 10, `${drawn.length} rows drawn`);
    assert.deepEqual(drawn, want.slice(0, drawn.length));
    const loaded = await names();
    assert.ok(loaded.includes("events.js") && loaded.includes("rows-0.js"), loaded.join());
    // Neither the word index nor the details, nor the rows of events no one has looked at.
    assert.ok(!loaded.some((n) => n === "text.js" || n.startsWith("details-")), loaded.join());
    const rowParts = loaded.filter((n) => n.startsWith("rows-"));
    assert.ok(rowParts.length <= 2, rowParts.join());
    // The oldest Jamaica events are in the last part: scrolling there loads it and draws them.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction((id) => [...document.querySelectorAll("#timeline li.ev")]
      .some((li) => li.getAttribute("data-event-id") === id), want[want.length - 1], { timeout: 10000 });
    const end = await page.$$eval("#timeline li.ev", (lis) =>
      lis.map((li) => [li.getAttribute("data-event-id"), +li.getAttribute("aria-posinset")]));
    for (const [id, pos] of end) assert.equal(id, want[pos - 1], `row ${pos}`);
    assert.ok((await names()).filter((n) => n.startsWith("rows-")).length > rowParts.length, requested.join());
    assert.deepEqual(page.problems, []);
  });

  const queries = [
    "?country=JM",
    "?type=summit&from=2020&to=2021-06",
    "?tag=energy&country=US",
    "?person=maria-silva",
    "?q=kingston",
    "?q=stability%20mari&type=call&from=2024-11",
    "?q=zzzz-no-such-word",
  ];
  for (const query of queries) {
    test(`${query} gives exactly the matching events`, async () => {
      const page = await open(query);
      const want = expectedIds(events, query);
      const got = await viewIds(page);
      assert.equal(got.length, want.length, query);
      assert.deepEqual(got, want, query);
      const drawn = await drawnIds(page);
      assert.ok(drawn.length <= 60, `${drawn.length} rows in the document`);
      assert.deepEqual(drawn, want.slice(0, drawn.length));
      assert.deepEqual(page.problems, []);
    });
  }

  test("search and filters from the controls, timed to the painted result", async () => {
    const page = await open();
    await page.focus("#f-q");
    await page.waitForFunction(() => window.Entente.load().then((ix) => ix.loadText()).then(() => true),
      null, { timeout: 60000 });
    const rows = [];
    const steps = [
      ["#f-type", "meeting", "?type=meeting"],
      ["#f-country", "JM", "?type=meeting&country=JM"],
      ["#f-q", "stability", "?type=meeting&country=JM&q=stability"],
      ["#f-q", "maritime patrols", "?type=meeting&country=JM&q=maritime%20patrols"],
      ["#f-from", "2022", "?type=meeting&country=JM&q=maritime%20patrols&from=2022"],
      ["#f-country-value", "", "?type=meeting&q=maritime%20patrols&from=2022"],
      ["#f-q", "", "?type=meeting&from=2022"],
    ];
    for (const [selector, value, query] of steps) {
      const ms = await page.evaluate(async ([sel, v]) => {
        const el = document.querySelector(sel);
        const t0 = performance.now();
        el.value = v;
        el.dispatchEvent(new Event("change", { bubbles: true }));
        await new Promise((resolve) => {
          const check = () => (document.documentElement.hasAttribute("data-busy")
            ? requestAnimationFrame(check) : requestAnimationFrame(() => setTimeout(resolve, 0)));
          check();
        });
        return performance.now() - t0;
      }, [selector, value]);
      rows.push(`${query}: ${ms.toFixed(1)} ms`);
      assert.deepEqual(await viewIds(page), expectedIds(events, query), query);
      assert.ok(ms < 2000, `${query}: ${ms} ms`);
    }
    console.log("# 50,000 events, change to painted:\n# " + rows.join("\n# "));
    assert.deepEqual(page.problems, []);
  });

  test("virtual scrolling: fifty thousand rows, a few dozen in the document", async () => {
    const page = await open();
    await page.click("#show-all");
    await settled(page);
    const all = await viewIds(page);
    assert.equal(all.length, 50000);
    assert.deepEqual(all, events.map((e) => e.id).reverse());
    const height = await page.evaluate(() => document.getElementById("timeline").getBoundingClientRect().height);
    const rowH = await page.$eval("#timeline li.ev", (li) => li.getBoundingClientRect().height);
    assert.ok(Math.abs(height - rowH * 50000) < rowH, `list is ${height}px for rows of ${rowH}px`);
    for (const fraction of [0.5, 0.25, 0.999, 1]) {
      await page.evaluate((fr) => {
        const ol = document.getElementById("timeline");
        const top = ol.getBoundingClientRect().top + window.scrollY;
        window.scrollTo(0, top + (ol.getBoundingClientRect().height - window.innerHeight) * fr);
      }, fraction);
      await page.waitForTimeout(150);
      const drawn = await page.$$eval("#timeline li.ev", (lis) =>
        lis.map((li) => [li.getAttribute("data-event-id"), +li.getAttribute("aria-posinset")]));
      assert.ok(drawn.length > 5 && drawn.length <= 60, `${drawn.length} rows drawn`);
      for (const [id, pos] of drawn) assert.equal(id, all[pos - 1], `row ${pos}`);
      // The rows drawn are the ones on screen.
      const onScreen = await page.evaluate(() => {
        const mid = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
        return mid && mid.closest("li.ev") ? mid.closest("li.ev").getAttribute("aria-posinset") : null;
      });
      if (fraction < 1) assert.ok(onScreen, `a row is at the middle of the screen at ${fraction}`);
    }
    const last = await drawnIds(page);
    assert.equal(last[last.length - 1], events[0].id, "the oldest event ends the list");
    await page.screenshot({ path: screenshotPath("scale-scrolled.png") });
    assert.deepEqual(await axeViolations(page), []);
  });

  test("paging: taxonomy pages hold a hundred events each and link every page", async () => {
    const code = "us";
    const us = events.filter((e) => e.countries.some((c) => c.code === "US")).map((e) => e.id).reverse();
    const pages = Math.ceil(us.length / 100);
    assert.ok(pages > 50, `${pages} pages`);
    const page = await openPage(browser);
    const seen = [];
    for (const n of [1, 2, pages]) {
      const rel = n === 1 ? `countries/${code}.html` : `countries/${code}.${n}.html`;
      await page.goto(url(SCALE, rel));
      const ids = await page.$$eval("li.ev", (lis) => lis.map((li) => li.getAttribute("data-event-id")));
      assert.deepEqual(ids, us.slice((n - 1) * 100, n * 100), rel);
      seen.push(rel);
    }
    // Next, previous and the last page are links from the first.
    await page.goto(url(SCALE, `countries/${code}.html`));
    const next = await page.getAttribute("nav.pager a[rel=next]", "href");
    assert.equal(next, `../countries/${code}.2.html`);
    const numbered = await page.$$eval("nav.pager a[aria-label]", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(numbered.includes(`../countries/${code}.${pages}.html`), "the last page is one click away");
    assert.deepEqual(await axeViolations(page), []);
    // Year pages of large years list months; month pages list every event of the month.
    await page.goto(url(SCALE, "years/2020.html"));
    const months = await page.$$eval("ul.terms a", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(months.length >= 12, months.join());
    const inMonth = (iso) => events.filter((e) => e.date.startsWith(iso)).map((e) => e.id);
    await page.goto(url(SCALE, "years/2020-05.html"));
    const may = await page.$$eval("li.ev", (lis) => lis.map((li) => li.getAttribute("data-event-id")));
    assert.deepEqual(may, inMonth("2020-05"));
    await page.screenshot({ path: screenshotPath("scale-month.png") });
  });

  test("without JavaScript every event is within three clicks of the home page", () => {
    const { ids, clicks } = reachable(SCALE, 3);
    assert.equal(ids.size, events.length);
    assert.ok(clicks <= 3);
    console.log(`# 50,000 events: every one reached in at most ${clicks} clicks`);
  });
});
