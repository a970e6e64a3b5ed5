import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GeneratedHead } from '../../src/domain/head/generateHead';
import { LANDMARK_NAMES, parseLandmarks, type Vec3 } from '../../src/domain/head/landmarks';
import { measureHead } from '../../src/domain/head/measure';
import { locateHeadPhotoPoints } from '../../src/domain/photo/headLandmarks3d';
import { countNonManifoldEdges, meshVertexNormals, signedVolume } from '../../src/domain/head/meshTools';
import { HEAD_FRAME, readGlb, readMesh, writeGlb } from '../../src/io/glb';
import { DEFAULT_HEAD_GLB, loadDefaultHead, type GltfNode } from './fixtures';

const defaultHead = loadDefaultHead();
const { glb, nodes, skin, landmarks, query } = defaultHead;
const headNode = defaultHead.headNode!;
const eyes = readMesh(glb, 'Eyes');
const brows = readMesh(glb, 'Brows');
const body = readMesh(glb, 'Body');

const within = (value: number, target: number, tolerance = 0.03) => Math.abs(value - target) <= target * tolerance;

describe('default head model (public/models/head.glb)', () => {
  it('is a Head node in millimetres with Skin, Eyes, Brows and Body children', () => {
    expect(headNode.extras?.units).toBe('mm');
    expect(headNode.extras?.frame).toBe(HEAD_FRAME);
    const children = headNode.children!.map((i) => nodes[i]!.name);
    expect(children).toEqual(['Skin', 'Eyes', 'Brows', 'Body']);
    const materials = (glb.json.materials as { name: string }[]).map((m) => m.name);
    expect(materials).toEqual(['skin', 'eyes', 'brows', 'shirt']);
    expect(eyes.colors?.length).toBe(eyes.positions.length);
    expect(readFileSync(DEFAULT_HEAD_GLB).byteLength).toBeLessThan(2.2 * 1024 * 1024);
  });

  it('has adult head dimensions', () => {
    const m = measureHead(skin.positions, skin.indices, landmarks);
    expect(within(m.breadth, 150), `breadth ${m.breadth}`).toBe(true);
    expect(within(m.length, 195), `length ${m.length}`).toBe(true);
    expect(within(m.circumference, 570), `circumference ${m.circumference}`).toBe(true);
    expect(within(m.mentonToVertex, 230), `menton-vertex ${m.mentonToVertex}`).toBe(true);
  });

  it('has every landmark on the skin surface', () => {
    for (const name of LANDMARK_NAMES) {
      const p = landmarks[name];
      expect(p.every(Number.isFinite)).toBe(true);
      expect(query.closest(p).distance, name).toBeLessThan(1);
    }
  });

  it('has anatomically ordered landmarks in the head frame', () => {
    const L = landmarks;
    const mirrored = (a: Vec3, b: Vec3) => {
      expect(a[0]).toBeGreaterThan(0); // +X is the subject's left
      expect(a[0]).toBeCloseTo(-b[0], 3);
      expect(a[1]).toBeCloseTo(b[1], 3);
      expect(a[2]).toBeCloseTo(b[2], 3);
    };
    // Origin between the tragi.
    mirrored(L.leftTragus, L.rightTragus);
    expect(Math.hypot(L.leftTragus[1], L.leftTragus[2])).toBeLessThan(0.5);
    mirrored(L.leftLateralCanthus, L.rightLateralCanthus);
    mirrored(L.leftFrontotemporal, L.rightFrontotemporal);
    for (const name of ['glabella', 'nasion', 'vertex', 'inion', 'menton'] as const) expect(Math.abs(L[name][0])).toBeLessThan(0.5);

    let maxY = -Infinity, minZ = Infinity;
    for (let i = 0; i < skin.positions.length; i += 3) {
      maxY = Math.max(maxY, skin.positions[i + 1]!);
      minZ = Math.min(minZ, skin.positions[i + 2]!);
    }
    expect(L.vertex[1]).toBeCloseTo(maxY, 0);
    expect(L.nasion[1]).toBeLessThan(L.glabella[1]);
    expect(L.nasion[2]).toBeLessThan(L.glabella[2]);
    expect(L.glabella[2]).toBeGreaterThan(80);
    expect(L.menton[1]).toBeLessThan(L.nasion[1] - 100);
    expect(L.menton[2]).toBeGreaterThan(40);
    expect(L.inion[2]).toBeLessThan(-70);
    expect(L.inion[2] - minZ).toBeLessThan(15);
    expect(L.leftLateralCanthus[2]).toBeGreaterThan(L.leftTragus[2] + 50);
    expect(L.leftLateralCanthus[1]).toBeLessThan(L.glabella[1]);
    expect(L.leftLateralCanthus[0]).toBeLessThan(L.leftTragus[0]);
    // Frontotemporal points: above the canthi on the lateral epicanthal line, below a 60-80 mm mid-frontal point.
    expect(L.leftFrontotemporal[0]).toBeCloseTo(L.leftLateralCanthus[0], 1);
    expect(L.leftFrontotemporal[1] - L.glabella[1]).toBeGreaterThan(40);
    expect(L.leftFrontotemporal[1] - L.glabella[1]).toBeLessThan(70);
    // The forehead is tall enough for a hairline 60-80 mm above the glabella, below the vertex.
    expect(L.vertex[1] - L.glabella[1]).toBeGreaterThan(80);
  });

  it('has an adult eye opening', () => {
    // Adult palpebral fissure: about 30 mm from corner to corner (en-ex; Farkas 1994, Hall et al. 2007) and
    // 8-11 mm between the margins (BCSC; Read et al. 2006: 9.7 ± 1.2 mm), the outer corner a little higher;
    // intercanthal width en-en ~33 mm and biocular width ex-ex ~91 mm (Farkas 1994).
    const points = locateHeadPhotoPoints({ skin, eyes, landmarks });
    const en = points.leftMedialCanthus, ex = points.leftLateralCanthus;
    const width = Math.hypot(ex[0] - en[0], ex[1] - en[1], ex[2] - en[2]);
    expect(width, `en-ex ${width}`).toBeGreaterThan(28);
    expect(width, `en-ex ${width}`).toBeLessThan(31);
    const tilt = (Math.atan2(ex[1] - en[1], ex[0] - en[0]) * 180) / Math.PI;
    expect(tilt, `canthal tilt ${tilt}°`).toBeGreaterThan(1);
    expect(tilt, `canthal tilt ${tilt}°`).toBeLessThan(9);
    expect(2 * en[0], 'en-en').toBeGreaterThan(30);
    expect(2 * en[0], 'en-en').toBeLessThan(36);
    expect(2 * ex[0], 'ex-ex').toBeGreaterThan(87);
    expect(2 * ex[0], 'ex-ex').toBeLessThan(95);
    // Height: the margins straight in front of the pupil, where the skin passes over the front of the eye.
    const iris = points.leftIrisCenter;
    // The cornea's front: the left eye's foremost point (the iris centre lies in the plane of the iris's ring, behind it).
    let corneaFront = -Infinity;
    for (let i = 0; i < eyes.positions.length; i += 3) if (eyes.positions[i]! > 0) corneaFront = Math.max(corneaFront, eyes.positions[i + 2]!);
    let upper = -Infinity, lower = Infinity;
    const p = skin.positions;
    for (let t = 0; t < skin.indices.length; t += 3) {
      for (let e = 0; e < 3; e++) {
        const a = skin.indices[t + e]!, b = skin.indices[t + ((e + 1) % 3)]!;
        const za = p[3 * a + 2]! - (corneaFront - 3), zb = p[3 * b + 2]! - (corneaFront - 3);
        if (za < 0 === zb < 0) continue;
        const f = za / (za - zb);
        const x = p[3 * a]! + (p[3 * b]! - p[3 * a]!) * f, y = p[3 * a + 1]! + (p[3 * b + 1]! - p[3 * a + 1]!) * f;
        if (Math.abs(x - iris[0]) > 1.5 || Math.abs(y - iris[1]) > 9) continue;
        if (y > iris[1]) upper = Math.max(upper, y);
        else lower = Math.min(lower, y);
      }
    }
    expect(upper - lower, `ps-pi ${upper - lower}`).toBeGreaterThan(8.5);
    expect(upper - lower, `ps-pi ${upper - lower}`).toBeLessThan(11);
  });

  it('has brows of hair on the supraorbital rim, off the skin mesh', () => {
    // Each hair lies on the skin (within its arch) but is its own mesh: no SMP, no treatment area.
    let xMin = Infinity, xMax = -Infinity, lowest = Infinity, farthest = 0;
    for (let i = 0; i < brows.positions.length; i += 3) {
      const p: Vec3 = [brows.positions[i]!, brows.positions[i + 1]!, brows.positions[i + 2]!];
      farthest = Math.max(farthest, query.closest(p).distance);
      if (p[0] <= 0) continue;
      xMin = Math.min(xMin, p[0]);
      xMax = Math.max(xMax, p[0]);
      if (Math.abs(p[0] - landmarks.leftLateralCanthus[0] + 14) < 3) lowest = Math.min(lowest, p[1]);
    }
    expect(farthest).toBeLessThan(1.5);
    // About 50 mm long, from above the inner corner of the eye to past the outer corner.
    expect(xMax - xMin).toBeGreaterThan(44);
    expect(xMax - xMin).toBeLessThan(56);
    expect(xMax).toBeGreaterThan(landmarks.leftLateralCanthus[0] + 10);
    // Over the pupil, the lower edge 10-15 mm above the lid crease (7 mm above the 21.5 mm high upper margin).
    expect(lowest - (21.5 + 7)).toBeGreaterThan(9);
    expect(lowest - (21.5 + 7)).toBeLessThan(15);
  });

  it('has shoulders below the neck and a skin of about 48 700 vertices', () => {
    let top = -Infinity, halfWidth = 0;
    for (let i = 0; i < body.positions.length; i += 3) {
      top = Math.max(top, body.positions[i + 1]!);
      halfWidth = Math.max(halfWidth, Math.abs(body.positions[i]!));
    }
    expect(top).toBeLessThan(landmarks.menton[1] - 35);
    // Bideltoid breadth of adult men: ~450 mm.
    expect(2 * halfWidth).toBeGreaterThan(420);
    expect(2 * halfWidth).toBeLessThan(480);
    // The body costs the scene a few hundred vertices; the skin (and its per-vertex layers) stays as it was.
    expect(body.positions.length / 3).toBeLessThan(1000);
    expect(Math.abs(skin.positions.length / 3 - 48_700)).toBeLessThan(500);
  });

  it('is a closed manifold with outward normals', () => {
    expect(countNonManifoldEdges(skin.indices)).toBe(0);
    expect(signedVolume(skin.positions, skin.indices)).toBeGreaterThan(2e6); // a head is ~4 litres
    const faceNormals = meshVertexNormals(skin.positions, skin.indices);
    let disagree = 0;
    for (let i = 0; i < skin.normals.length; i += 3) {
      const d = skin.normals[i]! * faceNormals[i]! + skin.normals[i + 1]! * faceNormals[i + 1]! + skin.normals[i + 2]! * faceNormals[i + 2]!;
      if (d <= 0) disagree++;
    }
    expect(disagree).toBe(0);
  });

  it('is mirror-symmetric about x = 0', () => {
    // The generator mirrors vertex pairs exactly, so every vertex's mirror image is itself a vertex.
    const key = (x: number, y: number, z: number) => `${x},${y},${z}`;
    const seen = new Set<string>();
    const p = skin.positions;
    for (let i = 0; i < p.length; i += 3) seen.add(key(p[i]!, p[i + 1]!, p[i + 2]!));
    let matched = 0;
    for (let i = 0; i < p.length; i += 3) if (seen.has(key(-p[i]!, p[i + 1]!, p[i + 2]!))) matched++;
    expect(matched).toBe(p.length / 3);
  });
});

