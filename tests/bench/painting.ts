/**
 * The heavy-plan part of `npm run bench`, in Node (the app runs the same code): a plan of 300 painted
 * strokes of radius 60 mm at the plan's limit of brush points (about 1.2 MB as JSON). How long its density
 * map takes to paint, all at once and in the app's per-frame slices; what an edit of that plan costs; and
 * how much memory the undo history holds after painting stroke after stroke. Times are CPU time.
 */
import type { BrushStroke } from '../../src/domain/brush';
import { DensityMap } from '../../src/domain/density/densityMap';
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { beginStroke, extendStroke } from '../../src/domain/painting';
import { MAX_PLAN_STROKE_POINTS, parsePlan } from '../../src/domain/plan';
import { createPlanStore, historyBytes } from '../../src/state/planStore';
import { loadDefaultHead, seededRandom } from '../unit/fixtures';
import { cpuTime as time, heapAfterCollection, median } from './measure';

const STROKES = 300;
const RADIUS_MM = 60;
/** What `HeadModel` gives painting in one frame (ms). */
const FRAME_BUDGET_MS = 30;
const EDITS = 40;
const PAINTED_STROKES = 100;

type Head = ReturnType<typeof loadDefaultHead>;

/** Strokes that wander over the scalp, as many points each as the plan's limit allows (full-precision points, as a page may send them). */
export function heavyStrokes(head: Head, count = STROKES, pointsEach = Math.floor(MAX_PLAN_STROKE_POINTS / STROKES)): BrushStroke[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, s) => {
    let p: Vec3 = head.query.project([(random() - 0.5) * 150, head.landmarks.vertex[1] - random() * 60, (random() - 0.5) * 180]);
    const points: Vec3[] = [];
    for (let i = 0; i < pointsEach; i++) {
      points.push(p);
      p = head.query.project([p[0] + (random() - 0.5) * 30, p[1] + (random() - 0.5) * 30, p[2] + (random() - 0.5) * 30]);
    }
    return { mode: s % 3 === 2 ? 'down' : 'up', radiusMm: RADIUS_MM, softness: 0.5, amount: 0.25, points };
  });
}

export function benchPainting(): Record<string, number> {
  const head = loadDefaultHead();
  const plan = parsePlan({ density: { strokes: heavyStrokes(head) } });
  const planKb = JSON.stringify(plan).length / 1000;
  const area = new TreatmentArea(head.skin.positions, head.skin.indices, head.landmarks);

  // The map built at once (as `getMeasurements` or a report needs it), and in the frame loop's slices.
  const wholeMs = median([0, 1, 2].map(() => time(() => new DensityMap(area.grid, head.landmarks).update(plan.density))));
  const sliced = new DensityMap(area.grid, head.landmarks);
  const slices: number[] = [];
  do slices.push(time(() => sliced.update(plan.density, performance.now() + FRAME_BUDGET_MS)));
  while (sliced.pending);

  // The 300th stroke painted on top of the 299 others, and undone.
  const map = new DensityMap(area.grid, head.landmarks);
  const others = { ...plan.density, strokes: plan.density.strokes.slice(0, -1) };
  map.update(others);
  const strokeMs = time(() => map.update(plan.density));
  const undoMs = time(() => map.update(others));

  // Edits of the heavy plan through the store: a slider step, and a brush point added to a stroke.
  const store = createPlanStore(plan);
  const sliderMs = median(Array.from({ length: EDITS }, (_, i) => time(() => store.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 0.3 + (i % 5) * 0.05)))));
  const pointMs = median(
    Array.from({ length: EDITS }, (_, i) => time(() => store.getState().edit('Paint', (p) => void (p.density.strokes.at(-1)!.points[0] = [i % 7, 100, 0]), { gesture: 'brush' }))),
  );

  // Painting stroke after stroke, point by point as the brush tool does, on the heavy plan's other map.
  const painting = createPlanStore(parsePlan({ density: { strokes: plan.density.strokes.slice(0, 150) } }));
  const before = heapAfterCollection();
  const random = seededRandom(3);
  const settings = { mode: 'up' as const, radiusMm: 10, softness: 0.5, amount: 0.25 };
  for (let s = 0; s < PAINTED_STROKES; s++) {
    let p: Vec3 = [(random() - 0.5) * 120, head.landmarks.vertex[1] - 20, (random() - 0.5) * 120];
    painting.getState().edit('Paint', (d) => void beginStroke(d.hairLoss.strokes, settings, p), { gesture: `stroke ${s}` });
    for (let i = 0; i < 30; i++) {
      p = [p[0] + 2.5, p[1], p[2] + 1];
      const at = p;
      painting.getState().edit('Paint', (d) => void extendStroke(d.hairLoss.strokes, at), { gesture: `stroke ${s}` });
    }
    painting.getState().endGesture();
  }
  const withHistory = heapAfterCollection();
  const estimatedHistory = historyBytes(painting.getState());
  const historySteps = painting.getState().past.length;
  // The history dropped, the plan kept as it is: what is freed is what the steps alone held.
  painting.setState({ past: [], future: [] });
  const historyHeap = withHistory - heapAfterCollection();

  const result = {
    planKb,
    strokes: plan.density.strokes.length,
    mapBuildMs: wholeMs,
    mapSlices: slices.length,
    longestSliceMs: Math.max(...slices),
    strokeOnTopMs: strokeMs,
    undoStrokeMs: undoMs,
    sliderEditMs: sliderMs,
    brushPointEditMs: pointMs,
    paintedStrokes: PAINTED_STROKES,
    historySteps,
    historyEstimatedKb: estimatedHistory / 1000,
    historyHeapMb: historyHeap / 1e6,
    heapBeforePaintingMb: before / 1e6,
  };
  console.log(
    `Heavy plan (Node): ${STROKES} strokes of radius ${RADIUS_MM} mm, ${planKb.toFixed(0)} kB. Density map painted in ${wholeMs.toFixed(0)} ms at once, ` +
      `or in ${slices.length} frame slices of at most ${result.longestSliceMs.toFixed(0)} ms; one stroke more ${strokeMs.toFixed(1)} ms, undoing it ${undoMs.toFixed(1)} ms`,
  );
  console.log(
    `Edits of that plan: a slider step ${sliderMs.toFixed(1)} ms, a brush point ${pointMs.toFixed(1)} ms. Undo history after painting ${PAINTED_STROKES} strokes ` +
      `(${result.historySteps} steps): ${result.historyEstimatedKb.toFixed(0)} kB estimated, ${(result.historyHeapMb * 1000).toFixed(0)} kB of heap`,
  );
  return result;
}
