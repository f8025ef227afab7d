#!/usr/bin/env node
// Measures the home page's browser budgets (issue 15) in headless Chromium, on a built site:
//
//   scripts/bench-browser.mjs [SITE_DIR]      (default: a 50,000-event site it generates and builds)
//
// Without SITE_DIR it generates `gen_events.py --n 50000 --seed 1` into target/bench-browser/
// (types sanction and aid become other, as in scripts/bench-build), builds it with the release
// binary, and measures, over RUNS page loads each (env RUNS, default 5; medians reported):
//
//   - bytes of index.html, and of everything the page loads by its load event (the page, style
//     sheet, script and any index; an upper bound of what comes before first paint)
//   - first contentful paint, and "ready for input": the later of the script's entente:ready
//     mark and the end of the last long task (>50 ms) before it
//   - a filter or search change, from the input event to the next painted frame after the
//     results are drawn: the first change of a page (which loads events.js and the rows-N.js
//     parts of the rows it draws on the way) and
//     later changes; and the same on a phone-class CPU (Chromium's 4x CPU throttling)
//
// Needs Node 20+, Debian's chromium and tests/browser/node_modules (npm ci --prefix tests/browser).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(REPO, "tests/browser/package.json"));
const { chromium } = require("playwright-core");
const RUNS = +(process.env.RUNS || 5);

function fail(message) {
  console.error("bench-browser: " + message);
  process.exit(2);
}

function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"]) {
    if (p && existsSync(p)) return p;
  }
  fail("Chromium not found (Debian: apt-get install chromium)");
}

function generatedSite() {
  const gen = [process.env.ENTENTE_GEN_EVENTS, path.join(REPO, "../shared/bench/gen_events.py"),
    "/work/shared/bench/gen_events.py"].find((p) => p && existsSync(p));
  if (!gen) fail("no site given and ../shared/bench/gen_events.py not found");
  const work = path.join(REPO, "target/bench-browser");
  const root = path.join(work, "site");
  if (!existsSync(path.join(root, ".complete"))) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    console.error("generating 50,000 events...");
    execFileSync("python3", [gen, "--n", "50000", "--seed", "1", "--out", root], { stdio: "ignore" });
    const dir = path.join(root, "content/events");
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      const t = readFileSync(p, "utf8");
      if (/^(- )?type: (sanction|aid)$/m.test(t)) {
        writeFileSync(p, t.replace(/^(- )?type: (sanction|aid)$/gm, (m, dash) => `${dash || ""}type: other`));
      }
    }
    writeFileSync(path.join(root, "content/site.yaml"),
      "title: Bench timeline\ndescription: Synthetic events\nbase_url: https://example.org/\n");
    writeFileSync(path.join(root, ".complete"), "");
  }
  console.error("building (release)...");
  const cargo = spawnSync("cargo", ["build", "--release", "--quiet"], { cwd: REPO, stdio: "inherit" });
  if (cargo.status !== 0) fail("cargo build --release failed");
  const out = path.join(work, "public");
  rmSync(out, { recursive: true, force: true });
  execFileSync(path.join(REPO, "target/release/entente"), ["build", "--quiet", "--root", root, "--out", out]);
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function loadHome(browser, site, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  }
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  });
  const requested = [];
  let loaded = false;
  page.on("request", (r) => { if (!loaded) requested.push(r.url()); });
  await page.goto(pathToFileURL(path.join(site, "index.html")).href);
  loaded = true;
  await page.waitForSelector("html[data-filters-ready]");
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    const ready = performance.getEntriesByName("entente:ready")[0]?.startTime ?? NaN;
    const lastLong = window.__longTasks.filter(([s]) => s <= ready).reduce((a, [s, d]) => Math.max(a, s + d), 0);
    return { fcp, ready: Math.max(ready, lastLong) };
  });
  return { page, context, early: requested, ...m };
}

// Sets a control as a person would and resolves at the first frame painted after the results.
// (The country control adds a country; its hidden field, #f-country-value, holds the list.)
async function change(page, selector, value) {
  return page.evaluate(async ([sel, v]) => {
    const el = document.querySelector(sel);
    const t0 = performance.now();
    el.value = v;
    el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "change", { bubbles: true }));
    await new Promise((resolve) => {
      const check = () => (document.documentElement.hasAttribute("data-busy")
        ? requestAnimationFrame(check) : requestAnimationFrame(() => setTimeout(resolve, 0)));
      check();
    });
    return performance.now() - t0;
  }, [selector, value]);
}

