// `entente serve` in a real browser: an open tab reloads after an edit, a broken edit shows
// its file:line:col in an overlay while the last good page stays, and fixing it clears it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launch, screenshotPath, expectedIds } from "./helpers.mjs";

const BIN = process.env.ENTENTE_BIN || "";
const SITE = process.env.ENTENTE_SERVE_SITE || "";
const skip = BIN && SITE ? false : "ENTENTE_BIN/ENTENTE_SERVE_SITE not set (run through `cargo test --test suite browser::`)";

/// Starts the server on a free port; resolves with its base URL once it says where it listens.
function startServer() {
  const child = spawn(BIN, ["serve", "--port", "0", "--root", SITE], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${seen}`)), 30000);
    child.stdout.on("data", (chunk) => {
      seen += chunk;
      const m = seen.match(/http:\/\/[0-9.]+:[0-9]+\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[0] });
      }
    });
    child.stderr.on("data", () => {});
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${seen}`)));
  });
}

describe("entente serve", { skip }, () => {
  let browser;
  let server;
  const eventFile = path.join(SITE, "content/events/seed.yaml");
  let original;
  before(async () => {
    original = readFileSync(eventFile, "utf8");
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    if (server) {
      const exited = new Promise((resolve) => server.child.on("exit", resolve));
      server.child.kill("SIGINT");
      await exited;
    }
  });

  test("an open tab reloads after an edit and shows a broken edit's error over the last good page", async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.base + "index.html");
    const title = "Rubio meets Caribbean heads of government";
    assert.ok((await page.content()).includes(title), "the served home page lists the event");

    // An edit: the tab reloads by itself and shows it.
    const edited = original.replace(title, "Rubio meets Caribbean leaders in Kingston");
    assert.notEqual(edited, original);
    const reloaded = page.waitForEvent("load", { timeout: 20000 });
    writeFileSync(eventFile, edited);
    await reloaded;
    await page.waitForFunction(() => document.body.textContent.includes("leaders in Kingston"), null, { timeout: 20000 });

    // A broken edit: an overlay names file, line and column; the page underneath is the last good one.
    writeFileSync(eventFile, edited.replace("type: meeting", "type: meetng"));
    const overlay = page.locator("#entente-error-overlay");
    await overlay.waitFor({ timeout: 20000 });
    const text = await overlay.textContent();
    assert.match(text, /seed\.yaml:\d+:\d+/, text);
    assert.match(text, /meetng/, text);
    assert.equal(await overlay.getAttribute("role"), "alert");
    assert.ok((await page.content()).includes("leaders in Kingston"), "last good page stays");
    await page.screenshot({ path: screenshotPath("serve-error-overlay.png") });

    // Fixed: the overlay goes and the tab shows the fixed content.
    writeFileSync(eventFile, original);
    await page.waitForFunction(() => !document.getElementById("entente-error-overlay")
      && document.body.textContent.includes("Rubio meets Caribbean heads of government"), null, { timeout: 20000 });
    assert.deepEqual(errors, []);
  });

  // Issue 16's behaviours over HTTP, as over file:// in analyst.test.mjs.
  test("filters, the table, exports, the briefing builder, Cite this and the map work over entente serve", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const events = await (await fetch(server.base + "events.json")).json();
    const query = "?country=JM,US&view=table";
    await page.goto(server.base + "index.html" + query);
    await page.waitForFunction(() => document.documentElement.dataset.indexReady && !document.documentElement.dataset.busy);
    const want = expectedIds(events, query);
    assert.ok(want.length > 1);
    assert.deepEqual(await page.evaluate(() => window.Entente.current()), want);
    assert.deepEqual(await page.$$eval("#timeline-body tr[data-event-id]", (trs) => trs.map((tr) => tr.dataset.eventId)), want);
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    const csv = readFileSync(await dl.path(), "utf8").trim().split("\n");
    const all = (await (await fetch(server.base + "events.csv")).text()).trim().split("\n");
    for (const line of csv.slice(1)) assert.ok(all.includes(line), line);
    assert.equal(csv.length - 1, want.length);
    assert.ok(await page.$("svg.map path[data-code]"), "the map is drawn");
    await page.click("#make-briefing");
    await page.waitForSelector("html[data-briefing-ready]");
    assert.deepEqual(await page.$$eval("li.briefing-event", (lis) => lis.map((li) => li.dataset.eventId)), [...want].reverse());
    await page.goto(server.base + `events/${want[0]}.html`);
    await page.waitForSelector("#cite-text");
    assert.ok((await page.textContent("#cite-text")).includes(events.find((e) => e.id === want[0]).title));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
