import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { usePhotoScreen, type ShownPhoto } from '../../app/photoScreen';
import { useSimulator, type Simulator } from '../../app/simulator';
import type { HeadShape } from '../../domain/head/headShape';
import { photoRect } from '../../domain/photo/composite';
import { PhotoTools } from '../PhotoTools';
import { PhotoCompositor } from './photoCompositor';

/**
 * The head drawn on a photo takes the shape fitted to that photo, not the plan's: the photo shows the client's
 * own head, and the plan (kept on the default head, warped with the head) lands on it where it would on them.
 * The plan's shape is what the 3D view shows, and the fitted one reaches the plan only when the practitioner
 * takes it ("Use this head shape for the plan"). The head's meshes are warped on the CPU: while a photo whose
 * fitted shape differs from the plan's is shown, each drawn frame warps twice (the head model puts the plan's
 * shape back first), a few milliseconds, and not at all once the plan has taken the fitted shape.
 * Returns the shape drawn.
 */
function shapeForPhoto(sim: Simulator, photo: ShownPhoto): HeadShape {
  const plan = sim.planStore.getState().plan;
  const { head, scalp } = sim.headStore.getState();
  const shape = photo.fit?.shape ?? plan.headShape;
  if (head?.shaping?.apply(shape)) scalp?.applyHead({ whorl: head.shaping.toScene(head.treatment.hair.frame.whorl) });
  return head?.shaping ? shape : plan.headShape;
}

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
            return compositor.picture(gl, get().scene, { photo, scalp, drawnShape: shapeForPhoto(sim, photo), split: 0, simulation }, width, height);
          } finally {
            scalp.applyPlan(plan, sim.viewStore.getState());
            // The 3D view (or the shown photo) takes its own shape again at its next frame.
            sim.signals.markDirty();
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
    compositor.draw(gl, scene, { photo, scalp, drawnShape: shapeForPhoto(sim, photo), split: photoSplit, simulation: true }, null, rect, BACKGROUND);
  }, 1);
  return <PhotoTools />;
}
