/**
 * The head import (src/app/headImport.ts): reading a scan in the scan worker, aligning it, storing it with
 * the saved plan, and bringing a saved plan's scan back.
 */
import { createStore } from 'zustand/vanilla';
import type { HeadImport, HeadImportState } from '../app/headImport';
import type { SavedPlans } from '../app/savedPlans';
import type { Simulator } from '../app/simulator';
import { userText } from '../app/userMessage';
import { isLandmarkName, LANDMARK_NAMES, type LandmarkName, type Landmarks } from '../domain/head/landmarks';
import { excerpt } from '../domain/format';
import { message } from '../domain/textError';
import { invertSimilarityPoint } from '../domain/scan/align';
import { isVec3, KEY_LANDMARKS, type FileLandmarks, type ScaleMeasurement, type ScanHead } from '../domain/scan/scanHead';
import type { AlignedScan, ReadScan } from '../domain/scan/scanImport';
import { createScanReader, ScanTooLargeError, type ScanReader } from './scan/scanReader';
import { DEFAULT_HEAD_URL } from '../scene/HeadModel';
import { prepareScanHead } from '../scene/loadedHead';

const IDLE: HeadImportState = {
  phase: 'idle',
  progress: null,
  fileName: '',
  triangles: 0,
  read: null,
  aligned: null,
  placed: [],
  picking: null,
  measurement: null,
  busy: false,
  error: null,
};

export const NOT_A_HEAD_MESSAGE =
  'This does not look like a head scan: the default head could not be fitted to it. Check the file, or place the landmarks by hand.';

/** Checks `options.landmarks` from a page: known names, points of three finite numbers, the key ones present. */
function parseGivenLandmarks(value: unknown): Partial<Landmarks> {
  if (typeof value !== 'object' || value === null) throw new Error('importHead: options.landmarks must be an object such as { glabella: [x, y, z], … }');
  const out: Partial<Landmarks> = {};
  for (const [name, point] of Object.entries(value)) {
    if (!isLandmarkName(name)) throw new Error(`importHead: unknown landmark ${excerpt(name)}: use ${LANDMARK_NAMES.join(', ')}`);
    if (!isVec3(point)) throw new Error(`importHead: landmark ${name} must be [x, y, z] in the file's coordinates`);
    out[name] = [point[0], point[1], point[2]];
  }
  const missing = KEY_LANDMARKS.filter((name) => !out[name]);
  if (missing.length) throw new Error(`importHead: options.landmarks needs at least ${KEY_LANDMARKS.join(', ')} (missing ${missing.join(', ')})`);
  return out;
}

