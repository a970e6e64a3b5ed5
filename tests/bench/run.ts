/**
 * `npm run bench`: the benchmark, in groups (`npm run bench -- edits frames` runs only those):
 *   - scan: the head-scan pipeline in Node (tests/bench/scan.ts);
 *   - painting: a heavy painted plan's map build, edits and undo history in Node (tests/bench/painting.ts);
 *   - edits: what one pointer event's plan edit costs and what an undo step keeps, from the default plan to
 *     the schema's largest, in Node (tests/bench/edits.ts);
 *   - photo: fitting the head to a client's face and crown photos, in Node (tests/bench/photoFit.ts);
 *   - frames: frame times of the built app in headless Chromium at 1920x1080, the cases interleaved in one
 *     run so that a shared, noisy machine cancels out of the ratios:
 *       SMP head vs the plain head, both with the skin model (target ≤ 1.3 whole head, ≤ 2.0 close-up);
 *       200 vs 10 dots per cm² (target ≤ 1.1): cost must not grow with the number of dots;
 *       the plain head vs the old flat material (`?skin=flat`): what the skin model costs.
 *     It also prints the built app's initial JavaScript, gzipped, against its 420 KB budget.
 * Each round measures every case once (in alternating order); a ratio is taken within each round and the
 * figure is the median over rounds, with their range as the spread. Prints tables and writes JSON (the
 * groups run replace theirs in it, the others are kept). `--gpu` uses the machine's GPU instead of SwiftShader.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launchOptions } from '../browser/chromium';
import { buildAndServe } from '../browser/server';
import { benchEdits } from './edits';
import { median } from './measure';
import { benchPainting } from './painting';
import { benchPhotoFit } from './photoFit';
import { benchScanImport } from './scan';
import { INITIAL_JS_BUDGET_BYTES, initialJavaScript, kilobytes, totalGzip } from '../support/initialLoad';

const GROUPS = ['scan', 'painting', 'edits', 'photo', 'frames'] as const;
type Group = (typeof GROUPS)[number];

const USAGE = `Usage: npm run bench -- [${GROUPS.join(' | ')} …] [--gpu] [--rounds=N] [--views=three-quarter,top,mirror] (no group: all of them)`;
const args = process.argv.slice(2);
/** The value of `--name=value`, if given. */
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const gpu = args.includes('--gpu');
const named = args.filter((a) => !a.startsWith('--'));
const unknown = [...named.filter((a) => !(GROUPS as readonly string[]).includes(a)), ...args.filter((a) => a.startsWith('--') && !/^--(gpu|rounds=\d+|views=[a-z,-]+)$/.test(a))];
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(', ')}. ${USAGE}`);
  process.exit(2);
}
const groups = new Set<Group>(named.length > 0 ? (named as Group[]) : GROUPS);
/** Frames per case per round: one (after the frame that settles the change); rounds give the spread. */
const FRAMES_PER_ROUND = 1;
const ROUNDS = Number(option('rounds') ?? 5);
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

const viewNames = option('views')?.split(',');
const badView = viewNames?.find((name) => !VIEWS.some((v) => v.view === name));
if (badView !== undefined || ROUNDS < 1) {
  console.error(`${badView !== undefined ? `Unknown view ${badView}` : '--rounds must be at least 1'}. ${USAGE}`);
  process.exit(2);
}
const chosenViews = VIEWS.filter((v) => !viewNames || viewNames.includes(v.view));

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

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU time (ms) used so far by the GPU process of the browser `browserPid` (Linux /proc), where SwiftShader
 * draws: unlike the wall clock it does not count the other work sharing the machine. Null where not found.
 */
function gpuProcessCpuMs(browserPid: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=gpu-process')) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command's name: state, ppid, …, utime and stime (fields 4, 14 and 15 of proc(5)).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === browserPid) return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    } catch {
      // the process ended while being read: not the one
    }
  }
  return null;
}

/**
 * One case's frame time (ms): SwiftShader's CPU time per frame where it can be read (the wall clock on a GPU
 * or without /proc), after the frame that settles the change.
 */
async function timeCase(page: Page, c: Case, browserPid: number): Promise<number> {
  await page.evaluate(
    async ({ plan, showSmp }) => {
      window.smp!.setPlan(plan);
      window.smp!.setShowSmp(showSmp);
      await window.smp!.whenRendered();
    },
    { plan: c.plan, showSmp: c.showSmp },
  );
  const before = gpu ? null : gpuProcessCpuMs(browserPid);
  const wall = await page.evaluate((frames) => window.smp!.measureFrameTimes(frames), FRAMES_PER_ROUND);
  const after = before === null ? null : gpuProcessCpuMs(browserPid);
  return after === null || before === null ? median(wall) : (after - before) / FRAMES_PER_ROUND;
}

async function openApp(url: string, browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.smpReady === 'true', null, { timeout: 120_000 });
  return page;
}

async function benchFrames(): Promise<Record<string, unknown>> {
  // One build folder per run, so that two runs on one machine never serve each other's half-written build.
  const outDir = `node_modules/.smp-bench-build-${process.pid}`;
  const { url, server } = await buildAndServe(outDir);
  const initialJs = totalGzip(await initialJavaScript((path) => readFile(join(outDir, path))));
  console.log(`Initial JavaScript: ${kilobytes(initialJs)} gzip (budget ${kilobytes(INITIAL_JS_BUDGET_BYTES)})`);
  // SwiftShader, not the tests' llvmpipe: the README's frame figures were measured with it, and stay comparable.
  const browserServer = await chromium.launchServer(launchOptions({ gpu, software: 'swiftshader' }));
  const browserPid = browserServer.process().pid ?? -1;
  const browser = await chromium.connect(browserServer.wsEndpoint());
  try {
    const page = await openApp(url, browser);
    const flatPage = await openApp(`${url}?skin=flat`, browser);
    const renderer = await page.evaluate(() => {
      const gl = document.querySelector('canvas')!.getContext('webgl2')!;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    });
    const canvas = await page.evaluate(() => `${document.querySelector('canvas')!.width}x${document.querySelector('canvas')!.height}`);
    const clock = !gpu && gpuProcessCpuMs(browserPid) !== null ? 'CPU time of the GPU process' : 'wall clock';
    console.log(`Frames: ${renderer}; canvas ${canvas} px; ${ROUNDS} rounds × ${FRAMES_PER_ROUND} frames per case, timed by the ${clock}`);

    // Warm-up: shader compile and first uploads, once per page.
    await timeCase(flatPage, FLAT, browserPid);
    await timeCase(page, SMP, browserPid);
    const views: Record<string, unknown> = {};
    const rows = [['view', 'flat ms', 'plain ms', 'SMP ms', 'SMP / plain', '200 / 10', 'skin / flat', 'SMP / flat']];
    for (const v of chosenViews) {
      for (const p of [page, flatPage]) await p.evaluate(({ view, distanceMm }) => window.smp!.setView(view, distanceMm ? { distanceMm } : {}), v);
      const perRound: Record<string, number>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 ? [...v.cases].reverse() : v.cases;
        const times: Record<string, number> = {};
        for (const c of order) times[c.name] = await timeCase(c.flatSkin ? flatPage : page, c, browserPid);
        perRound.push(times);
      }
      const medianMs = Object.fromEntries(v.cases.map((c) => [c.name, median(perRound.map((r) => r[c.name]!))]));
      const ratios = Object.fromEntries(
        Object.entries(RATIOS)
          .filter(([, [a, b]]) => v.cases.includes(a) && v.cases.includes(b))
          .map(([name, [a, b]]) => [name, spread(perRound.map((r) => r[a.name]! / r[b.name]!))]),
      ) as Partial<Record<keyof typeof RATIOS, Spread>>;
      views[v.name] = { date: new Date().toISOString(), rounds: ROUNDS, medianMs, ratios, smpTarget: v.smpTarget };
      const cell = (s: Spread | undefined) => (s ? showSpread(s) : '–');
      rows.push([v.name, medianMs[FLAT.name]!.toFixed(0), medianMs[PLAIN.name]!.toFixed(0), medianMs[SMP.name]!.toFixed(0), cell(ratios.smpOverPlain), cell(ratios.density200Over10), cell(ratios.skinOverFlat), cell(ratios.smpOverFlat)]);
      console.log(`  ${rows.at(-1)!.join('  ')}`);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
    console.log('Ratios: median over rounds (lowest–highest). Targets: SMP / plain ≤ 1.3 whole head, ≤ 2.0 close-up; 200 / 10 ≤ 1.1');
    return { renderer, canvas, gpu, clock, rounds: ROUNDS, framesPerRound: FRAMES_PER_ROUND, initialJsGzipBytes: initialJs, views };
  } finally {
    await browser.close();
    await browserServer.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

const results: Record<string, unknown> = {};
if (groups.has('scan')) results.scanImport = benchScanImport();
if (groups.has('painting')) results.painting = benchPainting();
if (groups.has('edits')) results.edits = benchEdits();
if (groups.has('photo')) results.photoFit = benchPhotoFit();
if (groups.has('frames')) results.frames = await benchFrames();

mkdirSync(OUT.replace(/\/[^/]*$/, ''), { recursive: true });
const previous = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, unknown>) : {};
const dates = { ...((previous.dates as Record<string, string> | undefined) ?? {}), ...Object.fromEntries([...groups].map((g) => [g, new Date().toISOString()])) };
// Views not measured this time (--views) keep their earlier figures.
const frames = results.frames as { views: Record<string, unknown> } | undefined;
const earlierViews = (previous.frames as { views?: Record<string, unknown> } | undefined)?.views;
if (frames && earlierViews) frames.views = { ...earlierViews, ...frames.views };
writeFileSync(OUT, `${JSON.stringify({ ...previous, dates, ...results }, null, 2)}\n`);
console.log(`Wrote ${OUT} (${[...groups].join(', ')})`);
