/**
 * `npm run bench`: the benchmark, in groups (`npm run bench -- edits frames` runs only those):
 *   - scan: the head-scan pipeline in Node (tests/bench/scan.ts);
 *   - painting: a heavy painted plan's map build, edits and undo history in Node (tests/bench/painting.ts);
 *   - edits: what one pointer event's plan edit costs and what an undo step keeps, from the default plan to
 *     the schema's largest, in Node (tests/bench/edits.ts);
 *   - frames: frame times of the built app in headless Chromium at 1920x1080, the cases interleaved in one
 *     run so that a shared, noisy machine cancels out of the ratios:
 *       SMP head vs the plain head, both with the skin model (target ≤ 1.3 whole head, ≤ 2.0 close-up);
 *       200 vs 10 dots per cm² (target ≤ 1.1): cost must not grow with the number of dots;
 *       the plain head vs the old flat material (`?skin=flat`): what the skin model costs.
 * Each round measures every case once (in alternating order); a ratio is taken within each round and the
 * figure is the median over rounds, with their range as the spread. Prints tables and writes JSON (the
 * groups run replace theirs in it, the others are kept). `--gpu` uses the machine's GPU instead of SwiftShader.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { launchOptions } from '../browser/chromium';
import { buildAndServe } from '../browser/server';
import { benchEdits } from './edits';
import { median } from './measure';
import { benchPainting } from './painting';
import { benchScanImport } from './scan';

const GROUPS = ['scan', 'painting', 'edits', 'frames'] as const;
type Group = (typeof GROUPS)[number];

const args = process.argv.slice(2);
const gpu = args.includes('--gpu');
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((a) => !(GROUPS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`Unknown benchmark group ${unknown.join(', ')}: use any of ${GROUPS.join(', ')} (none: all of them), and --gpu`);
  process.exit(2);
}
const groups = new Set<Group>(named.length > 0 ? (named as Group[]) : GROUPS);
const FRAMES_PER_ROUND = 2;
const ROUNDS = 5;
const OUT = process.env.BENCH_OUT ?? 'tests/bench/latest.json';

interface Case {
  name: string;
  plan: unknown;
  showSmp: boolean;
  /** Drawn on the page without the skin model (the old flat material). */
  flatSkin?: boolean;
}

const FLAT: Case = { name: 'plain, flat skin', plan: {}, showSmp: false, flatSkin: true };
const PLAIN: Case = { name: 'plain', plan: {}, showSmp: false };
const SMP: Case = { name: 'SMP 100/cm²', plan: {}, showSmp: true };
const SPARSE: Case = { name: 'SMP 10/cm²', plan: { dots: { densityPerCm2: 10 } }, showSmp: true };
const DENSE: Case = { name: 'SMP 200/cm²', plan: { dots: { densityPerCm2: 200 } }, showSmp: true };

/** The views, and the cases each measures (the density pair where every pixel runs the dot search). */
const VIEWS = [
  { name: 'whole head (three-quarter)', view: 'three-quarter' as const, distanceMm: undefined, cases: [FLAT, PLAIN, SMP], smpTarget: 1.3 },
  { name: 'close-up (top, 150 mm)', view: 'top' as const, distanceMm: 150, cases: [FLAT, PLAIN, SMP, SPARSE, DENSE], smpTarget: 2.0 },
  { name: 'close-up (mirror, 30 cm)', view: 'mirror' as const, distanceMm: undefined, cases: [FLAT, PLAIN, SMP], smpTarget: 2.0 },
];

/** Ratios taken within each round: numerator case over denominator case. */
const RATIOS = {
  smpOverPlain: [SMP, PLAIN],
  density200Over10: [DENSE, SPARSE],
  skinOverFlat: [PLAIN, FLAT],
  smpOverFlat: [SMP, FLAT],
} as const;

interface Spread {
  median: number;
  min: number;
  max: number;
}
const spread = (values: number[]): Spread => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
const showSpread = (s: Spread) => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;

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

