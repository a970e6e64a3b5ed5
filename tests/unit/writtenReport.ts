/**
 * The consultation report as the report view writes it, in a chosen language and units, outside React: a
 * fixed `t` over the bundled catalogues and the formats `useFormat()` gives. Warnings in the domain's English.
 */
import i18next from 'i18next';
import type { Language } from '../../src/domain/languages';
import { buildReport, type ReportInput } from '../../src/domain/report';
import { formatArea, formatDensity, formatLength, type UnitSystem } from '../../src/domain/units';
import { warningText } from '../../src/domain/warnings';
import { NAMESPACES } from '../../src/ui/i18n';
import { CATALOGUES } from '../../src/ui/i18n/catalogues';
import { writeReport, type ReportWriter, type WrittenReport } from '../../src/ui/reportText';

/** An i18next instance over every bundled catalogue, in `language`. */
export function catalogueInstance(language: Language = 'en') {
  const instance = i18next.createInstance();
  void instance.init({ lng: language, fallbackLng: 'en', ns: NAMESPACES, defaultNS: 'app', resources: CATALOGUES, initAsync: false, interpolation: { escapeValue: false } });
  return instance;
}

export function reportWriter(language: Language = 'en', units: UnitSystem = 'metric'): ReportWriter {
  const instance = catalogueInstance(language);
  const dots = instance.t('panels:units.dots');
  return {
    t: instance.getFixedT(language, 'report'),
    f: {
      number: (value, options) => new Intl.NumberFormat(language, options).format(value),
      length: (mm, decimals = 1) => formatLength(mm, units, decimals, language),
      area: (cm2, decimals = 0) => formatArea(cm2, units, decimals, language),
      density: (perCm2, decimals = 0) => formatDensity(perCm2, units, decimals, language, dots),
      date: (date, options) => new Intl.DateTimeFormat(language, options).format(date),
    },
    warning: (w) => warningText(w, units),
  };
}

/** `buildReport` written out, in English and metric unless told. */
export const writtenReport = ({ units, ...input }: ReportInput & { units?: UnitSystem }, language: Language = 'en'): WrittenReport =>
  writeReport(buildReport(input), reportWriter(language, units));
