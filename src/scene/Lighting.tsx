import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import * as THREE from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import { useView } from '../app/simulator';
import type { LightingName } from '../domain/lighting';

type LightSpec = { color: string; intensity: number; position: [number, number, number] };

interface LightingPreset {
  environment: number;
  hemisphere: { sky: string; ground: string; intensity: number };
  lights: LightSpec[];
}

/** Light positions are in mm in the head frame; directional lights only use their direction. */
const PRESETS: Record<LightingName, LightingPreset> = {
  // Soft key + fill + rim, as in a consultation room with diffuse ceiling panels.
  clinic: {
    environment: 0.45,
    hemisphere: { sky: '#ffffff', ground: '#b9aea4', intensity: 0.55 },
    lights: [
      { color: '#fff6ec', intensity: 1.2, position: [-400, 600, 800] },
      { color: '#eef3ff', intensity: 0.45, position: [700, 200, 500] },
      { color: '#ffffff', intensity: 0.35, position: [0, 500, -800] },
    ],
  },
  // One strong light almost straight above: shows scalp shine and how dots read under a downlight.
  overhead: {
    environment: 0.12,
    hemisphere: { sky: '#ffffff', ground: '#3a3430', intensity: 0.18 },
    lights: [{ color: '#fffaf2', intensity: 3.6, position: [0, 1000, 120] }],
  },
  // Warm low sun from the front side and a blue sky.
  daylight: {
    environment: 0.35,
    hemisphere: { sky: '#bcd4ff', ground: '#8a7a66', intensity: 1.0 },
    lights: [{ color: '#fff0d6', intensity: 2.6, position: [-600, 700, 700] }],
  },
};

/** The room environment map, prefiltered for image-based lighting. */
function roomEnvironment(gl: THREE.WebGLRenderer): THREE.WebGLRenderTarget {
  const pmrem = new THREE.PMREMGenerator(gl);
  const room = new RoomEnvironment();
  const target = pmrem.fromScene(room, 0.04);
  room.dispose();
  pmrem.dispose();
  return target;
}

export function Lighting() {
  const lighting = useView((v) => v.lighting);
  const preset = PRESETS[lighting];
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);

  // The environment map is generated locally (no HDR download): it gives skin its soft reflections. The GPU
  // draws it, so a lost WebGL context loses it (three would restore an empty map: a darker, greyer head):
  // it is drawn again on the restore, before the next frame.
  useEffect(() => {
    let environment = roomEnvironment(gl);
    scene.environment = environment.texture;
    const restored = () => {
      // Not disposed: its GPU copy went with the lost context, and disposing it now would make three
      // delete the old context's handles in the new one.
      environment = roomEnvironment(gl);
      scene.environment = environment.texture;
    };
    gl.domElement.addEventListener('webglcontextrestored', restored);
    return () => {
      gl.domElement.removeEventListener('webglcontextrestored', restored);
      scene.environment = null;
      environment.dispose();
    };
  }, [gl, scene]);

  useEffect(() => {
    scene.environmentIntensity = preset.environment;
  }, [scene, preset]);

  return (
    <>
      <hemisphereLight key={lighting} args={[preset.hemisphere.sky, preset.hemisphere.ground, preset.hemisphere.intensity]} />
      {preset.lights.map((light, i) => (
        <directionalLight key={`${lighting}-${i}`} color={light.color} intensity={light.intensity} position={light.position} />
      ))}
    </>
  );
}
