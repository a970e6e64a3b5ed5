import type { Translation } from '../../catalogue';
import type { help as english } from '../en/help';

export const help: Translation<typeof english> = {
  button: { label: 'Hilfe', hint: 'Gesten, Tastenkürzel und die Einführung' },
  title: 'Hilfe',
  close: 'Schließen',
  gestures: {
    title: 'Gesten',
    turn: { what: 'Den Kopf drehen', how: 'Mit einem Finger oder der Maus ziehen' },
    zoom: { what: 'Zoomen', how: 'Mit zwei Fingern spreizen, oder das Mausrad drehen' },
    pan: { what: 'Den Kopf seitlich verschieben', how: 'Mit zwei Fingern ziehen, oder mit der rechten Maustaste ziehen' },
    views: { what: 'Standardansichten', how: 'Vorne, Hinten, Links, Rechts, Oben und ¾ über der Ansicht' },
    loupe: { what: 'Die Kopfhaut vergrößern', how: 'Lupe, dann auf die Kopfhaut zeigen: ein Kreis von {{size}} in Originalgröße' },
    movePoint: { what: 'Einen Punkt der Haarlinie verschieben', how: 'Haarlinie → Haarlinie bearbeiten, dann einen Anfasser ziehen' },
    addPoint: { what: 'Einen Punkt der Haarlinie hinzufügen / entfernen', how: 'Neben der Linie doppelklicken / den Punkt auswählen und Entf drücken' },
    paint: { what: 'Dichte, Haar oder eine Narbe malen', how: 'Den Pinsel im jeweiligen Schritt wählen, dann über die Kopfhaut ziehen' },
    compare: { what: 'Vergleichen', how: 'Vorher über der Ansicht; Geteilt und Raster unter Vergleich & Bericht' },
  },
  shortcuts: {
    title: 'Tastenkürzel',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    loupe: 'Lupe ein oder aus',
    remove: 'Den ausgewählten Punkt der Haarlinie entfernen',
    divider: 'Die Trennlinie des geteilten Bildschirms verschieben',
    focus: 'Zwischen den Bedienelementen wechseln',
    escape: 'Einen Dialog schließen; während eines Ziehens oder Pinselstrichs diesen zurücknehmen',
  },
  keys: { ctrl: 'Strg', shift: 'Umschalt', delete: 'Entf', escape: 'Esc', tab: 'Tab', divider: '← → (auf der Trennlinie)' },
  disclaimer: 'Eine Simulation, keine Garantie: Das verheilte Ergebnis hängt von Haut, Nachsorge und Technik ab.',
  replay: 'Einführung erneut zeigen',
  guide: {
    progress: '{{page}} von {{total}}',
    skip: 'Überspringen',
    close: 'Schließen',
    back: 'Zurück',
    next: 'Weiter',
    start: 'Los geht’s',
    welcome: {
      title: 'Willkommen beim SMP-Simulator',
      text: 'Er zeigt Scalp Micropigmentation in Originalgröße an einem 3D-Kopf: Jeder Punkt wird in der geplanten Größe, mit dem geplanten Abstand und Farbton gezeichnet. Nichts, was Sie eingeben, verlässt dieses Gerät.',
    },
    steps: {
      title: 'Sieben Schritte, in der Reihenfolge der Beratung',
      text: 'Das Panel führt durch {{steps}}. Jeder Schritt zeigt nur, was er braucht; Weiter bringt Sie zum nächsten.',
    },
    look: {
      title: 'Genau hinsehen',
      text: 'Ziehen Sie, um den Kopf zu drehen; spreizen oder scrollen Sie zum Zoomen. Die Lupe vergrößert die Kopfhaut mit Millimeterskala, und Vorher zeigt den Kopf ohne SMP.',
    },
    safe: {
      title: 'Nichts geht verloren',
      text: 'Jede Änderung lässt sich rückgängig machen, Pläne speichern sich selbst auf diesem Gerät, und unter „Pläne“ liegt der Plan jedes Kunden. Hilfe (?) listet alle Gesten und Tastenkürzel auf und zeigt diese Einführung erneut.',
    },
  },
};
