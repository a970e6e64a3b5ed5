/**
 * `npm run bench`: frame-time ratios of the built app in headless Chromium at 1920x1080, measured side by
 * side in one run so that a shared, noisy machine cancels out:
 *   - SMP head vs plain head, both with the same skin shading (target ≤ 1.3 whole head, ≤ 2.0 close-up): what the
 *     pigment costs;
 *   - 200 vs 10 dots per cm² (target ≤ 1.1): cost must not grow with the number of dots;
 *   - the plain head vs the same head without the skin model (`?skin=flat`): what the skin shading costs;
 * and, in Node first, the head-scan pipeline (tests/bench/scan.ts) and a heavy painted plan: its map build,
 * edits and undo history (tests/bench/painting.ts).
 * Views are measured in interleaved rounds and each figure is a median. Prints a table and writes JSON.
 * `--gpu` uses the machine's GPU instead of SwiftShader (for real GPU timings).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { launchOptions } from '../browser/chromium';
import { buildAndServe } from '../browser/server';
import { benchPainting } from './painting';
import { benchScanImport } from './scan';

const gpu = process.argv.includes('--gpu');
const FRAMES_PER_ROUND = 3;
const ROUNDS = 5;
const OUT = process.env.BENCH_OUT ?? 'tests/bench/latest.json';

interface Case {
  name: string;
  plan: unknown;
  showSmp: boolean;
  /** Drawn on the page without the skin model. */
  flatSkin?: boolean;
}

const CASES: Case[] = [
  { name: 'plain head', plan: {}, showSmp: false },
  { name: 'plain head, flat skin', plan: {}, showSmp: false, flatSkin: true },
  { name: 'SMP head (100/cm²)', plan: {}, showSmp: true },
  { name: 'SMP 10/cm²', plan: { dots: { densityPerCm2: 10 } }, showSmp: true },
  { name: 'SMP 200/cm²', plan: { dots: { densityPerCm2: 200 } }, showSmp: true },
];

const VIEWS = [
  { name: 'whole head (three-quarter)', view: 'three-quarter' as const, distanceMm: undefined },
  { name: 'scalp close-up (top, 150 mm)', view: 'top' as const, distanceMm: 150 },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function timeCase(page: Page, c: Case): Promise<number[]> {
  return page.evaluate(
    async ({ plan, showSmp, frames }) => {
      window.smp!.setPlan(plan);
      window.smp!.setShowSmp(showSmp);
      await window.smp!.whenRendered();
      return window.smp!.measureFrameTimes(frames);
    },
    { plan: c.plan, showSmp: c.showSmp, frames: FRAMES_PER_ROUND },
  );
}

const scanImport = benchScanImport();
const painting = benchPainting();
const { url, server } = await buildAndServe('node_modules/.smp-bench-build');
const browser = await chromium.launch(launchOptions({ gpu }));
const results: Record<string, Record<string, number>> = {};
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.smpReady === 'true', null, { timeout: 120_000 });
  const flatPage = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  await flatPage.goto(`${url}?skin=flat`);
  await flatPage.waitForFunction(() => document.documentElement.dataset.smpReady === 'true', null, { timeout: 120_000 });
  const renderer = await page.evaluate(() => {
    const gl = document.querySelector('canvas')!.getContext('webgl2')!;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  });
  const canvasSize = await page.evaluate(() => {
    const c = document.querySelector('canvas')!;
    return `${c.width}x${c.height}`;
  });
  console.log(`Renderer: ${renderer}; canvas ${canvasSize} px; ${ROUNDS} rounds × ${FRAMES_PER_ROUND} frames per case`);

  for (const v of VIEWS) {
    for (const p of [page, flatPage]) await p.evaluate(({ view, distanceMm }) => window.smp!.setView(view, distanceMm ? { distanceMm } : {}), v);
    await timeCase(flatPage, CASES[1]!);
    const samples: Record<string, number[]> = Object.fromEntries(CASES.map((c) => [c.name, []]));
    await timeCase(page, CASES[1]!); // warm-up: shader compile and first uploads
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of CASES) samples[c.name]!.push(...(await timeCase(c.flatSkin ? flatPage : page, c)));
    }
    results[v.name] = Object.fromEntries(CASES.map((c) => [c.name, median(samples[c.name]!)]));
  }

  const rows: string[][] = [['view', 'plain ms', 'SMP ms', 'SMP / plain', '10/cm² ms', '200/cm² ms', '200 / 10', 'flat skin ms', 'skin / flat']];
  const summary: Record<string, unknown> = {};
  for (const [view, r] of Object.entries(results)) {
    const smpRatio = r['SMP head (100/cm²)']! / r['plain head']!;
    const densityRatio = r['SMP 200/cm²']! / r['SMP 10/cm²']!;
    const skinRatio = r['plain head']! / r['plain head, flat skin']!;
    summary[view] = { medianMs: r, smpOverPlain: smpRatio, density200Over10: densityRatio, skinOverFlat: skinRatio };
    rows.push([view, r['plain head']!.toFixed(2), r['SMP head (100/cm²)']!.toFixed(2), smpRatio.toFixed(2), r['SMP 10/cm²']!.toFixed(2), r['SMP 200/cm²']!.toFixed(2), densityRatio.toFixed(2), r['plain head, flat skin']!.toFixed(2), skinRatio.toFixed(2)]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  console.log('Targets: SMP / plain ≤ 1.3 whole head, ≤ 2.0 close-up; 200 / 10 ≤ 1.1');

  mkdirSync(OUT.replace(/\/[^/]*$/, ''), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify({ date: new Date().toISOString(), renderer, canvas: canvasSize, gpu, roundsPerCase: ROUNDS, framesPerRound: FRAMES_PER_ROUND, results: summary, scanImport, painting }, null, 2)}\n`,
  );
  console.log(`Wrote ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
