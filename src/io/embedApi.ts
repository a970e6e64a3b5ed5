/**
 * `window.smp`: the embedding API that clinics' pages and the browser tests use. A public interface:
 * extend it, never break it.
 */
import type { ReportState, Simulator } from '../app/simulator';
import { runCommand } from '../app/commands';
import type { PlanMeasurements } from '../domain/measurements';
import type { Landmarks, Vec3 } from '../domain/head/landmarks';
import { clonePlan, type Plan } from '../domain/plan';
import { isViewName, VIEW_NAMES, type ViewName } from '../domain/views';
import type { SavedPlans } from '../app/savedPlans';
import type { HeadImport, ImportHeadOptions } from '../app/headImport';
import type { HeadSummary } from '../domain/scan/scanHead';
import { readPlanFile, writePlanFile } from './planFile';
import { designLink } from './sharing';
import { MAX_AGE_YEARS } from '../domain/ageing';
import { HEALED_DAY } from '../domain/healing';
import { excerpt } from '../domain/format';
import { COMPARE_MODES, type CompareMode } from '../state/viewStore';
import { MAX_IMAGE_SIDE_PX } from '../app/scenePort';
import type { ClinicProfiles } from '../app/clinic';
import type { ClinicProfile } from '../domain/clinic';
import type { Consent } from '../domain/consent';
import { buildQuote, type Quote } from '../domain/quote';
import { isLanguage, LANGUAGES, type Language } from '../domain/languages';
import type { PhotoMeta } from '../domain/photos';
import type { ClientPhotos, ImportPhotoOptions } from '../app/photos';
import type { PhotoScreen } from '../app/photoScreen';

export interface SetViewOptions {
  /** Puts the camera this far (mm) from the head's surface along the view direction. */
  distanceMm?: number;
  /** Fly to the view instead of jumping (default false). */
  animate?: boolean;
}

export interface ExportImageOptions {
  /** A standard view framing the whole head; omitted: the current camera, as on screen. */
  view?: ViewName;
  /** Size in pixels, at most 4096 a side. One left out follows the canvas's shape; both: the canvas's size. */
  width?: number;
  height?: number;
  /** With (true) or without (false) the SMP; omitted: as the view shows it. */
  showSmp?: boolean;
}

const EXPORT_IMAGE_OPTIONS = ['view', 'width', 'height', 'showSmp'];

