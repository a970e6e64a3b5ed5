import type { Translation } from '../../catalogue';
import type { photos as english } from '../en/photos';

export const photos: Translation<typeof english> = {
  heading: 'Fotos del cliente',
  intro: 'Añada fotos del cliente (de frente, de los lados, de la nuca y de la coronilla) para ver el plan sobre ellas. Las fotos se quedan en este dispositivo, con este plan.',
  unsaved: 'Las fotos se guardan con un plan guardado en este dispositivo, y este navegador no está guardando planes (navegación privada, o el almacenamiento está lleno o bloqueado), así que aquí no se pueden añadir fotos. Abra el simulador en una ventana normal para usar fotos.',
  starting: 'Esperando al almacenamiento de este dispositivo…',
  viewLabel: 'Qué muestra la foto',
  add: 'Añadir foto…',
  adding: 'Leyendo la foto y buscando la cara…',
  none: 'Aún no hay fotos.',
  listLabel: 'Fotos de este plan',
  show: 'Ver en la foto',
  hide: 'Volver a la vista 3D',
  only3d: 'Solo cambia la vista 3D, no la foto. Vuelva a la vista 3D para usarlo.',
  remove: 'Eliminar',
  removeLabel: 'Eliminar la foto: {{view}}',
  thumbnail: 'Foto: {{view}}',
  loading: 'Ajustando la cabeza a la foto…',
  useShape: 'Usar esta forma de cabeza para el plan',
  useShapeHint: 'Aplica al plan la forma de cabeza ajustada a esta foto: tamaño, longitud y anchura de la cabeza, inclinación de la frente y altura de la coronilla.',
  screen: {
    label: 'El plan sobre la foto del cliente',
    before: 'Foto',
    simulation: 'Simulación',
    divider: 'Antes y después sobre la foto',
    dividerValue: '{{percent}} % de la foto tal como se tomó',
    noFit: 'No se pudo ajustar la cabeza a esta foto: coloque o corrija sus puntos de referencia.',
    scanHead: 'La vista de fotos ajusta la cabeza predeterminada a las fotos: use la cabeza predeterminada (paso 1) para dibujar el plan sobre esta foto.',
    fitted: 'Cabeza ajustada: girada {{yaw, number}}°, {{points}} puntos, desviación media de {{residual, number}} px.',
  },
  report: {
    heading: 'Sobre las fotos del cliente',
    note: 'Cada par muestra la foto del cliente tal como se tomó y, al lado, una simulación del plan dibujada sobre ella. La simulación es una vista previa, no una garantía del resultado.',
    before: '{{view}} · foto',
    after: '{{view}} · simulación',
  },
};
