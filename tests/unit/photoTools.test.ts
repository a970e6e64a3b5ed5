/**
 * The photo tools in Node: a photo's landmarks corrected and stored (on an in-memory IndexedDB), photo
 * edits as steps of the plan's one undo history, the pins and the mask brush as state machines behind the
 * input router (a fake view: the photo drawn 2 CSS px a photo pixel from (100, 50); no surface hit, which
 * the photo tools never ask for), and the mask's painting.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createPhotoEdits } from '../../src/app/photoEdits';
import type { PhotoScreen, ShownPhoto } from '../../src/app/photoScreen';
import { createSimulator } from '../../src/app/simulator';
import type { PhotoMask } from '../../src/domain/photo/mask';
import { copyMask, paintDab, paintSegment } from '../../src/domain/photo/maskPaint';
import type { PhotoLandmarks } from '../../src/domain/photo/photoLandmarks';
import { nextLandmarkToPlace, VIEW_LANDMARKS } from '../../src/domain/photo/photoPins';
import { maskBrushTool } from '../../src/scene/tools/maskBrush';
import { photoPinsTool, type PinnedPhoto } from '../../src/scene/tools/photoPins';
import { createInputRouter, type PointerInput } from '../../src/scene/tools/router';
import type { PhotoMeta } from '../../src/domain/photos';
import { textOf } from '../../src/domain/textError';
import { startAutosave } from '../../src/io/autosave';
import { createClientPhotos } from '../../src/io/photos/clientPhotos';
import { openPhotoStore } from '../../src/io/photos/photoStore';
import { createPlanStore } from '../../src/state/planStore';
import { photoMeta } from '../support/photoMeta';
import { stubPage } from '../support/nodePage';

const meta = (fields: Partial<PhotoMeta>): PhotoMeta => photoMeta({ view: 'top', ...fields });

describe('stored landmarks', () => {
  beforeEach(() => stubPage());

  it('replaces a photo’s landmarks, checked against its size, only for the plan on screen', { timeout: 20_000 }, async () => {
    const sim = createSimulator();
    const { savedPlans } = await startAutosave(sim, undefined);
    const planId = savedPlans.state.getState().openId!;
    const store = await openPhotoStore();
    const picture = new Blob([Uint8Array.from([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });
    await store.add(meta({ id: 'crown', planId }), picture);
    await store.add(meta({ id: 'elsewhere', planId: 'another-plan' }), picture);
    const photos = createClientPhotos(savedPlans);

    const updated = await photos.updateLandmarks('crown', { vertex: [500, 400], rightTragus: [120, 700] });
    expect(updated.landmarks).toEqual({ vertex: [500, 400], rightTragus: [120, 700] });
    expect((await photos.list())[0]!.landmarks).toEqual(updated.landmarks);
    expect((await photos.image('crown'))?.size).toBe(4);

    const outside = await photos.updateLandmarks('crown', { vertex: [1001, 10] }).catch((error: unknown) => error as Error);
    expect(textOf(outside)?.key).toBe('messages:photos.landmarks.outside');
    await expect(photos.updateLandmarks('elsewhere', {})).rejects.toThrow('This plan has no photo with the id "elsewhere".');
    expect((await store.get('elsewhere'))?.landmarks).toEqual({});
    expect((await store.get('crown'))?.landmarks).toEqual(updated.landmarks);

    // A photo deleted meanwhile (another tab) is not brought back as metadata alone.
    await store.remove('crown');
    await expect(store.put(updated)).rejects.toThrow('This plan has no photo with the id "crown".');
    expect(await store.get('crown')).toBeUndefined();
    store.close();
    window.dispatchEvent(new Event('pagehide'));
  });
});

describe('photo edits in the plan’s history', () => {
  it('undoes and redoes an edit kept beside the plan in turn with plan edits', () => {
    const store = createPlanStore();
    let landmarks = 'as found';
    const change = (to: string) => {
      const from = landmarks;
      landmarks = to;
      store.getState().record('Move landmark', { undo: () => (landmarks = from), redo: () => (landmarks = to), bytes: 100 });
    };
    const density = () => store.getState().plan.dots.densityPerCm2;
    store.getState().edit('Density', (draft) => void (draft.dots.densityPerCm2 = 30));
    const planAfterDensity = store.getState().plan;
    change('moved');
    expect(store.getState().plan).toBe(planAfterDensity);
    expect(store.getState().past.map((s) => s.label)).toEqual(['Density', 'Move landmark']);

    store.getState().undo();
    expect(landmarks).toBe('as found');
    expect(density()).toBe(30);
    store.getState().undo();
    expect(density()).not.toBe(30);
    store.getState().redo();
    store.getState().redo();
    expect([landmarks, density()]).toEqual(['moved', 30]);

    // Refused during a gesture, as every undo is; the gesture's own step keeps its mark until it ends.
    store.getState().beginGesture('pins-1');
    store.getState().record('Move landmark', { undo: () => (landmarks = 'moved'), redo: () => (landmarks = 'again'), bytes: 100 }, { gesture: 'pins-1' });
    landmarks = 'again';
    store.getState().undo();
    expect(landmarks).toBe('again');
    store.getState().endGesture();
    store.getState().undo();
    expect(landmarks).toBe('moved');
    expect(store.getState().future.at(-1)?.effect).toBeDefined();
  });
});

/** 2 CSS px a photo pixel, the photo's corner at (100, 50) on the view. */
const toPhoto = (x: number, y: number): [number, number] => [(x - 100) / 2, (y - 50) / 2];
const toScreen = ([x, y]: readonly number[]) => ({ x: 100 + 2 * x!, y: 50 + 2 * y! });
const at = (x: number, y: number, id = 1): PointerInput => ({ id, button: 0, ...toScreen([x, y]), mouse: true });

