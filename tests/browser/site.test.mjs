// The built sample site (and the browser fixture) in a real browser, opened from disk.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  SAMPLE, FIXTURE, launch, openPage, url, loadEvents, expectedIds, viewIds, drawnIds, settled,
  axeViolations, screenshotPath, reachable,
} from "./helpers.mjs";

const skip = SAMPLE ? false : "ENTENTE_SAMPLE_SITE is not set (run through `cargo test --test suite browser::`)";

function hasTool(name) {
  try {
    execFileSync(name, ["-v"], { stdio: "ignore" });
    return true;
  } catch (e) {
    return e.code !== "ENOENT";
  }
}

describe("sample site", { skip }, () => {
  let browser;
  let events;
  before(async () => {
    browser = await launch();
    events = loadEvents(SAMPLE);
  });
  after(async () => browser?.close());

  async function home(query = "", options = {}) {
    const page = await openPage(browser, options);
    await page.goto(url(SAMPLE, "index.html") + query);
    await page.waitForSelector("html[data-filters-ready]");
    await settled(page);
    return page;
  }

  async function settle(page) {
    // The debounced search needs its timer to fire, then the index to answer.
    await page.waitForTimeout(200);
    await settled(page);
  }

  const newestFirst = () => events.map((e) => e.id).reverse();

  test("home shows the most recent events first and a labelled, server-rendered filter form", async () => {
    const page = await home();
    const shown = await drawnIds(page);
    assert.equal(shown.length, 25, "a screenful or two, not every event");
    assert.deepEqual(shown, newestFirst().slice(0, 25));
    assert.equal(await page.textContent("#result-count"), `${events.length} events`);
    for (const id of ["f-q", "f-country", "f-person", "f-type", "f-tag", "f-from", "f-to"]) {
      const label = await page.$eval(`#${id}`, (el) => el.labels[0]?.textContent.trim() || "");
      assert.ok(label, `#${id} has a label`);
    }
    const countries = await page.$$eval("#f-country option", (os) => os.map((o) => o.value).filter(Boolean));
    const expected = [...new Set(events.flatMap((e) => e.countries.map((c) => c.code)))].sort();
    assert.deepEqual([...countries].sort(), expected, "country choices come from the data");
    // Every type is offered, with its count; a type no event has is shown, disabled (issue 16).
    const types = await page.$$eval("#f-type option", (os) => os.filter((o) => o.value).map((o) => [o.value, o.textContent, o.disabled]));
    assert.deepEqual(types.map((t) => t[0]), ["meeting", "visit", "tour", "call", "summit", "statement", "agreement", "other"]);
    for (const [value, label, disabled] of types) {
      const n = events.filter((e) => e.type === value).length;
      assert.match(label, new RegExp(`\\(${n}\\)$`), value);
      assert.equal(disabled, n === 0, value);
    }
    // Nothing but the page itself before the reader asks for more.
    const scripts = await page.$$eval("script[src]", (ss) => ss.map((s) => s.getAttribute("src")));
    assert.deepEqual(scripts, ["entente.js"]);
    await page.screenshot({ path: screenshotPath("home.png") });
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.external, []);
  });

  test("without JavaScript every event is within three clicks of the home page", async () => {
    const { ids, clicks } = reachable(SAMPLE, 3);
    assert.deepEqual([...ids].sort(), events.map((e) => e.id).sort());
    console.log(`# sample: every event reached in at most ${clicks} clicks`);
    const page = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(url(SAMPLE, "index.html"));
    assert.equal((await drawnIds(page)).length, 25);
    assert.ok(await page.isVisible("#archive"), "the archive links are there without the script");
    assert.equal(await page.isVisible("#show-all"), false, "no button that needs the script");
  });

  test("show all draws every event, newest first, a screenful at a time", async () => {
    const page = await home();
    await page.click("#show-all");
    await settled(page);
    assert.deepEqual(await viewIds(page), newestFirst());
    const drawn = await drawnIds(page);
    assert.ok(drawn.length < 60, `${drawn.length} rows drawn`);
    assert.deepEqual(drawn, newestFirst().slice(0, drawn.length));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(200);
    const bottom = await drawnIds(page);
    assert.equal(bottom[bottom.length - 1], events[0].id, "the oldest event is last");
    const size = await page.$eval("#timeline li.ev", (li) => li.getAttribute("aria-setsize"));
    assert.equal(+size, events.length);
    assert.deepEqual(page.problems, []);
  });

  const queries = [
    "?country=JM",
    "?country=JM&type=visit&from=2022",
    "?type=meeting&from=2025-01",
    "?country=eastern-caribbean",
    "?person=marco-rubio&to=2025-03",
    "?actor=marco-rubio&to=2025-03",
    "?tag=caribbean",
    "?q=hurricane",
    "?q=santo%20domingo",
    "?q=TOKYO&type=visit&from=2021-03&to=2021-03-16",
    "?country=US&q=nothing-matches-this",
  ];
  for (const query of queries) {
    test(`URL ${query} shows exactly the matching events`, async () => {
      const page = await home(query);
      const want = expectedIds(events, query);
      assert.deepEqual(await viewIds(page), want);
      assert.deepEqual(await drawnIds(page), want.slice(0, (await drawnIds(page)).length));
      const count = await page.textContent("#result-count");
      assert.match(count, new RegExp(`^Showing ${want.length} of ${events.length} events`));
      assert.equal(await page.isVisible("#no-results"), want.length === 0);
      assert.deepEqual(page.problems, []);
    });
  }

  test("filters through the controls combine and go into the URL", async () => {
    const page = await home();
    await page.selectOption("#f-country", "JM");
    await page.selectOption("#f-type", "visit");
    await page.fill("#f-from", "2022");
    await page.press("#f-from", "Enter");
    await settled(page);
    const query = "?country=JM&type=visit&from=2022";
    assert.deepEqual(await viewIds(page), expectedIds(events, query));
    const search = new URL(page.url()).searchParams;
    assert.equal(search.get("country"), "JM");
    assert.equal(search.get("type"), "visit");
    assert.equal(search.get("from"), "2022");
    await page.screenshot({ path: screenshotPath("home-filtered.png"), fullPage: true });
    // Reloading the shared address restores the same view and the same controls.
    await page.reload();
    await page.waitForSelector("html[data-filters-ready]");
    await settled(page);
    assert.deepEqual(await viewIds(page), expectedIds(events, query));
    assert.equal(await page.inputValue("#f-country-value"), "JM");
    assert.deepEqual(await page.$$eval("#f-country-chips li span", (ss) => ss.map((x) => x.textContent)), ["Jamaica"]);
    assert.equal(await page.inputValue("#f-from"), "2022");
    await page.click("#f-clear");
    await settled(page);
    assert.deepEqual(await drawnIds(page), newestFirst().slice(0, 25));
    assert.equal(new URL(page.url()).search, "");
    assert.deepEqual(page.problems, []);
  });

  test("a person is chosen by name and shared by slug", async () => {
    const page = await home();
    await page.fill("#f-person", "Marco Rubio");
    await page.press("#f-person", "Enter");
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get("person"), "marco-rubio");
    assert.deepEqual(await viewIds(page), expectedIds(events, "?person=marco-rubio"));
    const options = await page.$$eval("#f-person-list option", (os) => os.length);
    assert.ok(options > 100, `${options} people offered as the reader types`);
  });

  test("an address that names a person takes the person's slug", async () => {
    // Written before the index loads (or shared by hand): the name is read, and the
    // address becomes the shareable one.
    const page = await home("?person=Marco%20Rubio");
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get("person"), "marco-rubio");
    assert.deepEqual(await viewIds(page), expectedIds(events, "?person=marco-rubio"));
  });

  test("free-text search covers titles, summaries beyond the excerpt, people and places", async () => {
    const page = await home();
    for (const q of ["rubio washington", "forced labour", "Sheikh Tamim", "seoul"]) {
      await page.fill("#f-q", q);
      await settle(page);
      const want = expectedIds(events, `?q=${encodeURIComponent(q)}`);
      assert.ok(want.length > 0, `${q} matches something`);
      assert.deepEqual(await viewIds(page), want, q);
    }
  });

  test("the filters work with the keyboard alone", async () => {
    const page = await home();
    // Tab from the top of the page to the search box.
    let tabs = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== "f-q") {
      await page.keyboard.press("Tab");
      assert.ok(++tabs < 80, "search box reachable with Tab");
    }
    await page.keyboard.type("tokyo");
    await page.keyboard.press("Enter");
    await settle(page);
    assert.deepEqual(await viewIds(page), expectedIds(events, "?q=tokyo"));
    // Tab to the type select and pick "Visits" by typing, as a keyboard user would.
    while ((await page.evaluate(() => document.activeElement?.id)) !== "f-type") {
      await page.keyboard.press("Tab");
      assert.ok(++tabs < 120, "type select reachable with Tab");
    }
    await page.keyboard.type("v");
    await settle(page);
    assert.equal(await page.inputValue("#f-type"), "visit");
    assert.deepEqual(await viewIds(page), expectedIds(events, "?q=tokyo&type=visit"));
    // The focused control shows a visible focus indicator.
    const outline = await page.$eval("#f-type", (el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, "none");
    while ((await page.evaluate(() => document.activeElement?.id)) !== "f-clear") {
      await page.keyboard.press("Tab");
      assert.ok(++tabs < 160, "clear-all reachable with Tab");
    }
    await page.keyboard.press("Enter");
    await settle(page);
    assert.deepEqual(await drawnIds(page), newestFirst().slice(0, 25));
    // Tab walks on through the rows of a long list: the focused row is kept as the list scrolls.
    await page.click("#show-all");
    await settled(page);
    await page.focus("#timeline li.ev a");
    for (let k = 0; k < 40; k++) await page.keyboard.press("Tab");
    // Each row has two stops: its title and the box that chooses it for a briefing.
    const focused = await page.evaluate(() => document.activeElement.closest("li")?.getAttribute("aria-posinset"));
    assert.equal(focused, "21", "forty Tabs later the 21st row has focus");
    assert.deepEqual(page.problems, []);
  });

  test("the year chart is one tab stop with arrow keys between bars", async () => {
    const page = await home();
    const bars = await page.$$eval("svg.chart a[href]", (as) => as.map((a) => a.getAttribute("aria-label")));
    assert.ok(bars.length > 0);
    assert.ok(bars.every((l) => /^\d{4}: \d+ events$/.test(l)), bars.join());
    const stops = await page.$$eval("svg.chart a[tabindex='0']", (as) => as.length);
    assert.equal(stops, 1);
    await page.focus("svg.chart a[tabindex='0']");
    await page.keyboard.press("End");
    const last = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
    assert.equal(last, bars[bars.length - 1]);
  });

  const axePages = [
    ["home", "index.html"],
    ["event", `events/${"2025-05-06-rubio-caribbean-heads-of-government"}.html`],
    ["country", "countries/jm.html"],
    ["paginated country", "countries/us.2.html"],
    ["year", "years/2024.html"],
    ["years", "years/index.html"],
    ["briefing", "briefings/caribbean-2025.html"],
    ["briefings index", "briefings/index.html"],
  ];
  for (const [name, rel] of axePages) {
    test(`axe-core finds no serious or critical problem on the ${name} page`, async () => {
      const page = await openPage(browser);
      await page.goto(url(SAMPLE, rel));
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(page.problems, []);
      assert.deepEqual(page.external, []);
    });
  }

  test("axe-core is also satisfied on a filtered view and on a phone", async () => {
    const page = await home("?country=JM&q=blinken", { viewport: { width: 390, height: 844 } });
    assert.ok((await viewIds(page)).length > 0);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath("home-phone.png") });
  });

  test("the briefing lists its selection chronologically with numbered citations", async () => {
    const page = await openPage(browser);
    await page.goto(url(SAMPLE, "briefings/caribbean-2025.html"));
    const ids = await page.$$eval("li.briefing-event", (lis) => lis.map((li) => li.dataset.eventId));
    assert.ok(ids.length > 3);
    const order = events.map((e) => e.id);
    const positions = ids.map((id) => order.indexOf(id));
    assert.ok(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])), "chronological");
    const citeTargets = await page.$$eval(".cites a", (as) => as.map((a) => a.getAttribute("href")));
    for (const href of citeTargets) assert.ok(await page.$(href), `${href} exists`);
    await page.screenshot({ path: screenshotPath("briefing.png"), fullPage: true });
    const phone = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await phone.goto(url(SAMPLE, "briefings/caribbean-2025.html"));
    await phone.screenshot({ path: screenshotPath("briefing-phone.png") });
    assert.deepEqual(page.problems, []);
  });

  const pdfTools = hasTool("pdftotext") && hasTool("pdfinfo");
  for (const paper of ["a4", "letter"]) {
    test(`the briefing prints to ${paper} with its address and date on every page`, {
      skip: pdfTools ? false : "pdftotext/pdfinfo not installed (Debian: poppler-utils)",
    }, async () => {
      const page = await openPage(browser);
      await page.goto(url(SAMPLE, "briefings/caribbean-2025.html") + `?paper=${paper}`);
      await page.emulateMedia({ media: "print" });
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      const dir = mkdtempSync(path.join(os.tmpdir(), "entente-pdf-"));
      const pdf = path.join(dir, `briefing-${paper}.pdf`);
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const pages = +/Pages:\s+(\d+)/.exec(info)[1];
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info).slice(1).map(Number);
      if (paper === "a4") assert.deepEqual(size.map(Math.round), [595, 842]);
      else assert.deepEqual(size.map(Math.round), [612, 792]);
      const ids = await page.$$eval("li.briefing-event", (lis) => lis.length);
      // Several events fit a page; the whole briefing is never one event per page.
      assert.ok(pages >= 2 && pages <= Math.ceil(ids / 3) + 1, `${pages} pages for ${ids} events`);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const sheets = text.split("\f").filter((s) => s.trim());
      assert.equal(sheets.length, pages);
      const flat = (s) => s.replace(/\s+/g, " ");
      sheets.forEach((sheet, i) => {
        assert.match(flat(sheet), /https:\/\/example\.org\/entente\/briefings\/caribbean-2025\.html/, `URL on page ${i + 1}`);
        assert.match(flat(sheet), /Information as of 7 May 2025/, `date on page ${i + 1}`);
        assert.match(flat(sheet), /Printed \d{4}-\d{2}-\d{2}/, `day of printing on page ${i + 1}`);
      });
      const titles = await page.$$eval("section.citations cite", (cs) => cs.map((c) => c.textContent));
      assert.ok(titles.length > 0);
      for (const title of titles) assert.ok(flat(text).includes(flat(title)), `cited: ${title}`);
      assert.doesNotMatch(text, /Skip to content|All briefings|Paper size/, "no navigation chrome");
      if (paper === "a4") {
        execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", pdf, screenshotPath("briefing-print")]);
      }
    });
  }

  test("a filtered home view prints with its query in the footer", {
    skip: pdfTools ? false : "pdftotext not installed (Debian: poppler-utils)",
  }, async () => {
    const page = await home("?country=JM");
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: screenshotPath("home-print-preview.png"), fullPage: true });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const dir = mkdtempSync(path.join(os.tmpdir(), "entente-pdf-"));
    const pdf = path.join(dir, "view.pdf");
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.match(text, /country=JM/);
    assert.match(text, /Printed \d{4}-\d{2}-\d{2}/, "the day of printing after the address");
    for (const e of events.filter((e) => e.countries.some((c) => c.code === "JM"))) {
      assert.ok(text.includes(e.title.replace(/\s+/g, " ")), e.title);
    }
    assert.ok(!text.includes("Secretary Blinken visits Japan"), "filtered-out events are not printed");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, screenshotPath("home-print")]);
    assert.ok(await page.isVisible("#f-print") === false, "print button is not printed");
  });
});

