/**
 * The plan-edit part of `npm run bench` (`npm run bench -- edits` runs it alone), in Node: what one pointer
 * event's edit costs, and how much memory each undo step keeps, on the default plan, a middling one and the
 * largest the schema allows. The edits are the app's own, run as its tools and panels run them: a brush
 * stroke (brush tool: `beginGesture`, `brush.begin-stroke`, then `brush.extend-stroke` per move), a hairline
 * handle dragged (hairline tool: `hairline.move-point` per move, mirrored) and a slider dragged (`plan.set`
 * per move); each gesture is one undo step. Times are CPU time per event (the wall clock of a shared machine
 * would count the others' work too).
 */
import { runCommand } from '../../src/app/commands';
import { createSimulator, type Simulator } from '../../src/app/simulator';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { parsePlan, strokePointCount, type Plan } from '../../src/domain/plan';
import { historyBytes } from '../../src/state/planStore';
import { largestPlan } from '../support/largestPlan';
import { defaultLoadedHead } from '../support/loadedHead';
import { seededRandom } from '../unit/fixtures';
import { cpuTime, heapAfterCollection, median, percentile } from './measure';

/** Gestures of each kind per plan, interleaved (brush, handle, slider, brush, …). */
const GESTURES = 20;
/** Pointer moves per gesture (a brush stroke also has its pointer-down). */
const MOVES = 15;
/** Far enough apart for every move to add a point (the brush tool skips moves closer than `pointSpacingMm`). */
const BRUSH_STEP_MM = 2.5;
const LABELS = { brush: 'Paint density', handle: 'Move hairline point', slider: 'Dot size' } as const;

type Head = ReturnType<typeof defaultLoadedHead>;
type Kind = keyof typeof LABELS;

/**
 * The plans measured: the default plan, a middling one, and the largest (tests/support/largestPlan.ts) less
 * the density strokes the bench paints back, so that its brush has room: each map holds at most 300 strokes.
 */
function plans(): Record<'default' | 'middling' | 'largest', Plan> {
  const largest = largestPlan();
  const roomy = parsePlan({ ...largest, density: { ...largest.density, strokes: largest.density.strokes.slice(GESTURES) } });
  const middling = parsePlan({
    ...largest,
    density: { ...largest.density, strokes: largest.density.strokes.slice(0, 30) },
    hairLoss: { ...largest.hairLoss, strokes: largest.hairLoss.strokes.slice(0, 30) },
    scars: largest.scars.slice(0, 1),
    hairline: { ...largest.hairline, points: largest.hairline.points.slice(0, 40) },
  });
  return { default: parsePlan({}), middling, largest: roomy };
}

/** One brush stroke as the brush tool makes it: the press begins it, each move extends it. */
function brushStroke(sim: Simulator, start: Vec3, times: number[]) {
  const gesture = `brush-bench-${start.join()}`;
  const target = { map: 'density' } as const;
  const plans = () => sim.planStore.getState();
  times.push(
    cpuTime(() => {
      plans().beginGesture(gesture);
      runCommand(sim, 'brush.begin-stroke', { target, point: start }, { gesture });
    }),
  );
  for (let i = 1; i <= MOVES; i++) {
    const point: Vec3 = [start[0] + BRUSH_STEP_MM * i, start[1], start[2] + 0.5 * i];
    times.push(cpuTime(() => runCommand(sim, 'brush.extend-stroke', { target, point }, { gesture })));
  }
  plans().endGesture();
}

/** A hairline handle dragged over the skin, its mirror partner following (the hairline tool). */
function handleDrag(sim: Simulator, head: Head, index: number, round: number, times: number[]) {
  const gesture = `hairline-bench-${round}`;
  const from = head.treatment.hairlineFor(sim.planStore.getState().plan).points[index]!;
  sim.planStore.getState().beginGesture(gesture);
  for (let i = 1; i <= MOVES; i++) {
    // Where the pointer meets the skin is found before the edit (the router's raycast), as in the app.
    const point = head.treatment.query.project([from[0] + 0.4 * i, from[1] + 0.3 * i, from[2]]);
    times.push(cpuTime(() => runCommand(sim, 'hairline.move-point', { index, point }, { gesture })));
  }
  sim.planStore.getState().endGesture();
}

