// Issue 16, as an analyst works: newest first or oldest first, cards or a table, several
// countries and regions, people by any spelling, exports of the view, a briefing built in the
// browser (printed with page numbers, its YAML building the same briefing), "Cite this", the
// chart and the map following the filter, country summaries, evidence in its article, and
// the site's home country kept out of the lists. On the sample site and the travels, from
// disk; the same behaviours over `entente serve` are in serve.test.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  SAMPLE, TRAVELS, launch, openPage, url, loadEvents, expectedIds, viewIds, drawnIds, settled,
  axeViolations, screenshotPath,
} from "./helpers.mjs";

const BIN = process.env.ENTENTE_BIN || "";
const SAMPLE_ROOT = process.env.ENTENTE_SAMPLE_ROOT || "";
const HOME_SITE = process.env.ENTENTE_HOME_COUNTRY_SITE || "";
const ARTICLES = process.env.ENTENTE_ARTICLES_SITE || "";

// The UN M49 Caribbean (the country data's sub-region), for checking the region filter
// independently of the site's own list.
const UN_CARIBBEAN = ["AG", "AI", "AW", "BB", "BL", "BQ", "BS", "CU", "CW", "DM", "DO", "GD", "GP",
  "HT", "JM", "KN", "KY", "LC", "MF", "MQ", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI"];

function hasTool(name) {
  try {
    execFileSync(name, ["-v"], { stdio: "ignore" });
    return true;
  } catch (e) {
    return e.code !== "ENOENT";
  }
}

/// events.csv as its lines by id (the first cell), header apart; cells may hold line breaks.
function csvLines(text) {
  const records = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === "\n" && !quoted) {
      records.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) records.push(cur);
  return records;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/// An ISO date at its precision in words: "7 May 2025", "May 2025", "2025".
function humanDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return d ? `${d} ${MONTHS[m - 1]} ${y}` : m ? `${MONTHS[m - 1]} ${y}` : String(y);
}

async function home(browser, site, query = "", options = {}) {
  const page = await openPage(browser, { acceptDownloads: true, ...options });
  await page.goto(url(site, "index.html") + query);
  await page.waitForSelector("html[data-filters-ready]");
  await settled(page);
  return page;
}

async function downloadText(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), "utf8") };
}