export interface SmpApi {
  /** A deep copy of the current plan. */
  getPlan(): Plan;
  /** Replaces the plan; omitted fields take their defaults. Throws an Error naming the bad field, changing nothing. */
  setPlan(plan: unknown): void;
  setView(name: ViewName, options?: SetViewOptions): void;
  /** Resolves once a frame showing the current plan and view has been drawn. */
  whenRendered(): Promise<void>;
  /** A PNG data URL of the canvas, once the current plan and view are drawn. */
  screenshot(): Promise<string>;
  undo(): void;
  redo(): void;
  /**
   * Measurements of the current plan on the current head: hairline height above the glabella along the
   * skin (mm), frontotemporal width (mm), treated area (cm²), estimated impressions, sessions and hours,
   * the plan's warnings, and `scars: [{ id, kind, areaCm2, coverage }]` (coverage 0..1: the share of
   * each scar's area that SMP would blend in with the treated scalp around it).
   */
  getMeasurements(): PlanMeasurements;
  /** The hairline's control points on the current head (head frame, mm): the plan's own, or its preset's. */
  getHairlinePoints(): Vec3[];
  /** The current head's landmarks in the head frame (mm; +X the client's left, +Y up, +Z forward). */
  getLandmarks(): Landmarks;
  /** Where a head-frame point (mm) appears in the current view, in CSS pixels from the canvas's top-left. */
  toScreen(point: Vec3): { x: number; y: number };
  /** Where the camera is and the point it looks at, in the head frame (mm): e.g. how far a view's camera is from the skin. */
  getCamera(): { position: Vec3; target: Vec3 };
  /** Shows (true) or hides (false) the SMP on the head: the before / after comparison. */
  setShowSmp(show: boolean): void;
  /** The interface's and the report's language: 'en', 'es', 'de' or 'tr' (it follows the browser until chosen). */
  getLanguage(): Language;
  /** Writes the interface and the report in this language from the next frame on, and remembers it on this device. */
  setLanguage(language: Language): void;
  /** Shows (true) or hides (false) the SMP over the scars only, the rest keeping it: the scars' before / after. */
  setShowSmpOnScars(show: boolean): void;
  /** Previews the scalp after session `session` (1-based) of the plan's sessions; null: the finished result. */
  setSessionPreview(session: number | null): void;
  /** Previews the SMP `years` (0 to 10) after treatment: faded and softened pigment (0: freshly healed). */
  setAgeYears(years: number): void;
  /**
   * Previews the scalp `day` days (0 to 28) after the previewed session: redness, larger and darker scabs,
   * then lighter dots once they are shed (see the README); null: healed. Clears the years-on preview.
   */
  setHealingDay(day: number | null): void;
  /**
   * Before/after comparison: 'split' (one view, without SMP left of a divider at `splitPosition`, 0..1 of
   * the width, and with it on the right), 'grid' (front, top and back; before above, after below) or 'off'.
   */
  setCompare(mode: CompareMode, options?: { splitPosition?: number }): void;
  /**
   * Diagnostics for benchmarks: renders `frames` frames of the current view back to back, each waited for
   * on the GPU, and returns their times in ms.
   */
  measureFrameTimes(frames: number): Promise<number[]>;
  /**
   * A PNG data URL of the head drawn offscreen at any size up to 4096 px; the screen does not change. Asked
   * for while the WebGL context is lost, it waits for the restore, or rejects after 20 s with a message.
   */
  exportImage(options?: ExportImageOptions): Promise<string>;
  /** Opens the consultation report's preview; resolves once every picture in it is drawn. */
  openReport(): Promise<void>;
  /** Closes the consultation report's preview. */
  closeReport(): void;
  /** The current plan as the text of a plan file (`.smp.json`). */
  exportPlanFile(): string;
  /** Opens a plan file's text as a new saved plan; rejects with an Error saying what is wrong, changing nothing. */
  importPlanFile(text: string): Promise<void>;
  /** The plans saved on this device, newest first. */
  listPlans(): Promise<SavedPlanSummary[]>;
  /** Opens a saved plan by its id (from `listPlans`), with a fresh undo history. */
  openSavedPlan(id: string): Promise<void>;
  /** Resolves once the current plan is saved on this device; rejects when autosave is off. */
  flushAutosave(): Promise<void>;
  /**
   * Draws the plan on a client's head scan: a File (.glb, .gltf, .obj, .ply or .stl, named with its
   * extension), or an array of files (the scan and its companions: .mtl, .bin, textures). The scan is
   * aligned into the head frame with `options.landmarks` (in the file's own coordinates; glabella, vertex,
   * leftTragus and rightTragus at least) or, without them, with the landmarks the app suggests; sized by
   * the file's unit or by `options.measurement`; and stored with the plan on this device. Resolves once the
   * scan is on screen; rejects with an Error saying what is wrong (the head and plan stay as they were).
   * A scan above 400,000 triangles is rejected unless `options.simplify` is true.
   */
  importHead(file: File | File[], options?: ImportHeadOptions): Promise<void>;
  /** The head the plan is drawn on now: 'default', or 'scan' with its name, size and landmarks. */
  getHead(): HeadSummary;
  /** Shows the plan on the default head; its scan stays stored (`useHeadScan` brings it back). */
  useDefaultHead(): Promise<void>;
  /** Shows the plan on its stored scan again; rejects when the plan has none. */
  useHeadScan(): Promise<void>;
  /** A copy of the clinic's profile kept on this device (name, logo, address, colours, prices), or null. */
  getClinicProfile(): ClinicProfile | null;
  /**
   * Keeps a clinic profile on this device (omitted fields take their defaults; null removes it). Rejects with
   * an Error naming the bad field, changing nothing.
   */
  setClinicProfile(profile: unknown): Promise<void>;
  /**
   * The quote for the current plan at the clinic's prices, made today: line items, total, deposit, balance
   * and validity date (`YYYY-MM-DD`), amounts in the profile's currency. Null when no clinic profile is set.
   */
  getQuote(): Quote | null;
  /**
   * A copy of the current plan's consent and health answers: `current` (the version on screen; a draft while
   * its `signedAt` is empty) and `history` (earlier signed versions, oldest first). Personal data: it stays in
   * the plan on this device and in plan files, never in a link.
   */
  getConsent(): Consent;
  /**
   * The link that opens the current plan's design (never the client's personal data) and view on any
   * device: this page's address with `#plan=…&view=…`, as the "Share with client" QR code holds it.
   */
  getShareLink(): string;
  /**
   * Stores a photo of the client with the current saved plan: a JPEG, PNG or HEIC file, turned upright by its
   * EXIF orientation, at most 4096 px on its long side, with no metadata kept (no EXIF, GPS, XMP or comments).
   * `options.view` is 'front', 'left', 'right', 'back' or 'top'; `options.landmarks` places points by hand,
   * `{ nasion: [x, y], … }` in the upright photo's pixels. Without them a face view's landmarks are found on
   * the device. Resolves to the stored photo's metadata (never its pixels); rejects with an Error saying
   * what is wrong (not a photo, damaged, unknown view or landmark, no face found) and stores nothing.
   */
  importPhoto(file: Blob, options: ImportPhotoOptions): Promise<PhotoMeta>;
  /** The metadata of the current plan's photos, oldest first. */
  getPhotos(): Promise<PhotoMeta[]>;
  /** Deletes one of the current plan's photos; an id it does not have rejects, changing nothing. */
  removePhoto(id: string): Promise<void>;
  /**
   * Shows one of the current plan's photos in the view with the plan drawn on it (the head fitted to its
   * landmarks, the simulation laid on the scalp's skin only), resolving once it is ready to draw; null goes
   * back to the 3D view. An id the plan does not have rejects with an Error saying so, and nothing changes.
   */
  showPhoto(id: string | null): Promise<void>;
}

