import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { GRID_VIEWS } from '../scene/SceneRenderer';
import { SplitDivider } from './SplitDivider';

/** The grid's rows, top to bottom (app `compare.<row>`). */
const GRID_ROWS = ['before', 'after'] as const;

/**
 * What the comparison needs on top of the 3D view: the split-screen divider (dragged with a finger or the
 * mouse, or moved with the arrow keys) and the labels of the before/after grid.
 */
export function CompareOverlay() {
  const { t } = useTranslation('app');
  const { viewStore } = useSimulator();
  const compare = useView((v) => v.compare);
  const position = useView((v) => v.splitPosition);

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

  const percent = Math.round(position * 100);
  return (
    <div className="compare-split">
      <span className="compare-label before">{t('compare.before')}</span>
      <span className="compare-label after">{t('compare.after')}</span>
      <SplitDivider
        position={position}
        onMove={(next) => viewStore.getState().setSplitPosition(next)}
        label={t('compare.divider')}
        valueText={t('compare.dividerValue', { percent })}
        testId="compare-divider"
      />
    </div>
  );
}
