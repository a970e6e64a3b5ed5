/**
 * The brush: a press on the skin begins a stroke, a drag extends it (one undo step a stroke), up ends it;
 * Escape or a cancelled pointer takes the whole stroke back. A ring shows where the brush is.
 *
 * idle --press on skin--> dragging --up--> idle
 *                          dragging --cancel--> idle (plan back where the press found it)
 */
import { runCommand, type CommandHost } from '../../app/commands';
import { distance, type Vec3 } from '../../domain/head/landmarks';
import { pointSpacingMm, type BrushTarget } from '../../domain/painting';
import { IDLE_TOOL, newGestureKey, type PointerTool, type SurfaceHit, type ToolPointer } from './tool';

export interface BrushToolPorts {
  host: CommandHost;
  target: BrushTarget;
  /** Shows the brush's ring on the skin at `hit`, or hides it (null). */
  showRing(hit: SurfaceHit | null): void;
}

export function brushTool({ host, target, showRing }: BrushToolPorts): PointerTool {
  let stroke: { pointerId: number; gesture: string; last: Vec3 } | null = null;
  const plans = () => host.planStore.getState();
  const end = () => {
    stroke = null;
    plans().endGesture();
  };
  return {
    ...IDLE_TOOL,
    get state() {
      return stroke ? 'dragging' : 'idle';
    },
    down(p: ToolPointer) {
      if (p.button !== 0 || stroke) return false;
      const hit = p.hit();
      showRing(hit);
      if (!hit) return false;
      const gesture = newGestureKey('brush');
      plans().beginGesture(gesture);
      if (!runCommand(host, 'brush.begin-stroke', { target, point: hit.point }, { gesture }).done) {
        plans().endGesture();
        return false;
      }
      stroke = { pointerId: p.id, gesture, last: hit.point };
      return true;
    },
    move(p: ToolPointer) {
      const hit = p.hit();
      showRing(hit);
      if (!stroke || p.id !== stroke.pointerId || !hit) return;
      // Only a move past the point spacing changes the stroke: no plan edit for every pixel of motion.
      if (distance(hit.point, stroke.last) < pointSpacingMm(host.viewStore.getState().brush.radiusMm)) return;
      stroke.last = hit.point;
      // Refused when the plan holds no more painting (the user is told): the stroke ends there.
      if (!runCommand(host, 'brush.extend-stroke', { target, point: hit.point }, { gesture: stroke.gesture }).done) end();
    },
    up(p: ToolPointer) {
      if (stroke && p.id === stroke.pointerId) end();
    },
    cancel(id?: number) {
      if (!stroke || (id !== undefined && id !== stroke.pointerId)) return;
      stroke = null;
      plans().cancelGesture();
    },
    leave() {
      showRing(null);
    },
    release() {
      if (stroke) end();
    },
  };
}
