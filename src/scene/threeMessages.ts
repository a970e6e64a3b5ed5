/**
 * three's own console messages. three r183 deprecated `THREE.Clock`, and @react-three/fiber 9 (the latest
 * stable release) still makes one for every canvas: its store's `clock`, which this app never reads
 * (pmndrs/react-three-fiber#3741; fiber 10 drops it). That notice says nothing about this app, so it is
 * left out; every other message of three's reaches the console as before.
 */
import { setConsoleFunction } from 'three';

const FIBER_CLOCK_NOTICE = 'THREE.Clock: This module has been deprecated';

/** Call before the first canvas is made. */
export function routeThreeMessages(): void {
  setConsoleFunction((type, message, ...params) => {
    if (type === 'warn' && message.startsWith(FIBER_CLOCK_NOTICE)) return;
    console[type](message, ...params);
  });
}
