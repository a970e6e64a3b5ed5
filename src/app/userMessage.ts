/**
 * An error's message as a person reads it. The app's own errors (plan, file and scan errors, and plain
 * Errors thrown with a message for the user) are worded for people. An engine error (TypeError, RangeError
 * and the like: data of a shape the code did not expect, or a bug) says things like "Cannot read properties
 * of undefined (reading '1')": it is replaced by `fallback`, its detail going to the console for whoever
 * supports the clinic.
 */
export function userMessage(error: unknown, fallback: string): string {
  if (error instanceof Error && !isEngineError(error)) return error.message;
  console.error(fallback, error);
  return fallback;
}

function isEngineError(error: Error): boolean {
  return [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError].some((kind) => error instanceof kind) || error instanceof DOMException;
}
