import type { Translation } from '../../catalogue';
import type { consent as english } from '../en/consent';

export const consent: Translation<typeof english> = {
  heading: 'Consentimiento y preguntas de salud',
  intro: 'Repase con el cliente las preguntas de salud y el texto de consentimiento; después firman los dos en la pantalla. Un consentimiento firmado no se puede cambiar: un cambio crea una nueva versión.',
  version: 'Versión {{version}}',
  draft: 'Borrador, aún sin firmar',
  signedOn: 'Firmado el {{date}}',
  readOnly: 'Firmado y de solo lectura. Para cambiar una respuesta, inicie una nueva versión: esta queda registrada.',
  newVersion: 'Cambiar: iniciar la versión {{version}}',
  historyFull: 'Este plan ya guarda el máximo de versiones anteriores: cree un plan nuevo para que el cliente vuelva a firmar.',
  history: 'Versiones anteriores',
  historyItem: 'Versión {{version}}, firmada el {{date}}',
  questionsHeading: 'Preguntas de salud',
  answers: { yes: 'Sí', no: 'No', unsure: 'No lo sé', unanswered: 'Sin responder' },
  details: 'Detalles',
  notes: 'Otras notas de salud',
  notesHint: 'Medicamentos, enfermedades, tatuajes o tratamientos capilares anteriores: todo lo que el profesional deba saber.',
  questions: {
    keloids: {
      short: 'Queloides',
      text: '¿Tiende a formar queloides o cicatrices elevadas (hipertróficas)?',
    },
    anticoagulants: {
      short: 'Anticoagulantes',
      text: '¿Toma anticoagulantes (como warfarina, apixabán, heparina o aspirina a diario) o tiene algún trastorno de la coagulación?',
    },
    isotretinoin: {
      short: 'Isotretinoína',
      text: '¿Ha tomado isotretinoína (como Roacután o Accutane) en los últimos 6 meses?',
    },
    pigmentAllergy: {
      short: 'Alergia al pigmento',
      text: '¿Ha tenido alguna reacción alérgica a un tatuaje, a un pigmento, a un tinte de pelo o a metales?',
    },
    anaestheticAllergy: {
      short: 'Alergia a anestésicos',
      text: '¿Es alérgico a los anestésicos locales (como la lidocaína) o a las cremas anestésicas?',
    },
    scalpConditions: {
      short: 'Afección del cuero cabelludo',
      text: '¿Tiene alguna afección en la piel del cuero cabelludo: psoriasis, eccema, dermatitis seborreica, foliculitis, una infección o heridas abiertas?',
    },
    sunExposure: {
      short: 'Exposición al sol',
      text: '¿Recibe su cuero cabelludo sol intenso a menudo (trabajo o deporte al aire libre) o está quemado por el sol ahora?',
    },
  },
  warnings: {
    heading: 'Antes del tratamiento',
    levels: { defer: 'Aplazar', caution: 'Precaución', check: 'Comprobar' },
    keloids: 'Tendencia a queloides: trate primero una pequeña zona de prueba en un lugar discreto y espere a que cicatrice; el trabajo con aguja puede elevar cicatrices.',
    anticoagulants: 'Anticoagulantes: la piel sangra más, lo que expulsa el pigmento y reduce su fijación. Consulte al médico que los recetó; un medicamento recetado nunca se suspende sin su indicación.',
    isotretinoin: 'Isotretinoína en los últimos 6 meses: aplace el tratamiento hasta 6 meses después de la última dosis (piel fina, que cicatriza despacio y con facilidad).',
    pigmentAllergy: 'Alergia al pigmento: haga una prueba epicutánea con el pigmento antes de tratar.',
    anaestheticAllergy: 'Alergia a anestésicos: no use ese producto anestésico; acuerden otro o ninguno.',
    scalpConditions: 'Afección del cuero cabelludo: nunca trate sobre piel activa o inflamada; aplace el tratamiento hasta que esté controlada, con el médico del cliente.',
    sunExposure: 'Sol: los rayos UV son los que aclaran la SMP. Trate un cuero cabelludo quemado solo cuando haya sanado; después, gorra o SPF 30+ en el cuero cabelludo, y retoques antes (vea la vista previa del envejecimiento en el paso 6).',
    unsure: '{{question}}: el cliente no está seguro. Aclárelo antes de tratar.',
  },
  text: {
    heading: 'Texto de consentimiento',
    clinic: 'El texto de consentimiento de la clínica (definido en Clínica…).',
    standard: 'El texto estándar de consentimiento para SMP del simulador. Una clínica puede definir el suyo en Clínica….',
    asSigned: 'Texto de consentimiento, tal como se firmó',
    label: 'Texto de consentimiento',
  },
  signatures: {
    heading: 'Firmas',
    hint: 'Firmen cuando las respuestas sean definitivas: cambiar una respuesta o las notas borra las firmas.',
    roles: { client: 'Cliente', practitioner: 'Profesional' },
    name: '{{role}}: nombre',
    start: '{{role}}: firmar en la pantalla',
    pad: '{{role}}: firma. Dibújela con el dedo, un lápiz o el ratón.',
    empty: 'Firme aquí',
    clear: 'Borrar',
    drawnAt: 'Firmado el {{date}}',
    image: 'Firma de {{name}}',
    tooLarge: 'Esta firma tiene demasiado detalle para guardarla. Bórrela y vuelva a firmar, un poco más sencillo.',
  },
  sign: 'Firmar el consentimiento',
  missing: {
    heading: 'Falta antes de firmar:',
    answers_one: '{{count}} pregunta de salud sin responder',
    answers_other: '{{count}} preguntas de salud sin responder',
    name: '{{role}}: el nombre',
    signature: '{{role}}: la firma',
  },
  report: {
    heading: 'Consentimiento y preguntas de salud',
    notSigned: 'Borrador: aún sin firmar.',
    earlier: 'Versiones firmadas anteriores: {{versions}}.',
    notes: 'Otras notas de salud',
  },
  standardText: `Consentimiento para la micropigmentación capilar (SMP)

La micropigmentación capilar es un tatuaje cosmético: el profesional deposita pequeños puntos de pigmento en la capa superior de la piel del cuero cabelludo para imitar folículos de pelo rapado. No hace crecer el pelo. Es duradera, pero se aclara con los años.

El tratamiento suele constar de 2 a 4 sesiones, con 10 a 30 días entre ellas, de 2 a 4 horas cada una. Puede usarse un producto anestésico. Durante los primeros días es normal tener enrojecimiento, una ligera hinchazón y pequeñas costras.

Se me han explicado los riesgos:
- El color del pigmento puede cambiar con el tiempo, casi siempre hacia un tono azulado o gris.
- El pigmento se aclara, sobre todo por el sol; suelen necesitarse retoques cada 3 a 6 años.
- El pigmento puede extenderse bajo la piel (migración o «blowouts»), de modo que los puntos se vean más grandes o difuminados.
- Es posible, aunque poco frecuente, una reacción alérgica al pigmento o al producto anestésico.
- Como en cualquier tatuaje, es posible una infección.
- Las personas con tendencia a los queloides pueden formar cicatrices elevadas.
- El tejido cicatricial puede absorber peor el pigmento y necesitar sesiones adicionales.

Cuidados posteriores: seguiré las instrucciones de cuidado que se me den: mantener el cuero cabelludo seco y limpio, y evitar el sudor, la natación, la sauna, el champú y los productos irritantes durante los días indicados, así como el sol directo mientras cicatriza. Después protegeré el cuero cabelludo del sol (con gorra o protector solar de SPF 30 o más) para que tarde más en aclararse.

Los resultados varían de una persona a otra, según el tipo de piel, la salud y los cuidados. La vista previa mostrada en la consulta es una simulación por ordenador, no una garantía del resultado.

He respondido con veracidad a las preguntas de salud e informaré a la clínica de cualquier cambio antes de cada sesión. He podido hacer preguntas y doy mi consentimiento al tratamiento.`,
};
