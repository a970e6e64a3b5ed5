/**
 * View state: how the plan is looked at (camera preset, lighting, open panel, messages). Kept apart from
 * the plan so that looking around never becomes an undo step or changes a saved plan.
 */
import { createStore } from 'zustand/vanilla';
import type { ViewName } from '../domain/views';
import type { LightingName } from '../domain/lighting';
import { MAX_AGE_YEARS } from '../domain/ageing';
import { BRUSH_FIELDS } from '../domain/brush';
import { HEALED_DAY } from '../domain/healing';
import type { UnitSystem } from '../domain/units';
import type { Language, Message } from '../domain/languages';
import type { StepId } from '../domain/consultation';
import type { BrushSettings, BrushTarget } from '../domain/painting';
import type { PhotoLandmarkName } from '../domain/photo/photoLandmarks';

/** Width of scalp (mm) shown across the loupe: about 25 dot spacings, enough to judge size and spacing. */
export const LOUPE_FIELD_MM = 12;

export interface ViewRequest {
  name: ViewName;
  /** Camera distance from the head's surface along the view direction; omitted: the whole head. */
  distanceMm?: number;
  animate: boolean;
  /** Increases with every request so that asking for the same view again still moves the camera. */
  seq: number;
}

export interface Notice {
  kind: 'error' | 'info';
  /**
   * What it says: a Message the interface writes in the chosen language, or words already written (a reason
   * passed on from a check that words its findings in English).
   */
  text: Message | string;
  seq: number;
}

export interface LoupeState {
  /** The loupe is the active tool (read-only: mirrors `activeTool`; `setLoupe({ enabled })` chooses it). */
  enabled: boolean;
  /** Where the user points, in CSS pixels from the canvas's top-left corner; null when not over the canvas. */
  pointer: { x: number; y: number } | null;
  /** Width of scalp the loupe shows (mm): set by the scene from what is under the pointer. */
  fieldMm: number;
  /** Whether the pointer is over the head (the loupe shows nothing over the background). */
  overHead: boolean;
}

