import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { UNIT_SYSTEMS } from '../domain/units';

/** Metric or imperial display; the plan itself always stays in millimetres. */
export function UnitsToggle() {
  const { t } = useTranslation('app');
  const { viewStore } = useSimulator();
  const units = useView((v) => v.units);
  return (
    <div className="segmented" role="group" aria-label={t('units.label')}>
      {UNIT_SYSTEMS.map((value) => (
        <button key={value} type="button" className={units === value ? 'active' : ''} aria-pressed={units === value} title={t(`units.${value}.hint`)} data-units={value} onClick={() => viewStore.getState().setUnits(value)}>
          {t(`units.${value}.label`)}
        </button>
      ))}
    </div>
  );
}