describe("browser fixture", { skip: FIXTURE ? false : "ENTENTE_FIXTURE_SITE is not set" }, () => {
  let browser;
  let events;
  before(async () => {
    browser = await launch();
    events = loadEvents(FIXTURE);
  });
  after(async () => browser?.close());

  const queries = [
    "?q=bogota",
    "?q=zanzibar",
    "?country=SUHH",
    "?country=suhh",
    "?country=eastern-caribbean&type=summit",
    "?from=1985&to=1991-06",
    "?tag=trade&actor=jose-perez-garcia",
    "?tag=trade&person=jose-perez-garcia",
  ];
  for (const query of queries) {
    test(`fixture ${query}`, async () => {
      const page = await openPage(browser);
      await page.goto(url(FIXTURE, "index.html") + query);
      await page.waitForSelector("html[data-filters-ready]");
      await settled(page);
      const want = expectedIds(events, query.replace("suhh", "SUHH"));
      assert.ok(want.length > 0, `${query} selects something`);
      assert.deepEqual(await viewIds(page), want);
      assert.deepEqual(page.problems, []);
    });
  }

  test("an invalid date is flagged and ignored, not fatal", async () => {
    const page = await openPage(browser);
    await page.goto(url(FIXTURE, "index.html") + "?from=2025-13");
    await page.waitForSelector("html[data-filters-ready]");
    await settled(page);
    assert.equal(await page.getAttribute("#f-from", "aria-invalid"), "true");
    assert.equal((await viewIds(page)).length, events.length);
  });

  test("every page of the fixture passes axe-core", async () => {
    const pages = ["index.html", "briefings/index.html"];
    for (const f of readdirSync(path.join(FIXTURE, "briefings"))) {
      if (f.endsWith(".html") && f !== "index.html") pages.push(`briefings/${f}`);
    }
    assert.ok(existsSync(path.join(FIXTURE, pages[2] || "")), "fixture has a briefing");
    for (const rel of pages) {
      const page = await openPage(browser);
      await page.goto(url(FIXTURE, rel));
      assert.deepEqual(await axeViolations(page), [], rel);
      assert.deepEqual(page.problems, [], rel);
    }
  });
});