describe('writeGlb', () => {
  it('round-trips a mesh and its landmarks through a valid GLB container', () => {
    const tetra = (scale: number) => ({
      positions: new Float32Array([0, 0, 0, scale, 0, 0, 0, scale, 0, 0, 0, scale]),
      normals: new Float32Array([-1, -1, -1, 1, 0, 0, 0, 1, 0, 0, 0, 1].map((v) => v / Math.SQRT2)),
      indices: new Uint32Array([0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3]),
    });
    const head: GeneratedHead = {
      skin: tetra(10),
      eyes: { ...tetra(2), colors: new Float32Array(12).fill(0.5) },
      brows: tetra(1),
      body: tetra(30),
      landmarks: Object.fromEntries(LANDMARK_NAMES.map((n, i) => [n, [i, i + 0.5, i * -2 - 1] as Vec3])) as GeneratedHead['landmarks'],
    };
    const bytes = writeGlb(head);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(8, true)).toBe(bytes.byteLength);
    const jsonLength = view.getUint32(12, true);
    expect(jsonLength % 4).toBe(0);
    expect(view.getUint32(20 + jsonLength, true) % 4).toBe(0);

    const parsed = readGlb(bytes);
    expect((parsed.json.asset as { version: string }).version).toBe('2.0');
    const back = readMesh(parsed, 'Skin');
    expect(Array.from(back.positions)).toEqual(Array.from(head.skin.positions));
    expect(Array.from(back.indices)).toEqual(Array.from(head.skin.indices));
    expect(Array.from(readMesh(parsed, 'Eyes').colors!)).toEqual(Array.from(head.eyes.colors!));
    expect(Array.from(readMesh(parsed, 'Body').positions)).toEqual(Array.from(head.body.positions));
    const accessors = parsed.json.accessors as { min?: number[]; max?: number[] }[];
    const meshes = parsed.json.meshes as { primitives: { attributes: Record<string, number> }[] }[];
    const pos = accessors[meshes[0]!.primitives[0]!.attributes.POSITION!]!;
    expect(pos.min).toEqual([0, 0, 0]);
    expect(pos.max).toEqual([10, 10, 10]);
    const extras = (parsed.json.nodes as GltfNode[])[0]!.extras!;
    expect(parseLandmarks(extras.landmarks)).toEqual(head.landmarks);
  });
});