export interface SavedPlanSummary {
  id: string;
  /** The client's name; empty for an untitled plan. */
  name: string;
  /** The consultation date, `YYYY-MM-DD`, or empty. */
  date: string;
  /** When the plan last changed (ISO 8601). */
  updatedAt: string;
}

declare global {
  interface Window {
    smp?: SmpApi;
  }
}

export const MAX_VIEW_DISTANCE_MM = 3000;

/** Options must be a plain object of known names: a typo is an error, not silently ignored. */
function checkOptions(call: string, options: unknown, known: readonly string[], example: string): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new Error(`${call}: options must be an object such as ${example} (got ${excerpt(options)})`);
  const unknown = Object.keys(options).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new Error(`${call}: unknown option ${excerpt(unknown)}: use ${known.join(', ')}`);
}

export function createEmbedApi(sim: Simulator, savedPlans: SavedPlans, headImport: HeadImport, clinic: ClinicProfiles, photos: ClientPhotos, photoScreen: PhotoScreen): SmpApi {
  return {
    getPlan: () => clonePlan(sim.planStore.getState().plan),
    setPlan: (plan) => void runCommand(sim, 'plan.replace', { plan, label: 'Plan from page' }),
    setView(name, options = {}) {
      if (!isViewName(name)) throw new Error(`Unknown view ${excerpt(name)}: use one of ${VIEW_NAMES.join(', ')}`);
      checkOptions('setView', options, ['distanceMm', 'animate'], '{ distanceMm: 80, animate: true }');
      const { distanceMm, animate } = options;
      if (distanceMm !== undefined && !(typeof distanceMm === 'number' && distanceMm > 0 && distanceMm <= MAX_VIEW_DISTANCE_MM)) {
        throw new Error(`setView: distanceMm must be a number above 0 and at most ${MAX_VIEW_DISTANCE_MM} (got ${excerpt(distanceMm)})`);
      }
      if (animate !== undefined && typeof animate !== 'boolean') throw new Error(`setView: animate must be true or false (got ${excerpt(animate)})`);
      const request: { distanceMm?: number; animate: boolean } = { animate: options.animate ?? false };
      if (distanceMm !== undefined) request.distanceMm = distanceMm;
      sim.viewStore.getState().requestView(name, request);
    },
    whenRendered: () => sim.signals.whenRendered(),
    async screenshot() {
      await sim.signals.whenDrawable();
      const { canvas } = await sim.scene.whenAttached();
      return canvas.toDataURL('image/png');
    },
    undo: () => void runCommand(sim, 'history.undo', {}),
    redo: () => void runCommand(sim, 'history.redo', {}),
    getMeasurements() {
      const head = sim.headStore.getState().head;
      if (!head) throw new Error('The head is not loaded yet');
      return structuredClone(head.treatment.measure(sim.planStore.getState().plan));
    },
    getHairlinePoints() {
      const head = sim.headStore.getState().head;
      if (!head) throw new Error('The head is not loaded yet');
      return structuredClone(head.treatment.hairlineFor(sim.planStore.getState().plan).points);
    },
    getLandmarks() {
      const head = sim.headStore.getState().head;
      if (!head) throw new Error('The head is not loaded yet');
      return structuredClone(head.landmarks);
    },
    toScreen(point) {
      if (!Array.isArray(point) || point.length !== 3 || !point.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        throw new Error('toScreen: expected a point [x, y, z] in mm');
      }
      return sim.scene.now().toScreen(point);
    },
    getCamera() {
      return sim.scene.now().camera();
    },
    getLanguage: () => sim.viewStore.getState().language,
    setLanguage(language) {
      if (!isLanguage(language)) throw new Error(`setLanguage: expected one of ${LANGUAGES.join(', ')} (got ${excerpt(language)})`);
      sim.viewStore.getState().setLanguage(language);
    },
    setShowSmp(show) {
      if (typeof show !== 'boolean') throw new Error(`setShowSmp: expected true or false (got ${excerpt(show)})`);
      sim.viewStore.getState().setShowSmp(show);
    },
    setShowSmpOnScars(show) {
      if (typeof show !== 'boolean') throw new Error(`setShowSmpOnScars: expected true or false (got ${excerpt(show)})`);
      sim.viewStore.getState().setShowSmpOnScars(show);
    },
    setSessionPreview(session) {
      const count = sim.planStore.getState().plan.sessions.length;
      if (session !== null && !(Number.isInteger(session) && session >= 1 && session <= count)) {
        throw new Error(`setSessionPreview: expected a session from 1 to ${count}, or null (got ${excerpt(session)})`);
      }
      sim.viewStore.getState().setSessionPreview(session === count ? null : session);
    },
    setAgeYears(years) {
      if (!(typeof years === 'number' && years >= 0 && years <= MAX_AGE_YEARS)) {
        throw new Error(`setAgeYears: expected a number of years from 0 to ${MAX_AGE_YEARS} (got ${excerpt(years)})`);
      }
      sim.viewStore.getState().setAgeYears(years);
    },
    setHealingDay(day) {
      if (day !== null && !(typeof day === 'number' && day >= 0 && day <= HEALED_DAY)) {
        throw new Error(`setHealingDay: expected a number of days from 0 to ${HEALED_DAY}, or null (got ${excerpt(day)})`);
      }
      sim.viewStore.getState().setHealingDay(day);
    },
    setCompare(mode, options = {}) {
      if (!(COMPARE_MODES as readonly unknown[]).includes(mode)) throw new Error(`setCompare: mode must be one of ${COMPARE_MODES.join(', ')} (got ${excerpt(mode)})`);
      checkOptions('setCompare', options, ['splitPosition'], '{ splitPosition: 0.5 }');
      const { splitPosition } = options;
      if (splitPosition !== undefined && !(typeof splitPosition === 'number' && splitPosition >= 0 && splitPosition <= 1)) {
        throw new Error(`setCompare: splitPosition must be a number from 0 to 1 (got ${excerpt(splitPosition)})`);
      }
      if (splitPosition !== undefined) sim.viewStore.getState().setSplitPosition(splitPosition);
      sim.viewStore.getState().setCompare(mode);
    },
    async measureFrameTimes(frames) {
      if (!Number.isInteger(frames) || frames < 1 || frames > 1000) throw new Error('measureFrameTimes: frames must be a whole number from 1 to 1000');
      await sim.signals.whenDrawable();
      return (await sim.scene.whenAttached()).measureFrames(frames);
    },
    async exportImage(options = {}) {
      checkOptions('exportImage', options, EXPORT_IMAGE_OPTIONS, '{ view: "front", width: 1800 }');
      const { view, width, height, showSmp } = options;
      if (view !== undefined && !isViewName(view)) throw new Error(`exportImage: unknown view ${excerpt(view)}: use one of ${VIEW_NAMES.join(', ')}`);
      for (const [name, value] of [['width', width], ['height', height]] as const) {
        if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= MAX_IMAGE_SIDE_PX)) {
          throw new Error(`exportImage: ${name} must be a whole number of pixels from 1 to ${MAX_IMAGE_SIDE_PX} (got ${excerpt(value)})`);
        }
      }
      if (showSmp !== undefined && typeof showSmp !== 'boolean') throw new Error(`exportImage: showSmp must be true or false (got ${excerpt(showSmp)})`);
      await sim.signals.whenDrawable();
      const { canvas, renderImage } = await sim.scene.whenAttached();
      // While the WebGL context is lost this waits for the restore (bounded), never draws with a dead context.
      const picture = await sim.signals.drawWhenRestored(() => {
        const aspect = canvas.width / canvas.height;
        const w = width ?? (height === undefined ? canvas.width : Math.round(height * aspect));
        const h = height ?? Math.round(w / aspect);
        return renderImage({ view, width: w, height: h, showSmp });
      });
      return picture.toDataURL('image/png');
    },
    openReport() {
      const { reportStore } = sim;
      reportStore.getState().setOpen(true);
      return new Promise<void>((resolve, reject) => {
        /** Settles the promise on the report's state; true once it has. */
        const settle = ({ open, pictures }: ReportState): boolean => {
          if (!open) reject(new Error('openReport: the report was closed before its pictures were drawn'));
          else if (pictures instanceof Error) reject(pictures);
          else if (pictures === 'ready') resolve();
          else return false;
          return true;
        };
        if (settle(reportStore.getState())) return;
        const off = reportStore.subscribe((state) => void (settle(state) && off()));
      });
    },
    closeReport: () => sim.reportStore.getState().setOpen(false),
    exportPlanFile: () => writePlanFile(sim.planStore.getState().plan, new Date()),
    async importPlanFile(text) {
      if (typeof text !== 'string') throw new Error(`importPlanFile: expected the file's text (got ${excerpt(text)})`);
      await savedPlans.openAsNew(readPlanFile(text));
    },
    async listPlans() {
      const records = await savedPlans.list();
      return records.map(({ id, updatedAt, plan }) => ({ id, name: plan.client.name, date: plan.client.date, updatedAt }));
    },
    async openSavedPlan(id) {
      // Checked here: a wrong argument is the page's mistake and must never look like failing storage.
      if (typeof id !== 'string' || !id.trim()) throw new Error(`openSavedPlan needs a plan id (text) from listPlans(), such as "3f9c…" (got ${excerpt(id)})`);
      await savedPlans.open(id);
    },
    flushAutosave: () => savedPlans.flush(),
    async importHead(file, options) {
      const files = Array.isArray(file) ? file : [file];
      if (!files.length || !files.every((f) => f instanceof File)) throw new Error('importHead: expected a File (or an array of Files) named with its extension, such as head.glb');
      if (options !== undefined) checkOptions('importHead', options, ['landmarks', 'measurement', 'simplify'], '{ simplify: true }');
      await headImport.importHead(files, options);
    },
    getHead() {
      const { head, scan } = sim.headStore.getState();
      if (!head) throw new Error('The head is not loaded yet');
      const triangles = head.treatment.indices.length / 3;
      const landmarks = structuredClone(head.landmarks);
      if (!scan) return { kind: 'default', name: 'Default head', triangles, landmarks };
      return { kind: 'scan', name: scan.name, triangles, landmarks, scale: structuredClone(scan.scale) };
    },
    useDefaultHead: () => headImport.useDefaultHead(),
    async useHeadScan() {
      if (!savedPlans.state.getState().head) throw new Error('useHeadScan: this plan has no head scan');
      await headImport.useScan();
    },
    getClinicProfile() {
      const { profile } = clinic.state.getState();
      return profile && structuredClone(profile);
    },
    async setClinicProfile(profile) {
      if (profile === null) clinic.remove();
      else clinic.save(profile);
    },
    getQuote() {
      const { profile } = clinic.state.getState();
      if (!profile) return null;
      const head = sim.headStore.getState().head;
      if (!head) throw new Error('The head is not loaded yet');
      return buildQuote(profile, head.treatment.measure(sim.planStore.getState().plan), new Date());
    },
    getConsent: () => structuredClone(sim.planStore.getState().plan.consent),
    getShareLink: () => designLink(sim.planStore.getState().plan, sim.viewStore.getState().viewRequest.name, window.location),
    async importPhoto(file, options) {
      if (!(file instanceof Blob)) throw new Error(`importPhoto: expected a File (a JPEG, PNG or HEIC photo) (got ${excerpt(file)})`);
      checkOptions('importPhoto', options, ['view', 'landmarks'], '{ view: "front" }');
      return photos.importPhoto(file, options);
    },
    getPhotos: () => photos.list(),
    async removePhoto(id) {
      if (typeof id !== 'string' || !id) throw new Error(`removePhoto needs a photo id (text) from getPhotos() (got ${excerpt(id)})`);
      await photos.remove(id);
      if (sim.viewStore.getState().shownPhoto === id) await photoScreen.show(null);
    },
    async showPhoto(id) {
      if (id !== null && (typeof id !== 'string' || !id)) throw new Error(`showPhoto needs a photo id (text) from getPhotos(), or null for the 3D view (got ${excerpt(id)})`);
      await photoScreen.show(id);
    },
  };
}
