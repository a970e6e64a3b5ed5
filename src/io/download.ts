/** Saves `blob` as a file named `fileName` through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the URL by the next task; the delay only covers slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
