/** English: the catalogue every other language translates, key for key (its type is theirs). */
export const consent = {
  heading: 'Consent and health questions',
  intro: 'Go through the health questions and the consent text with the client; then both of you sign on the screen. A signed consent cannot be changed: a change makes a new version.',
  version: 'Version {{version}}',
  draft: 'Draft, not signed yet',
  signedOn: 'Signed {{date}}',
  readOnly: 'Signed and read-only. To change an answer, start a new version: this one stays on record.',
  newVersion: 'Change: start version {{version}}',
  historyFull: 'This plan keeps the most earlier versions it can: start a new plan for the client to sign again.',
  history: 'Earlier versions',
  historyItem: 'Version {{version}}, signed {{date}}',
  questionsHeading: 'Health questions',
  answers: { yes: 'Yes', no: 'No', unsure: 'Unsure', unanswered: 'Not answered' },
  details: 'Details',
  notes: 'Other health notes',
  notesHint: 'Medicines, conditions, earlier tattoos or hair treatments: anything the practitioner should know.',
  questions: {
    keloids: {
      short: 'Keloids',
      text: 'Do you form keloids or raised (hypertrophic) scars?',
    },
    anticoagulants: {
      short: 'Blood thinners',
      text: 'Do you take blood thinners (such as warfarin, apixaban, heparin or daily aspirin), or do you have a bleeding disorder?',
    },
    isotretinoin: {
      short: 'Isotretinoin',
      text: 'Have you taken isotretinoin (such as Roaccutane or Accutane) in the last 6 months?',
    },
    pigmentAllergy: {
      short: 'Pigment allergy',
      text: 'Have you had an allergic reaction to a tattoo, a pigment, hair dye or metals?',
    },
    anaestheticAllergy: {
      short: 'Anaesthetic allergy',
      text: 'Are you allergic to local anaesthetics (such as lidocaine) or numbing creams?',
    },
    scalpConditions: {
      short: 'Scalp condition',
      text: 'Do you have a skin condition on the scalp: psoriasis, eczema, seborrhoeic dermatitis, folliculitis, an infection or open wounds?',
    },
    sunExposure: {
      short: 'Sun exposure',
      text: 'Is your scalp often in strong sun (outdoor work or sport), or is it sunburnt now?',
    },
  },
  warnings: {
    heading: 'Before treatment',
    levels: { defer: 'Defer', caution: 'Caution', check: 'Check' },
    keloids: 'Keloid tendency: treat a small test patch in a discreet place first and wait until it has healed; the needle work may raise scars.',
    anticoagulants: 'Blood thinners: the skin bleeds more, which pushes pigment out and weakens how well it holds. Ask the prescribing doctor; a prescribed medicine is never stopped without their advice.',
    isotretinoin: 'Isotretinoin in the last 6 months: defer the treatment until 6 months after the last dose (thin, slow-healing skin that scars easily).',
    pigmentAllergy: 'Pigment allergy: do a patch test with the pigment before treating.',
    anaestheticAllergy: 'Anaesthetic allergy: do not use that numbing product; agree on another one, or on none.',
    scalpConditions: 'Scalp condition: never treat over active or inflamed skin; defer until it is under control, with the client’s doctor.',
    sunExposure: 'Sun: UV is what fades SMP. Treat a sunburnt scalp only once it has healed; afterwards a hat or SPF 30+ on the scalp, and earlier touch-ups (see the ageing preview in step 6).',
    unsure: '{{question}}: the client is not sure. Clear this up before treating.',
  },
  text: {
    heading: 'Consent text',
    clinic: 'The clinic’s consent text (set in Clinic…).',
    standard: 'The simulator’s standard SMP consent text. A clinic can set its own in Clinic….',
    asSigned: 'Consent text, as signed',
    label: 'Consent text',
  },
  signatures: {
    heading: 'Signatures',
    hint: 'Sign once the answers are final: changing an answer or the notes clears the signatures.',
    roles: { client: 'Client', practitioner: 'Practitioner' },
    name: '{{role}}: name',
    start: '{{role}}: sign on the screen',
    pad: '{{role}}: signature. Draw it with a finger, a pen or the mouse.',
    empty: 'Sign here',
    clear: 'Clear',
    drawnAt: 'Signed {{date}}',
    image: 'Signature of {{name}}',
    tooLarge: 'This signature is too detailed to keep. Clear it and sign again, a little simpler.',
  },
  sign: 'Sign the consent',
  missing: {
    heading: 'Still needed before signing:',
    answers_one: '{{count}} health question is not answered',
    answers_other: '{{count}} health questions are not answered',
    name: '{{role}}: the name',
    signature: '{{role}}: the signature',
  },
  report: {
    heading: 'Consent and health questions',
    notSigned: 'Draft: not signed yet.',
    earlier: 'Earlier signed versions: {{versions}}.',
    notes: 'Other health notes',
  },
  standardText: `Consent to scalp micropigmentation (SMP)

Scalp micropigmentation is a cosmetic tattoo: a practitioner places small impressions of pigment in the upper layer of the skin of the scalp to imitate shaved hair follicles. It does not make hair grow. It is long-lasting, but it fades over the years.

The treatment usually takes 2 to 4 sessions, 10 to 30 days apart, of 2 to 4 hours each. A numbing product may be used. Redness, slight swelling and small scabs are normal in the first days.

The risks have been explained to me:
- The colour of the pigment can shift over time, most often towards a blue or grey tone.
- The pigment fades, mostly from sunlight; touch-ups are usually needed every 3 to 6 years.
- Pigment can spread under the skin (migration, or "blowouts"), which makes impressions larger or blurred.
- An allergic reaction to the pigment or to the numbing product is possible, though rare.
- As with any tattoo, an infection is possible.
- People prone to keloids can form raised scars.
- Scar tissue may take the pigment less well and need extra sessions.

Aftercare: I will follow the aftercare instructions I am given: keep the scalp dry and clean, and avoid sweating, swimming, saunas, shampoo and irritating products for the days advised, and direct sun while it heals. Afterwards I will protect my scalp from the sun (a hat, or sunscreen of SPF 30 or more) to slow the fading.

Results vary from person to person, with skin type, health and aftercare. The preview shown in the consultation is a computer simulation, not a guarantee of the result.

I have answered the health questions truthfully, and I will tell the clinic of any change before each session. I have been able to ask questions, and I consent to the treatment.`,
};
