/**
 * What every pointer tool is: a small state machine fed by the input router (src/scene/InputRouter.tsx),
 * one pointer event at a time. Pure TypeScript, so each tool is tested in Node with a fake hit function.
 */
import type { Vec3 } from '../../domain/head/landmarks';
import type { PointerTool as ToolChoice } from '../../state/viewStore';

/** Where the pointer meets the surface under it (the head's skin, or the scan being imported), head frame, mm. */
export interface SurfaceHit {
  point: Vec3;
  /** The surface's outward normal there (unit length). */
  normal: Vec3;
}

/** One pointer event as a tool sees it. */
export interface ToolPointer {
  id: number;
  /** The button pressed (0: the main one). */
  button: number;
  /** CSS pixels from the view's top-left corner. */
  x: number;
  y: number;
  mouse: boolean;
  /** The surface under the pointer: one raycast, made the first time a tool asks, then kept for the event. */
  hit(): SurfaceHit | null;
}

/** idle: waiting; pointing: a press that may still become a click; dragging: a gesture under way. */
export type ToolState = 'idle' | 'pointing' | 'dragging';

export interface PointerTool {
  readonly state: ToolState;
  /** A press on the view. True: the tool takes this pointer (captured until it is up), and the head does not turn. */
  down(p: ToolPointer): boolean;
  move(p: ToolPointer): void;
  up(p: ToolPointer): void;
  /** A cancelled pointer (its id), or Escape (no id): a gesture under way is undone, the plan back where it began. */
  cancel(id?: number): void;
  /** The pointer left the view. */
  leave(p: ToolPointer): void;
  doubleClick(p: ToolPointer): void;
  /** The tool is put down (another one chosen) while in use: a gesture under way is kept, as a pointer-up keeps it. */
  release(): void;
}

/** A tool that does nothing: the base of the others, and orbit, where the camera's own controls turn the head. */
export const IDLE_TOOL: PointerTool = {
  state: 'idle',
  down: () => false,
  move: () => {},
  up: () => {},
  cancel: () => {},
  leave: () => {},
  doubleClick: () => {},
  release: () => {},
};

/** Whether a drag on the view turns the head while the tool is chosen (where the tool does not take the pointer). */
export const TURNS_HEAD: Record<ToolChoice['name'], boolean> = { orbit: true, loupe: false, hairline: true, brush: false, landmarks: true, photoPins: false, photoMask: false };

let gestures = 0;
/** A key for a new gesture's edits (each gesture its own, so two drags never merge into one step). */
export const newGestureKey = (tool: string): string => `${tool}-${++gestures}`;
