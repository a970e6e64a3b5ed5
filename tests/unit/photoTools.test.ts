/**
 * The photo tools in Node: a photo's landmarks corrected and stored (on an in-memory IndexedDB), photo
 * edits as steps of the plan's one undo history.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/app/simulator';
import type { PhotoMeta } from '../../src/domain/photos';
import { textOf } from '../../src/domain/textError';
import { startAutosave } from '../../src/io/autosave';
import { createClientPhotos } from '../../src/io/photos/clientPhotos';
import { openPhotoStore } from '../../src/io/photos/photoStore';
import { createPlanStore } from '../../src/state/planStore';

/** A page for autosave in Node: window and document events, and an empty IndexedDB. */
function installPage(): void {
  Object.assign(globalThis, {
    indexedDB: new IDBFactory(),
    window: Object.assign(new EventTarget(), { location: { hash: '' } }),
    document: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
  });
}

const meta = (fields: Partial<PhotoMeta>): PhotoMeta => ({
  id: 'photo0001',
  planId: 'plan0001',
  view: 'top',
  width: 1000,
  height: 800,
  focalLength35mm: null,
  createdAt: '2026-12-05T10:00:00.000Z',
  landmarks: {},
  irisDiameterPx: null,
  ...fields,
});

describe('stored landmarks', () => {
  beforeEach(installPage);

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
