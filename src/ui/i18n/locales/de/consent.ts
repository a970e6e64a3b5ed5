import type { Translation } from '../../catalogue';
import type { consent as english } from '../en/consent';

export const consent: Translation<typeof english> = {
  heading: 'Einwilligung und Gesundheitsfragen',
  intro: 'Gehen Sie die Gesundheitsfragen und den Einwilligungstext mit dem Kunden durch; danach unterschreiben Sie beide auf dem Bildschirm. Eine unterschriebene Einwilligung lässt sich nicht mehr ändern: Jede Änderung ergibt eine neue Fassung.',
  version: 'Fassung {{version}}',
  draft: 'Entwurf, noch nicht unterschrieben',
  signedOn: 'Unterschrieben am {{date}}',
  readOnly: 'Unterschrieben und schreibgeschützt. Um eine Antwort zu ändern, beginnen Sie eine neue Fassung: Die bisherige bleibt dokumentiert.',
  newVersion: 'Ändern: Fassung {{version}} beginnen',
  historyFull: 'Dieser Plan enthält bereits die größtmögliche Zahl früherer Fassungen: Legen Sie einen neuen Plan an, damit der Kunde erneut unterschreibt.',
  history: 'Frühere Fassungen',
  historyItem: 'Fassung {{version}}, unterschrieben am {{date}}',
  questionsHeading: 'Gesundheitsfragen',
  answers: { yes: 'Ja', no: 'Nein', unsure: 'Unsicher', unanswered: 'Nicht beantwortet' },
  details: 'Einzelheiten',
  notes: 'Weitere Gesundheitshinweise',
  notesHint: 'Medikamente, Erkrankungen, frühere Tattoos oder Haarbehandlungen: alles, was die behandelnde Person wissen sollte.',
  questions: {
    keloids: {
      short: 'Keloide',
      text: 'Neigen Sie zu Keloiden oder wulstigen (hypertrophen) Narben?',
    },
    anticoagulants: {
      short: 'Blutverdünner',
      text: 'Nehmen Sie blutverdünnende Mittel (etwa Warfarin, Apixaban, Heparin oder täglich Aspirin) oder haben Sie eine Blutgerinnungsstörung?',
    },
    isotretinoin: {
      short: 'Isotretinoin-Einnahme',
      text: 'Haben Sie in den letzten 6 Monaten Isotretinoin (etwa Roaccutan oder Aknenormin) eingenommen?',
    },
    pigmentAllergy: {
      short: 'Pigmentallergie',
      text: 'Hatten Sie schon einmal eine allergische Reaktion auf ein Tattoo, ein Pigment, Haarfärbemittel oder Metalle?',
    },
    anaestheticAllergy: {
      short: 'Allergie gegen Betäubungsmittel',
      text: 'Sind Sie allergisch gegen örtliche Betäubungsmittel (etwa Lidocain) oder Betäubungscremes?',
    },
    scalpConditions: {
      short: 'Erkrankung der Kopfhaut',
      text: 'Haben Sie eine Hauterkrankung der Kopfhaut: Psoriasis, Ekzem, seborrhoische Dermatitis, Follikulitis, eine Infektion oder offene Wunden?',
    },
    sunExposure: {
      short: 'Sonnenexposition',
      text: 'Ist Ihre Kopfhaut oft starker Sonne ausgesetzt (Arbeit oder Sport im Freien) oder hat sie gerade einen Sonnenbrand?',
    },
  },
  warnings: {
    heading: 'Vor der Behandlung',
    levels: { defer: 'Verschieben', caution: 'Vorsicht', check: 'Klären' },
    keloids: 'Neigung zu Keloiden: Behandeln Sie zuerst eine kleine Teststelle an einer unauffälligen Stelle und warten Sie, bis sie verheilt ist; die Nadelarbeit kann wulstige Narben auslösen.',
    anticoagulants: 'Blutverdünner: Die Haut blutet stärker, das spült Pigment aus und verschlechtert, wie gut es hält. Fragen Sie den verschreibenden Arzt; ein verordnetes Medikament wird nie ohne seinen Rat abgesetzt.',
    isotretinoin: 'Isotretinoin in den letzten 6 Monaten: Verschieben Sie die Behandlung auf frühestens 6 Monate nach der letzten Einnahme (dünne, langsam heilende Haut, die leicht vernarbt).',
    pigmentAllergy: 'Pigmentallergie: Machen Sie vor der Behandlung einen Epikutantest mit dem Pigment.',
    anaestheticAllergy: 'Allergie gegen Betäubungsmittel: Verwenden Sie dieses Betäubungsmittel nicht; vereinbaren Sie ein anderes oder keines.',
    scalpConditions: 'Erkrankung der Kopfhaut: Nie über aktiver oder entzündeter Haut behandeln; verschieben Sie die Behandlung, bis die Erkrankung mit dem Arzt des Kunden unter Kontrolle ist.',
    sunExposure: 'Sonne: UV-Licht lässt SMP verblassen. Eine sonnenverbrannte Kopfhaut erst nach dem Abheilen behandeln; danach Mütze oder LSF 30+ auf der Kopfhaut und frühere Auffrischungen (siehe die Alterungsvorschau in Schritt 6).',
    unsure: '{{question}}: Der Kunde ist sich nicht sicher. Klären Sie das vor der Behandlung.',
  },
  text: {
    heading: 'Einwilligungstext',
    clinic: 'Der Einwilligungstext der Praxis (festgelegt unter „Praxis …“).',
    standard: 'Der Standard-Einwilligungstext des Simulators für SMP. Eine Praxis kann unter „Praxis …“ einen eigenen festlegen.',
    asSigned: 'Einwilligungstext, wie unterschrieben',
    label: 'Einwilligungstext',
  },
  signatures: {
    heading: 'Unterschriften',
    hint: 'Unterschreiben Sie, wenn die Antworten feststehen: Eine Änderung an einer Antwort oder an den Hinweisen löscht die Unterschriften.',
    roles: { client: 'Kunde', practitioner: 'Behandler' },
    name: '{{role}}: Name',
    start: '{{role}}: auf dem Bildschirm unterschreiben',
    pad: '{{role}}: Unterschrift. Zeichnen Sie sie mit dem Finger, einem Stift oder der Maus.',
    empty: 'Hier unterschreiben',
    clear: 'Löschen',
    drawnAt: 'Unterschrieben am {{date}}',
    image: 'Unterschrift von {{name}}',
    tooLarge: 'Diese Unterschrift ist zu detailreich zum Speichern. Löschen Sie sie und unterschreiben Sie etwas einfacher noch einmal.',
  },
  sign: 'Einwilligung unterschreiben',
  missing: {
    heading: 'Vor dem Unterschreiben fehlt noch:',
    answers_one: '{{count}} Gesundheitsfrage ist nicht beantwortet',
    answers_other: '{{count}} Gesundheitsfragen sind nicht beantwortet',
    name: '{{role}}: der Name',
    signature: '{{role}}: die Unterschrift',
  },
  report: {
    heading: 'Einwilligung und Gesundheitsfragen',
    notSigned: 'Entwurf: noch nicht unterschrieben.',
    earlier: 'Frühere unterschriebene Fassungen: {{versions}}.',
    notes: 'Weitere Gesundheitshinweise',
  },
  standardText: `Einwilligung in die Skalp-Mikropigmentierung (SMP)

Die Skalp-Mikropigmentierung ist eine kosmetische Tätowierung: Die behandelnde Person setzt kleine Pigmentpunkte in die obere Hautschicht der Kopfhaut, die rasierte Haarfollikel nachahmen. Sie lässt keine Haare wachsen. Sie hält lange, verblasst aber über die Jahre.

Die Behandlung umfasst meist 2 bis 4 Sitzungen im Abstand von 10 bis 30 Tagen, von je 2 bis 4 Stunden. Ein Betäubungsmittel kann verwendet werden. Rötungen, eine leichte Schwellung und kleine Krusten sind in den ersten Tagen normal.

Die Risiken wurden mir erklärt:
- Der Farbton des Pigments kann sich mit der Zeit verändern, meist ins Bläuliche oder Graue.
- Das Pigment verblasst, vor allem durch Sonnenlicht; Auffrischungen sind meist alle 3 bis 6 Jahre nötig.
- Pigment kann sich unter der Haut ausbreiten (Migration oder „Blowouts“), sodass Punkte größer oder verschwommen wirken.
- Eine allergische Reaktion auf das Pigment oder das Betäubungsmittel ist möglich, wenn auch selten.
- Wie bei jeder Tätowierung ist eine Infektion möglich.
- Wer zu Keloiden neigt, kann wulstige Narben bilden.
- Narbengewebe nimmt Pigment oft schlechter an und kann zusätzliche Sitzungen erfordern.

Nachsorge: Ich befolge die Pflegehinweise, die ich erhalte: die Kopfhaut trocken und sauber halten und für die empfohlenen Tage Schwitzen, Schwimmen, Sauna, Shampoo und reizende Mittel meiden, ebenso direkte Sonne während der Heilung. Danach schütze ich meine Kopfhaut vor der Sonne (mit Mütze oder Sonnenschutz mit LSF 30 oder mehr), damit sie langsamer verblasst.

Die Ergebnisse sind von Mensch zu Mensch verschieden und hängen von Hauttyp, Gesundheit und Nachsorge ab. Die in der Beratung gezeigte Vorschau ist eine Computersimulation und keine Garantie für das Ergebnis.

Ich habe die Gesundheitsfragen wahrheitsgemäß beantwortet und teile der Praxis vor jeder Sitzung jede Änderung mit. Ich konnte Fragen stellen und willige in die Behandlung ein.`,
};
