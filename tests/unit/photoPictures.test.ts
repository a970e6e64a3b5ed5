/**
 * The photo pictures of exports and the report: drawn again after a WebGL context lost while they are drawn
 * (never a blank picture), an export as the screen previews it, and its file name saying which preview.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhotoPictureRenderer, ShownPhoto } from '../../src/app/photoScreen';
import { ContextLostError, RenderSignals } from '../../src/scene/renderSignals';
import { previewSuffix } from '../../src/ui/ExportButtons';
import { photoPair } from '../../src/ui/photoPictures';

const photo = { meta: { width: 3000, height: 4000 } } as ShownPhoto;

/** A renderer whose first picture meets a lost context, as a graphics card reset mid-export does. */
function resetOnce(lose: () => void) {
  const calls: Parameters<PhotoPictureRenderer['renderPhoto']>[1][] = [];
  const renderer: PhotoPictureRenderer = {
    renderPhoto(_photo, options) {
      calls.push(options);
      if (calls.length === 1) {
        lose();
        throw new ContextLostError('lost while drawing');
      }
      // No 2D context in Node: the label is left off, the picture's size is what is checked.
      return { width: options.width, height: options.height, getContext: () => null } as unknown as HTMLCanvasElement;
    },
  };
  return { renderer, calls };
}

describe('a photo pair drawn for an export or the report', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('is drawn again after the restore when the context is lost while it draws, as the view previews it for an export', async () => {
    const signals = new RenderSignals();
    const state = { lost: false };
    signals.connect(
      () => {},
      () => state.lost,
    );
    const { renderer, calls } = resetOnce(() => (state.lost = true));
    const pair = signals.drawWhenRestored(() => photoPair(renderer, photo, 2000, 'Simulation', true));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    state.lost = false;
    signals.frameStarted();
    signals.frameDrawn();
    const { before, after } = await pair;
    expect([before.width, before.height, after.width, after.height]).toEqual([1500, 2000, 1500, 2000]);
    expect(calls.map((c) => [c.simulation, c.asOnScreen])).toEqual([
      [false, true],
      [false, true],
      [true, true],
    ]);
  });
});

describe('an exported picture’s file name', () => {
  const view = { showSmp: true, compare: 'off' as const, sessionPreview: null, ageYears: 0, healingDay: null };

  it('names the preview the picture shows, and a photo pair never a "before" (it is before and after)', () => {
    expect(previewSuffix(view, 3)).toBe('');
    expect(previewSuffix({ ...view, sessionPreview: 1 }, 3, true)).toBe('-after-session-1-of-3');
    expect(previewSuffix({ ...view, sessionPreview: 3 }, 3, true)).toBe('');
    expect(previewSuffix({ ...view, ageYears: 5 }, 3, true)).toBe('-5-years-on');
    expect(previewSuffix({ ...view, sessionPreview: 2, healingDay: 4 }, 3, true)).toBe('-after-session-2-of-3-healing-day-4');
    expect(previewSuffix({ ...view, showSmp: false }, 3, true)).toBe('');
    expect(previewSuffix({ ...view, showSmp: false }, 3)).toBe('-before');
  });
});
