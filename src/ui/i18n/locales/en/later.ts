/**
 * The English text of panels that are read when first opened (the Plans dialog's clinic profile, consent,
 * photos, the report, sharing): a chunk of its own that src/ui/i18n/index.ts reads right after start, so the
 * first load carries only the text of the first screen.
 */
import { clinic } from './clinic';
import { consent } from './consent';
import { photos } from './photos';
import { photoTools } from './photoTools';
import { report } from './report';
import { share } from './share';

export const englishLater = { clinic, consent, photos, photoTools, report, share };
