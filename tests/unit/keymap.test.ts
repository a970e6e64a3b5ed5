import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/app/commands';
import { APP_KEYS, installKeymap, Keymap, keysOf, normalizeKeys, routeKey, type KeyPress, type KeyTarget } from '../../src/app/keymap';
import { createSimulator } from '../../src/app/simulator';

/** A key press as the window's listener sees it (no field focused). */
function press(key: string, held: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) {
  const event = { key, ctrlKey: !!held.ctrl, metaKey: !!held.meta, shiftKey: !!held.shift, altKey: !!held.alt, target: null, prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

describe('the keymap', () => {
  it('refuses a key combination bound twice in one context', () => {
    expect(() => new Keymap([...APP_KEYS, { keys: 'Mod+Z', context: 'app', command: 'view.toggle-loupe' }])).toThrow(
      'Key Mod+Z in context app is bound twice: to history.undo and to view.toggle-loupe',
    );
    // Spelled differently, the same combination.
    expect(() => new Keymap([...APP_KEYS, { keys: 'Mod+Shift+z', context: 'app', command: 'history.undo' }])).toThrow('bound twice');
    // The same key in a narrower context is not ambiguous: it wins there.
    expect(() => new Keymap([...APP_KEYS, { keys: 'L', context: 'hairline', command: 'hairline.remove-point' }])).not.toThrow();
  });

  it('refuses a binding it cannot route', () => {
    expect(() => new Keymap([{ keys: 'Ctrl+Z', context: 'app', command: 'history.undo' }])).toThrow('"Ctrl" is not a modifier (use Alt, Mod, Shift)');
    expect(() => new Keymap([{ keys: 'Mod+', context: 'app', command: 'history.undo' }])).toThrow('names no key');
    expect(() => new Keymap([{ keys: 'U', context: 'app', command: 'history.undo-all' as never }])).toThrow('unknown command "history.undo-all"');
  });

  it('spells a combination one way, from a binding or a key press', () => {
    expect(normalizeKeys('Shift+Mod+Z')).toBe('Mod+Shift+z');
    expect(keysOf(press('Z', { meta: true, shift: true }))).toBe('Mod+Shift+z');
    expect(keysOf(press('Delete'))).toBe('delete');
  });

  it('routes each shortcut to its command, in its context', () => {
    const sim = createSimulator();
    const keymap = new Keymap(APP_KEYS);
    runCommand(sim, 'plan.set', { path: ['dots', 'opacity'], value: 0.5 });

    const undo = press('z', { ctrl: true });
    expect(routeKey(sim, keymap, undo)).toBe(true);
    expect(undo.prevented).toBe(true);
    expect(sim.planStore.getState().plan.dots.opacity).toBe(0.85);
    routeKey(sim, keymap, press('Z', { meta: true, shift: true }));
    expect(sim.planStore.getState().plan.dots.opacity).toBe(0.5);
    routeKey(sim, keymap, press('z', { meta: true }));
    routeKey(sim, keymap, press('y', { ctrl: true }));
    expect(sim.planStore.getState().plan.dots.opacity).toBe(0.5);

    routeKey(sim, keymap, press('l'));
    expect(sim.viewStore.getState().loupe.enabled).toBe(true);
    routeKey(sim, keymap, press('L'));
    expect(sim.viewStore.getState().loupe.enabled).toBe(false);
    // Over a shown photo the loupe would magnify the hidden 3D head: L is refused, and the user told why.
    sim.viewStore.getState().setShownPhoto('photo-1');
    routeKey(sim, keymap, press('l'));
    expect(sim.viewStore.getState().loupe.enabled).toBe(false);
    expect(sim.viewStore.getState().notice?.text).toEqual({ key: 'photos:only3d' });
    sim.viewStore.getState().setShownPhoto(null);
    // Ctrl+L is the browser's, not the loupe's.
    const addressBar = press('l', { ctrl: true });
    expect(routeKey(sim, keymap, addressBar)).toBe(false);
    expect(addressBar.prevented).toBe(false);

    // Delete removes the selected hairline point only while the hairline is edited.
    expect(keymap.route('Delete', ['app'])).toBeNull();
    expect(keymap.route('Delete', ['hairline', 'app'])?.command).toBe('hairline.remove-point');
    expect(keymap.route('Backspace', ['hairline', 'app'])?.command).toBe('hairline.remove-point');
    expect(routeKey(sim, keymap, press('Delete'))).toBe(false);
    sim.viewStore.getState().setEditingHairline(true);
    expect(routeKey(sim, keymap, press('Delete'))).toBe(true);
  });

  it('listens on the window once and stops when told', () => {
    const sim = createSimulator();
    const listeners = new Set<(e: KeyPress) => void>();
    const target: KeyTarget = {
      addEventListener: (_type, listener) => void listeners.add(listener),
      removeEventListener: (_type, listener) => void listeners.delete(listener),
    };
    const stop = installKeymap(sim, target);
    expect(listeners.size).toBe(1);
    for (const listener of listeners) listener(press('l'));
    expect(sim.viewStore.getState().loupe.enabled).toBe(true);
    stop();
    expect(listeners.size).toBe(0);
  });
});
