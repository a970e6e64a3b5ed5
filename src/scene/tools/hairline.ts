/**
 * The hairline tool: a press on a handle selects its point and drags it over the skin (one undo step a
 * drag); a press elsewhere is left to the camera, which turns the head; a double-click near the line adds
 * a point there. Escape or a cancelled pointer puts the point back where the press found it.
 *
 * idle --press on a handle--> dragging --up--> idle
 *                              dragging --cancel--> idle (plan back where the press found it)
 */
import { runCommand, type CommandHost } from '../../app/commands';
import { distance } from '../../domain/head/landmarks';
import { IDLE_TOOL, newGestureKey, type PointerTool, type ToolPointer } from './tool';

/** A double-click this close to the line (mm) adds a point to it. */
export const INSERT_REACH_MM = 15;
/** A handle is grabbed within this distance of its centre on screen (CSS px): a 44 px touch target. */
export const GRAB_RADIUS_PX = 22;

/** A handle where the view shows it: CSS px, and its distance from the camera. */
export interface HandleOnScreen {
  x: number;
  y: number;
  depth: number;
}

/** The handle a press at (x, y) grabs: of those within the grab radius, the nearest the camera; null: none. */
export function handleAt(handles: readonly HandleOnScreen[], x: number, y: number): number | null {
  let best: number | null = null;
  handles.forEach((h, i) => {
    if (Math.hypot(h.x - x, h.y - y) <= GRAB_RADIUS_PX && (best === null || h.depth < handles[best]!.depth)) best = i;
  });
  return best;
}

export interface HairlineToolPorts {
  host: CommandHost;
  /** The control points' handles as the view shows them now, in the plan's point order. */
  handles(): readonly HandleOnScreen[];
}

export function hairlineTool({ host, handles }: HairlineToolPorts): PointerTool {
  let drag: { pointerId: number; index: number; gesture: string } | null = null;
  const plans = () => host.planStore.getState();
  return {
    ...IDLE_TOOL,
    get state() {
      return drag ? 'dragging' : 'idle';
    },
    down(p: ToolPointer) {
      if (p.button !== 0 || drag) return false;
      const index = handleAt(handles(), p.x, p.y);
      if (index === null) return false;
      drag = { pointerId: p.id, index, gesture: newGestureKey('hairline') };
      plans().beginGesture(drag.gesture);
      host.viewStore.getState().selectHairlinePoint(index);
      return true;
    },
    move(p: ToolPointer) {
      if (!drag || p.id !== drag.pointerId) return;
      const hit = p.hit();
      if (hit) runCommand(host, 'hairline.move-point', { index: drag.index, point: hit.point }, { gesture: drag.gesture });
    },
    up(p: ToolPointer) {
      if (!drag || p.id !== drag.pointerId) return;
      drag = null;
      plans().endGesture();
    },
    cancel(id?: number) {
      if (!drag || (id !== undefined && id !== drag.pointerId)) return;
      drag = null;
      plans().cancelGesture();
    },
    doubleClick(p: ToolPointer) {
      const hit = p.hit();
      const treatment = host.headStore.getState().head?.treatment;
      if (drag || !hit || !treatment) return;
      const { curve } = treatment.current(plans().plan);
      if (curve.some((q) => distance(q, hit.point) < INSERT_REACH_MM)) runCommand(host, 'hairline.add-point', { point: hit.point });
    },
    release() {
      if (!drag) return;
      drag = null;
      plans().endGesture();
    },
  };
}
