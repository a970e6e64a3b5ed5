import type { PhotoMeta } from '../../src/domain/photos';

/** A stored photo's metadata for tests: a 1000 × 800 front photo with no landmarks, changed by `fields`. */
export function photoMeta(fields: Partial<PhotoMeta> = {}): PhotoMeta {
  return {
    id: 'photo0001',
    planId: 'plan0001',
    view: 'front',
    width: 1000,
    height: 800,
    focalLength35mm: null,
    createdAt: '2026-12-05T10:00:00.000Z',
    landmarks: {},
    irisDiameterPx: null,
    ...fields,
  };
}
