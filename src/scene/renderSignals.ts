/**
 * Knows whether the picture on screen shows the current plan and view, so that `window.smp.whenRendered()`
 * and tests can wait for it instead of sleeping.
 *
 * Anything that changes the picture calls `markDirty()`. Work that spans frames (a camera animation, a model
 * loading) holds a `hold()` token. A frame that starts with nothing held and the latest change applied
 * settles every waiter once it has been drawn.
 *
 * A frame drawn while the WebGL context is lost shows nothing, so it settles nothing: waiters wait for the
 * first frame after the restore. Pictures (`whenRestored`) wait for it only so long, then give up with a
 * message for the user rather than draw with a dead context.
 */
type Waiter = { generation: number; resolve: () => void };

/** How long a picture asked for while the WebGL context is lost waits for the browser to restore it (ms). */
export const RESTORE_TIMEOUT_MS = 20_000;

/** A picture could not be drawn because the WebGL context was lost; its message is for the user. */
export class ContextLostError extends Error {
  constructor(message = `The graphics card was reset and the 3D view has not come back within ${RESTORE_TIMEOUT_MS / 1000} s. Your plan is safe; reload the page to draw pictures again.`) {
    super(message);
    this.name = 'ContextLostError';
  }
}

export class RenderSignals {
  private generation = 0;
  private drawnGeneration = -1;
  private frameGeneration: number | null = null;
  private holds = new Set<symbol>();
  private waiters: Waiter[] = [];
  private requestFrame: () => void = () => {};
  private isContextLost: () => boolean = () => false;
  private restoreWaiters: Array<() => void> = [];
  private firstFrameListeners: Array<() => void> = [];
  private hasDrawnFirstFrame = false;

  /**
   * Connects the signals to the renderer's "please draw a frame" (r3f's `invalidate`) and to whether its
   * WebGL context is lost now. Call `markDirty()` when the context is restored, so the view is drawn again.
   */
  connect(requestFrame: () => void, isContextLost: () => boolean = () => false): void {
    this.requestFrame = requestFrame;
    this.isContextLost = isContextLost;
    this.requestFrame();
  }

  markDirty(): void {
    this.generation++;
    this.requestFrame();
  }

  hold(): () => void {
    const token = Symbol('hold');
    this.holds.add(token);
    return () => {
      if (this.holds.delete(token)) this.markDirty();
    };
  }

  /** Called by the render loop before drawing a frame. */
  frameStarted(): void {
    this.frameGeneration = this.holds.size === 0 ? this.generation : null;
  }

  /**
   * Called during a frame that does not show the latest change whole yet (work spread over frames, such
   * as painting a large plan's strokes): it settles nothing, and another frame follows.
   */
  frameIncomplete(): void {
    this.frameGeneration = null;
    this.requestFrame();
  }

  /** Called by the render loop after a frame has been drawn. */
  frameDrawn(): void {
    if (this.isContextLost()) {
      this.frameGeneration = null;
      return;
    }
    for (const restored of this.restoreWaiters.splice(0)) restored();
    if (this.frameGeneration === null) return;
    this.drawnGeneration = Math.max(this.drawnGeneration, this.frameGeneration);
    this.frameGeneration = null;
    if (!this.hasDrawnFirstFrame) {
      this.hasDrawnFirstFrame = true;
      for (const listener of this.firstFrameListeners.splice(0)) listener();
    }
    const ready = this.waiters.filter((w) => w.generation <= this.drawnGeneration);
    this.waiters = this.waiters.filter((w) => w.generation > this.drawnGeneration);
    for (const w of ready) w.resolve();
  }

  /**
   * Resolves once the screen shows the latest change. When it already does (nothing changed or held since
   * the last frame, and the context is live), at once: the canvas keeps its drawing buffer, so a screenshot or
   * a picture needs no fresh frame, and on a software renderer a frame costs seconds.
   */
  whenRendered(): Promise<void> {
    if (this.holds.size === 0 && this.drawnGeneration >= this.generation && !this.isContextLost()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push({ generation: this.generation, resolve });
      this.requestFrame();
    });
  }

  /**
   * Resolves at once while the WebGL context is live; while it is lost, once a frame has been drawn after
   * the restore, or rejects with a ContextLostError after `timeoutMs`, so a picture never waits for ever.
   */
  whenRestored(timeoutMs = RESTORE_TIMEOUT_MS): Promise<void> {
    if (!this.isContextLost()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const restored = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.restoreWaiters = this.restoreWaiters.filter((w) => w !== restored);
        reject(new ContextLostError());
      }, timeoutMs);
      this.restoreWaiters.push(restored);
    });
  }

  /** `whenRendered` for pictures and screenshots: across a lost context it waits at most `timeoutMs` (see `whenRestored`). */
  async whenDrawable(timeoutMs = RESTORE_TIMEOUT_MS): Promise<void> {
    await this.whenRestored(timeoutMs);
    await this.whenRendered();
  }

  /**
   * Draws a picture with `draw` once the context is live (see `whenRestored`). A context lost while it
   * draws (`draw` throws a ContextLostError) draws it again after the restore, at most twice more.
   */
  async drawWhenRestored<T>(draw: () => T, timeoutMs = RESTORE_TIMEOUT_MS): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.whenRestored(timeoutMs);
      try {
        return draw();
      } catch (error) {
        if (!(error instanceof ContextLostError) || attempt === 3) throw error;
      }
    }
  }

  onFirstFrame(listener: () => void): void {
    if (this.hasDrawnFirstFrame) listener();
    else this.firstFrameListeners.push(listener);
  }
}
