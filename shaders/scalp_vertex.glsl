vSmpPosition = position;
vSmpNormal = normal;
vHairlineDistance = hairlineDistance;
vDensityFactor = densityFactor;
vHairDensity = hairDensity;
vScarAmount = scarAmount;
