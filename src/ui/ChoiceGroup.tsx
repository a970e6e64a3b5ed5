/** A row of mutually exclusive choices (radio buttons drawn as touch-sized tiles). */
export interface Choice<T extends string | number> {
  value: T;
  label: string;
  hint?: string;
}

interface Props<T extends string | number> {
  label: string;
  choices: readonly Choice<T>[];
  /** The chosen value; null when none is (e.g. a hand-edited hairline matches no preset). */
  value: T | null;
  onChange: (value: T) => void;
  /** data-* attribute name that tests and embedding pages use to find a choice, e.g. "hairline-age". */
  dataKey?: string;
  /** Short labels (numbers): narrower tiles, so a row of four fits the panel. */
  compact?: boolean;
}

export function ChoiceGroup<T extends string | number>({ label, choices, value, onChange, dataKey, compact }: Props<T>) {
  return (
    <div className={`choice-grid${compact ? ' compact' : ''}`} role="radiogroup" aria-label={label}>
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          role="radio"
          aria-checked={choice.value === value}
          className={choice.value === value ? 'selected' : ''}
          title={choice.hint}
          onClick={() => onChange(choice.value)}
          {...(dataKey ? { [`data-${dataKey}`]: choice.value } : {})}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
