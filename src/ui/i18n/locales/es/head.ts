import type { Translation } from '../../catalogue';
import type { head as english } from '../en/head';

export const head: Translation<typeof english> = {
  heading: 'Forma de la cabeza',
  intro: 'Dé a la cabeza predeterminada la forma de la del cliente. La línea del cabello, las cicatrices y lo pintado siguen la piel, y las cifras se miden sobre la cabeza con su forma.',
  onScan: 'La cabeza es el escaneo del cliente, su propia cabeza: la forma de la cabeza solo se aplica a la cabeza predeterminada.',
  fields: {
    size: 'Tamaño de la cabeza',
    length: 'Longitud de la cabeza',
    breadth: 'Anchura de la cabeza',
    foreheadSlopeDeg: 'Inclinación de la frente',
    crownHeightMm: 'Altura de la coronilla',
  },
  hints: {
    size: 'Todas las dimensiones, respecto a la cabeza predeterminada.',
    foreheadSlopeDeg: 'Cuánto más se inclina la frente hacia atrás (negativo: más vertical).',
    crownHeightMm: 'Cuánto más alta queda la coronilla sobre las orejas (negativo: más baja).',
  },
  withLength: '{{percent}} · {{length}}',
  reset: 'Restablecer la forma de la cabeza',
  history: {
    setShape: 'Forma de la cabeza',
    setShapeFromPhotos_one: 'Forma de la cabeza a partir de {{count}} foto',
    setShapeFromPhotos_other: 'Forma de la cabeza a partir de {{count}} fotos',
    resetShape: 'Restablecer la forma de la cabeza',
  },
};
