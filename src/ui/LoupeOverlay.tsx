import { useTranslation } from 'react-i18next';
import { usePlan, useView } from '../app/simulator';
import { LOUPE_SIZE_PX, loupeCenter } from '../scene/Loupe';
import { useFormat } from './i18n/useFormat';

/** Scale bar length on the loupe (mm): a round number a client can relate to. */
const SCALE_BAR_MM = 2;

/** The loupe's millimetre scale and its caption, drawn in HTML over the magnified circle. */
export function LoupeOverlay() {
  const { t } = useTranslation('app');
  const f = useFormat();
  const loupe = useView((v) => v.loupe);
  const diameter = usePlan((p) => p.dots.diameterMm);
  if (!loupe.enabled) return null;
  if (!loupe.pointer || !loupe.overHead) {
    return (
      <p className="loupe-help" role="status">
        {t('loupe.help')}
      </p>
    );
  }
  const center = loupeCenter(loupe.pointer);
  const pxPerMm = LOUPE_SIZE_PX / loupe.fieldMm;
  return (
    <div className="loupe-scale" style={{ left: center.x - LOUPE_SIZE_PX / 2, top: center.y + LOUPE_SIZE_PX / 2 + 8, width: LOUPE_SIZE_PX }} data-testid="loupe-scale">
      <div className="loupe-bar" style={{ width: pxPerMm * SCALE_BAR_MM }} />
      <span>
        {f.length(SCALE_BAR_MM, 0)} · {t('loupe.dots', { diameter: f.length(diameter, 2) })}
      </span>
    </div>
  );
}
