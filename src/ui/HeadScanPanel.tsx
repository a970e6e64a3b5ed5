import { useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useHeadImport } from '../app/headImport';
import { useSimulator, useView } from '../app/simulator';
import { LANDMARK_NAMES, type LandmarkName } from '../domain/head/landmarks';
import { KEY_LANDMARKS, LANDMARK_LABELS, type ScaleMeasurement } from '../domain/scan/scanHead';
import { formatLength } from '../domain/units';
import { useSavedPlans } from '../app/savedPlans';

/** What the file picker offers: the scan formats and the files that come with them (.mtl, .bin, textures). */
export const SCAN_FILE_ACCEPT = '.glb,.gltf,.obj,.ply,.stl,.mtl,.bin,.png,.jpg,.jpeg';

const UNIT_NAMES = { mm: 'millimetres', cm: 'centimetres', m: 'metres', in: 'inches', unknown: 'unknown' } as const;
const MM_PER_INCH = 25.4;

/** Step 1's head: the default head or the client's scan, and the import of a scan with its checks. */
export function HeadScanPanel() {
  const headImport = useHeadImport();
  const phase = useStore(headImport.state, (s) => s.phase);
  return (
    <section className="panel-section" aria-labelledby="head-scan-heading" data-testid="head-scan-panel">
      <h2 id="head-scan-heading">The client’s head</h2>
      {phase === 'idle' ? <HeadChoice /> : phase === 'aligning' ? <Alignment /> : <ImportStatus />}
    </section>
  );
}

