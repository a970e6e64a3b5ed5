import { useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useHeadImport } from '../app/headImport';
import { useSimulator, useView } from '../app/simulator';
import { LANDMARK_NAMES, type LandmarkName } from '../domain/head/landmarks';
import { KEY_LANDMARKS, type ScaleMeasurement } from '../domain/scan/scanHead';
import { useSavedPlans } from '../app/savedPlans';
import { messageText } from './i18n/messageText';
import { useFormat } from './i18n/useFormat';

/** What the file picker offers: the scan formats and the files that come with them (.mtl, .bin, textures). */
export const SCAN_FILE_ACCEPT = '.glb,.gltf,.obj,.ply,.stl,.mtl,.bin,.png,.jpg,.jpeg';

const MM_PER_INCH = 25.4;

/** Step 1's head: the default head or the client's scan, and the import of a scan with its checks. */
export function HeadScanPanel() {
  const { t } = useTranslation('plans');
  const headImport = useHeadImport();
  const phase = useStore(headImport.state, (s) => s.phase);
  return (
    <section className="panel-section" aria-labelledby="head-scan-heading" data-testid="head-scan-panel">
      <h2 id="head-scan-heading">{t('head.heading')}</h2>
      {phase === 'idle' ? <HeadChoice /> : phase === 'aligning' ? <Alignment /> : <ImportStatus />}
    </section>
  );
}

function HeadChoice() {
  const { t } = useTranslation('plans');
  const f = useFormat();
  const sim = useSimulator();
  const headImport = useHeadImport();
  const savedPlans = useSavedPlans();
  const planHead = useStore(savedPlans.state, (s) => s.head);
  const scan = useStore(sim.headStore, (s) => s.scan);
  const input = useRef<HTMLInputElement>(null);
  const measurement = scan?.scale.measurement;
  return (
    <>
      {scan ? (
        <p data-testid="head-current">
          <Trans t={t} i18nKey="head.onScan" values={{ name: scan.name, triangles: scan.indices.length / 3 }} components={{ strong: <strong /> }} />
          {measurement
            ? t(measurement.kind === 'circumference' ? 'head.sizedByCircumference' : 'head.sizedByTragus', { length: f.length(measurement.mm, 0) })
            : t('head.readIn', { unit: t(`head.units.${scan.scale.unit}`) })}
          .
        </p>
      ) : (
        <p data-testid="head-current">{t('head.onDefault')}</p>
      )}
      <div className="button-row">
        <button type="button" className="tool-button" data-testid="import-scan" onClick={() => input.current?.click()}>
          {t('head.importScan')}
        </button>
        {scan && (
          <button type="button" className="tool-button" data-testid="use-default-head" onClick={() => void headImport.useDefaultHead()}>
            {t('head.useDefault')}
          </button>
        )}
        {!scan && planHead && (
          <button type="button" className="tool-button" data-testid="use-scan" onClick={() => void headImport.useScan()}>
            {t('head.useScan', { name: planHead.name })}
          </button>
        )}
      </div>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={SCAN_FILE_ACCEPT}
        data-testid="scan-file-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) void headImport.start(files);
        }}
      />
      <p className="hint">{t('head.hint')}</p>
    </>
  );
}

function ImportStatus() {
  const { t } = useTranslation('plans');
  const headImport = useHeadImport();
  const { phase, progress, triangles, fileName } = useStore(headImport.state);
  return (
    <div className="scan-status" role="status">
      {phase === 'reading' && progress && <p data-testid="scan-progress">{messageText(t, progress)}</p>}
      {phase === 'tooLarge' && (
        <p data-testid="scan-too-large">
          {t('head.tooLarge', { fileName, triangles })}
        </p>
      )}
      {phase === 'notHead' && <p data-testid="scan-not-head">{t('head.notHead', { fileName })}</p>}
      <div className="button-row">
        {phase === 'tooLarge' && (
          <button type="button" className="tool-button primary" data-testid="scan-simplify" onClick={() => void headImport.simplify()}>
            {t('head.simplify')}
          </button>
        )}
        {phase === 'notHead' && (
          <button type="button" className="tool-button" data-testid="scan-align-anyway" onClick={headImport.alignAnyway}>
            {t('head.alignAnyway')}
          </button>
        )}
        <button type="button" className="tool-button" data-testid="scan-cancel" onClick={headImport.cancel}>
          {t('head.cancel')}
        </button>
      </div>
    </div>
  );
}