/**
 * A photo screen in memory: what the photo tools call on it, and the shown photo's landmarks and mask. With
 * `holding`, a landmark write waits (as the refit does) until released from `held`.
 */
function fakeScreen(landmarks: PhotoLandmarks, mask: PhotoMask) {
  const shownAtFirst = { meta: { ...meta({ id: 'crown' }), landmarks }, mask: { ...mask, edited: false, basis: '' } } as unknown as ShownPhoto;
  const state = createStore<{ shown: ShownPhoto | null; loading: null }>()(() => ({ shown: shownAtFirst, loading: null }));
  const calls: string[] = [];
  const held: (() => void)[] = [];
  const fake = {
    get shown() {
      return state.getState().shown!;
    },
    calls,
    holding: false,
    held,
    /** Shows another photo of the plan (its own landmarks and mask). */
    showOther(id: string, landmarks: PhotoLandmarks = {}) {
      state.setState({ shown: { ...fake.shown, meta: { ...fake.shown.meta, id, landmarks }, mask: { ...mask, edited: false, basis: '' } } });
    },
    photos: {
      updateLandmarks: async (id: string, l: PhotoLandmarks) => (calls.push(`store ${id} ${Object.keys(l).join(' ')}`), meta({ id, landmarks: l })),
      saveMask: async (id: string) => void calls.push(`store ${id} mask`),
    },
    screen: {
      state: state as unknown as PhotoScreen['state'],
      previewMask: (m: PhotoMask) => void ((fake.shown.mask = { ...m, edited: true, basis: '' }), calls.push('preview mask')),
      setMask: async (m: PhotoMask & { edited?: boolean }) => void ((fake.shown.mask = { ...m, edited: m.edited ?? true, basis: '' }), calls.push('store mask')),
      setLandmarks: async (l: PhotoLandmarks) => {
        if (fake.holding) await new Promise<void>((resolve) => held.push(resolve));
        fake.shown.meta = { ...fake.shown.meta, landmarks: l };
        calls.push(`store ${Object.keys(l).join(' ')}`);
      },
    },
  };
  return fake;
}

function photoToolsOn(landmarks: PhotoLandmarks, mask: PhotoMask = { width: 100, height: 80, data: new Uint8Array(8000) }) {
  const sim = createSimulator();
  const fake = fakeScreen(landmarks, mask);
  const edits = createPhotoEdits(sim, fake.screen, fake.photos);
  const hits: [number, number][] = [];
  const router = createInputRouter((x, y) => (hits.push([x, y]), null));
  const pinned = (): PinnedPhoto => ({ id: fake.shown.meta.id, view: 'top', width: 1000, height: 800, landmarks: fake.shown.meta.landmarks, toPhoto, toScreen });
  const rings: ({ x: number; y: number; radius: number } | null)[] = [];
  const pins = photoPinsTool({ host: sim, edits, photo: pinned });
  const brush = maskBrushTool({ host: sim, edits, photo: () => ({ id: fake.shown.meta.id, width: 1000, height: 800, mask: fake.shown.mask, toPhoto }), showRing: (r) => rings.push(r) });
  return { sim, fake, edits, router, pins, brush, hits, rings };
}

