import { afterEach, describe, expect, it, vi } from 'vitest';
import { PICTURE_PX, picturePx } from '../../src/ui/pictureSize';

/** The page's root element as picturePx reads it, with `data-smp-picture-px` set to `value` (or not at all). */
function pageAsking(value?: string) {
  vi.stubGlobal('document', { documentElement: { dataset: value === undefined ? {} : { smpPicturePx: value } } });
}

describe('the size the report and share pictures are drawn at', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is 900 px unless the page asks for a smaller one, as the browser tests do', () => {
    pageAsking();
    expect(picturePx()).toBe(PICTURE_PX);
    expect(PICTURE_PX).toBe(900);
    pageAsking('240');
    expect(picturePx()).toBe(240);
  });

  it('ignores a size that is not a smaller whole number of pixels', () => {
    for (const value of ['', '0', '-5', '240.5', 'big', '900', '4000']) {
      pageAsking(value);
      expect(picturePx(), value).toBe(PICTURE_PX);
    }
  });
});
