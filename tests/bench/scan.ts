/**
 * The head-scan part of `npm run bench`, in Node (the worker runs the same code): how long reading,
 * simplifying and fitting a large scan take, and what a hairline edit costs on a scan at the triangle limit
 * against the default head, measured in interleaved rounds so that the ratio survives a noisy machine.
 */
import { TreatmentArea } from '../../src/domain/hairline/treatmentArea';
import { HAIRLINE_AGES } from '../../src/domain/hairline/presets';
import { defaultPlan } from '../../src/domain/plan';
import { createTemplate, suggestLandmarks } from '../../src/domain/scan/fit';
import { mergeDuplicateVertices, simplifyMesh } from '../../src/domain/scan/prepare';
import type { ScanMesh } from '../../src/domain/scan/scanMesh';
import { parseScan } from '../../src/io/scan/parseScan';
import { MAX_SCAN_TRIANGLES, SIMPLIFIED_TRIANGLES } from '../../src/io/scan/protocol';
import { writeScanGlb } from '../support/scanFiles';
import { loadDefaultHead } from '../unit/fixtures';
import { median, wallTime as time } from './measure';

const ROUNDS = 5;

/** Every triangle split into n² (so 48k triangles become 48k·n²), in millimetres. */
function subdivided(positions: Float32Array, indices: Uint32Array, n: number): ScanMesh {
  const out = new Float32Array((indices.length / 3) * n * n * 9);
  let o = 0;
  const corner = (t: number, a: number, b: number) => {
    const i0 = 3 * indices[3 * t]!, i1 = 3 * indices[3 * t + 1]!, i2 = 3 * indices[3 * t + 2]!;
    const w1 = a / n, w2 = b / n, w0 = 1 - w1 - w2;
    for (let c = 0; c < 3; c++) out[o++] = w0 * positions[i0 + c]! + w1 * positions[i1 + c]! + w2 * positions[i2 + c]!;
  };
  for (let t = 0; t < indices.length / 3; t++) {
    for (let a = 0; a < n; a++) {
      for (let b = 0; a + b < n; b++) {
        corner(t, a, b);
        corner(t, a + 1, b);
        corner(t, a, b + 1);
        if (a + b + 2 > n) continue;
        corner(t, a + 1, b);
        corner(t, a + 1, b + 1);
        corner(t, a, b + 1);
      }
    }
  }
  return mergeDuplicateVertices({ positions: out, indices: Uint32Array.from({ length: out.length / 3 }, (_, i) => i) });
}

export function benchScanImport(): Record<string, number> {
  const head = loadDefaultHead();
  const dense = subdivided(head.skin.positions, head.skin.indices, 6);
  const file = writeScanGlb(dense);
  const parseMs = time(() => parseScan([{ name: 'dense.glb', bytes: file }]));
  let simplified: ScanMesh = dense;
  const simplifyMs = time(() => (simplified = mergeDuplicateVertices(simplifyMesh(dense, SIMPLIFIED_TRIANGLES))));
  const template = createTemplate(head.skin.positions, head.skin.indices, head.landmarks);
  const fitMs = time(() => suggestLandmarks(simplified.positions, simplified.indices, template));

  // A hairline edit: the distance field recomputed, on the default head and on the simplified scan.
  const onDefault = new TreatmentArea(head.skin.positions, head.skin.indices, head.landmarks);
  const onScan = new TreatmentArea(simplified.positions, simplified.indices, head.landmarks);
  const samples = { default: [] as number[], scan: [] as number[] };
  const plan = defaultPlan();
  for (let round = 0; round < ROUNDS; round++) {
    for (const age of HAIRLINE_AGES) {
      plan.hairline.age = age;
      samples.default.push(time(() => onDefault.update(plan)));
      samples.scan.push(time(() => onScan.update(plan)));
    }
  }
  const result = {
    fileTriangles: dense.indices.length / 3,
    fileMb: file.byteLength / 1e6,
    parseMs,
    simplifyMs,
    keptTriangles: simplified.indices.length / 3,
    fitMs,
    hairlineEditDefaultMs: median(samples.default),
    hairlineEditScanMs: median(samples.scan),
  };
  console.log(
    `Scan import (Node): a ${result.fileTriangles.toLocaleString('en')}-triangle GLB (${result.fileMb.toFixed(0)} MB) parsed in ${parseMs.toFixed(0)} ms, ` +
      `simplified to ${result.keptTriangles.toLocaleString('en')} triangles in ${simplifyMs.toFixed(0)} ms (offered above ${MAX_SCAN_TRIANGLES.toLocaleString('en')}), landmarks fitted in ${fitMs.toFixed(0)} ms`,
  );
  console.log(
    `Hairline edit: default head ${result.hairlineEditDefaultMs.toFixed(1)} ms, scan ${result.hairlineEditScanMs.toFixed(1)} ms (scan / default ${(result.hairlineEditScanMs / result.hairlineEditDefaultMs).toFixed(2)}, with ${(simplified.positions.length / head.skin.positions.length).toFixed(2)}× the vertices: the cost grows with the vertices, no faster)`,
  );
  return result;
}
