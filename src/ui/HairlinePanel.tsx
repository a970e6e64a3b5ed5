import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { runCommand } from '../app/commands';
import { usePlan, useSimulator, useView } from '../app/simulator';
import { HAIRLINE_AGES, HAIRLINE_SHAPES } from '../domain/hairline/presets';
import { percent } from '../domain/format';
import { sameData } from '../domain/plainData';
import { HAIRLINE_FIELDS } from '../domain/plan';
import { ChoiceGroup } from './ChoiceGroup';
import { useFormat } from './i18n/useFormat';
import { useWarningText } from './i18n/warningText';
import { PlanSlider } from './PlanSlider';
import { useMeasurements } from './useMeasurements';


export function HairlinePanel() {
  const sim = useSimulator();
  const { viewStore, headStore } = sim;
  const hairline = usePlan((p) => p.hairline);
  const editing = useView((v) => v.editingHairline);
  const selected = useView((v) => v.selectedHairlinePoint);
  const { t } = useTranslation('panels');
  const f = useFormat();
  const warningText = useWarningText();
  const m = useMeasurements();
  const head = useStore(headStore, (s) => s.head);
  // A line is custom once its points differ from the preset they started from.
  const custom =
    hairline.points.length >= 3 && (!head || !sameData(hairline.points, head.treatment.preset(hairline.age, hairline.shape).points));


  return (
    <section className="panel-section" aria-labelledby="hairline-heading">
      <h2 id="hairline-heading">{t('hairline.heading')}</h2>
      <p className="hint">{t('hairline.intro')}</p>
      <h3>{t('hairline.age')}</h3>
      <ChoiceGroup
        label={t('hairline.ageLabel')}
        choices={HAIRLINE_AGES.map((age) => ({ value: age, label: t(`hairline.ages.${age}`) }))}
        value={custom ? null : hairline.age}
        onChange={(age) => runCommand(sim, 'hairline.apply-preset', { age, shape: hairline.shape })}
        dataKey="hairline-age"
      />
      <h3>{t('hairline.shape')}</h3>
      <ChoiceGroup
        label={t('hairline.shapeLabel')}
        choices={HAIRLINE_SHAPES.map((shape) => ({ value: shape, label: t(`hairline.shapes.${shape}`) }))}
        value={custom ? null : hairline.shape}
        onChange={(shape) => runCommand(sim, 'hairline.apply-preset', { age: hairline.age, shape })}
        dataKey="hairline-shape"
      />
      {custom && <p className="hint">{t('hairline.custom')}</p>}
      <div className="row">
        <button type="button" className={`tool-button${editing ? ' active' : ''}`} aria-pressed={editing} data-testid="edit-hairline" onClick={() => viewStore.getState().setEditingHairline(!editing)}>
          {editing ? t('hairline.doneEditing') : t('hairline.edit')}
        </button>
        <label className="check">
          <input type="checkbox" checked={hairline.mirror} onChange={(e) => runCommand(sim, 'hairline.set-mirror', { mirror: e.currentTarget.checked })} />
          {t('hairline.mirror')}
        </label>
      </div>
      {editing && (
        <div className="editing-help">
          <p className="hint">{t('hairline.editingHelp')}</p>
          <button type="button" className="tool-button" disabled={selected === null} onClick={() => runCommand(sim, 'hairline.remove-point', {})}>
            {t('hairline.removePoint')}
          </button>
        </div>
      )}
      <PlanSlider field={HAIRLINE_FIELDS.transitionMm} value={hairline.transitionMm} path={['hairline', 'transitionMm']} hint={t('hairline.transitionHint', { natural: f.lengthRange(5, 10, 0) })} testId="hairline-transition" />
      <PlanSlider field={HAIRLINE_FIELDS.irregularity} value={hairline.irregularity} path={['hairline', 'irregularity']} format={percent} hint={t('hairline.irregularityHint')} />
      <PlanSlider field={HAIRLINE_FIELDS.sentinels} value={hairline.sentinels} path={['hairline', 'sentinels']} format={percent} hint={t('hairline.sentinelsHint', { range: f.lengthRange(1, 3, 0) })} />

      <h3>{t('hairline.measurements')}</h3>
      {m ? (
        <dl className="measurements" data-testid="measurements">
          <dt>{t('hairline.height')}</dt>
          <dd>
            {f.length(m.hairlineHeightMm, 0)} <small>{t('hairline.heightNote')}</small>
          </dd>
          <dt>{t('hairline.width')}</dt>
          <dd>
            {m.frontotemporalWidthMm > 0 ? (
              f.length(m.frontotemporalWidthMm, 0)
            ) : (
              <>
                {t('hairline.notMeasured')} <small>{t('hairline.notMeasuredNote')}</small>
              </>
            )}
          </dd>
          <dt>{t('hairline.area')}</dt>
          <dd>{f.area(m.treatedAreaCm2)}</dd>
          <dt>{t('hairline.impressions')}</dt>
          <dd>≈ {f.number(Math.round(m.impressions / 100) * 100)}</dd>
          <dt>{t('hairline.sessions')}</dt>
          <dd>
            {m.sessions}{' '}
            {m.suggestedSessions > 0 && <small>{m.suggestedSessions === m.sessions ? t('hairline.asUsual') : t('hairline.usual', { sessions: m.suggestedSessions })}</small>}
          </dd>
          <dt>{t('hairline.time')}</dt>
          <dd>{m.impressions > 0 ? t('hairline.hoursInAll', { hours: f.number(m.hours) }) : t('hairline.noTime')}</dd>
        </dl>
      ) : (
        <p className="hint">{t('common.measuring')}</p>
      )}
      {m && m.warnings.length > 0 && (
        <ul className="warnings" aria-label={t('hairline.warnings')}>
          {m.warnings.map((w) => (
            <li key={w.id}>{warningText(w)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
