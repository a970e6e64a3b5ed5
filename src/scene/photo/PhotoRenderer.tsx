import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { usePhotoScreen, type ShownPhoto } from '../../app/photoScreen';
import { useSimulator } from '../../app/simulator';
import type { HeadShape } from '../../domain/head/headShape';
import type { Plan } from '../../domain/plan';
import type { HeadShaping } from '../headShaping';
import type { LoadedHead } from '../loadedHead';
import type { ScalpMaterial } from '../scalpMaterial';
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
 * A scan, the client's own head, is never reshaped.
 */
function shapeForPhoto(plan: Plan, head: LoadedHead, photo: ShownPhoto): HeadShape {
  return head.shaping ? (photo.fit?.shape ?? plan.headShape) : plan.headShape;
}

/** The scalp's whorl follows the head's shape (called after each change of shape). */
const whorlFollows = (shaping: HeadShaping, head: LoadedHead, scalp: ScalpMaterial) => () => scalp.applyHead({ whorl: shaping.toScene(head.treatment.hair.frame.whorl) });

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
        renderPhoto(photo, { width, height, simulation, asOnScreen = false }) {
          const { head, scalp } = sim.headStore.getState();
          if (!head || !scalp) throw new Error('The head is not loaded yet');
          const plan = sim.planStore.getState().plan;
          const view = sim.viewStore.getState();
          const drawnShape = shapeForPhoto(plan, head, photo);
          const draw = () => compositor.picture(gl, get().scene, { photo, scalp, drawnShape, split: 0, simulation }, width, height);
          // The report shows the finished treatment, freshly healed, whatever the view previews (as snapshots.ts);
          // an export of the shown photo what the screen shows.
          if (!asOnScreen) scalp.applyPlan(plan, { sessionPreview: null, ageYears: 0 });
          try {
            // In the photo's fitted shape for this picture only: the next frame finds the head as it left it.
            return head.shaping ? head.shaping.whileShowing(drawnShape, draw, whorlFollows(head.shaping, head, scalp)) : draw();
          } finally {
            if (!asOnScreen) scalp.applyPlan(plan, view);
            sim.signals.markDirty();
          }
        },
      }),
    [screen, sim, gl, get, compositor],
  );

  useFrame(({ gl, scene }) => {
    const { shownPhoto, photoSplit } = sim.viewStore.getState();
    const photo = screen.state.getState().shown;
    const { head, scalp } = sim.headStore.getState();
    if (!shownPhoto || !photo || photo.meta.id !== shownPhoto || !head || !scalp) return;
    const size = gl.getDrawingBufferSize(new THREE.Vector2());
    const rect = photoRect(size.width, size.height, photo.meta.width, photo.meta.height);
    const drawnShape = shapeForPhoto(sim.planStore.getState().plan, head, photo);
    // Left in the fitted shape: the head model puts the plan's back before the next frame (see shapeForPhoto).
    if (head.shaping?.apply(drawnShape)) whorlFollows(head.shaping, head, scalp)();
    compositor.draw(gl, scene, { photo, scalp, drawnShape, split: photoSplit, simulation: true }, null, rect, BACKGROUND);
  }, 1);
  return <PhotoTools />;
}