/** Before/after comparison: off, a split-screen slider over one view, or front/top/back before and after. */
export const COMPARE_MODES = ['off', 'split', 'grid'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/**
 * What the pointer does on the view: one tool at a time. Orbit turns the head; the loupe magnifies; the
 * hairline tool drags its handles; the brush paints its map; landmark picking places a scan's landmarks. On a
 * shown photo, the pins place and drag its landmarks (`landmark`: the one a tap places; null: drag only) and
 * the mask brush paints its scalp-skin mask (`radius`: a share of the photo's shorter side).
 */
export type PointerTool =
  | { name: 'orbit' }
  | { name: 'loupe' }
  | { name: 'hairline' }
  | { name: 'brush'; target: BrushTarget }
  | { name: 'landmarks' }
  | { name: 'photoPins'; landmark: PhotoLandmarkName | null }
  | { name: 'photoMask'; erase: boolean; radius: number };

const ORBIT: PointerTool = { name: 'orbit' };

/** Whether a tool works on the shown photo (the others work on the 3D head). */
export const isPhotoTool = (tool: PointerTool): boolean => tool.name === 'photoPins' || tool.name === 'photoMask';

/**
 * Whether the active tool gets the pointer: over a shown photo only the photo tools do, since any other would
 * edit the hidden 3D head through the 3D camera, where the user did not point.
 */
export const activeToolWorks = (view: Pick<ViewState, 'activeTool' | 'shownPhoto'>): boolean => view.shownPhoto === null || isPhotoTool(view.activeTool);

export interface ViewState {
  viewRequest: ViewRequest;
  /** The one pointer tool in use. `editingHairline`, `brushTarget` and `loupe.enabled` mirror it. */
  activeTool: PointerTool;
  loupe: LoupeState;
  /** False shows the head without SMP (before / after). */
  showSmp: boolean;
  /** False shows the scars without SMP over them while the rest keeps it: the scars' before / after. */
  showSmpOnScars: boolean;
  /** The hairline's handles are shown and can be dragged (read-only: the hairline tool is active). */
  editingHairline: boolean;
  /** The hairline control point last picked (for removal), if any. */
  selectedHairlinePoint: number | null;
  /** The brush is on and paints this map (read-only: the brush tool's target); null: off. */
  brushTarget: BrushTarget | null;
  brush: BrushSettings;
  lighting: LightingName;
  /** Preview the scalp after this session (1-based); null shows the finished treatment. */
  sessionPreview: number | null;
  /** Preview this many years after treatment (0 to MAX_AGE_YEARS): faded, softened pigment. */
  ageYears: number;
  /**
   * Preview this many days after the previewed session (src/domain/healing.ts): redness, scabs, then the
   * lighter "panic phase"; null: healed. It and the years-on preview exclude each other.
   */
  healingDay: number | null;
  compare: CompareMode;
  /** How lengths and areas are shown (the plan stays in millimetres). */
  units: UnitSystem;
  /** The language of the interface and the report (plans hold no interface text). */
  language: Language;
  /** The consultation step whose controls the panel shows. */
  step: StepId;
  /** Which help is open: the list of gestures and shortcuts, the first-run guide, or none. */
  help: 'none' | 'help' | 'guide';
  /** Where the split-screen divider sits, as a share of the view's width from the left (0..1). */
  splitPosition: number;
  /** How far down the view its floating toolbar reaches (CSS px): the comparison grid keeps heads below it. */
  toolbarBottomPx: number;
  /** The id of the client's photo the view shows, with the plan drawn on it (src/app/photoScreen.ts); null: the 3D view. */
  shownPhoto: string | null;
  /** The before/after divider on the shown photo, as a share of its width from the left: the photo as taken left of it, the simulation right. */
  photoSplit: number;
  notice: Notice | null;
  requestView(name: ViewName, options?: { distanceMm?: number; animate?: boolean }): void;
  setLighting(lighting: LightingName): void;
  setHealingDay(day: number | null): void;
  /** Chooses the pointer tool; any tool but orbit leaves the comparison grid, which has no interactive camera. */
  setTool(tool: PointerTool): void;
  /** Updates the loupe; `enabled` chooses the loupe tool, or puts it down for orbit. */
  setLoupe(loupe: Partial<LoupeState>): void;
  setShowSmp(show: boolean): void;
  setShowSmpOnScars(show: boolean): void;
  /** Chooses the hairline tool, or puts it down for orbit. */
  setEditingHairline(editing: boolean): void;
  selectHairlinePoint(index: number | null): void;
  /** Chooses the brush tool for this map, or (null) puts it down for orbit. */
  setBrushTarget(target: BrushTarget | null): void;
  setBrush(settings: Partial<BrushSettings>): void;
  setSessionPreview(session: number | null): void;
  setAgeYears(years: number): void;
  setCompare(mode: CompareMode): void;
  setUnits(units: UnitSystem): void;
  setLanguage(language: Language): void;
  setStep(step: StepId): void;
  setHelp(help: ViewState['help']): void;
  setSplitPosition(position: number): void;
  setToolbarBottom(px: number): void;
  /** Shows a photo (already loaded by the photo screen) instead of the 3D view, or (null) the 3D view again; leaves the comparison. */
  setShownPhoto(id: string | null): void;
  setPhotoSplit(position: number): void;
  showNotice(kind: Notice['kind'], text: Notice['text']): void;
  dismissNotice(): void;
}

/** The active tool and the fields that mirror it, from one place. */
function toolFields(state: Pick<ViewState, 'activeTool' | 'loupe' | 'compare' | 'selectedHairlinePoint'>, tool: PointerTool): Partial<ViewState> {
  const loupeOn = tool.name === 'loupe';
  return {
    activeTool: tool,
    editingHairline: tool.name === 'hairline',
    brushTarget: tool.name === 'brush' ? tool.target : null,
    loupe: state.loupe.enabled === loupeOn ? state.loupe : { ...state.loupe, enabled: loupeOn },
    selectedHairlinePoint: tool.name === state.activeTool.name ? state.selectedHairlinePoint : null,
    ...(tool.name !== 'orbit' && state.compare === 'grid' ? { compare: 'off' as const } : {}),
  };
}

/** Puts `name` down if it is the active tool: the camera gets the pointer back. */
const putDown = (state: ViewState, name: PointerTool['name']): PointerTool => (state.activeTool.name === name ? ORBIT : state.activeTool);

export function createViewStore(initialView: ViewName = 'three-quarter', initialUnits: UnitSystem = 'metric', initialLanguage: Language = 'en') {
  return createStore<ViewState>()((set, get) => ({
    viewRequest: { name: initialView, animate: false, seq: 0 },
    activeTool: ORBIT,
    lighting: 'clinic',
    loupe: { enabled: false, pointer: null, fieldMm: LOUPE_FIELD_MM, overHead: false },
    showSmp: true,
    showSmpOnScars: true,
    editingHairline: false,
    selectedHairlinePoint: null,
    brushTarget: null,
    brush: { mode: BRUSH_FIELDS.mode.default, radiusMm: BRUSH_FIELDS.radiusMm.default, softness: BRUSH_FIELDS.softness.default, amount: BRUSH_FIELDS.amount.default },
    sessionPreview: null,
    ageYears: 0,
    healingDay: null,
    compare: 'off',
    units: initialUnits,
    language: initialLanguage,
    step: 'head',
    help: 'none',
    splitPosition: 0.5,
    toolbarBottomPx: 0,
    shownPhoto: null,
    photoSplit: 0.5,
    notice: null,
    requestView(name, options = {}) {
      const request: ViewRequest = { name, animate: options.animate ?? true, seq: get().viewRequest.seq + 1 };
      if (options.distanceMm !== undefined) request.distanceMm = options.distanceMm;
      set({ viewRequest: request });
    },
    setLighting(lighting) {
      set({ lighting });
    },
    setTool(tool) {
      set(toolFields(get(), tool));
    },
    setLoupe({ enabled, ...loupe }) {
      const state = get();
      const next = { ...state, loupe: { ...state.loupe, ...loupe } };
      set(enabled === undefined ? { loupe: next.loupe } : { loupe: next.loupe, ...toolFields(next, enabled ? { name: 'loupe' } : putDown(state, 'loupe')) });
    },
    setShowSmp(showSmp) {
      set({ showSmp });
    },
    setShowSmpOnScars(showSmpOnScars) {
      set({ showSmpOnScars });
    },
    setEditingHairline(editing) {
      const state = get();
      set({ ...toolFields(state, editing ? { name: 'hairline' } : putDown(state, 'hairline')), selectedHairlinePoint: null });
    },
    selectHairlinePoint(selectedHairlinePoint) {
      set({ selectedHairlinePoint });
    },
    setBrushTarget(target) {
      const state = get();
      set(toolFields(state, target ? { name: 'brush', target } : putDown(state, 'brush')));
    },
    setBrush(settings) {
      set({ brush: { ...get().brush, ...settings } });
    },
    setSessionPreview(sessionPreview) {
      set({ sessionPreview });
    },
    setAgeYears(years) {
      const ageYears = Math.min(MAX_AGE_YEARS, Math.max(0, years));
      set(ageYears > 0 ? { ageYears, healingDay: null } : { ageYears });
    },
    setHealingDay(day) {
      set(day === null ? { healingDay: null } : { healingDay: Math.min(HEALED_DAY, Math.max(0, day)), ageYears: 0 });
    },
    setCompare(compare) {
      // The grid shows fixed views: pointer tools that work on the interactive camera are turned off.
      set({ compare, ...(compare === 'grid' ? toolFields(get(), ORBIT) : {}) });
    },
    setUnits(units) {
      set({ units });
    },
    setLanguage(language) {
      set({ language });
    },
    setStep(step) {
      // The hairline, the brush and the photo tools belong to their step: leaving the step puts them down (the loupe stays).
      const state = get();
      const tool = ['hairline', 'brush', 'photoPins', 'photoMask'].includes(state.activeTool.name) ? ORBIT : state.activeTool;
      set({ step, ...toolFields(state, tool), selectedHairlinePoint: null });
    },
    setHelp(help) {
      set({ help });
    },
    setToolbarBottom(px) {
      set({ toolbarBottomPx: Math.max(0, px) });
    },
    setShownPhoto(shownPhoto) {
      // The photo tools work on a shown photo only, the others (hairline, brush, landmarks, loupe) on the 3D head
      // only: each is put down where it cannot work, and the camera gets the pointer back.
      const state = get();
      const keep = (shownPhoto === null) !== isPhotoTool(state.activeTool);
      set({ shownPhoto, ...(shownPhoto !== null && { compare: 'off' as const }), ...(!keep && toolFields(state, ORBIT)) });
    },
    setPhotoSplit(position) {
      set({ photoSplit: Math.min(1, Math.max(0, position)) });
    },
    setSplitPosition(position) {
      set({ splitPosition: Math.min(1, Math.max(0, position)) });
    },
    showNotice(kind, text) {
      set({ notice: { kind, text, seq: (get().notice?.seq ?? 0) + 1 } });
    },
    dismissNotice() {
      set({ notice: null });
    },
  }));
}

export type ViewStore = ReturnType<typeof createViewStore>;
