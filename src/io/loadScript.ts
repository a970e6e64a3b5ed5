/**
 * Adds a classic script from the app's own origin to the page and resolves once it has run. For the vendored
 * loaders that put their factory on `window` (the face model, the HEIC decoder); `what` names it in the error.
 */
export function loadScript(url: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`${what} could not be loaded (${url})`)), { once: true });
    document.head.append(script);
  });
}
