// The 7,535 Office of the Historian travels and visits: correctness and speed at full size.
// Timings are printed for the record (the budgets are measured by scripts/bench-browser);
// the assertions are only generous bounds, since a shared CI machine is slower and noisier
// than a desk.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  TRAVELS, launch, openPage, url, loadEvents, expectedIds, viewIds, drawnIds, settled,
  screenshotPath, reachable,
} from "./helpers.mjs";

const skip = TRAVELS ? false : "ENTENTE_TRAVELS_SITE is not set (travels data not found)";

describe("travels data", { skip }, () => {
  let browser;
  let events;
  before(async () => {
    browser = await launch();
    events = loadEvents(TRAVELS);
  });
  after(async () => browser?.close());

  async function open(query = "") {
    const page = await openPage(browser);
    await page.goto(url(TRAVELS, "index.html") + query);
    await page.waitForSelector("html[data-filters-ready]", { timeout: 60000 });
    await settled(page);
    return page;
  }

  /// Changes a control the way the browser does and waits until the results are painted, so
  /// the time includes loading what is needed, style, layout and paint.
  async function timeChange(page, selector, value) {
    return page.evaluate(async ([sel, v]) => {
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
  }

  test("the home page is small and every event is within three clicks without JavaScript", async () => {
    const page = await open();
    assert.equal((await drawnIds(page)).length, 25);
    const { ids, clicks } = reachable(TRAVELS, 3);
    assert.equal(ids.size, events.length);
    console.log(`# travels: ${events.length} events, every one reached in at most ${clicks} clicks`);
    await page.screenshot({ path: screenshotPath("travels-home.png") });
  });

  for (const code of ["JM", "DE", "SUHH", "GY"]) {
    test(`country ${code} from the URL gives exactly that country's events`, async () => {
      const page = await open(`?country=${code}`);
      const want = events.filter((e) => e.countries.some((c) => c.code === code)).map((e) => e.id).reverse();
      assert.ok(want.length > 0);
      assert.deepEqual(await viewIds(page), want);
      assert.deepEqual(await drawnIds(page), want.slice(0, (await drawnIds(page)).length));
      assert.match(await page.textContent("#result-count"), new RegExp(`^Showing ${want.length} of ${events.length} events`));
      assert.deepEqual(page.problems, []);
    });
  }

  test("the country control gives exactly that country's events, fast", async () => {
    const page = await open();
    // A reader reaches for the form before choosing: the index loads then.
    await page.focus("#f-country");
    await page.waitForFunction(() => window.Entente && window.Entente.load().then(() => true));
    await page.waitForTimeout(300);
    const rows = [];
    for (const code of ["JM", "GY", "DE", "US", ""]) {
      // The control adds a country to those chosen; start each from none.
      await timeChange(page, "#f-country-value", "");
      const ms = code ? await timeChange(page, "#f-country", code) : 0;
      rows.push(`${code || "(all)"}: ${ms.toFixed(1)} ms`);
      const want = code
        ? events.filter((e) => e.countries.some((c) => c.code === code)).map((e) => e.id).reverse()
        : events.slice(-25).map((e) => e.id).reverse();
      if (code) assert.deepEqual(await viewIds(page), want, code);
      else assert.deepEqual(await drawnIds(page), want);
      assert.equal(new URL(page.url()).searchParams.get("country") || "", code);
      assert.ok(ms < 1000, `${code}: ${ms} ms`);
    }
    console.log("# travels country control, change to painted:\n# " + rows.join("\n# "));
    assert.deepEqual(page.problems, []);
  });

  const steps = [
    ["#f-country", "JM", "?country=JM"],
    ["#f-type", "visit", "?country=JM&type=visit"],
    ["#f-country-value", "", "?type=visit"],
    ["#f-from", "1990", "?type=visit&from=1990"],
    ["#f-q", "merkel", "?type=visit&from=1990&q=merkel"],
    ["#f-q", "", "?type=visit&from=1990"],
    ["#f-from", "", "?type=visit"],
  ];
  test("each filter change is fast and exact", async () => {
    const page = await open();
    await page.focus("#f-q");
    await page.waitForTimeout(1000);
    const rows = [];
    for (const [selector, value, query] of steps) {
      const ms = await timeChange(page, selector, value);
      rows.push(`${query || "(none)"}: ${ms.toFixed(1)} ms`);
      assert.deepEqual(await viewIds(page), expectedIds(events, query), query);
      assert.ok(ms < 1000, `${query}: ${ms} ms`);
    }
    console.log("# travels filter timings, change to painted:\n# " + rows.join("\n# "));
    assert.deepEqual(page.problems, []);
  });

  test("a shared URL opens filtered", async () => {
    const p = await open("?country=DE&from=2000-01&to=2010");
    assert.deepEqual(await viewIds(p), expectedIds(events, "?country=DE&from=2000-01&to=2010"));
    await p.screenshot({ path: screenshotPath("travels-filtered.png") });
  });
});
