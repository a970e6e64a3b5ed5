/**
 * Pictures of the before/after comparison as it is on screen: the split view (without SMP left of the
 * divider, with it on the right) or the grid (front, top and back; before above, after below), labelled
 * as on screen, so an exported comparison explains itself.
 */
import { i18n } from './i18n';
import type { ImageRequest } from '../app/scenePort';
import { GRID_CAPTION_PX, gridPanes } from '../scene/SceneRenderer';
import type { ViewState } from '../state/viewStore';

type RenderImage = (request: ImageRequest) => HTMLCanvasElement;

function label(context: CanvasRenderingContext2D, text: string, x: number, y: number, scale: number, alignRight = false) {
  context.font = `600 ${Math.round(14 * scale)}px system-ui, sans-serif`;
  const pad = 6 * scale;
  const width = context.measureText(text).width + 2 * pad;
  const height = 22 * scale;
  const left = alignRight ? x - width : x;
  context.fillStyle = 'rgba(31, 42, 51, 0.8)';
  context.fillRect(left, y, width, height);
  context.fillStyle = '#ffffff';
  context.textBaseline = 'middle';
  context.fillText(text, left + pad, y + height / 2);
}

/**
 * The comparison on screen drawn at `width` × `height`; `scale` is how many picture pixels one screen pixel
 * is (labels keep their on-screen size relative to the picture). Null when no comparison is on.
 */
export function renderComparison(render: RenderImage, view: ViewState, width: number, height: number, scale: number): HTMLCanvasElement | null {
  if (view.compare === 'off') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error(`This browser cannot make a ${width} × ${height} px picture`);
  const margin = 12 * scale;
  if (view.compare === 'split') {
    const divide = Math.round(view.splitPosition * width);
    context.drawImage(render({ width, height, showSmp: true }), 0, 0);
    if (divide > 0) context.drawImage(render({ width, height, showSmp: false }), 0, 0, divide, height, 0, 0, divide, height);
    context.fillStyle = '#ffffff';
    context.fillRect(divide - scale, 0, 2 * scale, height);
    label(context, i18n.t('app:compare.before'), margin, margin, scale);
    label(context, i18n.t('app:compare.after'), width - margin, margin, scale, true);
    return canvas;
  }
  // The grid's panes as on screen, measured in picture pixels (gridPanes counts rows from the bottom).
  for (const pane of gridPanes(width, height)) {
    const top = height - pane.y - pane.height;
    context.drawImage(render({ view: pane.view, width: pane.width, height: pane.height, showSmp: pane.smp, captionPx: GRID_CAPTION_PX * scale }), pane.x, top);
    // The grid's views are whole-head views, each named by a word (not by a distance).
    const view = i18n.t(`app:views.names.${pane.view as 'front' | 'top' | 'back'}`);
    label(context, `${i18n.t(pane.smp ? 'app:compare.after' : 'app:compare.before')} · ${view}`, pane.x + 8 * scale, top + 8 * scale, scale);
  }
  return canvas;
}
