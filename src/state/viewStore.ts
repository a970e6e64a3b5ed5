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
import type { StepId } from '../domain/consultation';
import type { BrushSettings, BrushTarget } from '../domain/painting';

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
  text: string;
  seq: number;
}

export interface LoupeState {
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

export interface ViewState {
  viewRequest: ViewRequest;
  loupe: LoupeState;
  /** False shows the head without SMP (before / after). */
  showSmp: boolean;
  /** False shows the scars without SMP over them while the rest keeps it: the scars' before / after. */
  showSmpOnScars: boolean;
  /** The hairline's handles are shown and can be dragged. */
  editingHairline: boolean;
  /** The hairline control point last picked (for removal), if any. */
  selectedHairlinePoint: number | null;
  /** A hairline handle is being dragged: the camera holds still meanwhile. */
  draggingHandle: boolean;
  /** The brush is on and paints this map (a pointer drag paints instead of turning the head); null: off. */
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
  /** The consultation step whose controls the panel shows. */
  step: StepId;
  /** Which help is open: the list of gestures and shortcuts, the first-run guide, or none. */
  help: 'none' | 'help' | 'guide';
  /** Where the split-screen divider sits, as a share of the view's width from the left (0..1). */
  splitPosition: number;
  /** How far down the view its floating toolbar reaches (CSS px): the comparison grid keeps heads below it. */
  toolbarBottomPx: number;
  notice: Notice | null;
  requestView(name: ViewName, options?: { distanceMm?: number; animate?: boolean }): void;
  setLighting(lighting: LightingName): void;
  setHealingDay(day: number | null): void;
  setLoupe(loupe: Partial<LoupeState>): void;
  setShowSmp(show: boolean): void;
  setShowSmpOnScars(show: boolean): void;
  setEditingHairline(editing: boolean): void;
  selectHairlinePoint(index: number | null): void;
  setDraggingHandle(dragging: boolean): void;
  setBrushTarget(target: BrushTarget | null): void;
  setBrush(settings: Partial<BrushSettings>): void;
  setSessionPreview(session: number | null): void;
  setAgeYears(years: number): void;
  setCompare(mode: CompareMode): void;
  setUnits(units: UnitSystem): void;
  setStep(step: StepId): void;
  setHelp(help: ViewState['help']): void;
  setSplitPosition(position: number): void;
  setToolbarBottom(px: number): void;
  showNotice(kind: Notice['kind'], text: string): void;
  dismissNotice(): void;
}

export function createViewStore(initialView: ViewName = 'three-quarter', initialUnits: UnitSystem = 'metric') {
  return createStore<ViewState>()((set, get) => ({
    viewRequest: { name: initialView, animate: false, seq: 0 },
    lighting: 'clinic',
    loupe: { enabled: false, pointer: null, fieldMm: LOUPE_FIELD_MM, overHead: false },
    showSmp: true,
    showSmpOnScars: true,
    editingHairline: false,
    selectedHairlinePoint: null,
    draggingHandle: false,
    brushTarget: null,
    brush: { mode: BRUSH_FIELDS.mode.default, radiusMm: BRUSH_FIELDS.radiusMm.default, softness: BRUSH_FIELDS.softness.default, amount: BRUSH_FIELDS.amount.default },
    sessionPreview: null,
    ageYears: 0,
    healingDay: null,
    compare: 'off',
    units: initialUnits,
    step: 'head',
    help: 'none',
    splitPosition: 0.5,
    toolbarBottomPx: 0,
    notice: null,
    requestView(name, options = {}) {
      const request: ViewRequest = { name, animate: options.animate ?? true, seq: get().viewRequest.seq + 1 };
      if (options.distanceMm !== undefined) request.distanceMm = options.distanceMm;
      set({ viewRequest: request });
    },
    setLighting(lighting) {
      set({ lighting });
    },
    setLoupe(loupe) {
      const next = { ...get().loupe, ...loupe };
      set({ loupe: next, ...(next.enabled ? { editingHairline: false, brushTarget: null, ...(get().compare === 'grid' ? { compare: 'off' as const } : {}) } : {}) });
    },
    setShowSmp(showSmp) {
      set({ showSmp });
    },
    setShowSmpOnScars(showSmpOnScars) {
      set({ showSmpOnScars });
    },
    setEditingHairline(editingHairline) {
      // One pointer tool at a time: editing the hairline turns the loupe off.
      set({
        editingHairline,
        selectedHairlinePoint: null,
        ...(editingHairline ? { loupe: { ...get().loupe, enabled: false }, brushTarget: null, ...(get().compare === 'grid' ? { compare: 'off' as const } : {}) } : {}),
      });
    },
    selectHairlinePoint(selectedHairlinePoint) {
      set({ selectedHairlinePoint });
    },
    setDraggingHandle(draggingHandle) {
      set({ draggingHandle });
    },
    setBrushTarget(brushTarget) {
      // One pointer tool at a time, and painting needs the interactive camera.
      set({
        brushTarget,
        ...(brushTarget ? { editingHairline: false, loupe: { ...get().loupe, enabled: false }, ...(get().compare === 'grid' ? { compare: 'off' as const } : {}) } : {}),
      });
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
      set({ compare, ...(compare === 'grid' ? { loupe: { ...get().loupe, enabled: false }, editingHairline: false, brushTarget: null } : {}) });
    },
    setUnits(units) {
      set({ units });
    },
    setStep(step) {
      // A pointer tool belongs to its step: leaving the step puts it down.
      set({ step, editingHairline: false, brushTarget: null, selectedHairlinePoint: null });
    },
    setHelp(help) {
      set({ help });
    },
    setToolbarBottom(px) {
      set({ toolbarBottomPx: Math.max(0, px) });
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
