vSmpPosition = position;
vSmpNormal = normal;
vHairlineDistance = hairlineDistance;