function HeadChoice() {
  const sim = useSimulator();
  const headImport = useHeadImport();
  const savedPlans = useSavedPlans();
  const planHead = useStore(savedPlans.state, (s) => s.head);
  const scan = useStore(sim.headStore, (s) => s.scan);
  const units = useView((v) => v.units);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      {scan ? (
        <p data-testid="head-current">
          Drawn on the scan <strong>{scan.name}</strong>: {(scan.indices.length / 3).toLocaleString('en')} triangles
          {scan.scale.measurement ? `, sized by a ${scan.scale.measurement.kind === 'circumference' ? 'head circumference' : 'tragus distance'} of ${formatLength(scan.scale.measurement.mm, units, 0)}` : `, read in ${UNIT_NAMES[scan.scale.unit]}`}.
        </p>
      ) : (
        <p data-testid="head-current">Drawn on the default head (an average adult head at true size).</p>
      )}
      <div className="button-row">
        <button type="button" className="tool-button" data-testid="import-scan" onClick={() => input.current?.click()}>
          Import a head scan…
        </button>
        {scan && (
          <button type="button" className="tool-button" data-testid="use-default-head" onClick={() => void headImport.useDefaultHead()}>
            Use the default head
          </button>
        )}
        {!scan && planHead && (
          <button type="button" className="tool-button" data-testid="use-scan" onClick={() => void headImport.useScan()}>
            Use the scan “{planHead.name}”
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
      <p className="hint">
        A glTF/GLB, OBJ, PLY or STL file from a scanning app; drop an OBJ together with its .mtl and texture. You may also drop it on the window. The scan stays on this device, stored with the plan; plan files and links never include it.
      </p>
    </>
  );
}

function ImportStatus() {
  const headImport = useHeadImport();
  const { phase, progress, triangles, fileName } = useStore(headImport.state);
  return (
    <div className="scan-status" role="status">
      {phase === 'reading' && <p data-testid="scan-progress">{progress}</p>}
      {phase === 'tooLarge' && (
        <p data-testid="scan-too-large">
          “{fileName}” has {triangles.toLocaleString('en')} triangles: more than the simulator can keep smooth. Simplify it to about 250,000 triangles? Its shape is kept to a fraction of a millimetre; a texture becomes vertex colours.
        </p>
      )}
      {phase === 'notHead' && <p data-testid="scan-not-head">“{fileName}” does not look like a head scan: the default head could not be fitted to it. Place the landmarks by hand if it is one.</p>}
      <div className="button-row">
        {phase === 'tooLarge' && (
          <button type="button" className="tool-button primary" data-testid="scan-simplify" onClick={() => void headImport.simplify()}>
            Simplify and go on
          </button>
        )}
        {phase === 'notHead' && (
          <button type="button" className="tool-button" data-testid="scan-align-anyway" onClick={headImport.alignAnyway}>
            Place the landmarks by hand
          </button>
        )}
        <button type="button" className="tool-button" data-testid="scan-cancel" onClick={headImport.cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function Alignment() {
  const headImport = useHeadImport();
  const { aligned, picking, placed, busy, error, read } = useStore(headImport.state);
  const units = useView((v) => v.units);
  if (!aligned || !read) return null;
  const { scale } = aligned.head;
  const ordered: LandmarkName[] = [...KEY_LANDMARKS, ...LANDMARK_NAMES.filter((n) => !(KEY_LANDMARKS as readonly string[]).includes(n))];
  return (
    <div className="scan-alignment" data-testid="scan-alignment">
      <p>
        <strong>{read.name}</strong>: {read.triangles.toLocaleString('en')} triangles
        {read.triangles < read.fileTriangles && ` (simplified from ${read.fileTriangles.toLocaleString('en')})`}.
      </p>
      <h3>Check the landmarks</h3>
      <p className="hint">The app placed them. Pick one, then click its spot on the scan; the scan turns to follow. The first four set the alignment.</p>
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
              {LANDMARK_LABELS[name]}
              <small>{placed.includes(name) ? 'placed by you' : 'suggested'}</small>
            </button>
          </li>
        ))}
      </ul>
      {placed.length > 0 && (
        <button type="button" className="tool-button" onClick={() => void headImport.resetLandmarks()}>
          Put the landmarks back as suggested
        </button>
      )}
      <h3>Size</h3>
      <p data-testid="scan-scale">
        {scale.measurement
          ? `Sized by your measurement.`
          : scale.unit === 'unknown'
            ? 'The file does not say its unit and its size fits none: it is scaled to an average head. Give a measurement.'
            : `Read in ${UNIT_NAMES[scale.unit]} (from its size).`}{' '}
        On the scan: head circumference {formatLength(aligned.measured.circumferenceMm, units, 0)}, tragus to tragus {formatLength(aligned.measured.tragusDistanceMm, units, 0)}.
      </p>
      <MeasurementForm onApply={(m) => void headImport.setMeasurement(m)} current={scale.measurement ?? null} />
      {error && (
        <p className="field-error" role="alert" data-testid="scan-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="tool-button primary" data-testid="scan-confirm" disabled={busy} onClick={() => void headImport.confirm()}>
          Use this head
        </button>
        <button type="button" className="tool-button" data-testid="scan-cancel" onClick={headImport.cancel}>
          Cancel
        </button>
      </div>
      {busy && <p className="hint">Aligning…</p>}
    </div>
  );
}

/** One tape or calliper measurement of the client, in the units the user reads. */
function MeasurementForm({ onApply, current }: { onApply: (m: ScaleMeasurement | null) => void; current: ScaleMeasurement | null }) {
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
        <span>Known measurement</span>
        <select id={`${id}-kind`} value={kind} data-testid="scan-measurement-kind" onChange={(e) => setKind(e.currentTarget.value as ScaleMeasurement['kind'])}>
          <option value="circumference">Head circumference (tape above the brows)</option>
          <option value="tragusDistance">Tragus to tragus (straight, callipers)</option>
        </select>
      </label>
      <label className="field" htmlFor={`${id}-value`}>
        <span>Measured ({units === 'metric' ? 'mm' : 'in'})</span>
        <input id={`${id}-value`} type="number" inputMode="decimal" min="0" step="any" value={text} data-testid="scan-measurement-value" onChange={(e) => setText(e.currentTarget.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="tool-button" disabled={!valid} data-testid="scan-measurement-apply">
          Set the size
        </button>
        {current && (
          <button type="button" className="tool-button" onClick={() => onApply(null)}>
            Clear the measurement
          </button>
        )}
      </div>
    </form>
  );
}
