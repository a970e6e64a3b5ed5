import { Trans, useTranslation } from 'react-i18next';
import { runCommand } from '../app/commands';
import { useSimulator, usePlan, useView } from '../app/simulator';
import { MAX_AGE_YEARS, touchUpYears } from '../domain/ageing';
import { SUN_EXPOSURES } from '../domain/sunExposure';
import { darkeningLeft } from '../domain/ageingDarkening';
import { percent } from '../domain/format';
import { MAX_SESSIONS, SESSION_FIELDS } from '../domain/plan';
import { HEALING_DAYS } from '../domain/healing';
import { sessionShares } from '../domain/sessions';
import { ChoiceGroup } from './ChoiceGroup';
import { useFormat } from './i18n/useFormat';
import { PlanSlider } from './PlanSlider';
import { RangeField } from './RangeField';
import { useMeasurements } from './useMeasurements';

/** Sessions (how the dots are laid down over 1–4 visits) and how the result ages over the years. */
export function SessionsPanel() {
  const { t } = useTranslation('panels');
  const f = useFormat();
  /** What a client sees on each day offered (src/domain/healing.ts). */
  const healingHint = (day: (typeof HEALING_DAYS)[number]) => t(`sessions.healing.day${day}`);
  const years = (y: number) => t('units.years', { count: y, value: f.decimal(y, Number.isInteger(y) ? 0 : 1) });
  const sim = useSimulator();
  const { viewStore } = sim;
  const sessions = usePlan((p) => p.sessions);
  const sunExposure = usePlan((p) => p.aftercare.sunExposure);
  const sessionPreview = useView((v) => v.sessionPreview);
  const ageYears = useView((v) => v.ageYears);
  const healingDay = useView((v) => v.healingDay);
  const plan = usePlan((p) => p);
  const m = useMeasurements();
  const shares = sessionShares(sessions);
  const shown = Math.min(sessionPreview ?? sessions.length, sessions.length);
  const touchUp = touchUpYears(sunExposure);

  return (
    <section className="panel-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('sessions.heading')}</h2>
      <p className="hint">{t('sessions.intro')}</p>
      <ChoiceGroup
        label={t('sessions.count')}
        choices={Array.from({ length: MAX_SESSIONS }, (_, i) => ({ value: i + 1, label: `${i + 1}` }))}
        value={sessions.length}
        onChange={(count) => runCommand(sim, 'sessions.set-count', { count })}
        dataKey="session-count"
        compact
      />
      {m && m.suggestedSessions > 0 && m.suggestedSessions !== sessions.length && (
        <p className="hint">{t('sessions.usually', { sessions: m.suggestedSessions })}</p>
      )}
      <ol className="session-list">
        {sessions.map((session, i) => (
          <li key={i} data-testid={`session-${i + 1}`}>
            <h3>
              {t('sessions.session', { number: i + 1 })}
              <small>
                {t('sessions.share', { share: percent(shares[i]!) })}
                {m && m.sessionHours[i] !== undefined && <> · {t('units.hours', { count: m.sessionHours[i], value: f.number(m.sessionHours[i]) })}</>}
              </small>
            </h3>
            <PlanSlider
              field={SESSION_FIELDS.densityShare}
              value={session.densityShare}
              path={['sessions', i, 'densityShare']}
              format={() => percent(shares[i]!)}
              testId={`session-${i + 1}-share`}
            />
            <PlanSlider
              field={SESSION_FIELDS.shadeStrength}
              value={session.shadeStrength}
              path={['sessions', i, 'shadeStrength']}
              format={percent}
              testId={`session-${i + 1}-strength`}
            />
          </li>
        ))}
      </ol>
      {sessions.length > 1 && (
        <RangeField
          label={t('sessions.preview')}
          value={shown}
          min={1}
          max={sessions.length}
          step={1}
          shown={shown === sessions.length ? t('sessions.previewFinished', { shown, total: shown }) : t('sessions.previewOf', { shown, total: sessions.length })}
          onChange={(n) => viewStore.getState().setSessionPreview(n === sessions.length ? null : n)}
          hint={t('sessions.previewHint')}
          testId="session-preview"
        />
      )}

      <h2 id="healing-heading" className="subsection">
        {t('sessions.daysAfter')}
      </h2>
      <p className="hint">{t('sessions.healingIntro')}</p>
      <ChoiceGroup<number | 'healed'>
        label={t('sessions.daysAfterSession', { session: shown })}
        choices={[
          ...HEALING_DAYS.map((day) => ({ value: day, label: `${day}`, hint: healingHint(day) })),
          { value: 'healed', label: t('sessions.healed'), hint: t('sessions.healedHint') },
        ]}
        value={healingDay ?? 'healed'}
        onChange={(day) => viewStore.getState().setHealingDay(day === 'healed' ? null : day)}
        dataKey="healing-day"
        compact
      />
      <p className="hint" data-testid="healing-state">
        {healingDay === null
          ? t('sessions.showingHealed', { session: shown })
          : t('sessions.dayAfter', { day: healingDay, session: shown, state: healingHint(HEALING_DAYS.filter((day) => day <= healingDay).at(-1) ?? 0) })}
      </p>

      <h2 id="ageing-heading" className="subsection">
        {t('sessions.ageing')}
      </h2>
      <p className="hint">{t('sessions.ageingIntro')}</p>
      <ChoiceGroup
        label={t('sessions.sun')}
        choices={SUN_EXPOSURES.map((e) => ({ value: e, label: t(`sessions.sunExposures.${e}.label`), hint: t(`sessions.sunExposures.${e}.hint`) }))}
        value={sunExposure}
        onChange={(e) => runCommand(sim, 'plan.set', { path: ['aftercare', 'sunExposure'], value: e })}
        dataKey="sun-exposure"
      />
      <RangeField
        label={t('sessions.years')}
        value={ageYears}
        min={0}
        max={MAX_AGE_YEARS}
        step={0.5}
        shown={ageYears === 0 ? t('sessions.freshlyHealed') : years(ageYears)}
        onChange={(y) => viewStore.getState().setAgeYears(y)}
        testId="age-years"
      />
      <p className="hint" data-testid="touch-up">
        <Trans t={t} i18nKey="sessions.touchUp" values={{ years: years(touchUp) }} components={{ strong: <strong /> }} />
        {ageYears > 0 && <> {t('sessions.darkeningLeft', { years: years(ageYears), share: percent(darkeningLeft(plan, ageYears)) })}</>}
      </p>
    </section>
  );
}
