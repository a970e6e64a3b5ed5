/** Node tests and scripts read the pigment kernel weights from the app's file, as the app does at start (a vitest setup file). */
import { readFileSync } from 'node:fs';
import { providePigmentKernelWeights } from '../../src/domain/appearance/pigmentKernelWeights';
import { decodePigmentKernelWeights, PIGMENT_KERNELS_PATH } from '../../src/io/pigmentKernels';

const bytes = readFileSync(new URL(`../../public/${PIGMENT_KERNELS_PATH}`, import.meta.url));
providePigmentKernelWeights(decodePigmentKernelWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
