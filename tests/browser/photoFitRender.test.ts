/**
 * The photo fit on the app's own pictures (issue 15, item 7): the app draws a re-shaped head (the plan's head
 * shape) from the front and from three-quarters, at its own known camera (window.smp.getCamera, the 32° lens);
 * the face model finds the landmarks on each picture (window.smp.importPhoto), the outline search reads the
 * pictures, and the fit, in Node, must find each pose within 3°, the size within 5 % (of what the drawn iris
 * shows: see sizeTheIrisShows) and the mid-frontal point within 3 mm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { DEFAULT_HEAD_SHAPE, warpPoint, type HeadShape } from '../../src/domain/head/headShape';
import type { Vec3 } from '../../src/domain/head/landmarks';
import { cameraFromVerticalFov, projectHeadPoint, rotationDifferenceDeg, type PhotoCamera } from '../../src/domain/photo/camera';
import { fitHeadToPhotoImage, fitHeadToPhotoImages, type PhotoWithImage } from '../../src/domain/photo/outlineSearch';
import { IRIS_DIAMETER_MM } from '../../src/domain/photo/photoLandmarks';
import type { PhotoMeta } from '../../src/domain/photos';
import type { Similarity } from '../../src/domain/scan/align';
import { head, midFrontalErrorMm, outlineSurface } from '../support/syntheticPhotos';
import { openApp, type AppPage } from './harness';

/** The app's lens (src/scene/Viewer.tsx). */
const APP_FOV_DEG = 32;
const SHAPE: HeadShape = { size: 1.04, length: 0.97, breadth: 1.03, foreheadSlopeDeg: 5, crownHeightMm: -5 };
/**
 * The default head's iris diameter (src/domain/head/eyes.ts: radius 5.8 mm). The app warps the eyes with the
 * head, so this head's irises are 11.6 × size × breadth mm across, where a client's are 11.7 whatever their
 * head: the picture's own ruler is that much longer, and the best any fit can find from it is the plan's size
 * times 11.7 over the drawn iris.
 */
const DEFAULT_HEAD_IRIS_MM = 11.6;
const sizeTheIrisShows = (shape: HeadShape) => (shape.size * IRIS_DIAMETER_MM) / (DEFAULT_HEAD_IRIS_MM * shape.size * shape.breadth);

interface Shot {
  png: string;
  camera: { position: Vec3; target: Vec3 };
  width: number;
  height: number;
  /** Where the app draws the head's vertex and nasion, device pixels: checks the camera model below. */
  vertex: { x: number; y: number };
  nasion: { x: number; y: number };
}

/** The head frame to the camera frame of a camera at `position` looking at `target`, +Y up (three.js's lookAt). */
function poseOf({ position, target }: Shot['camera']): Similarity {
  const back = unit([position[0] - target[0], position[1] - target[1], position[2] - target[2]]);
  const right = unit([back[2], 0, -back[0]]);
  const up: Vec3 = [back[1] * right[2] - back[2] * right[1], back[2] * right[0] - back[0] * right[2], back[0] * right[1] - back[1] * right[0]];
  const rotation = [...right, ...up, ...back];
  const translation = [0, 1, 2].map((k) => -(rotation[3 * k]! * position[0] + rotation[3 * k + 1]! * position[1] + rotation[3 * k + 2]! * position[2])) as Vec3;
  return { rotation, scale: 1, translation };
}

function unit(v: Vec3): Vec3 {
  const l = Math.hypot(...v);
  return [v[0] / l, v[1] / l, v[2] / l];
}

