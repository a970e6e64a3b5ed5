import { usePlan, useView } from '../app/simulator';
import { formatLength } from '../domain/units';
import { LOUPE_SIZE_PX, loupeCenter } from '../scene/Loupe';

/** Scale bar length on the loupe (mm): a round number a client can relate to. */
const SCALE_BAR_MM = 2;

/** The loupe's millimetre scale and its caption, drawn in HTML over the magnified circle. */
export function LoupeOverlay() {
  const loupe = useView((v) => v.loupe);
  const diameter = usePlan((p) => p.dots.diameterMm);
  const units = useView((v) => v.units);
  if (!loupe.enabled) return null;
  if (!loupe.pointer || !loupe.overHead) {
    return (
      <p className="loupe-help" role="status">
        Loupe on: point at the scalp to magnify it. Turn the loupe off to turn the head.
      </p>
    );
  }
  const center = loupeCenter(loupe.pointer);
  const pxPerMm = LOUPE_SIZE_PX / loupe.fieldMm;
  return (
    <div className="loupe-scale" style={{ left: center.x - LOUPE_SIZE_PX / 2, top: center.y + LOUPE_SIZE_PX / 2 + 8, width: LOUPE_SIZE_PX }} data-testid="loupe-scale">
      <div className="loupe-bar" style={{ width: pxPerMm * SCALE_BAR_MM }} />
      <span>
        {formatLength(SCALE_BAR_MM, units, 0)} · dots {formatLength(diameter, units, 2)}
      </span>
    </div>
  );
}
