import type { Translation } from '../../catalogue';
import type { photos as english } from '../en/photos';

export const photos: Translation<typeof english> = {
  heading: 'Fotos des Kunden',
  intro: 'Fügen Sie Fotos des Kunden hinzu (von vorn, von den Seiten, von hinten und vom Oberkopf), um den Plan darauf zu sehen. Die Fotos bleiben auf diesem Gerät, bei diesem Plan.',
  unsaved: 'Fotos werden mit einem gespeicherten Plan auf diesem Gerät aufbewahrt, und dieser Browser speichert keine Pläne (privates Surfen, oder der Speicher ist voll oder gesperrt). Deshalb können hier keine Fotos hinzugefügt werden. Öffnen Sie den Simulator in einem normalen Fenster, um Fotos zu verwenden.',
  starting: 'Warten auf den Speicher dieses Geräts …',
  viewLabel: 'Was das Foto zeigt',
  add: 'Foto hinzufügen …',
  adding: 'Das Foto wird gelesen und das Gesicht gesucht …',
  none: 'Noch keine Fotos.',
  listLabel: 'Fotos dieses Plans',
  show: 'Auf dem Foto zeigen',
  hide: 'Zurück zur 3D-Ansicht',
  only3d: 'Wirkt nur auf die 3D-Ansicht, nicht auf das Foto. Kehren Sie zur 3D-Ansicht zurück, um es zu verwenden.',
  remove: 'Entfernen',
  removeLabel: 'Foto entfernen: {{view}}',
  thumbnail: 'Foto: {{view}}',
  loading: 'Der Kopf wird an das Foto angepasst …',
  useShape: 'Diese Kopfform für den Plan verwenden',
  useShapeHint: 'Übernimmt die an dieses Foto angepasste Kopfform in den Plan: Größe, Länge und Breite des Kopfes, Neigung der Stirn und Höhe des Oberkopfs.',
  screen: {
    label: 'Der Plan auf dem Foto des Kunden',
    before: 'Foto',
    simulation: 'Simuliert',
    divider: 'Vorher und nachher auf dem Foto',
    dividerValue: '{{percent}} % des Fotos wie aufgenommen',
    noFit: 'Der Kopf konnte nicht an dieses Foto angepasst werden: Setzen oder korrigieren Sie seine Orientierungspunkte.',
    scanHead: 'Die Fotoansicht passt den Standardkopf an Fotos an: Verwenden Sie den Standardkopf (Schritt 1), um den Plan auf dieses Foto zu zeichnen.',
    fitted: 'Kopf angepasst: um {{yaw, number}}° gedreht, {{points}} Punkte, im Mittel {{residual, number}} px Abweichung.',
  },
  report: {
    heading: 'Auf den Fotos des Kunden',
    note: 'Jedes Paar zeigt das Foto des Kunden, wie es aufgenommen wurde, und daneben eine Simulation des darauf gezeichneten Plans. Die Simulation ist eine Vorschau, keine Garantie für das Ergebnis.',
    before: '{{view}} · Foto',
    after: '{{view}} · Simulation',
  },
};
