/**
 * The consultation report written out: `buildReport` names each line by a key of the `report` catalogue
 * (or of `panels:`) and gives its numbers; this writes them in the chosen language, units and number
 * format. The report view writes with `useTranslation('report')` and `useFormat()`; a test with any fixed `t`.
 */
import type { TFunction } from 'i18next';
import type { PlanWarning } from '../domain/warnings';
import type { CalendarDay, ConsultationReport, ReportParam, ReportText } from '../domain/report';
import type { useFormat } from './i18n/useFormat';

/** The formats the report needs: `useFormat()`'s. */
export type ReportFormat = Pick<ReturnType<typeof useFormat>, 'number' | 'length' | 'area' | 'density' | 'date'>;

export interface ReportWriter {
  t: TFunction<'report'>;
  f: ReportFormat;
  /** A plan warning in the same language and units (`useWarningText()`). */
  warning: (warning: PlanWarning) => string;
}

/** One labelled value, written; `swatch` is a colour (`#rrggbb`) to show beside it. */
export interface WrittenLine {
  label: string;
  value: string;
  detail?: string;
  swatch?: string;
}

export interface WrittenSession {
  session: string;
  share: string;
  impressions: string;
  hours: string;
  strength: string;
}

/** The report's words and numbers; its pictures and notes are the domain report's own. */
export interface WrittenReport {
  client: WrittenLine[];
  hairline: WrittenLine[];
  warnings: string[];
  dots: WrittenLine[];
  hair: WrittenLine[];
  density: WrittenLine[];
  scars: WrittenLine[];
  treatment: WrittenLine[];
  sessions: WrittenSession[];
  touchUp: string;
}

/** The report's keys are only known at run time (the domain cannot name the catalogue's types). */
type Translate = (key: string, options?: Record<string, unknown>) => string;

export function writeReport(report: ConsultationReport, { t, f, warning }: ReportWriter): WrittenReport {
  const say = t as unknown as Translate;
  // At most one decimal: hours (12.5) and years (4.5); counts and impressions are whole.
  const number = (value: number) => f.number(value, { maximumFractionDigits: 1 });
  const percent = (whole: number) => say('values.percent', { value: number(whole) });
  const day = ({ year, month, day: date }: CalendarDay) =>
    // The month's name from the locale, the order from the catalogue: "20 November 2026", "20. November 2026".
    say('values.day', { day: number(date), month: f.date(new Date(year, month - 1, date), { month: 'long' }), year: f.number(year, { useGrouping: false }) });

  const param = (value: ReportParam): string => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return number(value);
    if ('key' in value) return write(value);
    if ('lengthMm' in value) return f.length(value.lengthMm, value.decimals);
    if ('areaCm2' in value) return f.area(value.areaCm2, value.decimals);
    if ('perCm2' in value) return f.density(value.perCm2);
    if ('share' in value) return percent(Math.round(value.share * 100));
    return day(value.day);
  };
  const write = ({ key, params = {} }: ReportText): string =>
    // `count` stays a number: it picks the plural form, and the catalogue writes it with `{{count, number}}`.
    say(key, Object.fromEntries(Object.entries(params).map(([name, value]) => [name, name === 'count' && typeof value === 'number' ? value : param(value)])));
  const lines = (from: ConsultationReport['client']): WrittenLine[] =>
    from.map((line) => ({
      label: write(line.label),
      value: write(line.value),
      ...(line.detail && { detail: write(line.detail) }),
      ...(line.swatch && { swatch: line.swatch }),
    }));

  return {
    client: lines(report.client),
    hairline: lines(report.hairline),
    warnings: report.warnings.map(warning),
    dots: lines(report.dots),
    hair: lines(report.hair),
    density: lines(report.density),
    scars: lines(report.scars),
    treatment: lines(report.treatment),
    sessions: report.sessions.map((s) => ({
      session: say('panels:sessions.session', { number: number(s.number) }),
      share: percent(s.sharePercent),
      impressions: say('values.approx', { value: number(s.impressions) }),
      hours: s.hours === null ? say('values.none') : say('panels:units.hours', { count: s.hours, value: number(s.hours) }),
      strength: percent(Math.round(s.strength * 100)),
    })),
    touchUp: say('touchUp', {
      // The report's own plural: a sentence may need another case of the word than the panels' (German "Jahren").
      years: say('years', { count: report.touchUp.years }),
      sun: say(`sun.${report.touchUp.sunExposure}`),
    }),
  };
}
