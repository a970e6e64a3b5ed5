import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlan, useSimulator, useView } from '../app/simulator';
import { useClinicProfile } from '../app/clinic';
import { runCommand, type CommandId, type CommandInput } from '../app/commands';
import {
  HEALTH_QUESTIONS,
  healthWarnings,
  isSigned,
  MAX_ANSWER_DETAILS,
  MAX_CONSENT_HISTORY,
  MAX_CONSENT_NOTES,
  SIGNER_ROLES,
  signingGaps,
  type Answer,
  type ConsentVersion,
  type HealthAnswer,
  type HealthQuestion,
  type SignerRole,
} from '../domain/consent';
import { ChoiceGroup } from './ChoiceGroup';
import { useFormat } from './i18n/useFormat';
import { SignatureField } from './SignatureField';
import './consent.css';

const CHOICES: readonly Exclude<Answer, 'unanswered'>[] = ['yes', 'no', 'unsure'];

/** The consent text a draft shows and is signed with: the clinic's own, or the standard one in the language on screen. */
export function useConsentText(): { text: string; source: 'clinic' | 'standard' } {
  const { t } = useTranslation('consent');
  const clinicText = useClinicProfile()?.consentText.trim() ?? '';
  return clinicText ? { text: clinicText, source: 'clinic' } : { text: t('standardText'), source: 'standard' };
}

/** "Signed 4 December 2026 at 21:30", in the language on screen. */
function useSignedDate(): (iso: string) => string {
  const f = useFormat();
  return (iso) => f.date(new Date(iso), { dateStyle: 'long', timeStyle: 'short' });
}

/**
 * The consent in the consultation's last step: the health questions, the consent text and both signatures
 * drawn on screen; once signed, the signed version read-only, with the way to a new version and the earlier
 * ones. Every change is a named command (one undo step).
 */
export function ConsentPanel() {
  const { t } = useTranslation('consent');
  const consent = usePlan((p) => p.consent);
  const signedDate = useSignedDate();
  const { current, history } = consent;
  const signed = isSigned(current);
  const sim = useSimulator();
  return (
    <section className="panel-section consent" aria-labelledby="consent-heading" data-testid="consent">
      <h2 id="consent-heading">{t('heading')}</h2>
      <p className="consent-status" data-testid="consent-status" data-signed={signed}>
        <strong>{t('version', { version: current.version })}</strong> · {signed ? t('signedOn', { date: signedDate(current.signedAt) }) : t('draft')}
      </p>
      {signed ? (
        <>
          <p className="hint">{t('readOnly')}</p>
          <ConsentRecord version={current} />
          {history.length < MAX_CONSENT_HISTORY ? (
            <button type="button" className="tool-button" data-testid="consent-new-version" onClick={() => runCommand(sim, 'consent.new-version', {})}>
              {t('newVersion', { version: current.version + 1 })}
            </button>
          ) : (
            <p className="hint">{t('historyFull')}</p>
          )}
        </>
      ) : (
        <ConsentForm version={current} />
      )}
      {history.length > 0 && (
        <details className="consent-history" data-testid="consent-history">
          <summary>{t('history')}</summary>
          {[...history].reverse().map((version) => (
            <details key={version.version} className="consent-history-item">
              <summary>{t('historyItem', { version: version.version, date: signedDate(version.signedAt) })}</summary>
              <ConsentRecord version={version} />
            </details>
          ))}
        </details>
      )}
    </section>
  );
}

