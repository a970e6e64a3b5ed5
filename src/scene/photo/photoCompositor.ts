/**
 * The plan drawn on a client's photo (see src/domain/photo/composite.ts for the law). Each frame:
 *
 * 1. the head is drawn twice through the photo's camera (its pose, its field of view, the photo's aspect
 *    ratio) into linear-light targets, with the plan and without SMP: the same scene, material and lights as
 *    the 3D view, only the SMP switch flipped between the passes (no recompiles);
 * 2. their ratio, the pigment's transmittance, is blurred by what the photo's own blur calls for, across and
 *    then down (two passes);
 * 3. the photo is drawn at its aspect ratio, multiplied in linear light by the transmittance inside the mask,
 *    with grain given back where it darkened, and shown as taken left of the before/after divider.
 *
 * Everything per pixel runs on the GPU; a plan edit only changes the head's uniforms.
 */
import * as THREE from 'three';
import { overlayBlurSigma, overlayNoiseSigma, type Rect } from '../../domain/photo/composite';
import type { HeadShape } from '../../domain/head/headShape';
import { verticalFovDeg } from '../../domain/photo/camera';
import { drawPose, type ShownPhoto } from '../../app/photoScreen';
import type { ScalpMaterial } from '../scalpMaterial';
import { lostWhileDrawing } from '../snapshots';

const QUAD_VERTEX = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}`;

/** The largest blur (SD, overlay px) drawn: past it a photo is too soft to judge SMP on anyway. */
const MAX_BLUR_SIGMA = 8;

const BLUR_FRAGMENT = /* glsl */ `
uniform sampler2D tWith;
uniform sampler2D tWithout;
uniform sampler2D tSource;
uniform bool uFromRenders;
uniform vec2 uStep;
uniform float uSigma;
varying vec2 vUv;

// The pigment's transmittance per channel: the head with the plan over the head without SMP; 1 off the head.
vec3 ratioAt(vec2 uv) {
  if (!uFromRenders) return texture2D(tSource, uv).rgb;
  vec4 withSmp = texture2D(tWith, uv);
  vec4 without = texture2D(tWithout, uv);
  if (without.a < 0.01) return vec3(1.0);
  return clamp(withSmp.rgb / max(without.rgb, vec3(1e-4)), 0.0, 2.0);
}

void main() {
  if (uSigma < 0.3) {
    gl_FragColor = vec4(ratioAt(vUv), 1.0);
    return;
  }
  float radius = ceil(3.0 * uSigma);
  vec3 sum = vec3(0.0);
  float total = 0.0;
  for (int i = -${3 * MAX_BLUR_SIGMA}; i <= ${3 * MAX_BLUR_SIGMA}; i++) {
    float x = float(i);
    if (abs(x) > radius) continue;
    float w = exp(-x * x / (2.0 * uSigma * uSigma));
    sum += w * ratioAt(vUv + x * uStep);
    total += w;
  }
  gl_FragColor = vec4(sum / total, 1.0);
}`;

const COMPOSITE_FRAGMENT = /* glsl */ `
uniform sampler2D tPhoto;
uniform sampler2D tRatio;
uniform sampler2D tMask;
uniform bool uSimulation;
uniform float uSplit;
uniform float uNoise;
varying vec2 vUv;