export function createHeadImport(sim: Simulator, savedPlans: SavedPlans): HeadImport {
  const state = createStore<HeadImportState>()(() => IDLE);
  const templateUrl = new URL(DEFAULT_HEAD_URL, document.baseURI).href;
  let reader: ScanReader | null = null;
  let files: File[] = [];
  /** The scan confirmed while autosave is off: kept in memory so the head switch still works. */
  let unsavedScan: ScanHead | null = null;

  const newReader = () => {
    reader?.cancel();
    reader = createScanReader(templateUrl);
    return reader;
  };
  const stop = () => {
    reader?.cancel();
    reader = null;
    state.setState(IDLE);
  };

  /** Shows `scan` (null: the default head); resolves once it is on screen. */
  const show = async (scan: ScanHead | null) => {
    const { headStore, signals } = sim;
    if (headStore.getState().scan === scan) return signals.whenRendered();
    if (scan) await prepareScanHead(scan);
    const release = signals.hold();
    try {
      headStore.getState().setScan(scan);
      await new Promise<void>((resolve) => {
        const ready = () => headStore.getState().head?.scan === scan;
        if (ready()) return resolve();
        const off = headStore.subscribe(() => ready() && (off(), resolve()));
      });
    } finally {
      release();
    }
    await signals.whenRendered();
  };

  const keyLandmarks = (aligned: AlignedScan, placed: readonly LandmarkName[]): FileLandmarks => {
    const given: FileLandmarks = {
      glabella: aligned.fileLandmarks.glabella,
      vertex: aligned.fileLandmarks.vertex,
      leftTragus: aligned.fileLandmarks.leftTragus,
      rightTragus: aligned.fileLandmarks.rightTragus,
    };
    for (const name of placed) given[name] = aligned.fileLandmarks[name];
    return given;
  };

  const realign = async (landmarks: FileLandmarks, measurement: ScaleMeasurement | null) => {
    if (!reader) return;
    state.setState({ busy: true, error: null });
    try {
      const aligned = await reader.align(landmarks, measurement ?? undefined);
      state.setState({ aligned, measurement, busy: false });
    } catch (error) {
      state.setState({ busy: false, error: userText(error, message('scan.align.failed')) });
    }
  };

  const read = async (simplify: boolean) => {
    const scanReader = newReader();
    const name = files.find((f) => /\.(glb|gltf|obj|ply|stl)$/i.test(f.name))?.name ?? files[0]?.name ?? '';
    state.setState({ ...IDLE, phase: 'reading', fileName: name, progress: message('scan.progress.reading', { name }) });
    try {
      const result = await scanReader.read(files, { simplify, onProgress: (progress) => state.setState({ progress }) });
      if (reader !== scanReader) return;
      const aligned = await scanReader.align(pickKey(result.suggestion.landmarks));
      if (reader !== scanReader) return;
      state.setState({ ...IDLE, phase: result.suggestion.looksLikeHead ? 'aligning' : 'notHead', fileName: name, read: result, aligned });
      for (const warning of result.warnings) sim.viewStore.getState().showNotice('info', warning);
    } catch (error) {
      if (reader !== scanReader) return;
      if (error instanceof ScanTooLargeError) return void state.setState({ ...IDLE, phase: 'tooLarge', fileName: name, triangles: error.triangles });
      stop();
      const unreadable = { key: 'app:notices.scanUnreadable', params: { name } };
      const reason = userText(error, unreadable, 'Reading the scan failed:');
      sim.viewStore.getState().showNotice('error', reason === unreadable ? unreadable : { key: 'app:notices.scanImportFailed', params: { name, reason } });
    }
  };

  const confirmScan = async (scan: ScanHead) => {
    await show(scan);
    try {
      await savedPlans.attachScan(scan);
      unsavedScan = savedPlans.state.getState().available ? null : scan;
    } catch (error) {
      unsavedScan = scan;
      console.warn('The scan could not be stored:', error);
      sim.viewStore.getState().showNotice('error', { key: 'app:notices.scanNotStored' });
    }
  };

  /** The scan of the saved plan on screen, ready to draw; null: the default head (with a notice if the scan is gone). */
  const planScan = async (): Promise<ScanHead | null> => {
    const head = savedPlans.state.getState().head;
    if (!head?.useScan) return null;
    const shown = sim.headStore.getState().scan;
    if (shown?.id === head.scanId) return shown;
    const scan = unsavedScan?.id === head.scanId ? unsavedScan : await savedPlans.loadScan(head.scanId).catch(() => undefined);
    if (!scan) {
      sim.viewStore.getState().showNotice('error', { key: 'app:notices.scanMissing', params: { name: head.name } });
      return null;
    }
    try {
      await prepareScanHead(scan);
      return scan;
    } catch (error) {
      // A stored scan damaged on this device (say, a landmark missing) must not reach the user as the engine's words.
      const damaged = { key: 'app:notices.scanDamaged', params: { name: head.name } };
      const reason = userText(error, damaged, 'The stored scan cannot be shown:');
      sim.viewStore.getState().showNotice('error', reason === damaged ? damaged : { key: 'app:notices.scanFailed', params: { reason } });
      return null;
    }
  };
  // The app starts on the saved plan's head (before anything is drawn, so the default head never flashes
  // up first); a plan opened later brings its own head.
  const ready = planScan().then((scan) => sim.headStore.getState().setScan(scan));
  let syncing: Promise<void> = ready;
  savedPlans.state.subscribe((s, prev) => {
    if (s.head === prev.head) return;
    syncing = syncing.then(async () => show(await planScan()));
  });

  return {
    state,
    ready,
    async start(given) {
      files = given;
      await read(false);
    },
    simplify: () => read(true),
    alignAnyway: () => state.setState({ phase: 'aligning' }),
    pick: (name) => state.setState({ picking: name }),
    async placeAt(point) {
      const { aligned, picking, placed, measurement } = state.getState();
      if (!aligned || !picking) return;
      const filePoint = invertSimilarityPoint(point, aligned.similarity);
      const nowPlaced = placed.includes(picking) ? placed : [...placed, picking];
      const landmarks = keyLandmarks(aligned, nowPlaced);
      landmarks[picking] = filePoint;
      // The next landmark to check is picked for the user: key ones in order, then done.
      const next = KEY_LANDMARKS.find((name) => !nowPlaced.includes(name)) ?? null;
      state.setState({ placed: nowPlaced, picking: next });
      await realign(landmarks, measurement);
    },
    async resetLandmarks() {
      const { read: result, measurement } = state.getState();
      if (!result) return;
      state.setState({ placed: [], picking: null });
      await realign(pickKey(result.suggestion.landmarks), measurement);
    },
    async setMeasurement(measurement) {
      const { aligned, placed } = state.getState();
      if (!aligned) return;
      await realign(keyLandmarks(aligned, placed), measurement);
    },
    async confirm() {
      const { aligned } = state.getState();
      if (!aligned) return;
      try {
        await confirmScan(aligned.head);
        stop();
        sim.viewStore.getState().showNotice('info', { key: 'app:notices.scanShown', params: { name: aligned.head.name } });
      } catch (error) {
        state.setState({ error: userText(error, message('scan.showFailed')) });
      }
    },
    cancel: stop,
    async importHead(given, options = {}) {
      if (typeof options !== 'object' || options === null) throw new Error('importHead: options must be an object');
      const landmarks = options.landmarks === undefined ? undefined : parseGivenLandmarks(options.landmarks);
      if (!given.length) throw new Error('importHead: expected a file');
      stop();
      const scanReader = newReader();
      try {
        let result: ReadScan;
        try {
          result = await scanReader.read(given, { simplify: options.simplify === true });
        } catch (error) {
          if (error instanceof ScanTooLargeError) throw new Error(`${error.message} Pass { simplify: true } to simplify it.`, { cause: error });
          throw error;
        }
        if (!result.suggestion.looksLikeHead && !landmarks) throw new Error(`${NOT_A_HEAD_MESSAGE.replace(', or place the landmarks by hand', '')} Give options.landmarks to align it anyway.`);
        const aligned = await scanReader.align((landmarks as FileLandmarks | undefined) ?? pickKey(result.suggestion.landmarks), options.measurement);
        await confirmScan(aligned.head);
      } finally {
        if (reader === scanReader) stop();
      }
    },
    useDefaultHead: () => savedPlans.useScan(false).then(() => syncing),
    useScan: () => savedPlans.useScan(true).then(() => syncing),
  };
}

function pickKey(landmarks: Landmarks): FileLandmarks {
  return { glabella: landmarks.glabella, vertex: landmarks.vertex, leftTragus: landmarks.leftTragus, rightTragus: landmarks.rightTragus };
}