/** The draft: questions, notes, warnings, the text to sign, both signatures and the Sign button. */
function ConsentForm({ version }: { version: ConsentVersion }) {
  const { t } = useTranslation('consent');
  const sim = useSimulator();
  const id = useId();
  const language = useView((v) => v.language);
  const { text, source } = useConsentText();
  const gaps = signingGaps(version);
  const run = <K extends CommandId>(command: K, args: CommandInput<K>, gesture?: string) => runCommand(sim, command, args, gesture === undefined ? {} : { gesture });
  const endTyping = () => sim.planStore.getState().endGesture();
  const role = (r: SignerRole) => t(`signatures.roles.${r}`);
  return (
    <>
      <p className="hint">{t('intro')}</p>
      <h3>{t('questionsHeading')}</h3>
      {HEALTH_QUESTIONS.map((question) => (
        <QuestionField
          key={question}
          question={question}
          answer={version.answers[question]}
          onAnswer={(answer) => run('consent.answer', { question, answer })}
          onDetails={(details) => run('consent.answer', { question, details }, `consent-details-${question}`)}
          onDone={endTyping}
        />
      ))}
      <label className="field" htmlFor={`${id}-notes`}>
        {t('notes')}
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={MAX_CONSENT_NOTES}
          value={version.notes}
          aria-describedby={`${id}-notes-hint`}
          onChange={(e) => run('consent.set-notes', { notes: e.currentTarget.value }, 'consent-notes')}
          onBlur={endTyping}
          data-testid="consent-notes"
        />
      </label>
      <p className="hint" id={`${id}-notes-hint`}>
        {t('notesHint')}
      </p>
      <HealthWarnings answers={version.answers} />
      <h3>{t('text.heading')}</h3>
      <p className="hint">{source === 'clinic' ? t('text.clinic') : t('text.standard')}</p>
      <ConsentText text={text} lang={language} />
      <h3>{t('signatures.heading')}</h3>
      <p className="hint">{t('signatures.hint')}</p>
      {SIGNER_ROLES.map((r) => (
        <SignatureField
          key={r}
          role={role(r)}
          signature={version[r]}
          testId={`consent-${r}`}
          onName={(name) => run('consent.set-signer', { role: r, name }, `consent-name-${r}`)}
          onNameDone={endTyping}
          onImage={(image) => run('consent.set-signature', { role: r, image }, image ? `consent-signature-${r}` : undefined)}
        />
      ))}
      {gaps.length > 0 && (
        <div className="consent-missing" data-testid="consent-missing">
          <p>{t('missing.heading')}</p>
          <ul>
            {gaps.map((gap) => (
              <li key={gap.kind === 'answers' ? gap.kind : `${gap.kind}-${gap.role}`}>
                {gap.kind === 'answers' ? t('missing.answers', { count: gap.questions.length }) : t(`missing.${gap.kind}`, { role: role(gap.role) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        className="tool-button primary consent-sign"
        disabled={gaps.length > 0}
        onClick={() => run('consent.sign', { text, language })}
        data-testid="consent-sign"
      >
        {t('sign')}
      </button>
    </>
  );
}

function QuestionField(props: { question: HealthQuestion; answer: HealthAnswer; onAnswer(answer: Answer): void; onDetails(details: string): void; onDone(): void }) {
  const { question, answer } = props;
  const { t } = useTranslation('consent');
  const id = useId();
  const choices = CHOICES.map((value) => ({ value, label: t(`answers.${value}`) }));
  return (
    <fieldset className="consent-question" data-testid={`consent-question-${question}`}>
      <legend>{t(`questions.${question}.text`)}</legend>
      <ChoiceGroup
        label={t(`questions.${question}.short`)}
        choices={choices}
        value={answer.answer === 'unanswered' ? null : answer.answer}
        onChange={props.onAnswer}
        dataKey={`consent-${question}`}
        compact
      />
      <label className="field consent-details" htmlFor={`${id}-details`}>
        {t('details')}
        <input
          id={`${id}-details`}
          type="text"
          autoComplete="off"
          maxLength={MAX_ANSWER_DETAILS}
          value={answer.details}
          onChange={(e) => props.onDetails(e.currentTarget.value)}
          onBlur={props.onDone}
          data-testid={`consent-details-${question}`}
        />
      </label>
    </fieldset>
  );
}

/** The warnings the answers raise, the most serious first; nothing when none. */
export function HealthWarnings({ answers }: { answers: Record<HealthQuestion, HealthAnswer> }) {
  const { t } = useTranslation('consent');
  const warnings = healthWarnings(answers);
  if (!warnings.length) return null;
  return (
    <div className="consent-warnings" data-testid="consent-warnings">
      <h3>{t('warnings.heading')}</h3>
      <ul className="warnings">
        {warnings.map(({ question, level }) => (
          <li key={question} data-level={level}>
            <strong>{t(`warnings.levels.${level}`)}:</strong>{' '}
            {level === 'check' ? t('warnings.unsure', { question: t(`questions.${question}.short`) }) : t(`warnings.${question}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The consent text, in a scrolling box a keyboard can scroll too. */
export function ConsentText({ text, lang }: { text: string; lang: string }) {
  const { t } = useTranslation('consent');
  return (
    <div className="consent-text" role="region" aria-label={t('text.label')} tabIndex={0} lang={lang} data-testid="consent-text">
      {text}
    </div>
  );
}

/** The answers and notes of a version, each question with its answer and details. */
export function ConsentAnswers({ version }: { version: ConsentVersion }) {
  const { t } = useTranslation('consent');
  return (
    <>
      <dl className="consent-answers" data-testid="consent-answers">
        {HEALTH_QUESTIONS.map((question) => {
          const { answer, details } = version.answers[question];
          return (
            <div key={question} data-question={question}>
              <dt>{t(`questions.${question}.text`)}</dt>
              <dd>
                <strong>{t(`answers.${answer}`)}</strong>
                {details && <span className="consent-details-text"> · {details}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      {version.notes && (
        <div className="consent-notes">
          <h4>{t('report.notes')}</h4>
          <p>{version.notes}</p>
        </div>
      )}
    </>
  );
}

/** Both signatures of a version as pictures, with the signers' names and when each signed. */
export function ConsentSignatures({ version }: { version: ConsentVersion }) {
  const { t } = useTranslation('consent');
  const signedDate = useSignedDate();
  return (
    <div className="consent-signatures" data-testid="consent-signatures">
      {SIGNER_ROLES.map((role) => {
        const signature = version[role];
        return (
          <figure key={role} className="consent-signature" data-role={role}>
            {signature.image ? <img src={signature.image} alt={t('signatures.image', { name: signature.name })} /> : <div className="consent-signature-blank" />}
            <figcaption>
              <strong>{t(`signatures.roles.${role}`)}:</strong> {signature.name}
              {signature.signedAt && <small>{t('signatures.drawnAt', { date: signedDate(signature.signedAt) })}</small>}
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}

/** A signed version, read-only: answers, warnings, the text as signed (folded) and the signatures. */
function ConsentRecord({ version }: { version: ConsentVersion }) {
  const { t } = useTranslation('consent');
  return (
    <div className="consent-record">
      <ConsentAnswers version={version} />
      <HealthWarnings answers={version.answers} />
      <details className="consent-signed-text">
        <summary>{t('text.asSigned')}</summary>
        <ConsentText text={version.text} lang={version.language} />
      </details>
      <ConsentSignatures version={version} />
    </div>
  );
}
