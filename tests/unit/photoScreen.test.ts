/**
 * The photo screen's logic that needs no browser: where the head is drawn through a photo's camera when the
 * fitted head is larger or smaller than the drawn one, an unknown photo refused with nothing changed, and the
 * photo's landmarks and camera scaled to the picture the outline fit searches, and a crown photo fitted by its
 * pins alone.
 */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ClientPhotos } from '../../src/app/photos';
import { createPhotoScreen, drawPose } from '../../src/app/photoScreen';
import { fitImageScale, fitOf, scaledPhotoView, unscaledFit } from '../../src/app/photoWork';
import type { SavedPlans, SavedPlansState } from '../../src/app/savedPlans';
import { createSimulator } from '../../src/app/simulator';
import { DEFAULT_HEAD_SHAPE, warpPoint } from '../../src/domain/head/headShape';
import { cameraFromVerticalFov, projectHeadPoint, rotationFromAngles } from '../../src/domain/photo/camera';
import type { PhotoFit } from '../../src/domain/photo/headFit';
import type { PhotoMeta } from '../../src/domain/photos';
import { defaultLoadedHead } from '../support/loadedHead';
import { CROWN_CASES, CROWN_TAPS, defaultEyes, syntheticPhoto } from '../support/syntheticPhotos';
import { photoMeta } from '../support/photoMeta';

describe('the head drawn through the photo camera', () => {
  it('covers the fitted head: a larger fitted head is the drawn one nearer the camera', () => {
    const camera = cameraFromVerticalFov(3000, 4000, 60);
    const pose = { rotation: rotationFromAngles({ yawDeg: 25, pitchDeg: 10, rollDeg: -4 }), scale: 1, translation: [12, -40, -450] as [number, number, number] };
    const fitted = { ...DEFAULT_HEAD_SHAPE, size: 1.08 };
    const fit = { pose, shape: fitted } as unknown as PhotoFit;
    const drawn = drawPose(fit, DEFAULT_HEAD_SHAPE);
    for (const p of [[0, 120, 40], [70, 30, 60], [-60, 80, -50]] as [number, number, number][]) {
      const onPhoto = projectHeadPoint(camera, pose, warpPoint(fitted, p))!;
      const asDrawn = projectHeadPoint(camera, drawn, p)!;
      expect(Math.hypot(onPhoto[0] - asDrawn[0], onPhoto[1] - asDrawn[1])).toBeLessThan(1e-6);
    }
  });
});

describe('showing a photo', () => {
  const sim = createSimulator();
  const listed: string[] = [];
  const photos = {
    list: async () => (listed.push('list'), []),
  } as unknown as ClientPhotos;
  const state = createStore<SavedPlansState>()(() => ({ available: true, starting: false, openId: 'plan-1', revision: 0, head: null, conflict: null }));
  const screen = createPhotoScreen(sim, photos, { state } as unknown as SavedPlans);

  it('refuses a photo the plan does not have, changing nothing', async () => {
    await expect(screen.show('nope')).rejects.toThrow('showPhoto: this plan has no photo with the id "nope"; use an id from getPhotos()');
    expect(sim.viewStore.getState().shownPhoto).toBeNull();
    expect(screen.state.getState()).toMatchObject({ shown: null, loading: null });
    expect(listed).toEqual(['list']);
  });

  it('goes back to the 3D view with null', async () => {
    await screen.show(null);
    expect(sim.viewStore.getState().shownPhoto).toBeNull();
  });
});

describe('the photo fitted on a smaller picture', () => {
  it('searches a picture of at most 1024 px on its long side, never enlarged', () => {
    expect(fitImageScale(3000, 4000)).toBeCloseTo(1024 / 4000, 12);
    expect(fitImageScale(4000, 3000)).toBeCloseTo(1024 / 4000, 12);
    expect(fitImageScale(800, 600)).toBe(1);
  });

  it('scales landmarks, camera and iris together, so the same pose projects onto the scaled landmarks', () => {
    const camera = cameraFromVerticalFov(3000, 4000, 60);
    const pose = { rotation: rotationFromAngles({ yawDeg: -20, pitchDeg: 5, rollDeg: 3 }), scale: 1, translation: [-8, 20, -420] as [number, number, number] };
    const points: [number, number, number][] = [[30, 20, 80], [-30, 20, 80], [0, -20, 95]];
    const [a, b, c] = points.map((p) => projectHeadPoint(camera, pose, p)!);
    const s = fitImageScale(camera.widthPx, camera.heightPx);
    const view = scaledPhotoView({ landmarks: { leftIrisCenter: a!, rightIrisCenter: b!, pronasale: c! }, irisDiameterPx: 40 }, camera, s);
    expect(view.camera).toEqual({ widthPx: 3000 * s, heightPx: 4000 * s, focalPx: camera.focalPx * s });
    expect(view.irisDiameterPx).toBeCloseTo(40 * s, 12);
    const scaled = [view.landmarks.leftIrisCenter, view.landmarks.rightIrisCenter, view.landmarks.pronasale];
    points.forEach((p, i) => {
      const q = projectHeadPoint(view.camera, pose, p)!;
      expect(Math.hypot(q[0] - scaled[i]![0], q[1] - scaled[i]![1])).toBeLessThan(1e-9);
    });
    expect(scaledPhotoView({ landmarks: {}, irisDiameterPx: null }, camera, s)).not.toHaveProperty('irisDiameterPx');
  });

  it('reports the residuals in the photo’s own pixels', () => {
    const fit = { residualPx: 2, outlineResidualPx: 1.5 } as PhotoFit;
    expect(unscaledFit(fit, 0.25)).toMatchObject({ residualPx: 8, outlineResidualPx: 6 });
  });
});

describe('a crown photo', () => {
  it('is fitted by its pins alone, its picture never read (the outline search knows face views)', () => {
    const head = defaultLoadedHead();
    const eyes = new THREE.BufferGeometry();
    eyes.setAttribute('position', new THREE.BufferAttribute(defaultEyes.positions, 3));
    const eyesMesh = new THREE.Mesh(eyes);
    eyesMesh.name = 'Eyes';
    head.root.add(eyesMesh);
    const truth = syntheticPhoto(DEFAULT_HEAD_SHAPE, CROWN_CASES[0]!, CROWN_TAPS, { anchor: 'vertex' });
    const { camera } = truth.view;
    const meta: PhotoMeta = photoMeta({ id: 'crown', view: 'top', width: camera.widthPx, height: camera.heightPx, landmarks: truth.view.landmarks });
    const picture = new Proxy({ width: meta.width, height: meta.height } as ImageBitmap, {
      get(target, key) {
        if (key === 'width' || key === 'height') return Reflect.get(target, key);
        throw new Error(`The crown photo's picture was read (${String(key)})`);
      },
    });
    const { fit, fitProblem } = fitOf(meta, picture, head, camera);
    expect(fitProblem).toBeNull();
    expect(fit!.outlineResidualPx).toBe(0);
    expect(fit!.residualPx).toBeLessThan(1);
  });
});
