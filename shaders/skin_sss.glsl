// Subsurface scattering of skin, per light: Penner's pre-integrated skin diffuse. The table uSkinLut
// (src/domain/skinShading.ts: the skin's diffusion profile integrated round a curved surface) replaces
// Lambert's cos⁺θ with a falloff per colour channel that depends on the surface's curvature: on the nose,
// the ears and the head's edges red light wraps softly past the terminator. It needs no UVs and no extra
// pass, so it works on any head mesh. Fine relief is blurred the same way: each channel's diffuse sees the
// bumped normal only by the share of its light that scatters less far than a pore (RELIEF_DIFFUSE_SHARE),
// while the sheen sees all of it. Included after three's lights_physical_pars_fragment; scalpMaterial.ts
// defines SKIN_LUT_WIDTH, SKIN_LUT_HEIGHT, MAX_CURVATURE_PER_MM and RELIEF_DIFFUSE_SHARE from that module.
// Its uniforms are declared, with their comments, by the table in src/scene/scalpUniforms.ts.

// Set in main() (skin_fragment.glsl) before the lights: the view-space normal without the relief, and the
// surface's curvature (1/mm).
vec3 smpSmoothNormal;
float smpCurvature;

float skinLutU(float dotNL) {
  return ((0.5 * dotNL + 0.5) * (SKIN_LUT_WIDTH - 1.0) + 0.5) / SKIN_LUT_WIDTH;
}

// The pre-integrated falloff per channel, for a light in direction l (view space) over bumped normal n.
vec3 skinDiffuseFalloff(vec3 l, vec3 n) {
  float v = (clamp(smpCurvature / MAX_CURVATURE_PER_MM, 0.0, 1.0) * (SKIN_LUT_HEIGHT - 1.0) + 0.5) / SKIN_LUT_HEIGHT;
  vec3 dotNL = mix(vec3(dot(smpSmoothNormal, l)), vec3(dot(n, l)), RELIEF_DIFFUSE_SHARE);
  return vec3(
    texture(uSkinLut, vec2(skinLutU(dotNL.r), v)).r,
    texture(uSkinLut, vec2(skinLutU(dotNL.g), v)).g,
    texture(uSkinLut, vec2(skinLutU(dotNL.b), v)).b);
}

// three's physical direct light with its diffuse term taken through the skin: the specular lobes (the
// skin's surface and, as the clearcoat, its film of sebum) are three's own.
void RE_Direct_Skin(const in IncidentLight directLight, const in vec3 geometryPosition, const in vec3 geometryNormal, const in vec3 geometryViewDir, const in vec3 geometryClearcoatNormal, const in PhysicalMaterial material, inout ReflectedLight reflectedLight) {
  ReflectedLight lobes = ReflectedLight(vec3(0.0), vec3(0.0), vec3(0.0), vec3(0.0));
  RE_Direct_Physical(directLight, geometryPosition, geometryNormal, geometryViewDir, geometryClearcoatNormal, material, lobes);
  reflectedLight.directSpecular += lobes.directSpecular;
  // Light the surface reflects does not enter the skin (as three's own diffuse term).
  vec3 halfDir = normalize(directLight.direction + geometryViewDir);
  vec3 F = F_Schlick(material.specularColor, material.specularF90, saturate(dot(geometryViewDir, halfDir)));
  reflectedLight.directDiffuse += skinDiffuseFalloff(directLight.direction, geometryNormal) * directLight.color * BRDF_Lambert(material.diffuseContribution) * (1.0 - F);
}

#undef RE_Direct
#define RE_Direct RE_Direct_Skin
