import { useThree } from '@react-three/fiber';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type * as THREE from 'three';
import { useSimulator } from '../app/simulator';
import { activeToolWorks, type PointerTool as ToolChoice } from '../state/viewStore';
import { surfaceHitAt } from './raycast';
import { createInputRouter, type PointerInput } from './tools/router';
import { IDLE_TOOL, type PointerTool } from './tools/tool';

type ToolName = ToolChoice['name'];

/** A tool's machine, and the surface it points at when not the head's skin (a scan being imported). */
interface ToolEntry {
  tool: PointerTool;
  surface: THREE.Object3D | null;
}

type Register = (name: ToolName, entry: ToolEntry) => () => void;

const ToolRegistry = createContext<Register | null>(null);

/**
 * The view's one input router: it listens to the canvas and hands each pointer event to the tool chosen in
 * the view state (`activeTool`), whose component registers its machine with `useTool`. A press the tool
 * takes never reaches the camera's controls; a drag's pointer is captured until it is up. Escape undoes a
 * gesture under way.
 */
export function InputRouter({ children }: { children: ReactNode }) {
  const sim = useSimulator();
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const [{ router, register, choose }] = useState(() => {
    const entries = new Map<ToolName, ToolEntry>();
    const active = () => entries.get(sim.viewStore.getState().activeTool.name);
    const router = createInputRouter((x, y) => {
      const own = active()?.surface;
      const head = sim.headStore.getState().head;
      const surface = own ?? head?.skin;
      const { camera, size } = get();
      const hit = surface ? surfaceHitAt(camera, size, x, y, surface) : null;
      // The tools work in the plan's frame: a hit on the reshaped default head is taken back onto the default head.
      return hit && !own && head?.shaping ? head.shaping.hitToPlan(hit) : hit;
    });
    // Over a shown photo only the photo tools get the pointer (the rest would edit the hidden 3D head).
    const choose = () => router.use((activeToolWorks(sim.viewStore.getState()) && active()?.tool) || IDLE_TOOL);
    const register: Register = (name, entry) => {
      entries.set(name, entry);
      choose();
      return () => {
        if (entries.get(name) === entry) entries.delete(name);
        choose();
      };
    };
    return { router, register, choose };
  });

  useEffect(
    () =>
      sim.viewStore.subscribe((s, prev) => {
        if (s.activeTool !== prev.activeTool || s.shownPhoto !== prev.shownPhoto) choose();
      }),
    [sim, choose],
  );

  useEffect(() => {
    const canvas = gl.domElement;
    const input = (e: MouseEvent, id: number): PointerInput => {
      const rect = canvas.getBoundingClientRect();
      return { id, button: e.button, x: e.clientX - rect.left, y: e.clientY - rect.top, mouse: !(e instanceof PointerEvent) || e.pointerType === 'mouse' };
    };
    const down = (e: PointerEvent) => {
      if (!router.down(input(e, e.pointerId))) return;
      // Taken by the tool: the orbit controls never see it. A drag keeps its pointer even off the view.
      e.stopImmediatePropagation();
      if (router.tool.state === 'dragging') canvas.setPointerCapture(e.pointerId);
    };
    const move = (e: PointerEvent) => router.move(input(e, e.pointerId));
    const up = (e: PointerEvent) => router.up(input(e, e.pointerId));
    const cancel = (e: PointerEvent) => router.cancel(e.pointerId);
    const leave = (e: PointerEvent) => router.leave(input(e, e.pointerId));
    const doubleClick = (e: MouseEvent) => router.doubleClick(input(e, -1));
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !router.escape()) return;
      // Escape has undone the gesture; nothing else (a dialog, a panel) takes it as well.
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    // Capture: before the orbit controls' own listeners on the canvas.
    canvas.addEventListener('pointerdown', down, { capture: true });
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', cancel);
    canvas.addEventListener('pointerleave', leave);
    canvas.addEventListener('dblclick', doubleClick);
    window.addEventListener('keydown', key, { capture: true });
    return () => {
      canvas.removeEventListener('pointerdown', down, { capture: true });
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', cancel);
      canvas.removeEventListener('pointerleave', leave);
      canvas.removeEventListener('dblclick', doubleClick);
      window.removeEventListener('keydown', key, { capture: true });
    };
  }, [gl, router]);

  return <ToolRegistry.Provider value={register}>{children}</ToolRegistry.Provider>;
}

/**
 * Offers `tool` (null: none now) as the machine of the tool `name`: the router hands it the pointer while
 * `name` is the active tool. `surface`: what the tool points at instead of the head's skin.
 */
export function useTool(name: ToolName, tool: PointerTool | null, surface: THREE.Object3D | null = null): void {
  const register = useContext(ToolRegistry);
  if (!register) throw new Error('useTool must be used inside <InputRouter>');
  useEffect(() => (tool ? register(name, { tool, surface }) : undefined), [register, name, tool, surface]);
}