function decode(dataUrl: string): PhotoWithImage['image'] {
  const png = PNG.sync.read(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  return { width: png.width, height: png.height, data: png.data };
}

describe('the head fitted to the app’s own pictures of a re-shaped head', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp({ width: 900, height: 1100 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds each pose within 3°, the size within 5 % and the mid-frontal point within 3 mm', async () => {
    const shots = await app.page.evaluate(async (shape) => {
      const smp = window.smp!;
      smp.setShowSmp(false);
      smp.setPlan({ ...smp.getPlan(), headShape: shape });
      const out: Shot[] = [];
      for (const view of ['front', 'three-quarter'] as const) {
        smp.setView(view, { animate: false });
        const png = await smp.screenshot();
        const canvas = document.querySelector('canvas')!;
        const ratio = canvas.width / canvas.clientWidth;
        const landmarks = smp.getLandmarks();
        const at = (p: [number, number, number]) => {
          const s = smp.toScreen(p);
          return { x: s.x * ratio, y: s.y * ratio };
        };
        out.push({ png, camera: smp.getCamera(), width: canvas.width, height: canvas.height, vertex: at(landmarks.vertex), nasion: at(landmarks.nasion) });
      }
      return out;
    }, SHAPE);
    // The head as the app draws it: the plan's shape where the app shapes its head (the head-shape display),
    // else the default head; told apart by where the app draws the vertex.
    const firstCamera = cameraFromVerticalFov(shots[0]!.width, shots[0]!.height, APP_FOV_DEG);
    const drawnAt = (shape: HeadShape) => {
      const p = projectHeadPoint(firstCamera, poseOf(shots[0]!.camera), warpPoint(shape, head.vertex))!;
      return Math.hypot(p[0] - shots[0]!.vertex.x, p[1] - shots[0]!.vertex.y);
    };
    const truth = drawnAt(SHAPE) <= drawnAt(DEFAULT_HEAD_SHAPE) ? SHAPE : DEFAULT_HEAD_SHAPE;
    const photos: (PhotoWithImage & { pose: Similarity })[] = [];
    for (const [i, shot] of shots.entries()) {
      const meta = await app.page.evaluate(
        async ({ url, view }) => {
          const blob = await (await fetch(url)).blob();
          return (await window.smp!.importPhoto(blob, { view })) as PhotoMeta;
        },
        { url: shot.png, view: i === 0 ? ('front' as const) : ('right' as const) },
      );
      const camera: PhotoCamera = cameraFromVerticalFov(shot.width, shot.height, APP_FOV_DEG);
      const pose = poseOf(shot.camera);
      // The camera model matches the app's: its vertex and nasion, on the re-shaped head, where the app draws them.
      for (const [name, drawn] of [['vertex', shot.vertex], ['nasion', shot.nasion]] as const) {
        const projected = projectHeadPoint(camera, pose, warpPoint(truth, head[name]))!;
        expect(Math.hypot(projected[0] - drawn.x, projected[1] - drawn.y), `${name} in view ${i}`).toBeLessThan(1.5);
      }
      photos.push({ landmarks: meta.landmarks, camera, ...(meta.irisDiameterPx !== null && meta.irisDiameterPx !== undefined && { irisDiameterPx: meta.irisDiameterPx }), image: decode(shot.png), pose });
    }
    const fit = fitHeadToPhotoImages({ photos, head, outlineSurface });
    const turns = photos.map((photo, i) => rotationDifferenceDeg(fit.photos[i]!.pose.rotation, photo.pose.rotation));
    const sizeError = Math.abs(fit.shape.size / sizeTheIrisShows(truth) - 1);
    const midFrontal = midFrontalErrorMm(fit.shape, fit.photos[0]!.pose, { view: photos[0]!, shape: truth, pose: photos[0]!.pose });
    console.log(
      `App pictures of ${truth === SHAPE ? 'a re-shaped head' : 'the default head (the app does not shape its head yet)'}, front and three-quarter fitted together: turn ${turns.map((t) => t.toFixed(1)).join(' and ')}°, size ${(100 * sizeError).toFixed(1)} % from what the drawn iris shows ` +
        `(${(100 * Math.abs(fit.shape.size / truth.size - 1)).toFixed(1)} % from the drawn head's), ` +
        `mid-frontal point ${midFrontal.toFixed(1)} mm; outline points used ${fit.photos.map((p) => p.outlineCount).join(' and ')}; shape ${JSON.stringify(fit.shape, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v))}`,
    );
    // Each photo alone, for the record: a frontal photo cannot show the forehead's slope (README).
    const alone = photos.map((photo, i) => {
      const single = fitHeadToPhotoImage({ ...photo, head, outlineSurface });
      const shown = { view: photo, shape: truth, pose: photo.pose };
      return `${['front', 'three-quarter'][i]} turn ${rotationDifferenceDeg(single.pose.rotation, photo.pose.rotation).toFixed(1)}°, mid-frontal point ${midFrontalErrorMm(single.shape, single.pose, shown).toFixed(1)} mm`;
    });
    console.log(`Each photo alone: ${alone.join('; ')}`);
    for (const turn of turns) expect(turn).toBeLessThan(3);
    expect(sizeError).toBeLessThan(0.05);
    expect(midFrontal).toBeLessThan(3);
  }, 300_000);
});
