import { describe, expect, it } from 'vitest';
import { createSceneConnection, type ScenePort } from '../../src/app/scenePort';

/** A port whose calls say which port answered (the scene's is built from the canvas and the renderer). */
function fakePort(name: string): ScenePort {
  return {
    canvas: { id: name } as unknown as HTMLCanvasElement,
    measureFrames: (frames) => Array.from({ length: frames }, () => 1),
    toScreen: () => ({ x: name.length, y: 0 }),
    camera: () => ({ position: [0, 0, 900], target: [0, 0, 0] }),
    renderImage: () => ({ id: name }) as unknown as HTMLCanvasElement,
  };
}

describe('the scene port', () => {
  it('is not ready before the scene attaches it, and says so', () => {
    const scene = createSceneConnection();
    expect(() => scene.now()).toThrow('The 3D view is not ready');
  });

  it('resolves those waiting when the scene attaches, and answers at once while attached', async () => {
    const scene = createSceneConnection();
    const waiting = [scene.whenAttached(), scene.whenAttached()];
    const port = fakePort('view');
    scene.attach(port);
    expect(await Promise.all(waiting)).toEqual([port, port]);
    expect(await scene.whenAttached()).toBe(port);
    expect(scene.now()).toBe(port);
  });

  it('is gone once detached, and a detach of an old port leaves the new one', async () => {
    const scene = createSceneConnection();
    const detachFirst = scene.attach(fakePort('first'));
    const second = fakePort('second');
    scene.attach(second);
    detachFirst();
    expect(scene.now()).toBe(second);
    scene.attach(second)();
    expect(() => scene.now()).toThrow('The 3D view is not ready');
    const later = scene.whenAttached();
    const third = fakePort('third');
    scene.attach(third);
    expect(await later).toBe(third);
  });
});
