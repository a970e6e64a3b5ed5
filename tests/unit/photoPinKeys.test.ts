/**
 * The landmark pins from the keyboard (src/scene/tools/photoPinKeys.ts) in Node, on the real photo edits and
 * the plan's undo history, with a photo screen in memory (a 1000 × 800 crown photo).
 */
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createPhotoEdits } from '../../src/app/photoEdits';
import type { PhotoScreen, ShownPhoto } from '../../src/app/photoScreen';
import { createSimulator } from '../../src/app/simulator';
import type { PhotoLandmarks } from '../../src/domain/photo/photoLandmarks';
import { nextLandmarkToPlace } from '../../src/domain/photo/photoPins';
import { PIN_KEY_STEP, photoPinKeys } from '../../src/scene/tools/photoPinKeys';

/** One arrow press on this photo, in its pixels (its longer side is 1000 px). */
const STEP = 1000 * PIN_KEY_STEP;

function keysOn(landmarks: PhotoLandmarks) {
  const sim = createSimulator();
  const state = createStore<{ shown: ShownPhoto | null; loading: null }>()(() => ({
    shown: { meta: { id: 'crown', view: 'top', width: 1000, height: 800, landmarks } } as unknown as ShownPhoto,
    loading: null,
  }));
  const shown = () => state.getState().shown!;
  const stored: string[] = [];
  const screen = {
    state: state as unknown as PhotoScreen['state'],
    previewMask: () => undefined,
    setMask: async () => undefined,
    setLandmarks: async (l: PhotoLandmarks) => {
      state.setState({ shown: { ...shown(), meta: { ...shown().meta, landmarks: l } } });
      stored.push(JSON.stringify(l));
    },
  };
  const photos = { updateLandmarks: async () => shown().meta, saveMask: async () => undefined };
  const edits = createPhotoEdits(sim, screen, photos);
  const keys = photoPinKeys({ host: sim, edits, photo: () => state.getState().shown && { ...shown().meta } });
  const preview = () => edits.state.getState().pinPreview;
  const landmarksNow = () => shown().meta.landmarks;
  return { sim, state, keys, stored, preview, landmarksNow };
}

/** Lets the stored writes (promises) settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the landmark pins from the keyboard', () => {
  it('places a new point at the photo’s centre, moves it with the arrows, and puts it down as one step', async () => {
    const { sim, keys, stored, preview, landmarksNow } = keysOn({});
    // No point chosen (the pins tool not in use): the keys are not the pins'.
    expect(keys.key('Enter', false)).toBe(false);
    expect(keys.key('ArrowLeft', false)).toBe(false);
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: 'vertex' });
    expect(keys.key('Enter', false)).toBe(true);
    expect(keys.moving).toBe(true);
    expect(preview()).toEqual({ vertex: [500, 400] });
    expect(keys.key('ArrowRight', false)).toBe(true);
    expect(keys.key('ArrowUp', true)).toBe(true);
    expect(keys.key('ArrowUp', false)).toBe(true);
    expect(preview()).toEqual({ vertex: [500 + STEP, 400 - 11 * STEP] });
    // Undo waits while the pin is picked up, as under a drag.
    sim.planStore.getState().undo();
    expect(stored).toEqual([]);
    // Keys that are not the pins' go on to the app.
    expect(keys.key('a', false)).toBe(false);
    expect(keys.key('Enter', false)).toBe(true);
    expect(keys.moving).toBe(false);
    await settled();
    expect(landmarksNow()).toEqual({ vertex: [500 + STEP, 400 - 11 * STEP] });
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Place landmark']);
    expect(sim.planStore.getState().gestureMark).toBeNull();
    expect(preview()).toBeNull();
    // The next point of the view not yet placed is chosen, as after a tap.
    expect(sim.viewStore.getState().activeTool).toEqual({ name: 'photoPins', landmark: nextLandmarkToPlace('top', { vertex: [0, 0] }, 'vertex') });
    sim.planStore.getState().undo();
    await settled();
    expect(landmarksNow()).toEqual({});
  });

  it('moves a placed point from where it is, an arrow picking it up, kept on the photo', async () => {
    const { sim, keys, landmarksNow } = keysOn({ rightTragus: [3, 600] });
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: 'rightTragus' });
    expect(keys.key('ArrowLeft', true)).toBe(true);
    expect(keys.key('ArrowDown', false)).toBe(true);
    expect(keys.key('Enter', false)).toBe(true);
    await settled();
    expect(landmarksNow()).toEqual({ rightTragus: [0, 600 + STEP] });
    expect(sim.planStore.getState().past.map((s) => s.label)).toEqual(['Move landmark']);
    // A placed point keeps being the chosen one.
    expect(sim.viewStore.getState().activeTool).toEqual({ name: 'photoPins', landmark: 'rightTragus' });
    // Picked up and put down without a move: nothing stored, no step.
    keys.key('Enter', false);
    keys.key('Enter', false);
    await settled();
    expect(sim.planStore.getState().past).toHaveLength(1);
  });

  it('puts the pin back on Escape, on leaving the control, and when another photo is shown: nothing stored, no step', async () => {
    const { sim, state, keys, stored, preview, landmarksNow } = keysOn({ vertex: [500, 300] });
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: 'vertex' });
    const before = sim.planStore.getState();
    keys.key('ArrowRight', false);
    expect(keys.key('Escape', false)).toBe(true);
    // Escape with nothing picked up is left to the app.
    expect(keys.key('Escape', false)).toBe(false);
    keys.key('ArrowRight', false);
    keys.leave();
    expect(keys.moving).toBe(false);
    keys.key('ArrowRight', false);
    state.setState({ shown: { ...state.getState().shown!, meta: { ...state.getState().shown!.meta, id: 'front', landmarks: { vertex: [10, 10] } } } });
    // The next key finds the pin was picked up on another photo: put back, and this key picks up the new photo's.
    keys.key('ArrowDown', false);
    expect(preview()).toEqual({ vertex: [10, 10 + STEP] });
    keys.key('Escape', false);
    await settled();
    expect(stored).toEqual([]);
    expect(preview()).toBeNull();
    expect(sim.planStore.getState().past).toBe(before.past);
    expect(sim.planStore.getState().gestureMark).toBeNull();
    expect(landmarksNow()).toEqual({ vertex: [10, 10] });
  });

  it('leaves a pointer gesture begun meanwhile alone when it puts its pin back', () => {
    const { sim, keys } = keysOn({ vertex: [500, 300] });
    sim.viewStore.getState().setTool({ name: 'photoPins', landmark: 'vertex' });
    keys.key('ArrowRight', false);
    // A press on the photo begins its own gesture, then takes the focus from the keys' control.
    sim.planStore.getState().beginGesture('photo-pins-99');
    keys.leave();
    expect(sim.planStore.getState().gestureMark?.key).toBe('photo-pins-99');
  });
});
