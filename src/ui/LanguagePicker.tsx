import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../domain/languages';

/** The interface's language; each is listed by its own name, so anyone can find theirs. */
export function LanguagePicker() {
  const { t } = useTranslation();
  const { viewStore } = useSimulator();
  const language = useView((v) => v.language);
  return (
    <select
      className="language-picker"
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
  );
}
