import type { Translation } from '../../catalogue';
import type { warnings as english } from '../en/warnings';

export const warnings: Translation<typeof english> = {
  'large-dots': 'Los puntos de más de {{max}} se ven como puntos grandes y difusos: el aspecto plano de «casco». Las impresiones foliculares cicatrizadas suelen medir {{usual}}.',
  'heavy-spread': 'Una gran difusión de la tinta es el aspecto que tienen, tras cicatrizar, los puntos implantados demasiado profundos.',
  'dense-dots': 'Por encima de unos {{density}}, los puntos empiezan a fundirse en un tono uniforme.',
  'blue-cast': 'El negro sin diluir sobre piel clara puede adquirir un tono azulado al cicatrizar: un gris diluido suele encajar mejor.',
  'no-area':
    'La línea capilar no delimita cuero cabelludo: sus puntos están superpuestos o en una misma línea, así que no se colocan puntos y las cifras no tienen sentido. Elija un ajuste predefinido o separe los puntos arrastrándolos.',
  'low-hairline':
    'El punto mediofrontal está a {{height}} por encima de la glabela, más bajo de lo que aconsejan las clínicas: {{limit}} es el límite agresivo ({{typical}} es lo habitual, {{conservative}} lo conservador). Una línea baja puede parecer poco natural a medida que el rostro envejece.',
  asymmetric: {
    mean: 'Los lados izquierdo y derecho de la línea capilar frontal difieren en {{mean}} de media (hasta {{max}}). Las líneas capilares naturales son casi simétricas; active la simetría o iguale los lados, salvo que sea intencionado.',
    stretch:
      'Un tramo de la línea capilar está a {{max}} de la imagen especular del otro lado. Las líneas capilares naturales son casi simétricas; active la simetría o iguale los lados, salvo que sea intencionado.',
  },
  'off-skin': {
    'too-few': 'La línea capilar necesita al menos tres puntos.',
    points_one: 'Un punto de la línea capilar está fuera del cuero cabelludo (hasta {{distance}} de la piel). Arrástrelo de nuevo sobre la cabeza.',
    points_other: '{{count}} puntos de la línea capilar están fuera del cuero cabelludo (hasta {{distance}} de la piel). Arrástrelos de nuevo sobre la cabeza.',
  },
  'on-face': {
    'below-brows': 'La línea capilar se sale del cuero cabelludo: baja {{distance}} por debajo de la línea de las cejas, sobre la cara. Súbala de nuevo por encima de las cejas.',
    landmarks: 'La línea capilar se sale del cuero cabelludo: la zona tratada incluye {{landmarks}}. Súbala de nuevo por encima de las cejas.',
  },
  'on-ear': {
    line: 'La línea capilar pasa por encima de la oreja. Manténgala a {{clearance}} por encima y por detrás de la oreja.',
    landmarks: 'La línea capilar pasa por encima de la oreja (la zona tratada incluye {{landmarks}}). Manténgala a {{clearance}} por encima y por detrás de la oreja.',
  },
  'few-sessions_one': '{{count}} sesión planificada; una zona de este tamaño con esta densidad suele requerir {{suggested}}, así que cuente con un resultado más irregular o sesiones más largas.',
  'few-sessions_other': '{{count}} sesiones planificadas; una zona de este tamaño con esta densidad suele requerir {{suggested}}, así que cuente con un resultado más irregular o sesiones más largas.',
  'scar-coverage': {
    outside:
      'Solo el {{coverage}} de {{kind}} «{{scar}}» se disimularía con SMP: el {{outside}} queda fuera de la línea capilar, donde no se planifica SMP; amplíe la zona de tratamiento para abarcar esa parte. Las cicatrices suelen necesitar una sesión adicional.',
    uptake:
      'Solo el {{coverage}} de {{kind}} «{{scar}}» se disimularía con SMP: el tejido cicatricial retiene solo el {{uptake}} de la tinta que retiene el cuero cabelludo sano (baja absorción); aumentar la densidad encima ayuda. Las cicatrices suelen necesitar una sesión adicional.',
    paler:
      'Solo el {{coverage}} de {{kind}} «{{scar}}» se disimularía con SMP: el tejido cicatricial sigue más pálido que el cuero cabelludo tratado que lo rodea (el pigmento oscurece por igual cicatriz y piel, en proporción a su propia luminosidad); aplique más densidad encima que alrededor. Las cicatrices suelen necesitar una sesión adicional.',
  },
  scarKinds: { fut: 'la cicatriz de tira FUT', fue: 'las cicatrices de extracción FUE', freeform: 'la cicatriz pintada' },
  landmarks: {
    glabella: 'la glabela',
    nasion: 'el nasion',
    leftLateralCanthus: 'el canto lateral izquierdo',
    rightLateralCanthus: 'el canto lateral derecho',
    leftTragus: 'el trago izquierdo',
    rightTragus: 'el trago derecho',
    and: 'y',
  },
};
