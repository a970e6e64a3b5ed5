/**
 * A scan read and aligned as the scan worker does it (src/io/scan/scanWorker.ts), in every format: the
 * default head written in another unit and turned, found again where it was, in the unit it was written in.
 * The browser test (tests/browser/scanImport.test.ts) reads two of these cases through the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSurfaceQuery } from '../../src/domain/geometry/closestPoint';
import { distance, type Landmarks } from '../../src/domain/head/landmarks';
import { alignmentFromLandmarks, applySimilarityToPoint, completeLandmarks } from '../../src/domain/scan/align';
import { createTemplate, suggestLandmarks, type HeadTemplate } from '../../src/domain/scan/fit';
import { mergeDuplicateVertices, validateScan } from '../../src/domain/scan/prepare';
import { parseScan } from '../../src/io/scan/parseScan';
import { FORMAT_CASES, scanOfDefaultHead } from '../support/placedHead';
import { loadDefaultHead, type DefaultHead } from './fixtures';

let head: DefaultHead;
let template: HeadTemplate;
beforeAll(() => {
  head = loadDefaultHead();
  template = createTemplate(head.skin.positions, head.skin.indices, head.landmarks);
});

describe('a scan of the default head, read and aligned', () => {
  it.each(FORMAT_CASES)('finds the head written as $name', ({ format, placement, files, unit, colors }) => {
    const parsed = parseScan(files(scanOfDefaultHead(placement, 30_000, colors).mesh));
    expect(parsed.format).toBe(format);
    validateScan(parsed.mesh);
    const mesh = mergeDuplicateVertices(parsed.mesh);
    const query = createSurfaceQuery(mesh.positions, mesh.indices);
    const suggestion = suggestLandmarks(mesh.positions, mesh.indices, template, query);
    expect(suggestion.looksLikeHead).toBe(true);
    // The page takes the four key landmarks of the suggestion, as the import does before anyone moves one.
    const { glabella, vertex, leftTragus, rightTragus } = suggestion.landmarks;
    const fileLandmarks = completeLandmarks({ glabella, vertex, leftTragus, rightTragus }, suggestion.landmarks, query, head.landmarks);
    const alignment = alignmentFromLandmarks(fileLandmarks, head.landmarks);
    expect(alignment.unit).toBe(unit);
    // Aligned, its landmarks are the default head's.
    for (const name of ['glabella', 'vertex', 'leftTragus', 'rightTragus'] as const satisfies readonly (keyof Landmarks)[]) {
      expect(distance(applySimilarityToPoint(fileLandmarks[name], alignment.similarity), head.landmarks[name]), name).toBeLessThan(6);
    }
  });
});
