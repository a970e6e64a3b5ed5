import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { runCommand } from '../app/commands';
import { useSimulator, usePlan } from '../app/simulator';
import { SKIN_SHINE_FIELD } from '../domain/plan';
import { MONK_SKIN_TONES, monkToneOf } from '../domain/skinTones';
import { useFormat } from './i18n/useFormat';
import { PlanSlider } from './PlanSlider';

/** Scalp shine in words, from matte to oily. */
const shineWord = (value: number) => (value < 0.15 ? 'matte' : value < 0.35 ? 'low' : value < 0.6 ? 'normal' : value < 0.85 ? 'shiny' : 'oily');

export function SkinTonePicker() {
  const { t } = useTranslation('panels');
  const f = useFormat();
  const sim = useSimulator();
  const { planStore, headStore } = sim;
  const scanHasColours = useStore(headStore, (s) => Boolean(s.scan?.colors || s.scan?.texture));
  const color = usePlan((p) => p.skin.color);
  const shine = usePlan((p) => p.skin.shine);
  const tone = monkToneOf(color);
  const setColor = (value: string, gesture?: string) => runCommand(sim, 'plan.set', { path: ['skin', 'color'], value }, gesture ? { gesture } : {});
  const shineWords = (value: number) => `${f.decimal(value, 2)} (${t(`skin.shine.${shineWord(value)}`)})`;
  return (
    <section className="panel-section" aria-labelledby="skin-heading">
      <h2 id="skin-heading">{t('skin.heading')}</h2>
      <p className="hint">{t('skin.hint')}</p>
      {scanHasColours && (
        <p className="hint" data-testid="skin-tone-scan-note">
          {t('skin.scanNote')}
        </p>
      )}
      <div className="swatches" role="radiogroup" aria-label={t('skin.scale')}>
        {MONK_SKIN_TONES.map((swatch) => (
          <button
            key={swatch.id}
            type="button"
            role="radio"
            aria-checked={tone === swatch.id}
            aria-label={t('skin.tone', { tone: swatch.id })}
            title={t('skin.toneTitle', { tone: swatch.id, color: swatch.color })}
            className={`swatch${tone === swatch.id ? ' selected' : ''}`}
            style={{ background: swatch.color }}
            data-monk={swatch.id}
            onClick={() => setColor(swatch.color)}
          >
            <span>{swatch.id}</span>
          </button>
        ))}
      </div>
      <label className="field inline">
        <span>{t('skin.customColour')}</span>
        <input
          type="color"
          value={color}
          onInput={(e) => setColor(e.currentTarget.value, 'skin-color-picker')}
          onChange={(e) => {
            setColor(e.currentTarget.value, 'skin-color-picker');
            planStore.getState().endGesture();
          }}
        />
        <code>{tone ? t('skin.monk', { tone }) : color}</code>
      </label>
      <PlanSlider
        field={SKIN_SHINE_FIELD}
        value={shine}
        path={['skin', 'shine']}
        format={shineWords}
        hint={t('skin.shineHint')}
        testId="skin-shine"
      />
    </section>
  );
}
