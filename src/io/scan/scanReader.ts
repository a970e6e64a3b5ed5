/**
 * The page's side of the scan worker: one request at a time, answered by promises. Cancelling ends the
 * worker, so even a parse of a huge file stops at once.
 */
import type { Message } from '../../domain/languages';
import { message, TextError } from '../../domain/textError';
import type { FileLandmarks, ScaleMeasurement } from '../../domain/scan/scanHead';
import type { AlignedScan, ReadScan } from '../../domain/scan/scanImport';
import { MAX_SCAN_TRIANGLES, SIMPLIFIED_TRIANGLES, type ScanRequest, type ScanResponse } from './protocol';

/** A scan above the triangle limit, read without permission to simplify it. */
export class ScanTooLargeError extends TextError {
  constructor(readonly triangles: number) {
    super(
      message('scan.tooLarge', { triangles, limit: MAX_SCAN_TRIANGLES, simplified: SIMPLIFIED_TRIANGLES }),
      `This scan has ${triangles.toLocaleString('en')} triangles; the simulator works with up to ${MAX_SCAN_TRIANGLES.toLocaleString('en')}. It can be simplified to about ${SIMPLIFIED_TRIANGLES.toLocaleString('en')} triangles (its shape is kept to a fraction of a millimetre).`,
    );
    this.name = 'ScanTooLargeError';
  }
}

export interface ScanReader {
  read(files: File[], options: { simplify: boolean; onProgress?: (text: Message) => void }): Promise<ReadScan>;
  /** Aligns the scan last read with these landmarks (file coordinates) and, if given, a measurement. */
  align(landmarks: FileLandmarks, measurement?: ScaleMeasurement): Promise<AlignedScan>;
  cancel(): void;
}

const cancelled = () => new TextError(message('scan.reader.cancelled'), 'The scan import was cancelled.');

export function createScanReader(templateUrl: string): ScanReader {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (response: ScanResponse) => void; reject: (error: Error) => void; onProgress?: (text: Message) => void }>();

  const start = () => {
    if (worker) return worker;
    worker = new Worker(new URL('./scanWorker.ts', import.meta.url), { type: 'module', name: 'scan reader' });
    worker.onmessage = (event: MessageEvent<ScanResponse>) => {
      const response = event.data;
      const waiting = pending.get(response.id);
      if (!waiting) return;
      if (response.ok && 'progress' in response) return waiting.onProgress?.(response.progress);
      pending.delete(response.id);
      waiting.resolve(response);
    };
    worker.onerror = (event) => {
      // A worker that dies (out of memory on a huge file) fails every request with a message the user can act on.
      event.preventDefault();
      fail(new TextError(message('scan.reader.stopped'), 'The scan could not be read: the browser ran out of memory or the reader stopped. Try a smaller export of the scan.'));
    };
    return worker;
  };
  const fail = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  const send = (request: ScanRequest, onProgress?: (text: Message) => void) =>
    new Promise<ScanResponse>((resolve, reject) => {
      pending.set(request.id, { resolve, reject, ...(onProgress && { onProgress }) });
      start().postMessage(request);
    });
  const failed = (response: ScanResponse): never => {
    if (!response.ok && response.tooLarge) throw new ScanTooLargeError(response.tooLarge.triangles);
    throw !response.ok ? new TextError(response.text, response.message) : new TextError(message('scan.reader.unexpected'), 'The scan reader gave an unexpected answer.');
  };

  return {
    async read(files, { simplify, onProgress }) {
      const response = await send({ kind: 'read', id: nextId++, files, templateUrl, simplify }, onProgress);
      return response.ok && 'read' in response ? response.read : failed(response);
    },
    async align(landmarks, measurement) {
      const response = await send({ kind: 'align', id: nextId++, landmarks, ...(measurement && { measurement }) });
      return response.ok && 'aligned' in response ? response.aligned : failed(response);
    },
    cancel: () => fail(cancelled()),
  };
}
