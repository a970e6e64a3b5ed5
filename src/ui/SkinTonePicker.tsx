import { useStore } from 'zustand';
import { runCommand } from '../app/commands';
import { useSimulator, usePlan } from '../app/simulator';
import { SKIN_SHINE_FIELD } from '../domain/plan';
import { MONK_SKIN_TONES, monkToneOf } from '../domain/skinTones';
import { PlanSlider } from './PlanSlider';

/** Scalp shine in words, from matte to oily. */
const shineWords = (value: number) =>
  `${value.toFixed(2)} (${value < 0.15 ? 'matte' : value < 0.35 ? 'low' : value < 0.6 ? 'normal' : value < 0.85 ? 'shiny' : 'oily'})`;

export function SkinTonePicker() {
  const sim = useSimulator();
  const { planStore, headStore } = sim;
  const scanHasColours = useStore(headStore, (s) => Boolean(s.scan?.colors || s.scan?.texture));
  const color = usePlan((p) => p.skin.color);
  const shine = usePlan((p) => p.skin.shine);
  const tone = monkToneOf(color);
  const setColor = (value: string, gesture?: string) => runCommand(sim, 'plan.set', { path: ['skin', 'color'], value }, gesture ? { gesture } : {});
  return (
    <section className="panel-section" aria-labelledby="skin-heading">
      <h2 id="skin-heading">Skin tone</h2>
      <p className="hint">Monk Skin Tone scale, lightest (1) to darkest (10), or pick any colour.</p>
      {scanHasColours && (
        <p className="hint" data-testid="skin-tone-scan-note">
          The scan shows the client’s own skin. Pick the closest tone here all the same: it sets the scars’ colour and the coverage figures.
        </p>
      )}
      <div className="swatches" role="radiogroup" aria-label="Monk skin tone">
        {MONK_SKIN_TONES.map((t) => (
          <button
            key={t.id}
            type="button"
            role="radio"
            aria-checked={tone === t.id}
            aria-label={`Monk tone ${t.id}`}
            title={`Monk tone ${t.id} (${t.color})`}
            className={`swatch${tone === t.id ? ' selected' : ''}`}
            style={{ background: t.color }}
            data-monk={t.id}
            onClick={() => setColor(t.color)}
          >
            <span>{t.id}</span>
          </button>
        ))}
      </div>
      <label className="field inline">
        <span>Custom colour</span>
        <input
          type="color"
          value={color}
          onInput={(e) => setColor(e.currentTarget.value, 'skin-color-picker')}
          onChange={(e) => {
            setColor(e.currentTarget.value, 'skin-color-picker');
            planStore.getState().endGesture();
          }}
        />
        <code>{tone ? `Monk ${tone}` : color}</code>
      </label>
      <PlanSlider
        field={SKIN_SHINE_FIELD}
        value={shine}
        path={['skin', 'shine']}
        format={shineWords}
        hint="How oily the scalp looks, from matte to oily: a shiny scalp shows the light over the pigment and makes SMP read lighter."
        testId="skin-shine"
      />
    </section>
  );
}
