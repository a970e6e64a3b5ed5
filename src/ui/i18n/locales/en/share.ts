/** English: the catalogue every other language translates, key for key (its type is theirs). */
export const share = {
  heading: 'Share with the client',
  open: 'Share with client',
  intro: 'The QR code and the link open this design on the client’s phone. They carry the design only: never the client’s name, notes, signatures or health answers.',
  qr: {
    label: 'QR code of the link to this design',
    scan: 'Scan with the client’s phone camera to open the design there.',
    tooLong:
      'This design’s link is too long for a QR code ({{length, number}} characters; a QR code holds at most {{max, number}}), because of its many painted strokes. Copy the link and send it to the client instead.',
  },
  link: {
    label: 'Link to the design',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'The link could not be copied ({{reason}}). Select it above and copy it by hand.',
  },
  pictures: {
    share: 'Share…',
    download: 'Download pictures',
    preparing: 'Preparing the pictures…',
    shareHint: 'Shares the before and after pictures and the front view, with the link, through this device’s share menu (messages, email, AirDrop…).',
    downloadHint: 'This browser cannot share files: the before and after pictures and the front view are downloaded instead. Send them with the link.',
    shared_one: 'Shared {{count}} picture and the link.',
    shared_other: 'Shared {{count}} pictures and the link.',
    downloaded_one: 'Downloaded {{count}} picture: {{names}}.',
    downloaded_other: 'Downloaded {{count}} pictures: {{names}}.',
    failed: 'The pictures could not be shared: {{reason}}',
    title: 'Your SMP design',
    text: 'Your planned SMP, as simulated in the consultation. Open the link to see it in 3D: {{url}}',
  },
};
