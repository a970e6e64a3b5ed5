import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/app/simulator';
import { distance, type Vec3 } from '../../src/domain/head/landmarks';
import type { LoadedHead } from '../../src/scene/loadedHead';
import { brushTool } from '../../src/scene/tools/brush';
import { GRAB_RADIUS_PX, hairlineTool, handleAt, type HandleOnScreen } from '../../src/scene/tools/hairline';
import { CLICK_SLOP_PX, landmarkTool } from '../../src/scene/tools/landmarks';
import { loupeTool } from '../../src/scene/tools/loupe';
import { createInputRouter, type PointerInput } from '../../src/scene/tools/router';
import type { SurfaceHit } from '../../src/scene/tools/tool';
import { activeToolWorks } from '../../src/state/viewStore';
import { defaultLoadedHead } from '../support/loadedHead';

let head: LoadedHead;
beforeAll(() => {
  head = defaultLoadedHead();
});

function simulator() {
  const sim = createSimulator();
  sim.headStore.getState().setHead(head, null);
  return sim;
}

/** A fake view: the pointer at (x, y) px meets the skin at the skin point nearest `surface(x, y)` (mm). */
function fakeHits(surface: (x: number, y: number) => Vec3 | null) {
  const calls: [number, number][] = [];
  const hitAt = (x: number, y: number): SurfaceHit | null => {
    calls.push([x, y]);
    const near = surface(x, y);
    return near ? { point: head.treatment.query.project(near), normal: [0, 1, 0] } : null;
  };
  return { hitAt, calls };
}

/** The crown, 1 mm a pixel across it; nothing below y = 500 (the background). */
const overCrown = (x: number, y: number): Vec3 | null => (y < 500 ? [x - 100, 250, y - 100] : null);

const press = (x: number, y: number, id = 1): PointerInput => ({ id, button: 0, x, y, mouse: true });

describe('the input router', () => {
  it('raycasts at most once an event, and only when the tool asks', () => {
    const sim = simulator();
    const hits = fakeHits(overCrown);
    const router = createInputRouter(hits.hitAt);
    router.use(loupeTool(sim.viewStore));
    router.down(press(10, 20));
    router.move(press(12, 20));
    expect(hits.calls).toHaveLength(0);
    router.use(brushTool({ host: sim, target: { map: 'density' }, showRing: () => {} }));
    router.move(press(10, 20));
    router.down(press(10, 20));
    router.move(press(40, 20));
    router.up(press(40, 20));
    // The brush asks on each move and press, once each; a pointer-up needs no hit.
    expect(hits.calls).toEqual([[10, 20], [10, 20], [40, 20]]);
  });

  it('keeps a second pointer from the tool and the camera while a gesture is under way', () => {
    const sim = simulator();
    const router = createInputRouter(fakeHits(overCrown).hitAt);
    router.use(brushTool({ host: sim, target: { map: 'density' }, showRing: () => {} }));
    expect(router.down(press(100, 100, 1))).toBe(true);
    expect(router.down(press(300, 100, 2))).toBe(true);
    router.move(press(300, 130, 2));
    router.up(press(100, 100, 1));
    expect(sim.planStore.getState().plan.density.strokes).toHaveLength(1);
    expect(sim.planStore.getState().plan.density.strokes[0]!.points).toHaveLength(1);
  });

  it('keeps the gesture under way when its tool is put down', () => {
    const sim = simulator();
    const router = createInputRouter(fakeHits(overCrown).hitAt);
    router.use(brushTool({ host: sim, target: { map: 'density' }, showRing: () => {} }));
    router.down(press(100, 100));
    router.move(press(130, 100));
    router.use(loupeTool(sim.viewStore));
    expect(sim.planStore.getState().gestureMark).toBeNull();
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Paint density']);
  });

  it('uses Escape only while a gesture is under way', () => {
    const sim = simulator();
    const router = createInputRouter(fakeHits(overCrown).hitAt);
    router.use(brushTool({ host: sim, target: { map: 'density' }, showRing: () => {} }));
    expect(router.escape()).toBe(false);
    router.down(press(100, 100));
    expect(router.escape()).toBe(true);
    expect(router.tool.state).toBe('idle');
  });
});

