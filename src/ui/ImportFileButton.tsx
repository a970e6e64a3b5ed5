import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** "Import file…": a button that opens the file picker for a JSON file and hands the chosen file on. */
export function ImportFileButton({ testId, onFile }: { testId: string; onFile: (file: File) => void }) {
  const { t } = useTranslation('plans');
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="tool-button" onClick={() => input.current?.click()}>
        {t('importFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid={testId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so that choosing the same file again (after fixing it, say) reads it again.
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
