/**
 * One simulator instance: the stores and signals that the scene, the UI and the embedding API share.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Plan } from '../domain/plan';
import type { ViewName } from '../domain/views';
import type { UnitSystem } from '../domain/units';
import type { Language } from '../domain/languages';
import { createPlanStore, type PlanState } from '../state/planStore';
import { createViewStore, type ViewState } from '../state/viewStore';
import { RenderSignals } from '../scene/renderSignals';
import type { LoadedHead } from '../scene/loadedHead';
import type { ScalpMaterial } from '../scene/scalpMaterial';
import type { ScanHead } from '../domain/scan/scanHead';
import { createSceneConnection } from './scenePort';

export interface HeadState {
  head: LoadedHead | null;
  /** The skin material the dots are drawn with (its uniforms switch the SMP on and off per render). */
  scalp: ScalpMaterial | null;
  setHead(head: LoadedHead | null, scalp: ScalpMaterial | null): void;
  /** The client's head scan to draw the plan on; null: the default head. */
  scan: ScanHead | null;
  setScan(scan: ScanHead | null): void;
}

/** The consultation report's preview, which the topbar and `window.smp` open and close. */
export interface ReportState {
  open: boolean;
  /** 'drawing' until every picture in the open report is on the page; the error if one could not be drawn. */
  pictures: 'drawing' | 'ready' | Error;
  setOpen(open: boolean): void;
  setPictures(pictures: 'ready' | Error): void;
}

export function createSimulator(options: { plan?: Plan; view?: ViewName; units?: UnitSystem; language?: Language } = {}) {
  const signals = new RenderSignals();
  return {
    planStore: createPlanStore(options.plan),
    viewStore: createViewStore(options.view, options.units, options.language),
    headStore: createStore<HeadState>()((set) => ({
      head: null,
      scalp: null,
      setHead: (head, scalp) => set({ head, scalp }),
      scan: null,
      // The head on screen is about to change: until the new one is drawn, nothing reports "rendered".
      setScan: (scan) => set((s) => (s.scan === scan ? s : { scan, head: null, scalp: null })),
    })),
    signals,
    /** Held until the head model is on screen, so nothing reports "rendered" before the head is there. */
    releaseHeadLoading: signals.hold(),
    /** The 3D view's port (canvas, pictures, camera), attached by the scene while it is mounted. */
    scene: createSceneConnection(),
    reportStore: createStore<ReportState>()((set) => ({
      open: false,
      pictures: 'drawing',
      // Opening an open report keeps its pictures; each opening draws them afresh.
      setOpen: (open) => set((s) => (s.open === open ? s : { open, pictures: 'drawing' })),
      setPictures: (pictures) => set({ pictures }),
    })),
  };
}

export type Simulator = ReturnType<typeof createSimulator>;

export const SimulatorContext = createContext<Simulator | null>(null);

export function useSimulator(): Simulator {
  const sim = useContext(SimulatorContext);
  if (!sim) throw new Error('useSimulator must be used inside <SimulatorContext.Provider>');
  return sim;
}

export function usePlan<T>(selector: (plan: Plan) => T): T {
  return useStore(useSimulator().planStore, (s: PlanState) => selector(s.plan));
}

export function useView<T>(selector: (view: ViewState) => T): T {
  return useStore(useSimulator().viewStore, selector);
}
