import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../domain/languages';

/**
 * The interface's language; each is listed by its own name, so anyone can find theirs. On a phone the top
 * bar has no room for a name: the picker shows the language's code (`DE`) and opens the same list.
 */
export function LanguagePicker() {
  const { t } = useTranslation();
  const { viewStore } = useSimulator();
  const language = useView((v) => v.language);
  return (
    <span className="language-picker">
      <span className="language-code" aria-hidden="true">
        {language.toUpperCase()}
      </span>
      <select
        aria-label={t('language.label')}
        title={t('language.hint')}
        data-testid="language"
        value={language}
        onChange={(e) => isLanguage(e.target.value) && viewStore.getState().setLanguage(e.target.value)}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </span>
  );
}