describe("analysts on the sample site", { skip: SAMPLE ? false : "ENTENTE_SAMPLE_SITE is not set" }, () => {
  let browser;
  let events;
  before(async () => {
    browser = await launch();
    events = loadEvents(SAMPLE);
  });
  after(async () => browser?.close());

  test("newest first by default, oldest first with sort=oldest, kept in the URL", async () => {
    const page = await home(browser, SAMPLE, "?sort=oldest");
    assert.deepEqual(await viewIds(page), events.map((e) => e.id));
    assert.equal(await page.inputValue("#f-sort"), "oldest");
    // Back to newest first: with no filter, the page as built (the 25 newest).
    await page.selectOption("#f-sort", "");
    await settled(page);
    assert.deepEqual(await viewIds(page), events.map((e) => e.id).reverse().slice(0, 25));
    assert.equal(new URL(page.url()).searchParams.get("sort"), null);
    await page.selectOption("#f-sort", "oldest");
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get("sort"), "oldest");
    assert.deepEqual(page.problems, []);
  });

  test("the table view: date, type, title, countries, people; view=table in the URL", async () => {
    const page = await home(browser, SAMPLE, "?country=JM");
    await page.check('input[name="view"][value="table"]');
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get("view"), "table");
    const want = expectedIds(events, "?country=JM");
    assert.deepEqual(await viewIds(page), want);
    const rows = await page.$$eval("#timeline-body tr[data-event-id]", (trs) =>
      trs.map((tr) => [tr.dataset.eventId, ...[...tr.cells].slice(1).map((td) => td.textContent.trim())]));
    assert.deepEqual(rows.map((r) => r[0]), want.slice(0, rows.length));
    const first = events.find((e) => e.id === rows[0][0]);
    assert.equal(rows[0][3], first.title);
    assert.ok(first.countries.every((c) => rows[0][4].includes(c.name)), rows[0][4]);
    assert.ok(await page.isHidden("#timeline"));
    const headers = await page.$$eval("#timeline-table th", (ths) => ths.map((th) => th.textContent.trim()));
    assert.deepEqual(headers.slice(1), ["Date", "Type", "Title", "Countries", "People"]);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath("analyst-table.png"), fullPage: true });
    const phone = await home(browser, SAMPLE, "?country=JM&view=table", { viewport: { width: 390, height: 844 } });
    // On a phone the filters fold away, set or not, and the button says how many are set:
    // the first results are on the first screen.
    assert.equal(await phone.getAttribute("#f-toggle", "aria-expanded"), "false");
    assert.equal(await phone.textContent("#f-toggle"), "More filters (1 set)");
    const firstRow = await phone.$eval("#timeline-body tr[data-event-id]", (tr) => tr.getBoundingClientRect().top);
    assert.ok(firstRow < 844, `first row at ${firstRow}px`);
    await phone.click("#f-toggle");
    assert.ok(await phone.isVisible("#f-country"));
    const plain = await home(browser, SAMPLE, "?view=table", { viewport: { width: 390, height: 844 } });
    assert.equal(await plain.getAttribute("#f-toggle", "aria-expanded"), "false");
    const top = await plain.$eval("#timeline-body tr[data-event-id]", (tr) => tr.getBoundingClientRect().top);
    assert.ok(top < 844, `first row at ${top}px`);
    await plain.screenshot({ path: screenshotPath("analyst-table-phone.png") });
    assert.deepEqual(await axeViolations(plain), []);
  });

  test("several countries and a region: country=JM,GY and region=caribbean", async () => {
    const page = await home(browser, SAMPLE, "?country=JM,GY");
    assert.deepEqual(await viewIds(page), expectedIds(events, "?country=JM,GY"));
    assert.deepEqual(await page.$$eval("#f-country-chips li span", (s) => s.map((x) => x.textContent)), ["Jamaica", "Guyana"]);
    // Removing one chip keeps the other.
    await page.click('#f-country-chips button[aria-label="Remove Jamaica"]');
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get("country"), "GY");
    await page.selectOption("#f-country", "BS");
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get("country"), "GY,BS");
    const region = await home(browser, SAMPLE, "?region=caribbean");
    const want = events.filter((e) => e.countries.some((c) => UN_CARIBBEAN.includes(c.code) || c.code === "caribbean"))
      .map((e) => e.id).reverse();
    assert.ok(want.length > 10);
    assert.deepEqual(await viewIds(region), want);
    assert.match(await region.textContent("#result-count"), /region Caribbean/);
  });

  test("people by any spelling: an alias from actors.yaml finds the person", async () => {
    const page = await home(browser, SAMPLE);
    await page.fill("#f-person", "Sec. Rubio");
    await page.press("#f-person", "Enter");
    await settled(page);
    assert.equal(new URL(page.url()).searchParams.get("person"), "marco-rubio");
    assert.deepEqual(await viewIds(page), expectedIds(events, "?person=marco-rubio"));
    const options = await page.$$eval("#f-person-list option", (os) => os.map((o) => o.value));
    assert.ok(options.includes("Sec. Rubio") && options.includes("Marco Rubio"));
  });

  test("CSV and Markdown of exactly the view, with events.csv's columns and guard", async () => {
    const query = "?country=JM,GY&from=2021";
    const page = await home(browser, SAMPLE, query);
    const want = expectedIds(events, query);
    const { name, text } = await downloadText(page, "#export-csv");
    assert.match(name, /\.csv$/);
    const all = csvLines(readFileSync(path.join(SAMPLE, "events.csv"), "utf8"));
    const byId = new Map(all.slice(1).map((l) => [l.split(",")[0], l]));
    const got = csvLines(text);
    assert.equal(got[0], all[0], "same header");
    assert.deepEqual(got.slice(1).map((l) => l.split(",")[0]), want);
    for (const line of got.slice(1)) assert.equal(line, byId.get(line.split(",")[0]), "the same line as events.csv");
    const md = await downloadText(page, "#export-md");
    assert.match(md.name, /\.md$/);
    for (const id of want) {
      const e = events.find((x) => x.id === id);
      assert.ok(md.text.includes(e.title.replace(/[\\*_[\]<>`#|]/g, "\\$&")), e.title);
    }
    assert.match(md.text, /^## Sources$/m);
    const sources = md.text.split("## Sources")[1].trim().split("\n");
    const urls = sources.map((l) => (/<([^>]+)>$/.exec(l) || [])[1]).filter(Boolean);
    assert.equal(new Set(urls).size, urls.length, "each source once");
    // A source's date in words, as the pages write it (the details carry only its ISO date).
    // A page cited by several events is listed once, with the date one of them gives.
    const cited = want.flatMap((id) => events.find((x) => x.id === id).sources);
    let dated = 0;
    for (const line of sources) {
      const address = (/<([^>]+)>$/.exec(line) || [])[1];
      const dates = cited.filter((x) => x.url === address && x.date).map((x) => humanDate(x.date));
      if (!dates.length) continue;
      dated++;
      assert.ok(dates.some((d) => line.endsWith(", " + d + ". <" + address + ">")), line);
    }
    assert.ok(dated > 0, "the view cites dated sources");
  });

  test("without DecompressionStream a view export says so and links to the whole exports", async () => {
    // The details files are deflated; a browser that cannot inflate them gets the static files.
    const page = await openPage(browser, { acceptDownloads: true });
    await page.addInitScript(() => { delete window.DecompressionStream; });
    await page.goto(url(SAMPLE, "index.html") + "?country=JM");
    await page.waitForSelector("html[data-filters-ready]");
    await settled(page);
    let downloaded = false;
    page.on("download", () => { downloaded = true; });
    await page.click("#export-csv");
    await page.waitForFunction(() => /cannot be exported/.test(document.getElementById("result-count").textContent));
    const links = await page.$$eval("#result-count a", (as) => as.map((a) => a.getAttribute("href")));
    assert.ok(links.some((h) => h.endsWith("events.csv")) && links.some((h) => h.endsWith("events.json")), links.join());
    assert.equal(downloaded, false);
    // The view itself still works: its rows are drawn from the index, which is not deflated.
    assert.deepEqual(await drawnIds(page), expectedIds(events, "?country=JM").slice(0, (await drawnIds(page)).length));
    assert.deepEqual(page.problems, []);
  });

  test("a briefing built in the browser prints with page numbers and cites each source once; its YAML builds the same briefing", {
    skip: BIN && SAMPLE_ROOT && hasTool("pdftotext") ? false : "needs ENTENTE_BIN, ENTENTE_SAMPLE_ROOT and pdftotext",
  }, async () => {
    const page = await home(browser, SAMPLE, "?country=JM,GY,BS");
    // Choose three events with their boxes; the choice survives the trip to the builder.
    const boxes = await page.$$("#timeline li.ev input.pick");
    for (const box of boxes.slice(0, 3)) await box.check();
    assert.match(await page.textContent("#selection-count"), /^3 events chosen/);
    const chosen = (await viewIds(page)).slice(0, 3);
    await Promise.all([page.waitForURL(/briefing\.html/), page.click("#make-briefing")]);
    await page.waitForSelector("html[data-briefing-ready]");
    const ids = await page.$$eval("li.briefing-event", (lis) => lis.map((li) => li.dataset.eventId));
    assert.deepEqual([...ids].sort(), [...chosen].sort());
    const order = events.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)), "chronological");
    await page.fill("#b-title", "Caribbean engagements, chosen");
    const cited = await page.$$eval("section.citations li", (lis) => lis.map((li) => li.querySelector("a.url")?.href || li.textContent));
    assert.equal(new Set(cited).size, cited.length, "no repeated source");
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath("builder.png"), fullPage: true });
    // Print: page numbers on every sheet, every cited source in the text.
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const dir = mkdtempSync(path.join(os.tmpdir(), "entente-builder-"));
    const pdf = path.join(dir, "briefing.pdf");
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = +/Pages:\s+(\d+)/.exec(info)[1];
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info).slice(1).map(Number).map(Math.round);
    assert.deepEqual(size, [595, 842], "A4, the sample site's paper");
    const sheets = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((s) => s.trim());
    sheets.forEach((sheet, i) => assert.match(sheet, new RegExp(`Page ${i + 1} of ${pages}`), `page number on sheet ${i + 1}`));
    const flat = sheets.join(" ").replace(/\s+/g, " ");
    const titles = await page.$$eval("section.citations cite", (cs) => cs.map((c) => c.textContent.replace(/\s+/g, " ")));
    for (const t of titles) assert.ok(flat.includes(t), `cited: ${t}`);
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, screenshotPath("builder-print")]);
    await page.emulateMedia({ media: "screen" });
    // The YAML, saved into a copy of the site, builds a briefing of the same events.
    const yaml = await downloadText(page, "#b-yaml");
    assert.equal(yaml.name, "caribbean-engagements-chosen.yaml");
    const root = path.join(dir, "site");
    cpSync(SAMPLE_ROOT, root, { recursive: true });
    writeFileSync(path.join(root, "content/briefings", yaml.name), yaml.text);
    const out = path.join(dir, "public");
    execFileSync(BIN, ["build", "--quiet", "--root", root, "--out", out]);
    const built = readFileSync(path.join(out, "briefings/caribbean-engagements-chosen.html"), "utf8");
    const builtIds = [...built.matchAll(/class="briefing-event" data-event-id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(builtIds, ids);
    assert.ok(built.includes("Caribbean engagements, chosen"));
  });

  test("a briefing of the whole view, from its filter", async () => {
    const query = "?region=caribbean&from=2024";
    const page = await openPage(browser);
    await page.goto(url(SAMPLE, "briefing.html") + query);
    await page.waitForSelector("html[data-briefing-ready]");
    const ids = await page.$$eval("li.briefing-event", (lis) => lis.map((li) => li.dataset.eventId));
    const want = events.filter((e) => e.countries.some((c) => UN_CARIBBEAN.includes(c.code) || c.code === "caribbean") &&
      (e.end || e.date) >= "2024").map((e) => e.id);
    assert.deepEqual(ids, want);
    assert.match(await page.textContent("dl.criteria"), /Caribbean/);
  });

  test("Cite this: title, date, site, address, as-of date and sources, with a copy button", async () => {
    const id = "2025-05-06-rubio-caribbean-heads-of-government";
    const e = events.find((x) => x.id === id);
    const page = await openPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
    await page.goto(url(SAMPLE, `events/${id}.html`));
    const text = await page.textContent("#cite-text");
    assert.ok(text.includes(e.title), text);
    assert.ok(text.includes("6 May 2025"), text);
    assert.ok(text.includes(`https://example.org/entente/events/${id}.html`), text);
    assert.ok(text.includes("Information as of 7 May 2025"), text);
    for (const s of e.sources) assert.ok(text.includes(s.title), s.title);
    await page.click("#cite-copy");
    await page.waitForFunction(() => document.getElementById("cite-done").textContent.length > 0);
    assert.match(await page.textContent("#cite-done"), /Copied|Selected/);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath("cite.png"), fullPage: true });
  });

  test("the chart follows the filter, opens at the recent end, and shows months for short spans", async () => {
    const page = await home(browser, SAMPLE, "?country=JM");
    const bars = await page.$$eval("#view-chart svg a", (as) => as.map((a) => a.getAttribute("aria-label")));
    const total = bars.reduce((n, l) => n + +/: (\d+) events$/.exec(l)[1], 0);
    assert.equal(total, expectedIds(events, "?country=JM").length);
    const months = await home(browser, SAMPLE, "?from=2025-01&to=2025-06");
    const labels = await months.$$eval("#view-chart svg a", (as) => as.map((a) => a.getAttribute("aria-label")));
    assert.ok(labels.every((l) => /^[A-Z][a-z]{2} 2025: \d+ events$/.test(l)), labels.join());
    // Selecting a bar narrows the view to its period.
    await months.click("#view-chart svg a >> nth=0");
    await settled(months);
    const from = new URL(months.url()).searchParams.get("from");
    assert.match(from, /^2025-\d\d$/);
    const scrolled = await page.$eval("#view-chart .chart-scroll", (d) => d.scrollLeft + d.clientWidth >= d.scrollWidth - 2);
    assert.ok(scrolled, "opens at the recent end");
  });

  test("the map's counts equal the country pages' counts, and follow the filter", async () => {
    const page = await home(browser, SAMPLE);
    const shapes = await page.$$eval("svg.map a", (as) => as.map((a) => [a.getAttribute("href"), a.querySelector("title").textContent]));
    assert.ok(shapes.length > 50);
    const index = readFileSync(path.join(SAMPLE, "countries/index.html"), "utf8");
    for (const [href, title] of shapes) {
      const n = +/: (\d+) events?$/.exec(title)[1];
      const page = href.replace(/^countries\//, "");
      const m = new RegExp(`href="../countries/${page}">[^<]+</a> <span class="count">(\\d+)</span>`).exec(index);
      assert.ok(m, href);
      assert.equal(n, +m[1], `${href}: map ${n}, country page ${m[1]}`);
    }
    const jm = await home(browser, SAMPLE, "?country=JM");
    const title = await jm.$eval('svg.map [data-code="US"] title', (t) => t.textContent);
    const n = events.filter((e) => e.countries.some((c) => c.code === "JM") && e.countries.some((c) => c.code === "US")).length;
    assert.equal(title, `United States of America: ${n} event${n === 1 ? "" : "s"}`);
    await jm.screenshot({ path: screenshotPath("analyst-map.png"), fullPage: true });
  });

  test("a country page opens with its summary", async () => {
    const page = await openPage(browser);
    await page.goto(url(SAMPLE, "countries/jm.html"));
    const text = await page.textContent("section.country-summary");
    const jm = events.filter((e) => e.countries.some((c) => c.code === "JM"));
    assert.ok(text.includes(jm[0].title) && text.includes(jm[jm.length - 1].title), text);
    assert.match(text, /By type/);
    assert.match(text, /People most involved/);
    assert.deepEqual(await axeViolations(page), []);
  });

});

describe("evidence in context", { skip: ARTICLES ? false : "ENTENTE_ARTICLES_SITE is not set" }, () => {
  test("the article's text with the sentence marked, and 'paragraph N' on the event", async () => {
    const browser = await launch();
    const page = await openPage(browser);
    const withEvidence = readdirSync(path.join(ARTICLES, "events"))
      .find((f) => readFileSync(path.join(ARTICLES, "events", f), "utf8").includes('class="evidence"'));
    assert.ok(withEvidence, "an extracted event");
    await page.goto(url(ARTICLES, `events/${withEvidence}`));
    const footer = await page.textContent("section.evidence blockquote footer");
    assert.match(footer, /paragraph \d+$/);
    assert.doesNotMatch(await page.content(), /bytes \d+/);
    const link = await page.getAttribute("section.evidence blockquote footer a", "href");
    const [file, target] = link.replace(/^\.\.\//, "").split("#");
    await page.goto(url(ARTICLES, file) + "#" + target);
    const mark = await page.$eval(`#${target}`, (m) => [m.tagName, m.closest("p").id]);
    assert.equal(mark[0], "MARK");
    assert.equal(mark[1], `p${/paragraph (\d+)/.exec(footer)[1]}`);
    // The mark links back to its event.
    const back = await page.$eval(`#${target} + a.ev-link`, (a) => a.getAttribute("href"));
    assert.equal(back, `../events/${withEvidence}`);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath("article-evidence.png"), fullPage: true });
    await browser.close();
  });
});

describe("the site's home country", { skip: HOME_SITE ? false : "ENTENTE_HOME_COUNTRY_SITE is not set" }, () => {
  test("is kept out of event lists, and kept in event pages, data and filters", async () => {
    const browser = await launch();
    const events = loadEvents(HOME_SITE);
    const page = await home(browser, HOME_SITE);
    const who = await page.$$eval("#timeline li.ev .who", (ps) => ps.map((p) => p.textContent));
    assert.ok(who.length > 0);
    assert.ok(who.every((w) => !w.includes("United States of America")), who.join(" | "));
    const us = await home(browser, HOME_SITE, "?country=US");
    assert.deepEqual(await viewIds(us), expectedIds(events, "?country=US"));
    const drawn = await us.$$eval("#timeline li.ev .who", (ps) => ps.map((p) => p.textContent));
    assert.ok(drawn.every((w) => !w.includes("United States of America")));
    const id = (await drawnIds(us))[0];
    const eventPage = readFileSync(path.join(HOME_SITE, `events/${id}.html`), "utf8");
    assert.ok(eventPage.includes("United States of America"));
    await browser.close();
  });
});

describe("analysts on the travels", { skip: TRAVELS ? false : "ENTENTE_TRAVELS_SITE is not set" }, () => {
  let browser;
  let events;
  before(async () => {
    browser = await launch();
    events = loadEvents(TRAVELS);
  });
  after(async () => browser?.close());

  test("Jamaica and Guyana since 2020, newest first, as a table, exported as CSV: exactly the matching events", async () => {
    const page = await home(browser, TRAVELS);
    await page.selectOption("#f-country", "JM");
    await settled(page);
    await page.selectOption("#f-country", "GY");
    await settled(page);
    await page.fill("#f-from", "2020");
    await page.press("#f-from", "Enter");
    await settled(page);
    await page.check('input[name="view"][value="table"]');
    await settled(page);
    const query = new URL(page.url()).search;
    assert.equal(query, "?country=JM,GY&from=2020&view=table");
    const want = events.filter((e) => e.countries.some((c) => c.code === "JM" || c.code === "GY") &&
      (e.end || e.date) >= "2020").map((e) => e.id).reverse();
    assert.ok(want.length > 5);
    assert.deepEqual(await viewIds(page), want);
    const { text } = await downloadText(page, "#export-csv");
    const all = csvLines(readFileSync(path.join(TRAVELS, "events.csv"), "utf8"));
    const byId = new Map(all.slice(1).map((l) => [l.split(",")[0], l]));
    const got = csvLines(text).slice(1);
    assert.deepEqual(got.map((l) => l.split(",")[0]), want);
    for (const line of got) assert.equal(line, byId.get(line.split(",")[0]));
    await page.screenshot({ path: screenshotPath("travels-jm-gy-table.png") });
  });

  test("the Caribbean region gives the events of its member states", async () => {
    const page = await home(browser, TRAVELS, "?region=caribbean");
    const want = events.filter((e) => e.countries.some((c) => UN_CARIBBEAN.includes(c.code) || c.code === "caribbean"))
      .map((e) => e.id).reverse();
    assert.ok(want.length > 100, `${want.length} events`);
    assert.deepEqual(await viewIds(page), want);
  });
});
