vSmpPosition = position;
vSmpPlanPosition = planPosition;
vSmpNormal = normal;
vHairlineDistance = hairlineDistance;
vDensityFactor = densityFactor;
vHairDensity = hairDensity;
vScarAmount = scarAmount;
