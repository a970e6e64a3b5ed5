/**
 * Knows whether the picture on screen shows the current plan and view, so that `window.smp.whenRendered()`
 * and tests can wait for it instead of sleeping.
 *
 * Anything that changes the picture calls `markDirty()`. Work that spans frames (a camera animation, a model
 * loading) holds a `hold()` token. A frame that starts with nothing held and the latest change applied
 * settles every waiter once it has been drawn.
 */
type Waiter = { generation: number; resolve: () => void };

export class RenderSignals {
  private generation = 0;
  private drawnGeneration = -1;
  private frameGeneration: number | null = null;
  private holds = new Set<symbol>();
  private waiters: Waiter[] = [];
  private requestFrame: () => void = () => {};
  private firstFrameListeners: Array<() => void> = [];
  private hasDrawnFirstFrame = false;

  /** Connects the signals to the renderer's "please draw a frame" (r3f's `invalidate`). */
  connect(requestFrame: () => void): void {
    this.requestFrame = requestFrame;
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

  whenRendered(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ generation: this.generation, resolve });
      this.requestFrame();
    });
  }

  onFirstFrame(listener: () => void): void {
    if (this.hasDrawnFirstFrame) listener();
    else this.firstFrameListeners.push(listener);
  }
}
