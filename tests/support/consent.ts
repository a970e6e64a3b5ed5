/** A consent filled in through the commands, as the step-7 panel fills it: for the unit tests. */
import { runCommand, type CommandHost } from '../../src/app/commands';
import { HEALTH_QUESTIONS } from '../../src/domain/consent';

/** A 1 × 1 PNG as a data URL: a signature as the plan keeps it. */
export const SIGNATURE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Answers every health question "no" (keloids "yes"), names both signers and draws both signatures. */
export function fillConsent(sim: CommandHost): void {
  for (const question of HEALTH_QUESTIONS) runCommand(sim, 'consent.answer', { question, answer: question === 'keloids' ? 'yes' : 'no' });
  for (const [role, name] of [['client', 'Ana Ruiz'], ['practitioner', 'Dr. Lee']] as const) {
    runCommand(sim, 'consent.set-signer', { role, name });
    runCommand(sim, 'consent.set-signature', { role, image: SIGNATURE_PNG });
  }
}

/** Fills the consent and signs it. */
export function signConsentNow(sim: CommandHost, text = 'I consent to SMP.'): void {
  fillConsent(sim);
  runCommand(sim, 'consent.sign', { text, language: 'en' });
}
