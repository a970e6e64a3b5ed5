import type { Translation } from '../../catalogue';
import type { messages as english } from '../en/messages';

export const messages: Translation<typeof english> = {
  asWritten: '{{text}}',
  scan: {
    progress: {
      reading: 'Leyendo «{{name}}»…',
      simplifying: 'Simplificando {{triangles, number}} triángulos…',
      landmarks: 'Buscando los puntos de referencia…',
    },
    tooLarge:
      'Este escaneo tiene {{triangles, number}} triángulos; el simulador trabaja con un máximo de {{limit, number}}. Se puede simplificar a unos {{simplified, number}} triángulos (su forma se conserva con una precisión de fracciones de milímetro).',
    showFailed: 'No se pudo mostrar el escaneo; la cabeza en pantalla no ha cambiado.',
    warnings: {
      textureMissing:
        'La textura {{name}} del archivo {{format}} no estaba entre los archivos soltados; suéltela junto con el .{{extension}} para ver los colores del escaneo.',
      textureNotImage: 'La textura {{name}} no es una imagen PNG, JPEG ni WebP, así que el escaneo se muestra sin sus colores.',
      mixedTextures: 'Las partes del archivo {{format}} usan texturas distintas, o algunas no tienen ninguna, así que el escaneo se muestra sin textura.',
      textureNotFound: 'La textura del archivo {{format}} no se encuentra en él, así que el escaneo se muestra sin sus colores.',
      materialMissing:
        'El archivo de materiales {{name}} del OBJ no estaba entre los archivos soltados; suéltelo junto con el .obj para ver la textura del escaneo.',
      textureUndecodable: 'No se pudo leer la imagen de su textura, así que el escaneo se muestra sin sus colores.',
    },
    file: {
      damaged: 'Este archivo {{format}} está dañado o incompleto (detalle técnico: {{detail}}).',
      noTriangles: 'Este archivo {{format}} no contiene triángulos, así que no hay ninguna superficie que mostrar.',
      compressed: 'Este archivo glTF está comprimido con {{kind}}, que el simulador no puede leer. Expórtelo sin compresión.',
      gltfVersion: 'Este archivo {{format}} es glTF versión {{version}}, que el simulador no puede leer; expórtelo como glTF 2.0.',
      rereads:
        'Este archivo {{format}} lee los datos de su malla una y otra vez, mucho más de lo que contiene un escaneo; no se lee. Vuelva a exportar el escaneo sin instancias.',
      gltfDataMissing: 'El archivo de datos «{{name}}» del glTF no estaba entre los archivos soltados; suéltelo junto con el .gltf.',
      noVertices: 'Este archivo {{format}} no tiene vértices, así que no hay ninguna superficie que mostrar.',
      pointCloud: 'Este archivo PLY es una nube de puntos sin superficie; exporte el escaneo como malla.',
      notPly: 'Este archivo no es un archivo PLY: no empieza por «ply».',
      unsupported: 'El simulador no puede leer «{{name}}»: los escaneos deben ser archivos {{supported}}.',
      noFile: 'No se ha indicado ningún archivo: los escaneos deben ser archivos {{supported}}.',
      empty: 'El archivo «{{name}}» está vacío.',
      unreadable: 'No se pudo leer este archivo {{format}}: puede estar dañado o ser una variante que el simulador no conoce.',
      notGltf: '«{{name}}» no es un archivo glTF: ni empieza con la firma GLB ni es texto glTF.',
    },
    mesh: {
      noTriangles: 'El escaneo no tiene triángulos: el archivo no contiene ninguna superficie que alinear.',
      malformed: 'El escaneo está mal formado: sus listas de vértices o de triángulos están incompletas.',
      notNumbers: 'El escaneo está dañado: algunas coordenadas de sus vértices no son números.',
      badVertex: 'El escaneo está dañado: un triángulo hace referencia al vértice {{vertex}}, pero solo hay {{vertices, number}} vértices.',
      noSize: 'El escaneo no tiene tamaño: todos sus puntos están en el mismo lugar.',
      flat: 'El escaneo es plano (todos sus puntos están en un plano o en una línea), así que no puede ser una cabeza.',
    },
    align: {
      inLine: 'Los puntos de referencia glabela y vértex no deben estar sobre la línea que une los tragos.',
      sameTragi: 'Los dos puntos del trago deben estar en lugares distintos.',
      implausible: {
        circumference: 'Un perímetro craneal de {{mm, number}} mm no es plausible: debería estar entre {{lo, number}} y {{hi, number}} mm.',
        tragusDistance: 'Una distancia de trago a trago de {{mm, number}} mm no es plausible: debería estar entre {{lo, number}} y {{hi, number}} mm.',
      },
      unmeasurable: {
        circumference: 'No se pudo medir el perímetro craneal en este escaneo.',
        tragusDistance: 'No se pudo medir la distancia de trago a trago en este escaneo.',
      },
      failed: 'No se pudo alinear el escaneo con estos puntos de referencia. Revíselos e inténtelo de nuevo.',
    },
    worker: {
      templateFailed: 'No se pudo cargar la cabeza predeterminada ({{status}}).',
      noFile: 'No se ha indicado ningún archivo.',
      fileTooLarge:
        '«{{name}}» ocupa {{gb, number}} GB: demasiado para leerlo en un navegador (máximo 1 GB). Exporte el escaneo con menos triángulos.',
      noScan: 'Todavía no se ha leído ningún escaneo.',
      unreadable: 'No se pudo leer el escaneo: puede estar dañado o ser una variante que el simulador no conoce.',
    },
    reader: {
      cancelled: 'Se canceló la importación del escaneo.',
      stopped: 'No se pudo leer el escaneo: el navegador se quedó sin memoria o la lectura se detuvo. Pruebe con una exportación más pequeña del escaneo.',
      unexpected: 'La lectura del escaneo dio una respuesta inesperada.',
    },
  },
  plan: {
    invalid: 'Plan no válido: «{{field}}» tiene un valor que este simulador no puede usar.',
    empty: 'Plan no válido: «{{field}}» no puede estar vacío.',
    number: 'Plan no válido: «{{field}}» debe ser un número.',
    range: 'Plan no válido: «{{field}}» debe estar entre {{min, number}} y {{max, number}}{{unitText}} (se recibió {{value, number}}).',
    whole: 'Plan no válido: «{{field}}» debe ser un número entero (se recibió {{value, number}}).',
    tooLong: 'Plan no válido: «{{field}}» debe tener como máximo {{max, number}} caracteres (tiene {{length, number}}).',
    unknownField: 'Plan no válido: «{{name}}» no es un campo conocido del plan.',
    notObject: 'Plan no válido: debe ser un objeto simple con campos del plan.',
    newerVersion: 'Este plan es de la versión {{version}}, más reciente de lo que entiende este simulador ({{supported}}); actualice la aplicación.',
    tooMuchPainting:
      'Plan no válido: contiene {{points, number}} puntos de pincel en total (densidad, cabello y cicatrices); se permiten como máximo {{max, number}}.',
  },
  planFile: {
    notAPlan: 'Este archivo no es un plan del simulador SMP: contiene otros datos.',
    tooLarge: 'Este archivo es demasiado grande para ser un plan del simulador SMP ({{size, number}} MB; un archivo de plan ocupa como máximo {{max, number}} MB).',
    notJson: 'Este archivo no es un plan del simulador SMP: no es texto JSON.',
    newerFormat:
      'Este archivo de plan se guardó con una versión más reciente del simulador SMP (formato de archivo {{version}}); actualice el simulador para abrirlo.',
    badFormatVersion: 'Este archivo de plan está dañado: su formatVersion debe ser {{version}}.',
    noPlan: 'Este archivo de plan está dañado: no contiene ningún plan.',
    newerPlan:
      'Este plan se hizo con una versión más reciente del simulador SMP (versión del plan {{version}}; esta lee hasta la {{supported}}); actualice el simulador para abrirlo.',
  },
  link: {
    damaged: 'El enlace está dañado: no se pudo descodificar su plan (¿se cortó al copiarlo?).',
    unknownView: 'El enlace pide una vista desconocida {{view}}.',
  },
  saved: {
    missing: 'No hay ningún plan guardado con el id {{id}}.',
    conflictPending: 'Este plan también se modificó en otra pestaña: elija primero «Cargar la otra versión» o «Conservar la mía como copia».',
    revisionConflict: 'Este plan se guardó mientras tanto en otra pestaña.',
  },
  photos: {
    views: { front: 'Frente', left: 'Lado izquierdo', right: 'Lado derecho', back: 'Parte posterior', top: 'Coronilla' },
    notImage: 'Este archivo no es una foto que el simulador pueda leer: use una imagen JPEG, PNG o HEIC.',
    damaged: 'No se pudo leer esta foto: el archivo está dañado o incompleto.',
    empty: 'Este archivo está vacío: no contiene ninguna foto.',
    tooLarge: 'Este archivo es demasiado grande para ser una foto ({{size}} MB; como máximo {{max}} MB).',
    unknownView: 'Vista de foto desconocida {{view}}: use una de estas: {{views}}.',
    noFace: 'No se encontró ningún rostro en esta foto, así que no puede usarse como vista «{{view}}»: elija una foto en la que se vea la cara del cliente o coloque sus puntos de referencia a mano.',
    faceModelFailed: 'No se pudieron encontrar los puntos de referencia en esta foto: el modelo de puntos faciales no pudo ejecutarse. Coloque los puntos a mano o inténtelo de nuevo.',
    tooMany: 'Este plan ya tiene {{max}} fotos; elimine algunas antes de añadir más.',
    missing: 'Este plan no tiene ninguna foto con el id {{id}}.',
    noStorage: 'Las fotos se guardan con un plan guardado en este dispositivo, y este navegador no está guardando planes (navegación privada, o el almacenamiento está lleno o bloqueado).',
    storageFull: 'No se pudo guardar la foto: este dispositivo no tiene espacio libre para el simulador. Elimine las fotos o los planes que ya no necesite e inténtelo de nuevo.',
    storageFailed: 'No se pudo guardar la foto en este dispositivo: el navegador se negó a guardarla.',
    landmarks: {
      notObject: 'Los puntos de referencia de la foto deben ser un objeto como { nasion: [x, y] }, en píxeles de la foto.',
      unknownName: '{{name}} no es un punto de referencia de foto: use {{names}}.',
      notPoint: 'El punto de referencia {{name}} debe ser un punto [x, y] en píxeles de la foto.',
      outside: 'El punto de referencia {{name}} en [{{x}}, {{y}}] queda fuera de la foto ({{width}} × {{height}} píxeles).',
    },
  },
  photoFit: {
    tooFewPoints: 'Para ajustar la cabeza a una foto se necesitan al menos {{needed}} puntos de referencia (colocados hasta ahora: {{placed}}).',
    inLine: 'Los puntos de referencia están en una misma línea o en un mismo lugar, así que la cabeza no puede orientarse según ellos: coloque puntos repartidos por la cabeza.',
    badIris: 'El diámetro del iris debe ser un número positivo de píxeles.',
    noPose: 'No se pudo ajustar la cabeza a estos puntos de referencia: compruebe que cada uno esté en su lugar.',
    measurement: {
      samePoint: 'Una medida debe tomarse entre dos puntos distintos.',
      implausible: 'Una medida de {{mm, number}} mm no es plausible entre estos puntos: debería estar entre {{lo, number}} y {{hi, number}} mm.',
    },
  },
  history: {
    plan: {
      set: '{{field}}',
      replace: {
        load: 'Cargar plan',
        openLink: 'Abrir enlace',
        fromPage: 'Plan desde la página',
        otherTab: 'Cambios de otra pestaña',
        merge: 'Combinar con los cambios de otra pestaña',
        reloadOther: 'Recargar la versión de la otra pestaña',
      },
    },
    hairline: { 'apply-preset': 'Modelo de línea frontal', 'set-mirror': 'Línea frontal simétrica', 'move-point': 'Mover punto de la línea frontal', 'add-point': 'Añadir punto a la línea frontal', 'remove-point': 'Quitar punto de la línea frontal' },
    brush: { density: 'Pintar densidad', hair: 'Pintar cabello', scar: 'Pintar cicatriz' },
    dots: { 'match-hair': 'Igualar al color del cabello' },
    hair: { 'clear-painting': 'Borrar el cabello pintado' },
    density: { 'clear-painting': 'Borrar la densidad pintada' },
    sessions: { 'set-count_one': '{{count}} sesión', 'set-count_other': '{{count}} sesiones' },
    scars: { add: 'Añadir {{kind}}', remove: 'Quitar cicatriz {{id}}', 'clear-painting': 'Borrar cicatriz {{id}}' },
    consent: {
      answer: 'Respuesta de salud',
      'set-notes': 'Notas de salud',
      'set-signer': { client: 'Nombre del cliente', practitioner: 'Nombre del profesional' },
      'set-signature': { client: 'Firma del cliente', practitioner: 'Firma del profesional' },
      sign: 'Firmar el consentimiento',
      'new-version': 'Nueva versión del consentimiento',
    },
    view: { 'toggle-loupe': 'Lupa' },
    rename: 'Renombrar plan',
  },
};
