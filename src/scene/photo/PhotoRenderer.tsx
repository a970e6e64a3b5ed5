import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { usePhotoScreen } from '../../app/photoScreen';
import { useSimulator } from '../../app/simulator';
import { photoRect } from '../../domain/photo/composite';
import { PhotoTools } from '../PhotoTools';
import { PhotoCompositor } from './photoCompositor';

/** The view's background around a photo (as the 3D view's). */
const BACKGROUND = new THREE.Color('#e9ecef');

/**
 * Draws the shown photo with the plan on it (photoCompositor.ts) while a photo is shown, in place of the 3D
 * view's renderer, and offers the report and exports pictures of photos drawn offscreen.
 */
export function PhotoRenderer() {
  const sim = useSimulator();
  const screen = usePhotoScreen();
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const compositor = useMemo(() => new PhotoCompositor(), []);
  useEffect(() => () => compositor.dispose(), [compositor]);

  useEffect(
    () =>
      screen.attachRenderer({
        renderPhoto(photo, { width, height, simulation }) {
          const { scalp } = sim.headStore.getState();
          if (!scalp) throw new Error('The head is not loaded yet');
          const plan = sim.planStore.getState().plan;
          // Pictures show the finished treatment, freshly healed, whatever the view previews (as snapshots.ts).
          scalp.applyPlan(plan, { sessionPreview: null, ageYears: 0 });
          try {
            return compositor.picture(gl, get().scene, { photo, scalp, drawnShape: plan.headShape, split: 0, simulation }, width, height);
          } finally {
            scalp.applyPlan(plan, sim.viewStore.getState());
          }
        },
      }),
    [screen, sim, gl, get, compositor],
  );

  useFrame(({ gl, scene }) => {
    const { shownPhoto, photoSplit } = sim.viewStore.getState();
    const photo = screen.state.getState().shown;
    const { scalp } = sim.headStore.getState();
    if (!shownPhoto || !photo || photo.meta.id !== shownPhoto || !scalp) return;
    const size = gl.getDrawingBufferSize(new THREE.Vector2());
    const rect = photoRect(size.width, size.height, photo.meta.width, photo.meta.height);
    compositor.draw(gl, scene, { photo, scalp, drawnShape: sim.planStore.getState().plan.headShape, split: photoSplit, simulation: true }, null, rect, BACKGROUND);
  }, 1);
  return <PhotoTools />;
}
