/**
 * The loupe: it follows the pointer over the view (a press too, so one finger on a tablet moves it) and
 * takes every press, so the head holds still under it. A mouse leaving the view hides it.
 *
 * idle --pointer over the view--> pointing --mouse leaves--> idle
 */
import type { ViewStore } from '../../state/viewStore';
import { IDLE_TOOL, type PointerTool, type ToolPointer } from './tool';

export function loupeTool(viewStore: ViewStore): PointerTool {
  const follow = (p: ToolPointer) => viewStore.getState().setLoupe({ pointer: { x: p.x, y: p.y } });
  return {
    ...IDLE_TOOL,
    get state() {
      return viewStore.getState().loupe.pointer ? 'pointing' : 'idle';
    },
    down(p: ToolPointer) {
      follow(p);
      return true;
    },
    move: follow,
    leave(p: ToolPointer) {
      if (p.mouse) viewStore.getState().setLoupe({ pointer: null });
    },
  };
}
