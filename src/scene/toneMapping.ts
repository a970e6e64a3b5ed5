/**
 * The display's tone curve. SMP is judged by a darkening of a few percent averaged over a patch of skin, so
 * the curve must be a straight line where lit skin sits: then the mean of the displayed pixels is the
 * displayed mean, and the dots darken the scalp by the same amount whether they are resolved (close up) or
 * averaged into one pixel (from across a room).
 *
 * Khronos PBR Neutral, which the app used before, subtracts a toe (quadratic below 0.08, which bends dark
 * skin and dark dots) and compresses from 0.76, where lit fair skin with its sheen sat. This curve is
 * Neutral's highlight compression on an exactly linear toe: identity below KNEE, then Neutral's shoulder and
 * its desaturation of highlights. Skin albedos are realistic (src/domain/appearance: Monk 1 is about 0.53 in
 * red), so with EXPOSURE 1 lit skin stays under the knee under the clinic light and only the specular
 * highlights and the brightest rim are compressed.
 */
import * as THREE from 'three';

/** Where the curve leaves the straight line (linear light, after exposure). */
export const KNEE = 0.8;
export const EXPOSURE = 1;

const CURVE = /* glsl */ `vec3 CustomToneMapping( vec3 color ) {
	const float Knee = ${KNEE.toFixed(3)};
	const float Desaturation = 0.15;
	color *= toneMappingExposure;
	float peak = max( color.r, max( color.g, color.b ) );
	if ( peak < Knee ) return color;
	float d = 1.0 - Knee;
	float newPeak = 1.0 - d * d / ( peak + d - Knee );
	color *= newPeak / peak;
	float g = 1.0 - 1.0 / ( Desaturation * ( peak - newPeak ) + 1.0 );
	return mix( color, vec3( newPeak ), g );
}`;

const THREE_CUSTOM = 'vec3 CustomToneMapping( vec3 color ) { return color; }';

/**
 * Gives the renderer this tone curve: three's CustomToneMapping, defined in its shared shader chunk. Call it
 * before anything is drawn; the canvas and three's OutputPass (exported pictures) both use the chunk.
 */
export function applyToneMapping(gl: THREE.WebGLRenderer): void {
  const chunk = THREE.ShaderChunk.tonemapping_pars_fragment;
  if (chunk.includes(THREE_CUSTOM)) THREE.ShaderChunk.tonemapping_pars_fragment = chunk.replace(THREE_CUSTOM, CURVE);
  gl.toneMapping = THREE.CustomToneMapping;
  gl.toneMappingExposure = EXPOSURE;
}
