// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core (no browser
// is ever downloaded), sites opened from disk, and expectations computed from events.json.
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

export const SAMPLE = process.env.ENTENTE_SAMPLE_SITE || "";
export const FIXTURE = process.env.ENTENTE_FIXTURE_SITE || "";
export const TRAVELS = process.env.ENTENTE_TRAVELS_SITE || "";
export const SCALE = process.env.ENTENTE_SCALE_SITE || "";
export const SHOTS = process.env.ENTENTE_SCREENSHOTS || path.resolve("target/screenshots");
export const AXE = require.resolve("axe-core/axe.min.js");

function browserPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  // The real binary: the /usr/bin/chromium wrapper script only adds flags we set ourselves.
  for (const p of ["/usr/lib/chromium/chromium", "/usr/bin/chromium"]) {
    if (existsSync(p)) return p;
  }
  throw new Error("no Chromium found: install Debian's chromium package or set CHROMIUM_PATH");
}

export async function launch() {
  return chromium.launch({
    executablePath: browserPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export function url(site, rel) {
  return pathToFileURL(path.join(site, rel)).href;
}

/// A page that records console errors, page errors and every request that is not a file.
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.external = [];
  page.on("console", (msg) => {
    // axe-core reads stylesheets with XMLHttpRequest, which file: pages refuse; that noise
    // is the test's own, so errors after axe is injected are not the page's.
    if (msg.type() === "error" && !page.axeInjected) page.problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.problems.push(`pageerror: ${err.message}`));
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("file:") || u.startsWith("data:")) return route.continue();
    page.external.push(u);
    return route.abort();
  });
  return page;
}

export function screenshotPath(name) {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
}

export function loadEvents(site) {
  return JSON.parse(readFileSync(path.join(site, "events.json"), "utf8"));
}

function firstDay(iso) {
  const [y, m, d] = iso.split("-");
  return `${y}-${m || "01"}-${d || "01"}`;
}

function lastDay(iso) {
  const [y, m, d] = iso.split("-");
  if (d) return iso;
  if (m) {
    const days = new Date(Date.UTC(+y, +m, 0)).getUTCDate();
    return `${y}-${m}-${String(days).padStart(2, "0")}`;
  }
  return `${y}-12-31`;
}

export function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export function slug(text) {
  return fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/// The words of a text as the site's search splits them: folded, runs of letters and digits.
export function words(text) {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/// Ids of the events a filter query selects, newest first (the site's order), computed from
/// the exported JSON independently of the page's own code: every given criterion must hold;
/// dates overlap the range; each word of `q` is part of a word of the event's text (a
/// one-letter word must be a whole word).
export function expectedIds(events, query) {
  const q = new URLSearchParams(query);
  const terms = q.get("q") ? words(q.get("q")) : [];
  const from = q.get("from") ? firstDay(q.get("from")) : null;
  const to = q.get("to") ? lastDay(q.get("to")) : null;
  const countries = q.get("country") ? q.get("country").split(",").map((c) => c.toUpperCase()) : null;
  const person = q.get("person") || q.get("actor");
  return events
    .filter((e) => {
      if (countries && !e.countries.some((c) => countries.includes(c.code.toUpperCase()))) return false;
      if (q.get("type") && e.type !== q.get("type")) return false;
      if (person && !e.actors.some((a) => slug(a) === person)) return false;
      if (q.get("tag") && !e.tags.some((t) => slug(t) === q.get("tag"))) return false;
      const start = firstDay(e.date);
      const end = lastDay(e.end || e.date);
      if (from && end < from) return false;
      if (to && start > to) return false;
      if (terms.length) {
        const have = words(
          [e.title, summaryText(e.summary), ...e.actors, ...e.places, ...e.countries.map((c) => c.name)].join(" "),
        );
        if (!terms.every((t) => have.some((w) => (t.length === 1 ? w === t : w.includes(t))))) return false;
      }
      return true;
    })
    .map((e) => e.id)
    .reverse();
}

/// The summary's words without Markdown link targets (the site searches the text a reader sees).
function summaryText(markdown) {
  return (markdown || "").replace(/\]\([^)]*\)/g, "]");
}

/// Ids of every event in the current view, in display order (the drawn rows are a window of it).
export async function viewIds(page) {
  return page.evaluate(() => window.Entente.current());
}

/// Ids of the rows in the document, in order.
export async function drawnIds(page) {
  return page.$$eval("#timeline li.ev", (items) => items.map((li) => li.getAttribute("data-event-id")));
}

/// Waits until the home page has finished applying its filters.
export async function settled(page) {
  await page.waitForFunction(() => !document.documentElement.hasAttribute("data-busy"), null, { timeout: 60000 });
}

/// Serious and critical axe-core violations of the loaded page.
export async function axeViolations(page) {
  await page.waitForLoadState("load");
  page.axeInjected = true;
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, { resultTypes: ["violations"] });
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

/// The events whose pages can be reached from the home page by following at most `depth`
/// plain links (no script), read from the built files; and the most clicks any of them needed.
export function reachable(site, depth) {
  const seen = new Map([["index.html", 0]]);
  let frontier = ["index.html"];
  const ids = new Set();
  let clicks = 0;
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next = [];
    for (const rel of frontier) {
      if (rel.startsWith("events/")) continue;
      const html = readFileSync(path.join(site, rel), "utf8");
      for (const m of html.matchAll(/href="([^"#?]+\.html)(?:[?#][^"]*)?"/g)) {
        if (/^[a-z]+:/.test(m[1])) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1]));
        if (target.startsWith("..") || seen.has(target)) continue;
        if (!existsSync(path.join(site, target))) throw new Error(`${rel} links to missing ${target}`);
        seen.set(target, d);
        next.push(target);
        const ev = /^events\/(.+)\.html$/.exec(target);
        if (ev) {
          ids.add(ev[1]);
          clicks = Math.max(clicks, d);
        }
      }
    }
    frontier = next;
  }
  return { ids, clicks };
}
