/** The app's i18next instance started in English with every other language read too, for tests that write in all of them. */
import { LANGUAGES } from '../../src/domain/languages';
import { loadCatalogue, startI18n } from '../../src/ui/i18n';

export async function startEveryLanguage(): Promise<void> {
  await startI18n('en');
  await Promise.all(LANGUAGES.map(loadCatalogue));
}