/** Lets the stored writes (promises) settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the landmark pins', () => {
  it('places the chosen landmark with a tap, stores it, and chooses the next point of the view', async () => {
    const { sim, fake, router, pins, edits, hits } = photoToolsOn({});
    router.use(pins);
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: 'vertex' });
    // Outside the photo: not taken (nothing to place there).
    expect(router.down({ id: 1, button: 0, x: 20, y: 20, mouse: true })).toBe(false);
    expect(router.down(at(500, 300))).toBe(true);
    expect(edits.state.getState().pinPreview).toEqual({ vertex: [500, 300] });
    router.up(at(500, 300));
    await settled();
    expect(fake.shown.meta.landmarks).toEqual({ vertex: [500, 300] });
    expect(fake.calls).toEqual(['store vertex']);
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Place landmark']);
    expect(sim.viewStore.getState().activeTool).toEqual({ name: 'photoPins', landmark: nextLandmarkToPlace('top', { vertex: [0, 0] }, 'vertex') });
    expect(edits.state.getState().pinPreview).toBeNull();
    expect(hits).toEqual([]);
  });

  it('drags a pin (one step), undoes and redoes it through the plan’s history, and refuses undo mid-drag', async () => {
    const { sim, fake, router, pins } = photoToolsOn({ vertex: [500, 300], rightTragus: [100, 600] });
    router.use(pins);
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: null });
    // Grabbed within the grab radius of the pin on screen (10 CSS px off), whatever is chosen.
    expect(router.down({ id: 7, button: 0, x: toScreen([500, 300]).x + 10, y: toScreen([500, 300]).y, mouse: true })).toBe(true);
    router.move(at(520, 310, 7));
    sim.planStore.getState().undo();
    router.move(at(540, 320, 7));
    expect(fake.calls).toEqual([]);
    router.up(at(540, 320, 7));
    await settled();
    expect(fake.shown.meta.landmarks).toEqual({ vertex: [540, 320], rightTragus: [100, 600] });
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Move landmark']);

    sim.planStore.getState().undo();
    await settled();
    expect(fake.shown.meta.landmarks.vertex).toEqual([500, 300]);
    sim.planStore.getState().redo();
    await settled();
    expect(fake.shown.meta.landmarks.vertex).toEqual([540, 320]);
    // Dragged past the photo's edge: the point stays on the photo.
    router.down(at(540, 320));
    router.move({ id: 1, button: 0, x: 5000, y: -40, mouse: true });
    router.up({ id: 1, button: 0, x: 5000, y: -40, mouse: true });
    await settled();
    expect(fake.shown.meta.landmarks.vertex).toEqual([1000, 0]);
  });

  it('returns exactly to the mark on Escape or a cancelled pointer: nothing stored, no step', async () => {
    const { sim, fake, router, pins, edits } = photoToolsOn({ vertex: [500, 300] });
    router.use(pins);
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: 'leftTragus' });
    const before = sim.planStore.getState();
    router.down(at(500, 300));
    router.move(at(600, 300));
    expect(router.escape()).toBe(true);
    router.down(at(800, 700, 3));
    expect(edits.state.getState().pinPreview).toEqual({ vertex: [500, 300], leftTragus: [800, 700] });
    router.cancel(3);
    await settled();
    expect(edits.state.getState().pinPreview).toBeNull();
    expect(fake.calls).toEqual([]);
    expect(sim.planStore.getState().past).toBe(before.past);
    expect(sim.planStore.getState().gestureMark).toBeNull();
    expect(fake.shown.meta.landmarks).toEqual({ vertex: [500, 300] });
  });

  it('undoes a photo’s step in storage when another photo is shown', async () => {
    const { sim, fake, router, pins } = photoToolsOn({ vertex: [500, 300] });
    router.use(pins);
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: 'leftTragus' });
    router.down(at(900, 700));
    router.up(at(900, 700));
    await settled();
    fake.shown.meta = { ...fake.shown.meta, id: 'front-photo' };
    sim.planStore.getState().undo();
    await settled();
    expect(fake.calls).toEqual(['store vertex leftTragus', 'store crown vertex']);
  });

  it('keeps every pin tapped in quick succession, the writes stored one after another, the newest last', async () => {
    const { sim, fake, router, pins, edits } = photoToolsOn({});
    router.use(pins);
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: 'rightTragus' });
    // Each write waits as the refit does: the next taps come while the first is being stored.
    fake.holding = true;
    router.down(at(100, 600));
    router.up(at(100, 600));
    await settled();
    router.down(at(900, 600));
    router.up(at(900, 600));
    expect(edits.state.getState().pinPreview).toEqual({ rightTragus: [100, 600], leftTragus: [900, 600] });
    // A drag begun while the first write ends keeps its own pins on screen.
    router.down(at(500, 100));
    router.move(at(510, 110));
    await settled();
    expect(fake.held).toHaveLength(1);
    fake.held.shift()!();
    await settled();
    expect(edits.state.getState().pinPreview).toEqual({ rightTragus: [100, 600], leftTragus: [900, 600], midFrontal: [510, 110] });
    router.up(at(510, 110));
    for (let write = 0; write < 2; write++) {
      await settled();
      fake.held.shift()!();
    }
    await settled();
    expect(fake.calls).toEqual(['store rightTragus', 'store rightTragus leftTragus', 'store rightTragus leftTragus midFrontal']);
    expect(fake.shown.meta.landmarks).toEqual({ rightTragus: [100, 600], leftTragus: [900, 600], midFrontal: [510, 110] });
    expect(edits.state.getState().pinPreview).toBeNull();
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Place landmark', 'Place landmark', 'Place landmark']);

    // Undone twice at once: the first tap's landmarks are the last stored.
    fake.holding = false;
    sim.planStore.getState().undo();
    sim.planStore.getState().undo();
    await settled();
    expect(fake.shown.meta.landmarks).toEqual({ rightTragus: [100, 600] });
  });

  it('takes back a drag when another photo is shown before it ends, storing nothing on either photo', async () => {
    const { sim, fake, router, pins, edits } = photoToolsOn({ vertex: [500, 300] });
    router.use(pins);
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: null });
    router.down(at(500, 300));
    router.move(at(600, 300));
    fake.showOther('front-photo', { nasion: [400, 200] });
    // The other photo's own pins are shown, not the drag's.
    expect(edits.pinsNow(fake.shown.meta.landmarks)).toEqual({ nasion: [400, 200] });
    router.move(at(650, 300));
    router.up(at(650, 300));
    await settled();
    expect(fake.calls).toEqual([]);
    expect(fake.shown.meta.landmarks).toEqual({ nasion: [400, 200] });
    expect(edits.state.getState().pinPreview).toBeNull();
    expect(sim.planStore.getState().past).toEqual([]);
    expect(sim.planStore.getState().gestureMark).toBeNull();
  });

  it('chooses a pin pressed without moving it, changing nothing', async () => {
    const { sim, fake, router, pins } = photoToolsOn({ vertex: [500, 300] });
    router.use(pins);
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: 'leftTragus' });
    router.down(at(500, 300));
    router.up(at(500, 300));
    await settled();
    expect(sim.viewStore.getState().activeTool).toEqual({ name: 'photoPins', landmark: 'vertex' });
    expect(fake.calls).toEqual([]);
    expect(sim.planStore.getState().past).toEqual([]);
  });

  it('is put down back in the 3D view and in another step, giving the camera the pointer back', () => {
    const { viewStore } = createSimulator();
    viewStore.getState().setShownPhoto('crown');
    viewStore.getState().setTool({ name: 'photoPins', landmark: 'vertex' });
    viewStore.getState().setShownPhoto(null);
    expect(viewStore.getState().activeTool).toEqual({ name: 'orbit' });
    viewStore.getState().setShownPhoto('crown');
    viewStore.getState().setTool({ name: 'photoMask', erase: true, radius: 0.03 });
    viewStore.getState().setStep('hairline');
    expect(viewStore.getState().activeTool).toEqual({ name: 'orbit' });
  });

  it('offers each view the points it shows, the crown’s tragi, hairline marks and vertex', () => {
    expect(VIEW_LANDMARKS.top).toEqual(['rightTragus', 'leftTragus', 'midFrontal', 'rightFrontotemporal', 'leftFrontotemporal', 'vertex']);
    expect(nextLandmarkToPlace('top', {}, null)).toBe('rightTragus');
    expect(nextLandmarkToPlace('top', { rightTragus: [1, 1], leftTragus: [2, 2] }, 'vertex')).toBe('midFrontal');
    expect(nextLandmarkToPlace('back', { rightTragus: [1, 1], leftTragus: [2, 2], vertex: [3, 3] }, 'vertex')).toBeNull();
  });
});

const sum = (mask: PhotoMask) => mask.data.reduce((a, b) => a + b, 0);

describe('the mask brush', () => {
  it('paints soft round dabs and strokes, and erases', () => {
    const mask: PhotoMask = { width: 40, height: 30, data: new Uint8Array(1200) };
    paintDab(mask, 20, 15, 5, false);
    expect(mask.data[15 * 40 + 20]).toBe(255);
    expect(mask.data[15 * 40 + 26]).toBe(0);
    const dab = sum(mask);
    // Close to the disc's area, less for the soft rim.
    expect(dab / 255).toBeGreaterThan(Math.PI * 16);
    expect(dab / 255).toBeLessThan(Math.PI * 25);
    const before = copyMask(mask);
    paintSegment(mask, [20, 15], [35, 15], 3, true);
    expect(mask.data[15 * 40 + 20]).toBe(255 - 255);
    expect(mask.data[10 * 40 + 20]).toBe(before.data[10 * 40 + 20]);
    expect(before.data[15 * 40 + 20]).toBe(255);
    // Off the mask's edge: clipped, no error.
    paintDab(mask, -3, -3, 8, false);
    expect(mask.data[0]).toBe(255);
  });

  it('paints a stroke on the photo (one stored step), shows it at once, undoes it, and cancels one exactly', async () => {
    const { sim, fake, router, brush, rings } = photoToolsOn({});
    router.use(brush);
    sim.viewStore.getState().setTool({ name: 'photoMask', erase: false, radius: 0.05 });
    const original = fake.shown.mask;
    expect(router.down(at(200, 400))).toBe(true);
    // The ring: 5 % of the 800 px side, at 2 CSS px a pixel.
    expect(rings.at(-1)).toEqual({ ...toScreen([200, 400]), radius: 80 });
    router.move(at(600, 400));
    expect(fake.calls).toEqual(['preview mask', 'preview mask']);
    // Mask pixels: a tenth of the photo's; the stroke's middle is painted.
    expect(fake.shown.mask.data[40 * 100 + 40]).toBe(255);
    expect(original.data[40 * 100 + 40]).toBe(0);
    router.up(at(600, 400));
    await settled();
    expect(fake.calls.at(-1)).toBe('store mask');
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Paint skin mask']);
    const painted = fake.shown.mask;

    expect(fake.shown.mask.edited).toBe(true);
    sim.planStore.getState().undo();
    await settled();
    expect(fake.shown.mask.data).toEqual(original.data);
    // The automatic mask comes back as automatic: it follows the landmarks again.
    expect(fake.shown.mask.edited).toBe(false);
    sim.planStore.getState().redo();
    await settled();
    expect(fake.shown.mask.data).toEqual(painted.data);

    // Erasing, cancelled mid-stroke: the mask as the press found it, nothing stored, no step.
    sim.viewStore.getState().setTool({ name: 'photoMask', erase: true, radius: 0.05 });
    const stored = fake.calls.length;
    router.down(at(400, 400));
    expect(fake.shown.mask.data[40 * 100 + 40]).toBe(0);
    router.cancel(1);
    expect(fake.shown.mask.data).toEqual(painted.data);
    expect(fake.calls.slice(stored)).toEqual(['preview mask', 'preview mask']);
    expect(sim.planStore.getState().past).toHaveLength(1);
    // Off the photo: not taken, and no ring.
    expect(router.down({ id: 2, button: 0, x: 10, y: 10, mouse: true })).toBe(false);
    expect(rings.at(-1)).toBeNull();
  });

  it('takes back a stroke when another photo is shown before it ends, leaving that photo’s mask alone', async () => {
    const { sim, fake, router, brush } = photoToolsOn({});
    router.use(brush);
    sim.viewStore.getState().setTool({ name: 'photoMask', erase: false, radius: 0.05 });
    router.down(at(200, 400));
    fake.showOther('front-photo');
    const otherMask = fake.shown.mask;
    router.move(at(600, 400));
    router.up(at(600, 400));
    await settled();
    expect(fake.shown.mask).toBe(otherMask);
    expect(fake.calls).toEqual(['preview mask']);
    expect(sim.planStore.getState().past).toEqual([]);
    expect(sim.planStore.getState().gestureMark).toBeNull();
  });
});