describe('the brush tool', () => {
  const setup = () => {
    const sim = simulator();
    const rings: (SurfaceHit | null)[] = [];
    const router = createInputRouter(fakeHits(overCrown).hitAt);
    router.use(brushTool({ host: sim, target: { map: 'density' }, showRing: (hit) => rings.push(hit) }));
    return { sim, rings, router, tool: router.tool };
  };

  it('paints a drag as one stroke and one undo step, only past the point spacing', () => {
    const { sim, router, tool } = setup();
    expect(router.down(press(100, 100))).toBe(true);
    expect(tool.state).toBe('dragging');
    // Under the point spacing (radius 10 mm: 2 mm): no edit.
    router.move(press(101, 100));
    for (let x = 110; x <= 160; x += 10) router.move(press(x, 100));
    router.up(press(160, 100));
    expect(tool.state).toBe('idle');
    const { plan, past } = sim.planStore.getState();
    expect(plan.density.strokes).toHaveLength(1);
    expect(plan.density.strokes[0]!.points).toHaveLength(7);
    expect(past.map((s) => s.label)).toEqual(['Paint density']);
    sim.planStore.getState().undo();
    expect(sim.planStore.getState().plan.density.strokes).toHaveLength(0);
  });

  it('refuses undo mid-stroke, and a cancelled pointer takes the stroke back exactly, leaving no step', () => {
    const { sim, router, tool } = setup();
    sim.planStore.getState().edit('Dot size', (p) => void (p.dots.diameterMm = 0.6));
    sim.planStore.getState().edit('Opacity', (p) => void (p.dots.opacity = 0.5));
    sim.planStore.getState().undo();
    const before = sim.planStore.getState();
    router.down(press(100, 100));
    router.move(press(130, 100));
    sim.planStore.getState().undo();
    expect(sim.planStore.getState().plan.density.strokes[0]!.points).toHaveLength(2);
    router.cancel(2);
    expect(tool.state).toBe('dragging');
    router.cancel(1);
    expect(tool.state).toBe('idle');
    const after = sim.planStore.getState();
    expect(after.plan).toBe(before.plan);
    expect(after.past).toBe(before.past);
    expect(after.future).toBe(before.future);
    // The pointer's up after its cancel changes nothing.
    router.up(press(130, 100));
    expect(sim.planStore.getState().plan).toBe(before.plan);
  });

  it('leaves a press off the head to nothing, and shows the ring where the pointer is on the skin', () => {
    const { sim, rings, router, tool } = setup();
    expect(router.down(press(100, 600))).toBe(false);
    expect(tool.state).toBe('idle');
    expect(sim.planStore.getState().past).toHaveLength(0);
    router.move(press(100, 100));
    router.leave(press(100, 100));
    expect(rings.map((r) => r !== null)).toEqual([false, true, false]);
  });

  it('tells why and paints nothing when its scar is gone', () => {
    const sim = simulator();
    const router = createInputRouter(fakeHits(overCrown).hitAt);
    router.use(brushTool({ host: sim, target: { map: 'scar', scarId: 'gone' }, showRing: () => {} }));
    expect(router.down(press(100, 100))).toBe(false);
    expect(router.tool.state).toBe('idle');
    expect(sim.viewStore.getState().notice?.text).toEqual({ key: 'app:notices.scarGone' });
    expect(sim.planStore.getState().gestureMark).toBeNull();
    expect(sim.planStore.getState().past).toHaveLength(0);
  });
});

describe('the hairline tool', () => {
  /** Handles on a fake screen: point i at (100 i + 50, 50), all at the same depth. */
  const setup = () => {
    const sim = simulator();
    const points = () => head.treatment.hairlineFor(sim.planStore.getState().plan).points;
    const handles = (): HandleOnScreen[] => points().map((_, i) => ({ x: 100 * i + 50, y: 50, depth: 500 }));
    // The pointer at (x, y): 1 mm a pixel up the forehead from the point whose handle it started on.
    let from: Vec3 = [0, 0, 0];
    const router = createInputRouter(fakeHits((_x, y) => [from[0], from[1] + (50 - y), from[2]]).hitAt);
    router.use(hairlineTool({ host: sim, handles }));
    return { sim, router, tool: router.tool, points, startAt: (p: Vec3) => (from = p) };
  };

  it('grabs the handle nearest the camera within the grab radius, or none', () => {
    const handles = [
      { x: 0, y: 0, depth: 600 },
      { x: 10, y: 0, depth: 400 },
      { x: 100, y: 0, depth: 100 },
    ];
    expect(handleAt(handles, 5, 0)).toBe(1);
    expect(handleAt(handles, -GRAB_RADIUS_PX, 0)).toBe(0);
    expect(handleAt(handles, 50, 50)).toBeNull();
  });

  it('drags a handle over the skin as one undo step, and leaves a press away from the handles to the camera', () => {
    const { sim, router, tool, points, startAt } = setup();
    expect(router.down(press(300, 300))).toBe(false);
    const index = 2;
    const start = points()[index]!;
    startAt(start);
    expect(router.down(press(100 * index + 55, 52))).toBe(true);
    expect(tool.state).toBe('dragging');
    expect(sim.viewStore.getState().selectedHairlinePoint).toBe(index);
    for (const y of [45, 40, 35, 30]) router.move(press(100 * index + 50, y));
    router.up(press(100 * index + 50, 30));
    expect(tool.state).toBe('idle');
    const moved = sim.planStore.getState().plan.hairline.points[index]!;
    expect(distance(moved, head.treatment.query.project([start[0], start[1] + 20, start[2]]))).toBeLessThan(0.01);
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Move hairline point']);
  });

  it('puts the point back exactly on Escape mid-drag, leaving no step', () => {
    const { sim, router, points, startAt } = setup();
    const before = sim.planStore.getState();
    startAt(points()[1]!);
    router.down(press(150, 50));
    router.move(press(150, 30));
    expect(sim.planStore.getState().plan).not.toBe(before.plan);
    expect(router.escape()).toBe(true);
    expect(sim.planStore.getState().plan).toBe(before.plan);
    expect(sim.planStore.getState().past).toHaveLength(0);
    router.move(press(150, 20));
    expect(sim.planStore.getState().plan).toBe(before.plan);
  });

  it('adds a point on a double-click near the line and selects it; not far from it', () => {
    const { sim, router, points, startAt } = setup();
    const count = points().length;
    startAt([0, 0, 0]);
    // (x, 50 - y) mm: the middle of the head, far from the line.
    router.doubleClick(press(300, 50));
    expect(sim.planStore.getState().past).toHaveLength(0);
    const mid = points()[0]!;
    startAt(mid);
    router.doubleClick(press(0, 48));
    expect(sim.planStore.getState().plan.hairline.points.length).toBeGreaterThan(count);
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Add hairline point']);
    expect(sim.viewStore.getState().selectedHairlinePoint).not.toBeNull();
  });
});

