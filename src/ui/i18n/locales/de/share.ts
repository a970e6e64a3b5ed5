import type { Translation } from '../../catalogue';
import type { share as english } from '../en/share';

export const share: Translation<typeof english> = {
  heading: 'Mit dem Kunden teilen',
  open: 'Mit Kunden teilen',
  intro: 'QR-Code und Link öffnen dieses Design auf dem Smartphone des Kunden. Sie enthalten nur das Design: nie den Namen des Kunden, Notizen, Unterschriften oder Gesundheitsangaben.',
  qr: {
    label: 'QR-Code des Links zu diesem Design',
    scan: 'Scannen Sie ihn mit der Kamera des Kunden-Smartphones, um das Design dort zu öffnen.',
    tooLong:
      'Der Link dieses Designs ist wegen seiner vielen gemalten Striche zu lang für einen QR-Code ({{length, number}} Zeichen; ein QR-Code fasst höchstens {{max, number}}). Kopieren Sie stattdessen den Link und senden Sie ihn dem Kunden.',
  },
  link: {
    label: 'Link zum Design',
    copy: 'Link kopieren',
    copied: 'Link kopiert.',
    copyFailed: 'Der Link konnte nicht kopiert werden ({{reason}}). Markieren Sie ihn oben und kopieren Sie ihn von Hand.',
  },
  pictures: {
    share: 'Teilen…',
    download: 'Bilder herunterladen',
    preparing: 'Bilder werden vorbereitet…',
    shareHint: 'Teilt die Vorher-Nachher-Bilder und die Frontansicht zusammen mit dem Link über das Teilen-Menü dieses Geräts (Nachrichten, E-Mail, AirDrop…).',
    downloadHint: 'Dieser Browser kann keine Dateien teilen: Die Vorher-Nachher-Bilder und die Frontansicht werden stattdessen heruntergeladen. Senden Sie sie zusammen mit dem Link.',
    shared_one: '{{count}} Bild und der Link wurden geteilt.',
    shared_other: '{{count}} Bilder und der Link wurden geteilt.',
    downloaded_one: '{{count}} Bild heruntergeladen: {{names}}.',
    downloaded_other: '{{count}} Bilder heruntergeladen: {{names}}.',
    failed: 'Die Bilder konnten nicht geteilt werden: {{reason}}',
    title: 'Ihr SMP-Design',
    text: 'Ihre geplante SMP, wie sie in der Beratung simuliert wurde. Öffnen Sie den Link, um sie in 3D zu sehen: {{url}}',
  },
};
