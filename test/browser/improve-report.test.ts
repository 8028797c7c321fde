/**
 * "The paper's V3000 and the buildable one" opens in real Chromium (Debian's /usr/bin/chromium via
 * playwright-core) with no console errors, one table row per change, and its three plots.
 */
import { describe, it, expect } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runImprove, TECHNOLOGY_DEFAULT } from "../../src/experiments/improve/index.js";
import { improveReportData } from "../../src/report/improve-report-data.js";
import { writeImproveReport } from "../../src/report/improve-report.js";
import { haveChromium, launchChromium } from "../helpers/browser.js";

declare const document: { querySelectorAll(s: string): { length: number }; querySelector(s: string): { textContent: string | null } | null };

describe.skipIf(!haveChromium)("improve report in Chromium", () => {
  it("opens without errors, with every change and its plots", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pqms-improve-report-"));
    try {
      const r = runImprove({ hypotheses: false });
      const { html } = writeImproveReport(improveReportData(r, TECHNOLOGY_DEFAULT), dir);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(String(e)));
        page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
        await page.goto(pathToFileURL(html).href);
        const got = await page.evaluate(() => ({ title: document.querySelector("h1")?.textContent ?? "", svgs: document.querySelectorAll("figure svg").length, rows: document.querySelectorAll("table:first-of-type tbody tr").length }));
        expect(errors).toEqual([]);
        expect(got.title).toBe("The paper's V3000 and the buildable one");
        expect(got.svgs).toBe(3);
        expect(got.rows).toBe(r.changes.length);
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