async function openApp(url: string, browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.smpReady === 'true', null, { timeout: 120_000 });
  return page;
}

async function benchFrames(): Promise<Record<string, unknown>> {
  const { url, server } = await buildAndServe('node_modules/.smp-bench-build');
  const browser = await chromium.launch(launchOptions({ gpu }));
  try {
    const page = await openApp(url, browser);
    const flatPage = await openApp(`${url}?skin=flat`, browser);
    const renderer = await page.evaluate(() => {
      const gl = document.querySelector('canvas')!.getContext('webgl2')!;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    });
    const canvas = await page.evaluate(() => `${document.querySelector('canvas')!.width}x${document.querySelector('canvas')!.height}`);
    console.log(`Frames: ${renderer}; canvas ${canvas} px; ${ROUNDS} rounds × ${FRAMES_PER_ROUND} frames per case`);

    // Warm-up: shader compile and first uploads, once per page.
    await timeCase(flatPage, FLAT);
    await timeCase(page, SMP);
    const views: Record<string, unknown> = {};
    const rows = [['view', 'flat ms', 'plain ms', 'SMP ms', 'SMP / plain', '200 / 10', 'skin / flat', 'SMP / flat']];
    for (const v of VIEWS) {
      for (const p of [page, flatPage]) await p.evaluate(({ view, distanceMm }) => window.smp!.setView(view, distanceMm ? { distanceMm } : {}), v);
      const perRound: Record<string, number>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 ? [...v.cases].reverse() : v.cases;
        const times: Record<string, number> = {};
        for (const c of order) times[c.name] = median(await timeCase(c.flatSkin ? flatPage : page, c));
        perRound.push(times);
      }
      const medianMs = Object.fromEntries(v.cases.map((c) => [c.name, median(perRound.map((r) => r[c.name]!))]));
      const ratios = Object.fromEntries(
        Object.entries(RATIOS)
          .filter(([, [a, b]]) => v.cases.includes(a) && v.cases.includes(b))
          .map(([name, [a, b]]) => [name, spread(perRound.map((r) => r[a.name]! / r[b.name]!))]),
      ) as Partial<Record<keyof typeof RATIOS, Spread>>;
      views[v.name] = { medianMs, ratios, smpTarget: v.smpTarget };
      const cell = (s: Spread | undefined) => (s ? showSpread(s) : '–');
      rows.push([v.name, medianMs[FLAT.name]!.toFixed(0), medianMs[PLAIN.name]!.toFixed(0), medianMs[SMP.name]!.toFixed(0), cell(ratios.smpOverPlain), cell(ratios.density200Over10), cell(ratios.skinOverFlat), cell(ratios.smpOverFlat)]);
      console.log(`  ${rows.at(-1)!.join('  ')}`);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
    console.log('Ratios: median over rounds (lowest–highest). Targets: SMP / plain ≤ 1.3 whole head, ≤ 2.0 close-up; 200 / 10 ≤ 1.1');
    return { renderer, canvas, gpu, rounds: ROUNDS, framesPerRound: FRAMES_PER_ROUND, views };
  } finally {
    await browser.close();
    await server.close();
  }
}

const results: Record<string, unknown> = {};
if (groups.has('scan')) results.scanImport = benchScanImport();
if (groups.has('painting')) results.painting = benchPainting();
if (groups.has('edits')) results.edits = benchEdits();
if (groups.has('frames')) results.frames = await benchFrames();

mkdirSync(OUT.replace(/\/[^/]*$/, ''), { recursive: true });
const previous = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, unknown>) : {};
const dates = { ...((previous.dates as Record<string, string> | undefined) ?? {}), ...Object.fromEntries([...groups].map((g) => [g, new Date().toISOString()])) };
writeFileSync(OUT, `${JSON.stringify({ ...previous, dates, ...results }, null, 2)}\n`);
console.log(`Wrote ${OUT} (${[...groups].join(', ')})`);
