// Object-space position and normal (mm, head frame) for the follicle dots, and the signed distance from
// the hairline (mm, positive inside the treatment area), computed per vertex on the CPU.
attribute float hairlineDistance;
varying vec3 vSmpPosition;
varying vec3 vSmpNormal;
varying float vHairlineDistance;
