import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { GRID_VIEWS } from '../scene/SceneRenderer';

/** Arrow keys move the divider by this share of the view's width (Shift: ten times as far). */
const KEY_STEP = 0.02;

/** The grid's rows, top to bottom (app `compare.<row>`). */
const GRID_ROWS = ['before', 'after'] as const;

/** The divider's knob: a drawing, hidden from screen readers (the slider says what it is). */
const KNOB = '‹ ›';

/**
 * What the comparison needs on top of the 3D view: the split-screen divider (dragged with a finger or the
 * mouse, or moved with the arrow keys) and the labels of the before/after grid.
 */
export function CompareOverlay() {
  const { t } = useTranslation('app');
  const { viewStore } = useSimulator();
  const compare = useView((v) => v.compare);
  const position = useView((v) => v.splitPosition);
  const overlay = useRef<HTMLDivElement>(null);

  if (compare === 'grid') {
    return (
      <div className="compare-grid" data-testid="compare-grid" aria-label={t('compare.grid')}>
        {GRID_ROWS.map((row) =>
          // The grid's views are whole-head views, each named by a word (not by a distance).
          (GRID_VIEWS as readonly ('front' | 'top' | 'back')[]).map((view) => (
            <span key={`${row}-${view}`}>
              {t(`compare.${row}`)} · {t(`views.names.${view}`)}
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
      <span className="compare-label before">{t('compare.before')}</span>
      <span className="compare-label after">{t('compare.after')}</span>
      <div
        className="compare-divider"
        style={{ left: `${position * 100}%` }}
        role="slider"
        tabIndex={0}
        aria-label={t('compare.divider')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(position * 100)}
        aria-valuetext={t('compare.dividerValue', { percent: Math.round(position * 100) })}
        data-testid="compare-divider"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      >
        <span className="compare-knob" aria-hidden="true">
          {KNOB}
        </span>
      </div>
    </div>
  );
}
