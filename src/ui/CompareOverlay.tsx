import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useSimulator, useView } from '../app/simulator';
import { VIEW_PRESETS } from '../domain/views';
import { GRID_VIEWS } from '../scene/SceneRenderer';

/** Arrow keys move the divider by this share of the view's width (Shift: ten times as far). */
const KEY_STEP = 0.02;

/**
 * What the comparison needs on top of the 3D view: the split-screen divider (dragged with a finger or the
 * mouse, or moved with the arrow keys) and the labels of the before/after grid.
 */
export function CompareOverlay() {
  const { viewStore } = useSimulator();
  const compare = useView((v) => v.compare);
  const position = useView((v) => v.splitPosition);
  const overlay = useRef<HTMLDivElement>(null);

  if (compare === 'grid') {
    return (
      <div className="compare-grid" data-testid="compare-grid" aria-label="Before and after, front, top and back">
        {['Before', 'After'].map((row) =>
          GRID_VIEWS.map((view) => (
            <span key={`${row}-${view}`}>
              {row} · {VIEW_PRESETS[view].label}
            </span>
          )),
        )}
      </div>
    );
  }
  if (compare !== 'split') return null;

  const moveTo = (clientX: number) => {
    const rect = overlay.current?.getBoundingClientRect();
    if (rect && rect.width > 0) viewStore.getState().setSplitPosition((clientX - rect.left) / rect.width);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    moveTo(e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e.clientX);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? KEY_STEP * 10 : KEY_STEP;
    const next = { ArrowLeft: position - step, ArrowRight: position + step, Home: 0, End: 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    viewStore.getState().setSplitPosition(next);
  };

  return (
    <div className="compare-split" ref={overlay}>
      <span className="compare-label before">Before</span>
      <span className="compare-label after">After</span>
      <div
        className="compare-divider"
        style={{ left: `${position * 100}%` }}
        role="slider"
        tabIndex={0}
        aria-label="Before and after divider"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(position * 100)}
        aria-valuetext={`${Math.round(position * 100)} % before`}
        data-testid="compare-divider"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      >
        <span className="compare-knob" aria-hidden="true">
          ‹ ›
        </span>
      </div>
    </div>
  );
}
