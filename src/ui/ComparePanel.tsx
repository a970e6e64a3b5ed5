import { useSimulator, useView } from '../app/simulator';
import type { CompareMode } from '../state/viewStore';
import { ChoiceGroup } from './ChoiceGroup';
import { ExportButtons } from './ExportButtons';
import { QuotePanel } from './QuotePanel';

const COMPARE_CHOICES: { value: CompareMode; label: string; hint: string }[] = [
  { value: 'off', label: 'One view', hint: 'The head as planned; "Before" above the view shows it without SMP' },
  { value: 'split', label: 'Split', hint: 'Split screen: before on the left, after on the right; drag the divider' },
  { value: 'grid', label: 'Grid', hint: 'Front, top and back, before (top row) and after (bottom row)' },
];

/** The last step: compare before and after, export pictures and print the consultation report. */
export function ComparePanel() {
  const { viewStore } = useSimulator();
  const compare = useView((v) => v.compare);
  return (
    <section className="panel-section" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Before and after</h2>
      <p className="hint">
        Split puts the same view side by side, without SMP left of the divider and with it on the right: drag the divider, or use the arrow keys. Grid shows the
        front, top and back, before above and after below.
      </p>
      <ChoiceGroup label="Comparison" choices={COMPARE_CHOICES} value={compare} onChange={(mode) => viewStore.getState().setCompare(mode)} dataKey="compare" />
      <h3>Pictures and report</h3>
      <p className="hint">
        Export the view on screen (or the comparison) as a PNG image, or open the consultation report to print or save as PDF. Everything stays on this device.
      </p>
      <ExportButtons />
      <QuotePanel />
    </section>
  );
}
