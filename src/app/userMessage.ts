import type { Message } from '../domain/languages';
import { textOf } from '../domain/textError';

/**
 * An error's message as a person reads it. The app's own errors (plan, file and scan errors, and plain
 * Errors thrown with a message for the user) are worded for people. An engine error (TypeError, RangeError
 * and the like: data of a shape the code did not expect, or a bug) says things like "Cannot read properties
 * of undefined (reading '1')": it is replaced by `fallback`, its detail going to the console for whoever
 * supports the clinic.
 */
export function userMessage(error: unknown, fallback: string): string {
  return userReason(error, fallback) ?? fallback;
}

/**
 * `userMessage` for a caller that words the failure itself, in the user's language: the error's message
 * when it is worded for people; otherwise null, the error going to the console after `context`.
 */
export function userReason(error: unknown, context = 'Unexpected error:'): string | null {
  if (error instanceof Error && !isEngineError(error)) return error.message;
  console.error(context, error);
  return null;
}

/**
 * An error as a Message for the interface to write in the user's language: the one it carries; its English
 * words when it is worded for people without one; otherwise `fallback`, the error going to the console.
 */
export function userText(error: unknown, fallback: Message, context?: string): Message {
  const text = textOf(error);
  if (text) return text;
  const reason = userReason(error, context);
  return reason === null ? fallback : { key: 'messages:asWritten', params: { text: reason } };
}

function isEngineError(error: Error): boolean {
  return [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError].some((kind) => error instanceof kind) || error instanceof DOMException;
}
