/**
 * An error worded for people twice: `message` in English (the API's wording, what window.smp rejects with
 * and what the console shows) and `text`, a Message the interface writes in the chosen language.
 */
import type { Message } from './languages';

export class TextError extends Error {
  constructor(
    readonly text: Message,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'TextError';
  }
}

/** The Message a thrown error carries for the interface (a TextError's, a PlanError's…), if it has one. */
export function textOf(error: unknown): Message | undefined {
  const text = error instanceof Error ? (error as { text?: unknown }).text : undefined;
  return typeof text === 'object' && text !== null && typeof (text as Message).key === 'string' ? (text as Message) : undefined;
}

/** A Message of the `messages` catalogue. */
export const message = (key: string, params?: Message['params']): Message => ({ key: `messages:${key}`, ...(params && { params }) });
