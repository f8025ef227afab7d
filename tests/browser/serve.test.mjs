// `entente serve` in a real browser: an open tab reloads after an edit, a broken edit shows
// its file:line:col in an overlay while the last good page stays, and fixing it clears it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launch, screenshotPath } from "./helpers.mjs";

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
});
