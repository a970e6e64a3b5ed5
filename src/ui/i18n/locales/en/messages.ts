/**
 * Text the I/O, app and domain layers hand to the interface as Messages (`messages:<key>`): the head-scan
 * import's progress, warnings and errors, why a plan file, a link or a plan is refused, and saved-plan
 * errors. Each has the same English wording as the error the API gives (src/domain/textError.ts).
 */
export const messages = {
  /** Words of an error that has no Message of its own, shown as they are. */
  asWritten: '{{text}}',
  scan: {
    progress: {
      reading: 'Reading “{{name}}”…',
      simplifying: 'Simplifying {{triangles, number}} triangles…',
      landmarks: 'Finding the landmarks…',
    },
    tooLarge:
      'This scan has {{triangles, number}} triangles; the simulator works with up to {{limit, number}}. It can be simplified to about {{simplified, number}} triangles (its shape is kept to a fraction of a millimetre).',
    showFailed: 'The scan could not be shown; the head on screen is unchanged.',
    warnings: {
      textureMissing: "The {{format}}'s texture {{name}} was not among the dropped files; drop it together with the .{{extension}} to see the scan's colours.",
      textureNotImage: 'The texture {{name}} is not a PNG, JPEG or WebP image, so the scan is shown without its colours.',
      mixedTextures: "The {{format}} file's parts use different textures, or some have none, so the scan is shown without its texture.",
      textureNotFound: "The {{format}} file's texture cannot be found in it, so the scan is shown without its colours.",
      materialMissing: "The OBJ's material file {{name}} was not among the dropped files; drop it together with the .obj to see the scan's texture.",
      textureUndecodable: 'Its texture image could not be read, so the scan is shown without its colours.',
    },
    file: {
      damaged: 'This {{format}} file is damaged or incomplete: {{detail}}.',
      noTriangles: 'This {{format}} file contains no triangles, so there is no surface to show.',
      compressed: 'This glTF file is {{kind}}-compressed, which the simulator cannot read. Export it without compression.',
      gltfVersion: 'This {{format}} file is glTF version {{version}}, which the simulator cannot read; export it as glTF 2.0.',
      rereads: 'This {{format}} file reads its mesh data over and over, far more than a scan holds; it is not read. Export the scan again, without instancing.',
      gltfDataMissing: 'The glTF\'s data file "{{name}}" was not among the dropped files; drop it together with the .gltf.',
      noVertices: 'This {{format}} file has no vertices, so there is no surface to show.',
      pointCloud: 'This PLY file is a point cloud with no surface; export the scan as a mesh.',
      notPly: 'This file is not a PLY file: it does not start with "ply".',
      unsupported: 'The simulator cannot read "{{name}}": scans must be {{supported}} files.',
      noFile: 'No file was given: scans must be {{supported}} files.',
      empty: 'The file "{{name}}" is empty.',
      unreadable: 'This {{format}} file could not be read: it may be damaged, or a variant the simulator does not know.',
      notGltf: '"{{name}}" is not a glTF file: it neither starts with the GLB signature nor is glTF text.',
    },
    mesh: {
      noTriangles: 'The scan has no triangles: the file holds no surface to align.',
      malformed: 'The scan is malformed: its vertex or triangle lists are incomplete.',
      notNumbers: 'The scan is damaged: some of its vertex coordinates are not numbers.',
      badVertex: 'The scan is damaged: a triangle refers to vertex {{vertex}}, but there are only {{vertices, number}} vertices.',
      noSize: 'The scan has no size: all its points are at the same place.',
      flat: 'The scan is flat (all its points lie on a plane or a line), so it cannot be a head.',
    },
    align: {
      inLine: 'The glabella and vertex landmarks must not lie on the line through the tragi.',
      sameTragi: 'The two tragus landmarks must be at different places.',
      implausible: {
        circumference: 'A head circumference of {{mm, number}} mm is not plausible: it should be between {{lo, number}} and {{hi, number}} mm.',
        tragusDistance: 'A tragus-to-tragus distance of {{mm, number}} mm is not plausible: it should be between {{lo, number}} and {{hi, number}} mm.',
      },
      unmeasurable: {
        circumference: 'The head circumference could not be measured on this scan.',
        tragusDistance: 'The tragus-to-tragus distance could not be measured on this scan.',
      },
      failed: 'The scan could not be aligned with these landmarks. Check them and try again.',
    },
    worker: {
      templateFailed: 'The default head could not be loaded ({{status}}).',
      noFile: 'No file was given.',
      fileTooLarge: '“{{name}}” is {{gb, number}} GB: too large to read in a browser (at most 1 GB). Export the scan with fewer triangles.',
      noScan: 'No scan has been read.',
      unreadable: 'The scan could not be read: it may be damaged, or a variant the simulator does not know.',
    },
    reader: {
      cancelled: 'The scan import was cancelled.',
      stopped: 'The scan could not be read: the browser ran out of memory or the reader stopped. Try a smaller export of the scan.',
      unexpected: 'The scan reader gave an unexpected answer.',
    },
  },
  /** Why a plan is refused; `{{field}}` is the field's label. */
  plan: {
    invalid: 'Invalid plan: “{{field}}” has a value this simulator cannot use.',
    empty: 'Invalid plan: “{{field}}” must not be empty.',
    number: 'Invalid plan: “{{field}}” must be a number.',
    range: 'Invalid plan: “{{field}}” must be between {{min, number}} and {{max, number}}{{unitText}} (got {{value, number}}).',
    whole: 'Invalid plan: “{{field}}” must be a whole number (got {{value, number}}).',
    tooLong: 'Invalid plan: “{{field}}” must be at most {{max, number}} characters long (got {{length, number}}).',
    unknownField: 'Invalid plan: “{{name}}” is not a known plan field.',
    notObject: 'Invalid plan: it must be a plain object of plan fields.',
    newerVersion: 'This plan is version {{version}}, newer than this simulator understands ({{supported}}); please update the app.',
    tooMuchPainting: 'Invalid plan: it holds {{points, number}} brush points in all (density, hair and scars); at most {{max, number}} are allowed.',
  },
  planFile: {
    notAPlan: 'This file is not an SMP Simulator plan: it holds other data.',
    tooLarge: 'This file is too large to be an SMP Simulator plan ({{size, number}} MB; a plan file is at most {{max, number}} MB).',
    notJson: 'This file is not an SMP Simulator plan: it is not JSON text.',
    newerFormat: 'This plan file was saved by a newer version of the SMP Simulator (file format {{version}}); please update the simulator to open it.',
    badFormatVersion: 'This plan file is damaged: its formatVersion must be {{version}}.',
    noPlan: 'This plan file is damaged: it has no plan in it.',
    newerPlan:
      'This plan was made with a newer version of the SMP Simulator (plan version {{version}}; this one reads up to {{supported}}); please update the simulator to open it.',
  },
  link: {
    damaged: 'The link is damaged: its plan could not be decoded (was it cut short when copied?).',
    unknownView: 'The link asks for an unknown view {{view}}.',
  },
  saved: {
    missing: 'There is no saved plan with the id {{id}}.',
    conflictPending: 'This plan was also changed in another tab: choose “Reload theirs” or “Keep mine as a copy” first.',
    revisionConflict: 'This plan was saved in another tab meanwhile.',
  },
  /** The client's photos (src/io/photos): their views, and why a photo is refused or not stored. */
  photos: {
    views: { front: 'Front', left: 'Left side', right: 'Right side', back: 'Back', top: 'Top of the head' },
    notImage: 'This file is not a photo the simulator can read: use a JPEG, PNG or HEIC image.',
    damaged: 'This photo could not be read: the file is damaged or incomplete.',
    empty: 'This file is empty: it holds no photo.',
    tooLarge: 'This file is too large to be a photo ({{size}} MB; at most {{max}} MB).',
    unknownView: 'Unknown photo view {{view}}: use one of {{views}}.',
    noFace: 'No face was found in this photo, so it cannot be used as the “{{view}}” view: choose a photo that shows the client’s face, or place its landmarks by hand.',
    faceModelFailed: 'The landmarks could not be found on this photo: the face landmark model failed to run. Place the landmarks by hand, or try again.',
    tooMany: 'This plan already has {{max}} photos; delete some before adding more.',
    missing: 'This plan has no photo with the id {{id}}.',
    noStorage: 'Photos are kept with a saved plan on this device, and this browser is not storing plans (private browsing, or storage is full or blocked).',
    storageFull: 'The photo could not be stored: this device has no storage left for the simulator. Delete photos or plans you no longer need, then try again.',
    storageFailed: 'The photo could not be stored on this device: the browser refused to store it.',
    landmarks: {
      notObject: "Photo landmarks must be an object such as { nasion: [x, y] } in the photo's pixels.",
      unknownName: '{{name}} is not a photo landmark: use {{names}}.',
      notPoint: "The landmark {{name}} must be a point [x, y] in the photo's pixels.",
      outside: 'The landmark {{name}} at [{{x}}, {{y}}] lies outside the photo ({{width}} × {{height}} pixels).',
    },
  },
  /** Fitting the head to a client's photos (src/domain/photo/headFit.ts): why a fit is refused. */
  photoFit: {
    tooFewPoints: 'At least {{needed}} landmarks are needed to fit the head to a photo (placed so far: {{placed}}).',
    inLine: 'The landmarks lie on one line or at one place, so the head cannot be turned to them: place points spread over the head.',
    badIris: 'The iris diameter must be a positive number of pixels.',
    noPose: 'The head could not be fitted to these landmarks: check that each is on its point.',
    measurement: {
      samePoint: 'A measurement must be between two different points.',
      implausible: 'A measurement of {{mm, number}} mm is not plausible between these points: it should be between {{lo, number}} and {{hi, number}} mm.',
    },
  },
  /** What Undo and Redo name each step by (src/app/commands.ts `historyText`). */
  history: {
    plan: {
      set: '{{field}}',
      replace: {
        load: 'Load plan',
        openLink: 'Open link',
        fromPage: 'Plan from page',
        otherTab: 'Changes from another tab',
        merge: 'Merge with another tab’s changes',
        reloadOther: 'Reload the other tab’s version',
      },
    },
    hairline: { 'apply-preset': 'Hairline preset', 'set-mirror': 'Mirror hairline', 'move-point': 'Move hairline point', 'add-point': 'Add hairline point', 'remove-point': 'Remove hairline point' },
    brush: { density: 'Paint density', hair: 'Paint hair', scar: 'Paint scar' },
    dots: { 'match-hair': 'Match hair colour' },
    hair: { 'clear-painting': 'Clear painted hair' },
    density: { 'clear-painting': 'Clear painted density' },
    sessions: { 'set-count_one': '{{count}} session', 'set-count_other': '{{count}} sessions' },
    scars: { add: 'Add {{kind}}', remove: 'Remove scar {{id}}', 'clear-painting': 'Clear scar {{id}}' },
    consent: {
      answer: 'Health answer',
      'set-notes': 'Health notes',
      'set-signer': { client: 'Client name', practitioner: 'Practitioner name' },
      'set-signature': { client: 'Client signature', practitioner: 'Practitioner signature' },
      sign: 'Sign consent',
      'new-version': 'New consent version',
    },
    view: { 'toggle-loupe': 'Loupe' },
    rename: 'Rename plan',
  },
};
