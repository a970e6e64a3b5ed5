import type { Translation } from '../../catalogue';
import type { messages as english } from '../en/messages';

export const messages: Translation<typeof english> = {
  asWritten: '{{text}}',
  scan: {
    progress: {
      reading: '„{{name}}“ wird gelesen…',
      simplifying: '{{triangles, number}} Dreiecke werden vereinfacht…',
      landmarks: 'Die Orientierungspunkte werden gesucht…',
    },
    tooLarge:
      'Dieser Scan hat {{triangles, number}} Dreiecke; der Simulator arbeitet mit höchstens {{limit, number}}. Er kann auf etwa {{simplified, number}} Dreiecke vereinfacht werden (seine Form bleibt dabei auf Bruchteile eines Millimeters erhalten).',
    showFailed: 'Der Scan konnte nicht angezeigt werden; der Kopf auf dem Bildschirm bleibt unverändert.',
    warnings: {
      textureMissing:
        'Die Textur {{name}} der {{format}}-Datei war nicht unter den abgelegten Dateien. Legen Sie sie zusammen mit der .{{extension}}-Datei ab, um die Farben des Scans zu sehen.',
      textureNotImage: 'Die Textur {{name}} ist kein PNG-, JPEG- oder WebP-Bild; der Scan wird daher ohne seine Farben angezeigt.',
      mixedTextures: 'Die Teile der {{format}}-Datei verwenden unterschiedliche Texturen oder teils gar keine; der Scan wird daher ohne Textur angezeigt.',
      textureNotFound: 'Die Textur der {{format}}-Datei ist darin nicht zu finden; der Scan wird daher ohne seine Farben angezeigt.',
      materialMissing:
        'Die Materialdatei {{name}} der OBJ-Datei war nicht unter den abgelegten Dateien. Legen Sie sie zusammen mit der .obj-Datei ab, um die Textur des Scans zu sehen.',
      textureUndecodable: 'Das Texturbild konnte nicht gelesen werden; der Scan wird daher ohne seine Farben angezeigt.',
    },
    file: {
      damaged: 'Diese {{format}}-Datei ist beschädigt oder unvollständig (technisches Detail: {{detail}}).',
      noTriangles: 'Diese {{format}}-Datei enthält keine Dreiecke, es gibt also keine Oberfläche zum Anzeigen.',
      compressed: 'Diese glTF-Datei ist mit {{kind}} komprimiert, was der Simulator nicht lesen kann. Exportieren Sie sie ohne Komprimierung.',
      gltfVersion: 'Diese {{format}}-Datei hat die glTF-Version {{version}}, die der Simulator nicht lesen kann; exportieren Sie sie als glTF 2.0.',
      rereads:
        'Diese {{format}}-Datei liest ihre Netzdaten immer wieder, weit mehr, als ein Scan enthält; sie wird nicht gelesen. Exportieren Sie den Scan erneut, ohne Instanziierung.',
      gltfDataMissing: 'Die Datendatei „{{name}}“ der glTF-Datei war nicht unter den abgelegten Dateien. Legen Sie sie zusammen mit der .gltf-Datei ab.',
      noVertices: 'Diese {{format}}-Datei hat keine Eckpunkte, es gibt also keine Oberfläche zum Anzeigen.',
      pointCloud: 'Diese PLY-Datei ist eine Punktwolke ohne Oberfläche; exportieren Sie den Scan als Netz (Mesh).',
      notPly: 'Dies ist keine PLY-Datei: Sie beginnt nicht mit „ply“.',
      unsupported: 'Der Simulator kann „{{name}}“ nicht lesen: Scans müssen {{supported}}-Dateien sein.',
      noFile: 'Es wurde keine Datei angegeben: Scans müssen {{supported}}-Dateien sein.',
      empty: 'Die Datei „{{name}}“ ist leer.',
      unreadable: 'Diese {{format}}-Datei konnte nicht gelesen werden: Sie ist womöglich beschädigt oder eine Variante, die der Simulator nicht kennt.',
      notGltf: '„{{name}}“ ist keine glTF-Datei: Sie beginnt weder mit der GLB-Signatur, noch ist sie glTF-Text.',
    },
    mesh: {
      noTriangles: 'Der Scan hat keine Dreiecke: Die Datei enthält keine Oberfläche zum Ausrichten.',
      malformed: 'Der Scan ist fehlerhaft: Seine Eckpunkt- oder Dreieckslisten sind unvollständig.',
      notNumbers: 'Der Scan ist beschädigt: Einige seiner Eckpunktkoordinaten sind keine Zahlen.',
      badVertex: 'Der Scan ist beschädigt: Ein Dreieck verweist auf den Eckpunkt {{vertex}}, es gibt aber nur {{vertices, number}} Eckpunkte.',
      noSize: 'Der Scan hat keine Ausdehnung: Alle seine Punkte liegen an derselben Stelle.',
      flat: 'Der Scan ist flach (alle seine Punkte liegen auf einer Ebene oder einer Linie) und kann daher kein Kopf sein.',
    },
    align: {
      inLine: 'Die Orientierungspunkte Glabella und Vertex dürfen nicht auf der Linie durch die beiden Tragi liegen.',
      sameTragi: 'Die beiden Tragus-Punkte müssen an verschiedenen Stellen liegen.',
      implausible: {
        circumference: 'Ein Kopfumfang von {{mm, number}} mm ist nicht plausibel: Er sollte zwischen {{lo, number}} und {{hi, number}} mm liegen.',
        tragusDistance: 'Ein Abstand von Tragus zu Tragus von {{mm, number}} mm ist nicht plausibel: Er sollte zwischen {{lo, number}} und {{hi, number}} mm liegen.',
      },
      unmeasurable: {
        circumference: 'Der Kopfumfang konnte an diesem Scan nicht gemessen werden.',
        tragusDistance: 'Der Abstand von Tragus zu Tragus konnte an diesem Scan nicht gemessen werden.',
      },
      failed: 'Der Scan konnte mit diesen Orientierungspunkten nicht ausgerichtet werden. Prüfen Sie sie und versuchen Sie es erneut.',
    },
    worker: {
      templateFailed: 'Der Standardkopf konnte nicht geladen werden ({{status}}).',
      noFile: 'Es wurde keine Datei angegeben.',
      fileTooLarge:
        '„{{name}}“ ist {{gb, number}} GB groß: zu groß, um im Browser gelesen zu werden (höchstens 1 GB). Exportieren Sie den Scan mit weniger Dreiecken.',
      noScan: 'Es wurde noch kein Scan gelesen.',
      unreadable: 'Der Scan konnte nicht gelesen werden: Er ist womöglich beschädigt oder eine Variante, die der Simulator nicht kennt.',
    },
    reader: {
      cancelled: 'Der Scan-Import wurde abgebrochen.',
      stopped:
        'Der Scan konnte nicht gelesen werden: Dem Browser ging der Speicher aus oder das Lesen wurde abgebrochen. Versuchen Sie einen kleineren Export des Scans.',
      unexpected: 'Das Lesen des Scans lieferte eine unerwartete Antwort.',
    },
  },
  plan: {
    invalid: 'Ungültiger Plan: „{{field}}“ hat einen Wert, den dieser Simulator nicht verwenden kann.',
    empty: 'Ungültiger Plan: „{{field}}“ darf nicht leer sein.',
    number: 'Ungültiger Plan: „{{field}}“ muss eine Zahl sein.',
    range: 'Ungültiger Plan: „{{field}}“ muss zwischen {{min, number}} und {{max, number}}{{unitText}} liegen (erhalten: {{value, number}}).',
    whole: 'Ungültiger Plan: „{{field}}“ muss eine ganze Zahl sein (erhalten: {{value, number}}).',
    tooLong: 'Ungültiger Plan: „{{field}}“ darf höchstens {{max, number}} Zeichen lang sein (erhalten: {{length, number}}).',
    unknownField: 'Ungültiger Plan: „{{name}}“ ist kein bekanntes Feld eines Plans.',
    notObject: 'Ungültiger Plan: Er muss ein einfaches Objekt aus Planfeldern sein.',
    newerVersion: 'Dieser Plan hat die Version {{version}}, neuer als dieser Simulator versteht ({{supported}}); bitte aktualisieren Sie die App.',
    tooMuchPainting:
      'Ungültiger Plan: Er enthält insgesamt {{points, number}} Pinselpunkte (Dichte, Haare und Narben); erlaubt sind höchstens {{max, number}}.',
  },
  planFile: {
    notAPlan: 'Diese Datei ist kein Plan des SMP-Simulators: Sie enthält andere Daten.',
    tooLarge: 'Diese Datei ist zu groß für einen Plan des SMP-Simulators ({{size, number}} MB; eine Plandatei hat höchstens {{max, number}} MB).',
    notJson: 'Diese Datei ist kein Plan des SMP-Simulators: Sie ist kein JSON-Text.',
    newerFormat:
      'Diese Plandatei wurde mit einer neueren Version des SMP-Simulators gespeichert (Dateiformat {{version}}); bitte aktualisieren Sie den Simulator, um sie zu öffnen.',
    badFormatVersion: 'Diese Plandatei ist beschädigt: Ihre formatVersion muss {{version}} sein.',
    noPlan: 'Diese Plandatei ist beschädigt: Sie enthält keinen Plan.',
    newerPlan:
      'Dieser Plan wurde mit einer neueren Version des SMP-Simulators erstellt (Planversion {{version}}; diese Version liest bis {{supported}}); bitte aktualisieren Sie den Simulator, um ihn zu öffnen.',
  },
  link: {
    damaged: 'Der Link ist beschädigt: Sein Plan konnte nicht entschlüsselt werden (wurde er beim Kopieren abgeschnitten?).',
    unknownView: 'Der Link verlangt eine unbekannte Ansicht {{view}}.',
  },
  saved: {
    missing: 'Es gibt keinen gespeicherten Plan mit der ID {{id}}.',
    conflictPending: 'Dieser Plan wurde auch in einem anderen Tab geändert: Wählen Sie zuerst „Andere Fassung laden“ oder „Meine als Kopie behalten“.',
    revisionConflict: 'Dieser Plan wurde inzwischen in einem anderen Tab gespeichert.',
  },
  photos: {
    views: { front: 'Vorderansicht', left: 'Linke Seite', right: 'Rechte Seite', back: 'Hinterkopf', top: 'Oberkopf' },
    notImage: 'Diese Datei ist kein Foto, das der Simulator lesen kann: Verwenden Sie ein JPEG-, PNG- oder HEIC-Bild.',
    damaged: 'Dieses Foto konnte nicht gelesen werden: Die Datei ist beschädigt oder unvollständig.',
    empty: 'Diese Datei ist leer: Sie enthält kein Foto.',
    tooLarge: 'Diese Datei ist zu groß für ein Foto ({{size}} MB; höchstens {{max}} MB).',
    unknownView: 'Unbekannte Fotoansicht {{view}}: Verwenden Sie eine der folgenden: {{views}}.',
    noFace: 'Auf diesem Foto wurde kein Gesicht gefunden, daher kann es nicht als Ansicht „{{view}}“ verwendet werden: Wählen Sie ein Foto, auf dem das Gesicht des Kunden zu sehen ist, oder setzen Sie die Orientierungspunkte von Hand.',
    faceModelFailed: 'Auf diesem Foto konnten die Orientierungspunkte nicht gefunden werden: Das Modell für Gesichtspunkte ließ sich nicht ausführen. Setzen Sie die Punkte von Hand oder versuchen Sie es erneut.',
    tooMany: 'Dieser Plan hat bereits {{max}} Fotos; löschen Sie einige, bevor Sie weitere hinzufügen.',
    missing: 'Dieser Plan hat kein Foto mit der ID {{id}}.',
    noStorage: 'Fotos werden mit einem gespeicherten Plan auf diesem Gerät aufbewahrt, und dieser Browser speichert keine Pläne (privates Surfen, oder der Speicher ist voll oder gesperrt).',
    storageFull: 'Das Foto konnte nicht gespeichert werden: Auf diesem Gerät ist kein Speicherplatz mehr für den Simulator frei. Löschen Sie Fotos oder Pläne, die Sie nicht mehr brauchen, und versuchen Sie es dann erneut.',
    storageFailed: 'Das Foto konnte auf diesem Gerät nicht gespeichert werden: Der Browser hat das Speichern verweigert.',
    landmarks: {
      notObject: 'Die Orientierungspunkte eines Fotos müssen ein Objekt wie { nasion: [x, y] } in Pixeln des Fotos sein.',
      unknownName: '{{name}} ist kein Orientierungspunkt eines Fotos: Verwenden Sie {{names}}.',
      notPoint: 'Der Orientierungspunkt {{name}} muss ein Punkt [x, y] in Pixeln des Fotos sein.',
      outside: 'Der Orientierungspunkt {{name}} bei [{{x}}, {{y}}] liegt außerhalb des Fotos ({{width}} × {{height}} Pixel).',
    },
  },
  photoFit: {
    tooFewPoints: 'Um den Kopf an ein Foto anzupassen, werden mindestens {{needed}} Orientierungspunkte benötigt (bisher gesetzt: {{placed}}).',
    inLine: 'Die Orientierungspunkte liegen auf einer Linie oder an einer Stelle, daher lässt sich der Kopf nicht nach ihnen ausrichten: Setzen Sie Punkte, die über den Kopf verteilt sind.',
    badIris: 'Der Irisdurchmesser muss eine positive Anzahl von Pixeln sein.',
    noPose: 'Der Kopf konnte nicht an diese Orientierungspunkte angepasst werden: Prüfen Sie, ob jeder an seiner Stelle sitzt.',
    measurement: {
      samePoint: 'Eine Messung muss zwischen zwei verschiedenen Punkten erfolgen.',
      implausible: 'Ein Maß von {{mm, number}} mm ist zwischen diesen Punkten nicht plausibel: Es sollte zwischen {{lo, number}} und {{hi, number}} mm liegen.',
    },
  },
  history: {
    plan: {
      set: '{{field}}',
      replace: {
        load: 'Plan laden',
        openLink: 'Link öffnen',
        fromPage: 'Plan von der Seite',
        otherTab: 'Änderungen aus einem anderen Tab',
        merge: 'Mit den Änderungen eines anderen Tabs zusammenführen',
        reloadOther: 'Version des anderen Tabs neu laden',
      },
    },
    hairline: { 'apply-preset': 'Haaransatz-Vorlage', 'set-mirror': 'Haaransatz spiegeln', 'move-point': 'Haaransatzpunkt verschieben', 'add-point': 'Haaransatzpunkt hinzufügen', 'remove-point': 'Haaransatzpunkt entfernen' },
    brush: { density: 'Dichte malen', hair: 'Haar malen', scar: 'Narbe malen' },
    dots: { 'match-hair': 'An die Haarfarbe anpassen' },
    hair: { 'clear-painting': 'Gemaltes Haar löschen' },
    density: { 'clear-painting': 'Gemalte Dichte löschen' },
    sessions: { 'set-count_one': '{{count}} Sitzung', 'set-count_other': '{{count}} Sitzungen' },
    scars: { add: '{{kind}} hinzufügen', remove: 'Narbe {{id}} entfernen', 'clear-painting': 'Narbe {{id}} löschen' },
    consent: {
      answer: 'Gesundheitsangabe',
      'set-notes': 'Gesundheitsnotizen',
      'set-signer': { client: 'Name des Kunden', practitioner: 'Name des Behandlers' },
      'set-signature': { client: 'Unterschrift des Kunden', practitioner: 'Unterschrift des Behandlers' },
      sign: 'Einwilligung unterschreiben',
      'new-version': 'Neue Version der Einwilligung',
    },
    view: { 'toggle-loupe': 'Lupe' },
    rename: 'Plan umbenennen',
  },
};