vec3 toSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(12.92 * c, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

// A fixed normal deviate per pixel (Box-Muller on two hashes): grain that stays put from frame to frame.
float hash(vec2 p) {
  p = fract(p * vec2(443.897, 441.423));
  p += dot(p, p.yx + 19.19);
  return fract((p.x + p.y) * p.x);
}
float gaussianNoise(vec2 p) {
  float u1 = max(hash(p), 1e-6);
  float u2 = hash(p + 17.31);
  return sqrt(-2.0 * log(u1)) * cos(6.2831853 * u2);
}

void main() {
  // Photos and masks are stored top row first; the overlay's targets bottom row first.
  vec2 photoUv = vec2(vUv.x, 1.0 - vUv.y);
  vec3 photo = texture2D(tPhoto, photoUv).rgb;
  if (!uSimulation || vUv.x < uSplit) {
    gl_FragColor = vec4(toSrgb(photo), 1.0);
    return;
  }
  float mask = texture2D(tMask, photoUv).r;
  vec3 factor = 1.0 + mask * (texture2D(tRatio, vUv).rgb - 1.0);
  vec3 srgb = toSrgb(photo * factor);
  // The noise the darkening took from the photo, given back (grainSigma in composite.ts).
  float t = min(1.0, dot(factor, vec3(0.2126, 0.7152, 0.0722)));
  srgb += uNoise * sqrt(max(0.0, 1.0 - t * t)) * gaussianNoise(gl_FragCoord.xy);
  gl_FragColor = vec4(srgb, 1.0);
}`;

/** What a frame on the photo needs from the app. */
export interface PhotoFrame {
  photo: ShownPhoto;
  scalp: ScalpMaterial;
  /** The head shape the head is drawn with (the plan's). */
  drawnShape: HeadShape;
  /** Share of the photo's width, from the left, shown as taken; 0: all simulation. */
  split: number;
  /** False: the photo as taken, nothing drawn on it. */
  simulation: boolean;
}

/** The head's targets of one draw: the two renders (with and without SMP) and the two blur passes. */
interface HeadTargets {
  withTarget: THREE.WebGLRenderTarget;
  withoutTarget: THREE.WebGLRenderTarget;
  blurA: THREE.WebGLRenderTarget;
  blurB: THREE.WebGLRenderTarget;
}

/** What a draw draws with: the head's targets (made only when the simulation is drawn), and the photo's and mask's textures. */
interface DrawResources {
  targets(width: number, height: number, samples: number): HeadTargets;
  photo(): THREE.Texture;
  mask(): THREE.Texture;
}

function headTargets(width: number, height: number, samples: number): HeadTargets {
  const linear = (msaa: number) => new THREE.WebGLRenderTarget(width, height, { type: THREE.HalfFloatType, samples: msaa, depthBuffer: msaa > 0 });
  return { withTarget: linear(samples), withoutTarget: linear(samples), blurA: linear(0), blurB: linear(0) };
}

function photoTexture(image: ImageBitmap): THREE.Texture {
  const texture = new THREE.Texture(image);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.flipY = false;
  texture.minFilter = THREE.LinearMipmapLinearFilter;
  texture.generateMipmaps = true;
  texture.needsUpdate = true;
  return texture;
}

function maskTexture({ width, height, data }: ShownPhoto['mask']): THREE.DataTexture {
  const texture = new THREE.DataTexture(data, width, height, THREE.RedFormat, THREE.UnsignedByteType);
  texture.flipY = false;
  texture.unpackAlignment = 1;
  texture.magFilter = THREE.LinearFilter;
  texture.minFilter = THREE.LinearFilter;
  texture.needsUpdate = true;
  return texture;
}

export class PhotoCompositor {
  private readonly quadCamera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly quad: THREE.Mesh;
  private readonly blurMaterial: THREE.ShaderMaterial;
  private readonly compositeMaterial: THREE.ShaderMaterial;
  private readonly headCamera = new THREE.PerspectiveCamera();
  /** The screen's targets, kept from frame to frame at the photo's size on screen. */
  private screenTargets: HeadTargets | null = null;
  private photoTexture: { image: ImageBitmap; texture: THREE.Texture } | null = null;
  private maskTexture: { mask: ShownPhoto['mask']; texture: THREE.DataTexture } | null = null;

  constructor() {
    this.blurMaterial = new THREE.ShaderMaterial({
      vertexShader: QUAD_VERTEX,
      fragmentShader: BLUR_FRAGMENT,
      uniforms: { tWith: { value: null }, tWithout: { value: null }, tSource: { value: null }, uFromRenders: { value: true }, uStep: { value: new THREE.Vector2() }, uSigma: { value: 0 } },
      depthTest: false,
      depthWrite: false,
    });
    this.compositeMaterial = new THREE.ShaderMaterial({
      vertexShader: QUAD_VERTEX,
      fragmentShader: COMPOSITE_FRAGMENT,
      uniforms: { tPhoto: { value: null }, tRatio: { value: null }, tMask: { value: null }, uSimulation: { value: true }, uSplit: { value: 0 }, uNoise: { value: 0 } },
      depthTest: false,
      depthWrite: false,
    });
    this.quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.compositeMaterial);
    this.quad.frustumCulled = false;
  }

  /** The screen's targets at `width` × `height`, made again only when the size changes. */
  private targets(width: number, height: number, samples: number): HeadTargets {
    if (this.screenTargets?.withTarget.width !== width || this.screenTargets.withTarget.height !== height) {
      this.disposeTargets();
      this.screenTargets = headTargets(width, height, samples);
    }
    return this.screenTargets;
  }

  private photoTextureFor(photo: ShownPhoto): THREE.Texture {
    if (this.photoTexture?.image !== photo.image) {
      this.photoTexture?.texture.dispose();
      this.photoTexture = { image: photo.image, texture: photoTexture(photo.image) };
    }
    return this.photoTexture.texture;
  }

  private maskTextureFor(photo: ShownPhoto): THREE.Texture {
    if (this.maskTexture?.mask !== photo.mask) {
      this.maskTexture?.texture.dispose();
      this.maskTexture = { mask: photo.mask, texture: maskTexture(photo.mask) };
    }
    return this.maskTexture.texture;
  }

  /** The head's camera: the photo's, placed by the fit. */
  private placeCamera(frame: PhotoFrame, aspect: number): THREE.PerspectiveCamera {
    const { photo } = frame;
    const camera = this.headCamera;
    const pose = drawPose(photo.fit!, frame.drawnShape);
    const r = pose.rotation;
    const [tx, ty, tz] = pose.translation;
    const view = new THREE.Matrix4().set(r[0]!, r[1]!, r[2]!, tx, r[3]!, r[4]!, r[5]!, ty, r[6]!, r[7]!, r[8]!, tz, 0, 0, 0, 1);
    view.invert().decompose(camera.position, camera.quaternion, camera.scale);
    const depth = -tz;
    camera.fov = verticalFovDeg(photo.camera);
    camera.aspect = aspect;
    camera.near = Math.max(1, depth - 500);
    camera.far = depth + 500;
    camera.updateProjectionMatrix();
    camera.updateMatrixWorld(true);
    return camera;
  }

  /**
   * Draws the photo with the simulation into `rect` (device pixels, y from the top) of `target` (null: the
   * canvas), clearing the rest of it to `background`. Leaves the renderer's target, viewport, scissor and
   * clear colour as they were.
   */
  draw(gl: THREE.WebGLRenderer, scene: THREE.Scene, frame: PhotoFrame, target: THREE.WebGLRenderTarget | null, rect: Rect, background: THREE.Color | null): void {
    const { photo } = frame;
    this.drawWith(gl, scene, frame, target, rect, background, {
      targets: (width, height, samples) => this.targets(width, height, samples),
      photo: () => this.photoTextureFor(photo),
      mask: () => this.maskTextureFor(photo),
    });
  }

  private drawWith(gl: THREE.WebGLRenderer, scene: THREE.Scene, frame: PhotoFrame, target: THREE.WebGLRenderTarget | null, rect: Rect, background: THREE.Color | null, resources: DrawResources): void {
    const { photo } = frame;
    const width = Math.max(1, Math.round(rect.width)), height = Math.max(1, Math.round(rect.height));
    const saved = {
      target: gl.getRenderTarget(),
      viewport: gl.getViewport(new THREE.Vector4()),
      scissor: gl.getScissor(new THREE.Vector4()),
      scissorTest: gl.getScissorTest(),
      clearColor: gl.getClearColor(new THREE.Color()),
      clearAlpha: gl.getClearAlpha(),
      autoClear: gl.autoClear,
      background: scene.background,
    };
    const uniforms = this.compositeMaterial.uniforms;
    const simulate = frame.simulation && photo.fit !== null;
    try {
      gl.setScissorTest(false);
      if (simulate) {
        const { withTarget, withoutTarget, blurA, blurB } = resources.targets(width, height, Math.min(4, gl.capabilities.maxSamples));
        const camera = this.placeCamera(frame, width / height);
        scene.background = null;
        gl.autoClear = true;
        gl.setClearColor(0x000000, 0);
        gl.setRenderTarget(withTarget);
        frame.scalp.withSmp(true, () => gl.render(scene, camera));
        gl.setRenderTarget(withoutTarget);
        frame.scalp.withSmp(false, () => gl.render(scene, camera));
        scene.background = saved.background;
        const overlayPerPhotoPx = width / photo.meta.width;
        const blur = this.blurMaterial.uniforms;
        blur.uSigma!.value = Math.min(MAX_BLUR_SIGMA, overlayBlurSigma(photo.blurSigmaPx, overlayPerPhotoPx));
        this.quad.material = this.blurMaterial;
        // Only what a pass reads is bound: a texture bound while it is the target would be a feedback loop, and the draw refused.
        blur.uFromRenders!.value = true;
        blur.tWith!.value = withTarget.texture;
        blur.tWithout!.value = withoutTarget.texture;
        blur.tSource!.value = null;
        (blur.uStep!.value as THREE.Vector2).set(1 / width, 0);
        gl.setRenderTarget(blurA);
        gl.render(this.quad, this.quadCamera);
        blur.uFromRenders!.value = false;
        blur.tWith!.value = blur.tWithout!.value = null;
        blur.tSource!.value = blurA.texture;
        (blur.uStep!.value as THREE.Vector2).set(0, 1 / height);
        gl.setRenderTarget(blurB);
        gl.render(this.quad, this.quadCamera);
        uniforms.tRatio!.value = blurB.texture;
        uniforms.tMask!.value = resources.mask();
        uniforms.uNoise!.value = overlayNoiseSigma(photo.noiseSigma, overlayPerPhotoPx);
      }
      uniforms.tPhoto!.value = resources.photo();
      uniforms.uSimulation!.value = simulate;
      uniforms.uSplit!.value = frame.split;
      this.quad.material = this.compositeMaterial;
      gl.setRenderTarget(target);
      const full = target ? { width: target.width, height: target.height } : gl.getDrawingBufferSize(new THREE.Vector2());
      const pixelRatio = target ? 1 : gl.getPixelRatio();
      gl.setViewport(0, 0, full.width / pixelRatio, full.height / pixelRatio);
      if (background) gl.setClearColor(background, 1);
      gl.clear();
      // WebGL counts the viewport from the bottom; the rect is from the top.
      const bottom = full.height - rect.y - rect.height;
      gl.setViewport(rect.x / pixelRatio, bottom / pixelRatio, rect.width / pixelRatio, rect.height / pixelRatio);
      gl.autoClear = false;
      gl.render(this.quad, this.quadCamera);
    } finally {
      scene.background = saved.background;
      gl.autoClear = saved.autoClear;
      gl.setClearColor(saved.clearColor, saved.clearAlpha);
      gl.setRenderTarget(saved.target);
      gl.setViewport(saved.viewport);
      gl.setScissor(saved.scissor);
      gl.setScissorTest(saved.scissorTest);
    }
  }

  /**
   * A picture of the photo, `width` × `height` px at the photo's aspect ratio, with or without the simulation.
   * It draws with targets and textures of its own (no multisampling: at a picture's size the 4× targets would
   * take hundreds of MB), released at once, so the report or an export leaves no GPU memory held and the
   * screen's targets keep their size. Throws a ContextLostError when the WebGL context is lost before or while
   * it draws: a lost context reads back zeros.
   */
  picture(gl: THREE.WebGLRenderer, scene: THREE.Scene, frame: PhotoFrame, width: number, height: number): HTMLCanvasElement {
    const glContext = gl.getContext();
    if (glContext.isContextLost()) throw lostWhileDrawing();
    const { photo } = frame;
    const target = new THREE.WebGLRenderTarget(width, height);
    const made: { dispose(): void }[] = [target];
    const own = <T extends { dispose(): void }>(resource: T): T => (made.push(resource), resource);
    try {
      this.drawWith(gl, scene, frame, target, { x: 0, y: 0, width, height }, new THREE.Color(0, 0, 0), {
        targets: (w, h) => {
          const targets = headTargets(w, h, 0);
          made.push(...Object.values(targets));
          return targets;
        },
        // The shown photo's textures are the screen's already; another photo's (the report's) are its own.
        photo: () => (this.photoTexture?.image === photo.image ? this.photoTexture.texture : own(photoTexture(photo.image))),
        mask: () => (this.maskTexture?.mask === photo.mask ? this.maskTexture.texture : own(maskTexture(photo.mask))),
      });
      const pixels = new Uint8Array(width * height * 4);
      gl.readRenderTargetPixels(target, 0, 0, width, height, pixels);
      if (glContext.isContextLost()) throw lostWhileDrawing();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error(`This browser cannot make a ${width} × ${height} px picture`);
      const image = context.createImageData(width, height);
      // WebGL returns rows bottom-up.
      for (let y = 0; y < height; y++) image.data.set(pixels.subarray((height - 1 - y) * width * 4, (height - y) * width * 4), y * width * 4);
      context.putImageData(image, 0, 0);
      return canvas;
    } finally {
      for (const resource of made) resource.dispose();
    }
  }

  private disposeTargets(): void {
    if (this.screenTargets) for (const target of Object.values(this.screenTargets)) target.dispose();
    this.screenTargets = null;
  }

  dispose(): void {
    this.disposeTargets();
    this.photoTexture?.texture.dispose();
    this.maskTexture?.texture.dispose();
    this.photoTexture = this.maskTexture = null;
    this.blurMaterial.dispose();
    this.compositeMaterial.dispose();
    this.quad.geometry.dispose();
  }
}