describe('the loupe tool', () => {
  it('follows the pointer, takes every press, and hides when a mouse leaves but not when a finger does', () => {
    const sim = simulator();
    sim.viewStore.getState().setLoupe({ enabled: true });
    const router = createInputRouter(fakeHits(overCrown).hitAt);
    router.use(loupeTool(sim.viewStore));
    expect(router.tool.state).toBe('idle');
    expect(router.down(press(10, 20))).toBe(true);
    router.move(press(30, 40));
    expect(sim.viewStore.getState().loupe.pointer).toEqual({ x: 30, y: 40 });
    expect(router.tool.state).toBe('pointing');
    router.leave({ ...press(30, 40), mouse: false });
    expect(sim.viewStore.getState().loupe.pointer).toEqual({ x: 30, y: 40 });
    router.leave(press(30, 40));
    expect(sim.viewStore.getState().loupe.pointer).toBeNull();
  });
});

describe('the landmark tool', () => {
  it('places a landmark on a click on the surface, not after a drag or off the surface', () => {
    const placed: Vec3[] = [];
    const router = createInputRouter(fakeHits(overCrown).hitAt);
    router.use(landmarkTool((p) => placed.push(p)));
    expect(router.down(press(100, 100))).toBe(false);
    expect(router.tool.state).toBe('pointing');
    router.up(press(100 + CLICK_SLOP_PX, 100));
    expect(router.tool.state).toBe('idle');
    router.down(press(100, 100));
    router.up(press(100, 100 + CLICK_SLOP_PX + 1));
    router.down(press(100, 600));
    router.up(press(100, 600));
    expect(placed).toEqual([head.treatment.query.project([100 + CLICK_SLOP_PX - 100, 250, 0])]);
  });
});

describe('one tool at a time in the view state', () => {
  it('keeps the older fields in step with the active tool', () => {
    const { viewStore } = createSimulator();
    const view = () => viewStore.getState();
    view().setCompare('grid');
    view().setEditingHairline(true);
    expect(view().activeTool).toEqual({ name: 'hairline' });
    expect(view().compare).toBe('off');
    view().setBrushTarget({ map: 'hair' });
    expect([view().editingHairline, view().brushTarget, view().loupe.enabled]).toEqual([false, { map: 'hair' }, false]);
    view().setLoupe({ enabled: true });
    expect([view().activeTool.name, view().brushTarget, view().loupe.enabled]).toEqual(['loupe', null, true]);
    // Putting down a tool that is not in use changes nothing; leaving a step keeps the loupe.
    view().setEditingHairline(false);
    view().setStep('dots');
    expect(view().activeTool.name).toBe('loupe');
    view().setLoupe({ enabled: false });
    expect(view().activeTool.name).toBe('orbit');
    view().setBrushTarget({ map: 'density' });
    view().setStep('scars');
    expect([view().activeTool.name, view().brushTarget]).toEqual(['orbit', null]);
  });

  it('puts the 3D tools down over a shown photo and keeps the photo tools, and the router gives the pointer only to those', () => {
    const { viewStore } = createSimulator();
    const view = () => viewStore.getState();
    for (const choose of [() => view().setEditingHairline(true), () => view().setBrushTarget({ map: 'density' }), () => view().setTool({ name: 'landmarks' }), () => view().setLoupe({ enabled: true })]) {
      choose();
      view().setShownPhoto('photo-1');
      expect([view().activeTool.name, view().editingHairline, view().brushTarget, view().loupe.enabled]).toEqual(['orbit', false, null, false]);
      view().setShownPhoto(null);
    }
    // A photo tool stays from one photo to the next and is put down back in the 3D view.
    view().setShownPhoto('photo-1');
    view().setTool({ name: 'photoMask', erase: false, radius: 0.05 });
    view().setShownPhoto('photo-2');
    expect(view().activeTool.name).toBe('photoMask');
    expect(activeToolWorks(view())).toBe(true);
    // A 3D tool chosen while the photo is shown (a panel's button) never gets the pointer over it.
    view().setBrushTarget({ map: 'hair' });
    expect(activeToolWorks(view())).toBe(false);
    view().setShownPhoto(null);
    expect(view().activeTool.name).toBe('brush');
    expect(activeToolWorks(view())).toBe(true);
  });
});
