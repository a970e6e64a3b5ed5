import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import type { CompareMode } from '../state/viewStore';
import { ChoiceGroup } from './ChoiceGroup';
import { ExportButtons } from './ExportButtons';
import { QuotePanel } from './QuotePanel';

/** Each mode and its words in the catalogue (app `compare.<key>`). */
const COMPARE_CHOICES = [
  { value: 'off', key: 'off' },
  { value: 'split', key: 'split' },
  { value: 'grid', key: 'gridChoice' },
] as const satisfies readonly { value: CompareMode; key: string }[];

/** The last step: compare before and after, export pictures and print the consultation report. */
export function ComparePanel() {
  const { t } = useTranslation('app');
  const { viewStore } = useSimulator();
  const compare = useView((v) => v.compare);
  const choices = COMPARE_CHOICES.map(({ value, key }) => ({ value, label: t(`compare.${key}.label`), hint: t(`compare.${key}.hint`) }));
  return (
    <section className="panel-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('compare.heading')}</h2>
      <p className="hint">{t('compare.hint')}</p>
      <ChoiceGroup label={t('compare.choice')} choices={choices} value={compare} onChange={(mode) => viewStore.getState().setCompare(mode)} dataKey="compare" />
      <h3>{t('compare.pictures')}</h3>
      <p className="hint">{t('compare.picturesHint')}</p>
      <ExportButtons />
      <QuotePanel />
    </section>
  );
}
