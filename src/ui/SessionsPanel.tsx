import { runCommand } from '../app/commands';
import { useSimulator, usePlan, useView } from '../app/simulator';
import { MAX_AGE_YEARS, SUN_EXPOSURE_LABELS, touchUpYears } from '../domain/ageing';
import { SUN_EXPOSURES } from '../domain/sunExposure';
import { darkeningLeft } from '../domain/ageingDarkening';
import { percent, years } from '../domain/format';
import { MAX_SESSIONS, SESSION_FIELDS } from '../domain/plan';
import { HEALING_DAYS } from '../domain/healing';
import { sessionShares } from '../domain/sessions';
import { ChoiceGroup } from './ChoiceGroup';
import { PlanSlider } from './PlanSlider';
import { RangeField } from './RangeField';
import { useMeasurements } from './useMeasurements';

/** Sessions (how the dots are laid down over 1–4 visits) and how the result ages over the years. */
/** What a client sees on each day offered (src/domain/healing.ts). */
const HEALING_HINTS: Record<(typeof HEALING_DAYS)[number], string> = {
  0: 'red around the treated area, the dots fresh and a little larger.',
  1: 'still red; the dots scabbing, larger and darker.',
  3: 'the redness mostly gone; scabs, larger and darker than the dots.',
  7: 'the scabs falling off; where they have, the dots look lighter.',
  14: 'lighter than healed (the "panic phase"): the new skin over the pigment is still cloudy.',
  28: 'healed.',
};

export function SessionsPanel() {
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
      <h2 id="sessions-heading">Sessions</h2>
      <p className="hint">
        SMP is built up in layers, 10–30 days apart. Session 1 is lighter and sparser, later sessions darker and denser, and the last blends.
        Choosing a number sets a typical layering; adjust each session below.
      </p>
      <ChoiceGroup
        label="Number of sessions"
        choices={Array.from({ length: MAX_SESSIONS }, (_, i) => ({ value: i + 1, label: `${i + 1}` }))}
        value={sessions.length}
        onChange={(count) => runCommand(sim, 'sessions.set-count', { count })}
        dataKey="session-count"
        compact
      />
      {m && m.suggestedSessions > 0 && m.suggestedSessions !== sessions.length && (
        <p className="hint">This area at this density usually takes {m.suggestedSessions} sessions.</p>
      )}
      <ol className="session-list">
        {sessions.map((session, i) => (
          <li key={i} data-testid={`session-${i + 1}`}>
            <h3>
              Session {i + 1}
              <small>
                {percent(shares[i]!)} of the dots{m && m.sessionHours[i] !== undefined ? ` · ≈ ${m.sessionHours[i]} h` : ''}
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
          label="Preview after session"
          value={shown}
          min={1}
          max={sessions.length}
          step={1}
          shown={shown === sessions.length ? `${shown} of ${shown} (finished)` : `${shown} of ${sessions.length}`}
          onChange={(n) => viewStore.getState().setSessionPreview(n === sessions.length ? null : n)}
          hint="Slide back to see the scalp after each session; the view says which session it shows."
          testId="session-preview"
        />
      )}

      <h2 id="healing-heading" className="subsection">The days after</h2>
      <p className="hint">
        Right after a session the area is red for a few days; each dot scabs larger and darker, and the scabs fall off within about a week.
        The dots then look lighter than they will, and settle to their healed look by about four weeks.
      </p>
      <ChoiceGroup<number | 'healed'>
        label={`Days after session ${shown}`}
        choices={[
          ...HEALING_DAYS.map((day) => ({ value: day, label: `${day}`, hint: HEALING_HINTS[day] })),
          { value: 'healed', label: 'Healed', hint: 'The healed result' },
        ]}
        value={healingDay ?? 'healed'}
        onChange={(day) => viewStore.getState().setHealingDay(day === 'healed' ? null : day)}
        dataKey="healing-day"
        compact
      />
      <p className="hint" data-testid="healing-state">
        {healingDay === null ? `Showing the healed result. Pick a day to see session ${shown} healing.` : `Day ${healingDay} after session ${shown}: ${HEALING_HINTS[HEALING_DAYS.filter((day) => day <= healingDay).at(-1) ?? 0]}`}
      </p>

      <h2 id="ageing-heading" className="subsection">Ageing</h2>
      <p className="hint">
        Pigment fades over the years, mostly from sun, and softens and may turn slightly bluish. A touch-up restores it.
      </p>
      <ChoiceGroup
        label="Sun exposure"
        choices={SUN_EXPOSURES.map((e) => ({ value: e, label: SUN_EXPOSURE_LABELS[e].label, hint: SUN_EXPOSURE_LABELS[e].hint }))}
        value={sunExposure}
        onChange={(e) => runCommand(sim, 'plan.set', { path: ['aftercare', 'sunExposure'], value: e })}
        dataKey="sun-exposure"
      />
      <RangeField
        label="Years after treatment"
        value={ageYears}
        min={0}
        max={MAX_AGE_YEARS}
        step={0.5}
        shown={ageYears === 0 ? 'Freshly healed' : years(ageYears)}
        onChange={(y) => viewStore.getState().setAgeYears(y)}
        testId="age-years"
      />
      <p className="hint" data-testid="touch-up">
        Touch-up suggested after about <strong>{years(touchUp)}</strong>.
        {ageYears > 0 && ` At ${years(ageYears)}, the dots keep about ${percent(darkeningLeft(plan, ageYears))} of the darkening they had freshly healed.`}
      </p>
    </section>
  );
}
