import type { Translation } from '../../catalogue';
import type { help as english } from '../en/help';

export const help: Translation<typeof english> = {
  button: { label: 'Ayuda', hint: 'Gestos, atajos y la guía' },
  title: 'Ayuda',
  close: 'Cerrar',
  gestures: {
    title: 'Gestos',
    turn: { what: 'Girar la cabeza', how: 'Arrastre con un dedo o con el ratón' },
    zoom: { what: 'Acercar o alejar', how: 'Pellizque, o gire la rueda del ratón' },
    pan: { what: 'Desplazar la cabeza', how: 'Arrastre con dos dedos, o con el botón derecho' },
    views: { what: 'Vistas estándar', how: 'Frente, Nuca, Izquierda, Derecha, Arriba y ¾, sobre la vista' },
    loupe: { what: 'Ampliar el cuero cabelludo', how: 'Lupa y luego señale el cuero cabelludo: un círculo de {{size}} a tamaño real' },
    movePoint: { what: 'Mover un punto de la línea frontal', how: 'Línea frontal → Editar línea frontal y luego arrastre un punto de control' },
    addPoint: { what: 'Añadir / quitar un punto de la línea frontal', how: 'Doble clic cerca de la línea / selecciónelo y pulse Supr' },
    paint: { what: 'Pintar densidad, cabello o una cicatriz', how: 'Elija el pincel en su paso y arrastre sobre el cuero cabelludo' },
    compare: { what: 'Comparar', how: 'Antes, sobre la vista; Dividida y Cuadrícula en Comparar e informe' },
  },
  shortcuts: {
    title: 'Atajos de teclado',
    undo: 'Deshacer',
    redo: 'Rehacer',
    loupe: 'Activar o desactivar la lupa',
    remove: 'Quitar el punto seleccionado de la línea frontal',
    divider: 'Mover el divisor de la pantalla dividida',
    focus: 'Moverse entre los controles',
    escape: 'Cerrar un cuadro de diálogo; durante un arrastre o una pincelada, anularlo',
  },
  keys: { ctrl: 'Ctrl', shift: 'Mayús', delete: 'Supr', escape: 'Esc', tab: 'Tab', divider: '← → (sobre el divisor)' },
  disclaimer: 'Una simulación, no una garantía: el resultado cicatrizado varía según la piel, los cuidados posteriores y la técnica.',
  replay: 'Ver la guía otra vez',
  guide: {
    progress: '{{page}} de {{total}}',
    skip: 'Omitir',
    close: 'Cerrar',
    back: 'Atrás',
    next: 'Siguiente',
    start: 'Empezar',
    welcome: {
      title: 'Bienvenido al simulador SMP',
      text: 'Muestra la micropigmentación capilar a tamaño real sobre una cabeza 3D: cada punto se dibuja con el tamaño, la separación y el tono planificados. Nada de lo que introduzca sale de este dispositivo.',
    },
    steps: {
      title: 'Siete pasos, en el orden de la consulta',
      text: 'El panel recorre {{steps}}. Cada paso muestra solo lo que necesita; Siguiente le lleva al próximo.',
    },
    look: {
      title: 'Mire de cerca',
      text: 'Arrastre para girar la cabeza; pellizque o use la rueda para acercar. La Lupa amplía el cuero cabelludo con una escala en milímetros, y Antes muestra la cabeza sin SMP.',
    },
    safe: {
      title: 'No se pierde nada',
      text: 'Cada cambio se puede deshacer, los planes se guardan solos en este dispositivo y Planes conserva el plan de cada cliente. Ayuda (?) enumera todos los gestos y atajos y vuelve a mostrar esta guía.',
    },
  },
};
