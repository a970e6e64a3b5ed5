import type { Translation } from '../../catalogue';
import type { warnings as english } from '../en/warnings';

export const warnings: Translation<typeof english> = {
  'large-dots': 'Punkte über {{max}} wirken wie große, verschwommene Punkte: der flache „Helm“-Look. Abgeheilte Follikelimpressionen messen meist {{usual}}.',
  'heavy-spread': 'Starkes Verlaufen der Tinte ist das, wie zu tief gesetzte Punkte nach dem Abheilen aussehen.',
  'dense-dots': 'Ab etwa {{density}} beginnen die Punkte zu einem flächigen Farbton zu verschmelzen.',
  'blue-cast': 'Unverdünntes Schwarz auf heller Haut kann beim Abheilen einen Blaustich bekommen: Ein verdünntes Grau passt meist besser.',
  'no-area':
    'Der Haaransatz umschließt keine Kopfhaut: Seine Punkte liegen übereinander oder auf einer Linie, daher werden keine Punkte gesetzt und die Kennzahlen sind bedeutungslos. Wählen Sie eine Vorlage oder ziehen Sie die Punkte auseinander.',
  'low-hairline':
    'Der mittfrontale Punkt liegt {{height}} über der Glabella, tiefer als Kliniken empfehlen: {{limit}} ist die aggressive Grenze ({{typical}} ist üblich, {{conservative}} konservativ). Ein tiefer Haaransatz kann mit zunehmendem Alter des Gesichts unnatürlich wirken.',
  asymmetric: {
    mean: 'Die linke und rechte Seite des vorderen Haaransatzes weichen im Mittel um {{mean}} voneinander ab (bis zu {{max}}). Natürliche Haaransätze sind nahezu symmetrisch; schalten Sie die Symmetrie ein oder gleichen Sie die Seiten an, sofern dies nicht beabsichtigt ist.',
    stretch:
      'Ein Abschnitt des Haaransatzes liegt {{max}} vom Spiegelbild der anderen Seite entfernt. Natürliche Haaransätze sind nahezu symmetrisch; schalten Sie die Symmetrie ein oder gleichen Sie die Seiten an, sofern dies nicht beabsichtigt ist.',
  },
  'off-skin': {
    'too-few': 'Der Haaransatz braucht mindestens drei Punkte.',
    points_one: 'Ein Punkt des Haaransatzes liegt außerhalb der Kopfhaut (bis zu {{distance}} von der Haut entfernt). Ziehen Sie ihn zurück auf den Kopf.',
    points_other: '{{count}} Punkte des Haaransatzes liegen außerhalb der Kopfhaut (bis zu {{distance}} von der Haut entfernt). Ziehen Sie sie zurück auf den Kopf.',
  },
  'on-face': {
    'below-brows': 'Der Haaransatz verlässt die Kopfhaut: Er verläuft {{distance}} unterhalb der Brauenlinie, auf dem Gesicht. Verschieben Sie ihn wieder über die Augenbrauen.',
    landmarks: 'Der Haaransatz verlässt die Kopfhaut: Der behandelte Bereich schließt {{landmarks}} ein. Verschieben Sie ihn wieder über die Augenbrauen.',
  },
  'on-ear': {
    line: 'Der Haaransatz verläuft über das Ohr. Halten Sie {{clearance}} Abstand über und hinter dem Ohr.',
    landmarks: 'Der Haaransatz verläuft über das Ohr (der behandelte Bereich schließt {{landmarks}} ein). Halten Sie {{clearance}} Abstand über und hinter dem Ohr.',
  },
  'few-sessions_one': '{{count}} Sitzung geplant; eine Fläche dieser Größe braucht bei dieser Dichte meist {{suggested}}. Rechnen Sie daher mit einem ungleichmäßigeren Ergebnis oder längeren Sitzungen.',
  'few-sessions_other': '{{count}} Sitzungen geplant; eine Fläche dieser Größe braucht bei dieser Dichte meist {{suggested}}. Rechnen Sie daher mit einem ungleichmäßigeren Ergebnis oder längeren Sitzungen.',
  'scar-coverage': {
    outside:
      'Nur {{coverage}} von {{kind}} „{{scar}}“ würden mit SMP verschwinden: {{outside}} davon liegen außerhalb des Haaransatzes, wo keine SMP geplant ist. Erweitern Sie den Behandlungsbereich darüber. Narben brauchen meist eine zusätzliche Sitzung.',
    uptake:
      'Nur {{coverage}} von {{kind}} „{{scar}}“ würden mit SMP verschwinden: Narbengewebe nimmt nur {{uptake}} der Tinte auf, die gesunde Kopfhaut aufnimmt (geringe Pigmentaufnahme); mehr Dichte darüber hilft. Narben brauchen meist eine zusätzliche Sitzung.',
    paler:
      'Nur {{coverage}} von {{kind}} „{{scar}}“ würden mit SMP verschwinden: Das Narbengewebe bleibt heller als die behandelte Kopfhaut ringsum (das Pigment dunkelt Narbe und Haut gleichermaßen ab, um einen Anteil ihrer eigenen Helligkeit). Setzen Sie darüber mehr Dichte als in der Umgebung. Narben brauchen meist eine zusätzliche Sitzung.',
  },
  scarKinds: { fut: 'der FUT-Streifennarbe', fue: 'den FUE-Entnahmenarben', freeform: 'der gemalten Narbe' },
  landmarks: {
    glabella: 'die Glabella',
    nasion: 'das Nasion',
    leftLateralCanthus: 'den linken äußeren Lidwinkel',
    rightLateralCanthus: 'den rechten äußeren Lidwinkel',
    leftTragus: 'den linken Tragus',
    rightTragus: 'den rechten Tragus',
    and: 'und',
  },
};
