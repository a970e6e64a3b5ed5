/**
 * The input router: every pointer event on the view goes to the one tool in use, with at most one raycast
 * (made only if the tool asks where the pointer is on the surface). Pure TypeScript: the DOM glue is
 * src/scene/InputRouter.tsx.
 */
import { IDLE_TOOL, type PointerTool, type SurfaceHit, type ToolPointer } from './tool';

/** A pointer event as the DOM gives it, in CSS px from the view's top-left corner. */
export interface PointerInput {
  id: number;
  button: number;
  x: number;
  y: number;
  mouse: boolean;
}

export interface InputRouter {
  /** The tool in use (orbit's IDLE_TOOL when none). */
  readonly tool: PointerTool;
  /** Hands the pointer to `tool`; the tool put down is released (a gesture under way kept). */
  use(tool: PointerTool): void;
  /** A press. True: the press is taken (by the tool, or because a gesture is under way) and must not reach the camera. */
  down(e: PointerInput): boolean;
  move(e: PointerInput): void;
  up(e: PointerInput): void;
  /** A cancelled pointer: its gesture is undone. */
  cancel(id: number): void;
  leave(e: PointerInput): void;
  doubleClick(e: PointerInput): void;
  /** Escape: undoes a gesture under way; true if there was one (the key is then used up). */
  escape(): boolean;
}

export function createInputRouter(hitAt: (x: number, y: number) => SurfaceHit | null): InputRouter {
  let tool: PointerTool = IDLE_TOOL;
  const pointer = (e: PointerInput): ToolPointer => {
    let hit: SurfaceHit | null | undefined;
    return { ...e, hit: () => (hit === undefined ? (hit = hitAt(e.x, e.y)) : hit) };
  };
  return {
    get tool() {
      return tool;
    },
    use(next) {
      if (next === tool) return;
      tool.release();
      tool = next;
    },
    down(e) {
      // One gesture at a time: another finger while one drags is neither the tool's nor the camera's.
      if (tool.state === 'dragging') return true;
      return tool.down(pointer(e));
    },
    move: (e) => tool.move(pointer(e)),
    up: (e) => tool.up(pointer(e)),
    cancel: (id) => tool.cancel(id),
    leave: (e) => tool.leave(pointer(e)),
    doubleClick: (e) => tool.doubleClick(pointer(e)),
    escape() {
      if (tool.state !== 'dragging') return false;
      tool.cancel();
      return true;
    },
  };
}
