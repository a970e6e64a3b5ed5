// Object-space position and normal (mm, head frame) for the follicle dots, and per-vertex maps computed on
// the CPU: the signed distance from the hairline (mm, positive inside the treatment area), the density
// factor (density map: regions and painting), the client's remaining hair (0 bald .. 1 full) and freeform
// scar tissue (0 none .. 1 scar). An attribute a head does not have reads as 0.
// planPosition: the vertex on the default head (the plan's frame), where the scars are placed, when the
// head shown is the default head reshaped (src/scene/headShaping.ts); else the same as position.
attribute vec3 planPosition;
attribute float hairlineDistance;
attribute float densityFactor;
attribute float hairDensity;
attribute float scarAmount;
varying vec3 vSmpPosition;
varying vec3 vSmpPlanPosition;
varying vec3 vSmpNormal;
varying float vHairlineDistance;
varying float vDensityFactor;
varying float vHairDensity;
varying float vScarAmount;
