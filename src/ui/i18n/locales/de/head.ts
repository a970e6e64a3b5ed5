import type { Translation } from '../../catalogue';
import type { head as english } from '../en/head';

export const head: Translation<typeof english> = {
  heading: 'Kopfform',
  intro: 'Passen Sie den Standardkopf an den Kopf des Kunden an. Haarlinie, Narben und Bemaltes folgen der Haut, und die Werte werden am angepassten Kopf gemessen.',
  onScan: 'Der Kopf ist der Scan des Kunden, sein eigener Kopf: Die Kopfform gilt nur für den Standardkopf.',
  fields: {
    size: 'Kopfgröße',
    length: 'Kopflänge',
    breadth: 'Kopfbreite',
    foreheadSlopeDeg: 'Stirnneigung',
    crownHeightMm: 'Scheitelhöhe',
  },
  hints: {
    size: 'Alle Maße, bezogen auf den Standardkopf.',
    foreheadSlopeDeg: 'Wie viel weiter die Stirn nach hinten geneigt ist (negativ: steiler).',
    crownHeightMm: 'Wie viel höher der Scheitel über den Ohren liegt (negativ: tiefer).',
  },
  withLength: '{{percent}} · {{length}}',
  reset: 'Kopfform zurücksetzen',
  history: {
    setShape: 'Kopfform',
    setShapeFromPhotos_one: 'Kopfform aus {{count}} Foto',
    setShapeFromPhotos_other: 'Kopfform aus {{count}} Fotos',
    resetShape: 'Kopfform zurücksetzen',
  },
};
