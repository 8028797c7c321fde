/**
 * The buildable-V3000 page of the dashboard in real Chromium (Debian's /usr/bin/chromium via
 * playwright-core): one row per claim the audit finds inconsistent or impossible; halving the
 * detector efficiency reruns the derivation on the server and doubles the photons a read-out
 * needs (n̄ = ln(1/2ε)/η) while the failover figure, which does not read it, stays; a value out
 * of range is named beside its field; the buildable scenario starts as a run and opens live.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import type { RunStore } from "../../src/store/run-store.js";
import { haveChromium, startBrowserServer, stopBrowserServer } from "../helpers/browser.js";
import { runImprove } from "../../src/experiments/improve/index.js";

describe.skipIf(!haveChromium)("buildable V3000 page in Chromium", () => {
  let dir: string;
  let store: RunStore;
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    ({ dir, store, app, browser, origin } = await startBrowserServer("pqms-improve-page-", { writeReports: false }));
  }, 180_000);

  afterAll(async () => {
    await stopBrowserServer({ dir, store, app, browser });
  });

  it("changing an assumption moves the figures that read it, and only those; the scenario runs", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    // Chromium logs every 4xx fetch as a console error: the out-of-range value below is one on purpose.
    page.on("console", (m) => { if (m.type() === "error" && !/status of 400 \(Bad Request\)/.test(m.text())) problems.push(m.text()); });
    page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push(r.url()); });
    await page.goto(`${origin}/#/improve`);
    await page.waitForSelector("#improve-rows tr[data-claim]");
    expect(await page.locator("#improve-rows tr[data-claim]").count()).toBe(runImprove({ hypotheses: false }).changes.length);

    const cell = (claim: string, col: string) => page.locator(`#improve-rows tr[data-claim="${claim}"] td.${col}`);
    const num = async (claim: string, col: string) => Number(await cell(claim, col).textContent());
    const photons = await num("s22-photons-per-op", "achievable");
    const failover = await cell("s32-failover", "achievable").textContent();
    expect(await cell("s22-photons-per-op", "set-by").textContent()).toContain("detectorEfficiency");

    await page.fill("#a-detectorEfficiency", "0.465");
    await page.locator("#a-detectorEfficiency").dispatchEvent("change");
    await page.waitForFunction(() => /moved/.test(document.getElementById("improve-status")?.textContent ?? ""));
    // The page shows 4 significant digits: the doubled figure agrees to that.
    expect((await num("s22-photons-per-op", "achievable")) / photons).toBeCloseTo(2, 2);
    expect(await page.locator('#improve-rows tr[data-claim="s22-photons-per-op"]').getAttribute("class")).toBe("moved");
    expect(await cell("s32-failover", "achievable").textContent()).toBe(failover);
    expect(await page.locator('#improve-rows tr[data-claim="s32-failover"]').getAttribute("class")).toBeNull();
    expect(await page.locator("#assumption-detectorEfficiency").getAttribute("class")).toContain("changed");

    await page.fill("#a-detectorEfficiency", "2");
    await page.locator("#a-detectorEfficiency").dispatchEvent("change");
    await page.waitForFunction(() => (document.getElementById("a-detectorEfficiency-err")?.textContent ?? "") !== "");
    expect(await page.locator("#a-detectorEfficiency-err").textContent()).toBe('expected a finite number in [0.05, 1], got "2"');
    expect(await page.locator("#improve-run").isDisabled()).toBe(true);

    await page.click("#improve-reset");
    await page.waitForFunction(() => /^0 assumption/.test(document.getElementById("improve-status")?.textContent ?? ""));
    await page.click("#improve-run");
    await page.waitForURL(/#\/live\/run-[0-9a-f]{8}$/);
    const runs = store.listRuns();
    expect(runs.map((r) => r.name)).toEqual(["v3000-buildable"]);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});

declare const document: { getElementById(id: string): { textContent: string | null } | null };
