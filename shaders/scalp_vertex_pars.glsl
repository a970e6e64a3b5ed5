// Object-space position and normal (mm, head frame) for the follicle dots, and per-vertex maps computed on
// the CPU: the signed distance from the hairline (mm, positive inside the treatment area), the density
// factor (density map: regions and painting), the client's remaining hair (0 bald .. 1 full) and freeform
// scar tissue (0 none .. 1 scar). An attribute a head does not have reads as 0.
attribute float hairlineDistance;
attribute float densityFactor;
attribute float hairDensity;
attribute float scarAmount;
varying vec3 vSmpPosition;
varying vec3 vSmpNormal;
varying float vHairlineDistance;
varying float vDensityFactor;
varying float vHairDensity;
varying float vScarAmount;