const FIRST_SEARCH = 2;
const STEPS = [
  ["#f-country", "JM"],
  ["#f-type", "meeting"],
  ["#f-q", "maritime"],
  ["#f-q", "maritime patrols"],
  ["#f-from", "2020"],
  ["#f-country-value", ""],
  ["#f-q", "stability"],
  ["#f-type", ""],
  ["#f-from", ""],
  ["#f-q", ""],
];

async function main() {
  const site = process.argv[2] ? path.resolve(process.argv[2]) : generatedSite();
  if (!existsSync(path.join(site, "index.html"))) fail(`${site}/index.html not found`);
  const events = +(/"n":(\d+)/.exec(readFileSync(path.join(site, "index/events.js"), "utf8").slice(0, 200)) || [0, 0])[1];
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const rows = [];
  for (const throttle of [0, 4]) {
    const fcp = [], ready = [], first = [], later = [], firstSearch = [], early = new Set();
    const perStep = [];
    for (let run = 0; run < RUNS; run++) {
      const { page, context, ...m } = await loadHome(browser, site, throttle);
      fcp.push(m.fcp);
      ready.push(m.ready);
      m.early.forEach((u) => early.add(u));
      // The first change of the page loads what it needs (no warming by focus here), as
      // does the first search (the word index).
      first.push(await change(page, STEPS[0][0], STEPS[0][1]));
      for (const [k, [sel, v]] of STEPS.entries()) {
        if (k === 0) continue;
        const ms = await change(page, sel, v);
        if (k === FIRST_SEARCH) firstSearch.push(ms);
        else later.push(ms);
        (perStep[k] = perStep[k] || []).push(ms);
      }
      await context.close();
    }
    const earlyBytes = [...early].map((u) => statSync(fileURLToPath(u.split("?")[0])).size).reduce((a, b) => a + b, 0);
    rows.push({ throttle, fcp: median(fcp), ready: median(ready), first: median(first), firstMax: Math.max(...first),
      later: median(later), laterMax: Math.max(...later), firstSearch: median(firstSearch), earlyBytes,
      early: [...early].map((u) => path.basename(u.split("?")[0])),
      steps: perStep.map((xs, k) => xs && `${STEPS[k][0]}=${JSON.stringify(STEPS[k][1])} ${median(xs).toFixed(1)}`).filter(Boolean) });
  }
  await browser.close();
  const home = statSync(path.join(site, "index.html")).size;
  // Single files by name; the parts (rows-N.js, details-N.js) as a count and a total.
  const groups = new Map();
  for (const f of readdirSync(path.join(site, "index")).sort()) {
    const key = f.replace(/-\d+\.js$/, "-N.js");
    const g = groups.get(key) || { files: 0, bytes: 0 };
    g.files++;
    g.bytes += statSync(path.join(site, "index", f)).size;
    groups.set(key, g);
  }
  const index = [...groups].map(([k, g]) => `${k}${g.files > 1 ? ` (${g.files} files)` : ""} ${(g.bytes / 1e6).toFixed(2)} MB`);
  console.log(`\nbrowser budgets, ${events} events, ${site}, Chromium headless, ${RUNS} loads (medians; max where given)\n`);
  console.log(`index.html: ${(home / 1024).toFixed(1)} KB (budget 300 KB); index files: ${index.join(", ")}\n`);
  console.log("| CPU | loaded by the load event | first contentful paint | ready for input | first change (loads events.js, rows) | first search (loads text.js) | other changes, median / max |");
  console.log("|---|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| ${r.throttle ? `${r.throttle}x slower (phone class)` : "this machine"} | ${(r.earlyBytes / 1024).toFixed(1)} KB (${r.early.join(", ")}) | ${r.fcp.toFixed(0)} ms | ${r.ready.toFixed(0)} ms | ${r.first.toFixed(0)} ms (max ${r.firstMax.toFixed(0)}) | ${r.firstSearch.toFixed(0)} ms | ${r.later.toFixed(1)} / ${r.laterMax.toFixed(1)} ms |`);
  }
  console.log("\nmedian of each change, this machine then phone class:");
  for (const r of rows) console.log("  " + r.steps.join("; "));
  console.log("\nbudgets: index.html <= 300 KB; before first paint <= 500 KB; first contentful paint < 500 ms; ready for input < 1500 ms; change to painted < 100 ms");
}

main().catch((e) => fail(e.stack || String(e)));