/** A slider dragged through its values, one edit per pointer move (PlanSlider). */
function sliderDrag(sim: Simulator, round: number, times: number[]) {
  for (let i = 1; i <= MOVES; i++) {
    const value = 0.3 + ((round + i) % 10) * 0.05;
    times.push(cpuTime(() => runCommand(sim, 'plan.set', { path: ['dots', 'diameterMm'], value }, { gesture: 'slider:bench' })));
  }
  sim.planStore.getState().endGesture();
}

const stats = (times: number[]) => ({ medianMs: median(times), p95Ms: percentile(times, 0.95), maxMs: Math.max(...times) });

/** Per-event cost and history growth on one plan. */
function benchPlan(head: Head, plan: Plan) {
  const sim = createSimulator({ plan });
  sim.headStore.getState().setHead(head, null);
  const random = seededRandom(5);
  const events: Record<Kind, number[]> = { brush: [], handle: [], slider: [] };
  for (let g = 0; g < GESTURES; g++) {
    const start = head.treatment.query.project([(random() - 0.5) * 100, head.landmarks.vertex[1], (random() - 0.5) * 100]);
    brushStroke(sim, start, events.brush);
    // Off the midline, so that the mirror partner moves too.
    handleDrag(sim, head, 1 + (g % 6), g, events.handle);
    sliderDrag(sim, g, events.slider);
  }
  const store = sim.planStore;
  const perStep = (label: string) => {
    const own = store.getState().past.filter((s) => s.label === label);
    return own.reduce((sum, s) => sum + s.bytes, 0) / own.length;
  };
  const byKind = { brush: perStep(LABELS.brush), handle: perStep(LABELS.handle), slider: perStep(LABELS.slider) };
  const steps = store.getState().past.length;
  const estimated = historyBytes(store.getState());
  const withHistory = heapAfterCollection();
  // The history dropped, the plan kept as it is: what is freed is what the steps alone held.
  store.setState({ past: [], future: [] });
  const heapPerStep = (withHistory - heapAfterCollection()) / steps;
  return {
    planKb: JSON.stringify(plan).length / 1000,
    brushPoints: strokePointCount(plan),
    events: GESTURES * (3 * MOVES + 1),
    brushEvent: stats(events.brush),
    handleEvent: stats(events.handle),
    sliderEvent: stats(events.slider),
    allEvents: stats([...events.brush, ...events.handle, ...events.slider]),
    historySteps: steps,
    estimatedBytesPerStep: estimated / steps,
    estimatedBytesPerStepByKind: byKind,
    heapBytesPerStep: heapPerStep,
  };
}

export function benchEdits() {
  const head = defaultLoadedHead();
  const measured = plans();
  // A first pass warms the JIT, so the figures are the app's steady state rather than its first edits.
  benchPlan(head, measured.middling);
  const result = Object.fromEntries(Object.entries(measured).map(([name, plan]) => [name, benchPlan(head, plan)])) as Record<keyof typeof measured, ReturnType<typeof benchPlan>>;
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const ms = (s: { medianMs: number; p95Ms: number }) => `${s.medianMs.toFixed(2)} / ${s.p95Ms.toFixed(2)}`;
  console.log(`Plan edits (Node, CPU time per pointer event, median / p95 ms; ${result.largest.events} events a plan: ${GESTURES} brush strokes, handle drags and slider drags of ${MOVES} moves, one step each):`);
  for (const [name, r] of Object.entries(result)) {
    console.log(
      `  ${name.padEnd(8)} ${r.planKb.toFixed(0).padStart(5)} kB, ${String(r.brushPoints).padStart(5)} brush points: brush ${ms(r.brushEvent)}, handle ${ms(r.handleEvent)}, slider ${ms(r.sliderEvent)}; ` +
        `history per step ${kb(r.estimatedBytesPerStep)} estimated, ${kb(r.heapBytesPerStep)} of heap`,
    );
  }
  console.log(`  Target: under 2 ms per event on the largest plan; history per step that grows with the change, not with the plan (×${(result.largest.planKb / result.default.planKb).toFixed(0)} here)`);
  return result;
}
