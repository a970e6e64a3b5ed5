import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContextLostError, RenderSignals, RESTORE_TIMEOUT_MS } from '../../src/scene/renderSignals';

/** Signals connected to a pretend render loop whose WebGL context can be lost and restored. */
function loop() {
  const signals = new RenderSignals();
  const state = { lost: false };
  signals.connect(
    () => {},
    () => state.lost,
  );
  const frame = () => {
    signals.frameStarted();
    signals.frameDrawn();
  };
  return { signals, state, frame };
}

const settled = async (promise: Promise<unknown>) => {
  let done = 'pending';
  promise.then(
    () => (done = 'resolved'),
    (e: Error) => (done = `rejected: ${e.message}`),
  );
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

describe('render signals across a lost WebGL context', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('settles no whenRendered with a frame drawn while the context is lost, only with the first one after the restore', async () => {
    const { signals, state, frame } = loop();
    state.lost = true;
    const rendered = signals.whenRendered();
    frame();
    expect(await settled(rendered)).toBe('pending');
    state.lost = false;
    frame();
    expect(await settled(rendered)).toBe('resolved');
  });

  it('lets a picture wait for the restore, then draw', async () => {
    const { signals, state, frame } = loop();
    state.lost = true;
    const draw = vi.fn(() => 'picture');
    const picture = signals.drawWhenRestored(draw);
    frame();
    await vi.advanceTimersByTimeAsync(RESTORE_TIMEOUT_MS / 2);
    expect(draw).not.toHaveBeenCalled();
    state.lost = false;
    frame();
    await expect(picture).resolves.toBe('picture');
  });

  it('gives up after the timeout with a message for the user, never waiting for ever', async () => {
    const { signals, state } = loop();
    state.lost = true;
    const waiting = signals.whenDrawable();
    const outcome = expect(waiting).rejects.toThrow(/graphics card was reset.*Your plan is safe/);
    await vi.advanceTimersByTimeAsync(RESTORE_TIMEOUT_MS);
    await outcome;
    await expect(waiting).rejects.toBeInstanceOf(ContextLostError);
  });

  it('draws a picture again when the context is lost while it draws, and passes other errors on at once', async () => {
    const { signals, state, frame } = loop();
    let attempts = 0;
    const picture = signals.drawWhenRestored(() => {
      attempts++;
      if (attempts === 1) {
        state.lost = true;
        throw new ContextLostError('lost while drawing');
      }
      return attempts;
    });
    await vi.advanceTimersByTimeAsync(0);
    state.lost = false;
    frame();
    await expect(picture).resolves.toBe(2);
    await expect(signals.drawWhenRestored(() => { throw new Error('no head'); })).rejects.toThrow('no head');
  });
});

describe('render signals with a live context', () => {
  it('asks for no frame when the screen already shows the latest change, and for one when it does not', async () => {
    const requests = vi.fn();
    const signals = new RenderSignals();
    signals.connect(requests);
    const frame = () => {
      signals.frameStarted();
      signals.frameDrawn();
    };
    frame();
    requests.mockClear();
    await signals.whenRendered();
    expect(requests, 'nothing changed: the drawn frame is still on screen').not.toHaveBeenCalled();

    signals.markDirty();
    let done = false;
    void signals.whenRendered().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    frame();
    await Promise.resolve();
    expect(done).toBe(true);

    const release = signals.hold();
    let held = false;
    void signals.whenRendered().then(() => (held = true));
    frame();
    await Promise.resolve();
    expect(held, 'work spread over frames is still going on').toBe(false);
    release();
    frame();
    await Promise.resolve();
    expect(held).toBe(true);
  });
});
