import type { Translation } from '../../catalogue';
import type { share as english } from '../en/share';

export const share: Translation<typeof english> = {
  heading: 'Compartir con el cliente',
  open: 'Compartir con el cliente',
  intro: 'El código QR y el enlace abren este diseño en el teléfono del cliente. Solo contienen el diseño: nunca el nombre del cliente, sus notas, firmas ni respuestas de salud.',
  qr: {
    label: 'Código QR del enlace a este diseño',
    scan: 'Escanéelo con la cámara del teléfono del cliente para abrir el diseño allí.',
    tooLong:
      'El enlace de este diseño es demasiado largo para un código QR ({{length, number}} caracteres; un código QR admite como máximo {{max, number}}) por sus numerosos trazos pintados. Copie el enlace y envíeselo al cliente.',
  },
  link: {
    label: 'Enlace al diseño',
    copy: 'Copiar enlace',
    copied: 'Enlace copiado.',
    copyFailed: 'No se pudo copiar el enlace ({{reason}}). Selecciónelo arriba y cópielo manualmente.',
  },
  pictures: {
    share: 'Compartir…',
    download: 'Descargar imágenes',
    preparing: 'Preparando las imágenes…',
    shareHint: 'Comparte las imágenes de antes y después y la vista frontal, junto con el enlace, desde el menú de compartir de este dispositivo (mensajes, correo, AirDrop…).',
    downloadHint: 'Este navegador no puede compartir archivos: en su lugar se descargan las imágenes de antes y después y la vista frontal. Envíelas junto con el enlace.',
    shared_one: 'Se compartió {{count}} imagen y el enlace.',
    shared_other: 'Se compartieron {{count}} imágenes y el enlace.',
    downloaded_one: 'Se descargó {{count}} imagen: {{names}}.',
    downloaded_other: 'Se descargaron {{count}} imágenes: {{names}}.',
    failed: 'No se pudieron compartir las imágenes: {{reason}}',
    title: 'Su diseño de SMP',
    text: 'Su SMP planificada, tal como se simuló en la consulta. Abra el enlace para verla en 3D: {{url}}',
  },
};
