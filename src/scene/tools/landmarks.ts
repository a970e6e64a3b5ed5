/**
 * Landmark picking on a scan being imported: a click on the scan places the landmark being picked; a
 * press that moves further than a click is the camera's, turning the scan.
 *
 * idle --press--> pointing --up within the click's slop, on the scan--> idle (landmark placed)
 *                 pointing --up further away--> idle
 */
import type { Vec3 } from '../../domain/head/landmarks';
import { IDLE_TOOL, type PointerTool, type ToolPointer } from './tool';

/** A press that moves less than this (CSS px) is a click that places a landmark; more is an orbit. */
export const CLICK_SLOP_PX = 5;

export function landmarkTool(placeAt: (point: Vec3) => void): PointerTool {
  let press: { pointerId: number; x: number; y: number } | null = null;
  return {
    ...IDLE_TOOL,
    get state() {
      return press ? 'pointing' : 'idle';
    },
    down(p: ToolPointer) {
      press = { pointerId: p.id, x: p.x, y: p.y };
      return false;
    },
    up(p: ToolPointer) {
      if (!press || p.id !== press.pointerId) return;
      const click = Math.hypot(p.x - press.x, p.y - press.y) <= CLICK_SLOP_PX;
      press = null;
      const hit = click ? p.hit() : null;
      if (hit) placeAt(hit.point);
    },
    cancel() {
      press = null;
    },
  };
}