function Alignment() {
  const { t } = useTranslation('plans');
  const f = useFormat();
  const headImport = useHeadImport();
  const { aligned, picking, placed, busy, error, read } = useStore(headImport.state);
  if (!aligned || !read) return null;
  const { scale } = aligned.head;
  const ordered: LandmarkName[] = [...KEY_LANDMARKS, ...LANDMARK_NAMES.filter((n) => !(KEY_LANDMARKS as readonly string[]).includes(n))];
  return (
    <div className="scan-alignment" data-testid="scan-alignment">
      <p>
        <Trans t={t} i18nKey="head.read" values={{ name: read.name, triangles: read.triangles }} components={{ strong: <strong /> }} />
        {read.triangles < read.fileTriangles && t('head.simplifiedFrom', { triangles: read.fileTriangles })}.
      </p>
      <h3>{t('head.checkLandmarks')}</h3>
      <p className="hint">{t('head.landmarksHint')}</p>
      <ul className="landmark-list">
        {ordered.map((name) => (
          <li key={name}>
            <button
              type="button"
              className={`tool-button landmark-button${picking === name ? ' selected' : ''}`}
              aria-pressed={picking === name}
              data-testid={`landmark-${name}`}
              onClick={() => headImport.pick(picking === name ? null : name)}
            >
              <span className={`landmark-dot${(KEY_LANDMARKS as readonly string[]).includes(name) ? ' key' : ''}`} aria-hidden="true" />
              {t(`head.landmarks.${name}`)}
              <small>{placed.includes(name) ? t('head.placedByYou') : t('head.suggested')}</small>
            </button>
          </li>
        ))}
      </ul>
      {placed.length > 0 && (
        <button type="button" className="tool-button" onClick={() => void headImport.resetLandmarks()}>
          {t('head.resetLandmarks')}
        </button>
      )}
      <h3>{t('head.size')}</h3>
      <p data-testid="scan-scale">
        {scale.measurement ? t('head.sizedByYou') : scale.unit === 'unknown' ? t('head.unknownUnit') : t('head.readInUnit', { unit: t(`head.units.${scale.unit}`) })}{' '}
        {t('head.measured', { circumference: f.length(aligned.measured.circumferenceMm, 0), tragus: f.length(aligned.measured.tragusDistanceMm, 0) })}
      </p>
      <MeasurementForm onApply={(m) => void headImport.setMeasurement(m)} current={scale.measurement ?? null} />
      {error && (
        <p className="field-error" role="alert" data-testid="scan-error">
          {messageText(t, error)}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="tool-button primary" data-testid="scan-confirm" disabled={busy} onClick={() => void headImport.confirm()}>
          {t('head.useHead')}
        </button>
        <button type="button" className="tool-button" data-testid="scan-cancel" onClick={headImport.cancel}>
          {t('head.cancel')}
        </button>
      </div>
      {busy && <p className="hint">{t('head.aligning')}</p>}
    </div>
  );
}

/** One tape or calliper measurement of the client, in the units the user reads. */
function MeasurementForm({ onApply, current }: { onApply: (m: ScaleMeasurement | null) => void; current: ScaleMeasurement | null }) {
  const { t } = useTranslation('plans');
  const id = useId();
  const units = useView((v) => v.units);
  const [kind, setKind] = useState<ScaleMeasurement['kind']>(current?.kind ?? 'circumference');
  const [text, setText] = useState('');
  const toMm = (value: number) => (units === 'metric' ? value : value * MM_PER_INCH);
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value) && value > 0;
  return (
    <form
      className="measurement-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onApply({ kind, mm: toMm(value) });
      }}
    >
      <label className="field" htmlFor={`${id}-kind`}>
        <span>{t('head.knownMeasurement')}</span>
        <select id={`${id}-kind`} value={kind} data-testid="scan-measurement-kind" onChange={(e) => setKind(e.currentTarget.value as ScaleMeasurement['kind'])}>
          <option value="circumference">{t('head.circumference')}</option>
          <option value="tragusDistance">{t('head.tragusDistance')}</option>
        </select>
      </label>
      <label className="field" htmlFor={`${id}-value`}>
        <span>{t('head.measuredIn', { unit: units === 'metric' ? 'mm' : 'in' })}</span>
        <input id={`${id}-value`} type="number" inputMode="decimal" min="0" step="any" value={text} data-testid="scan-measurement-value" onChange={(e) => setText(e.currentTarget.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="tool-button" disabled={!valid} data-testid="scan-measurement-apply">
          {t('head.setSize')}
        </button>
        {current && (
          <button type="button" className="tool-button" onClick={() => onApply(null)}>
            {t('head.clearMeasurement')}
          </button>
        )}
      </div>
    </form>
  );
}
