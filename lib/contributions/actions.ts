'use server';
/**
 * Server actions of the contribution forms: thin wrappers over service.ts (the same pipeline
 * as the HTTP route), returning states the forms render. Field errors are message keys of
 * the "FormErrors" namespace. A successful post or withdrawal redirects (303 without
 * JavaScript, a client navigation with it) to the contributor's private page: its address is
 * the private link by design, so it survives a reload; that page is never cached (no-store),
 * sends no Referer path and is not logged (lib/server logs no request paths).
 */
import { headers } from 'next/headers';
import { refresh } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { redirect } from '../i18n/navigation';
import { checkOrigin } from '../security/origin';
import { clientKey } from '../security/client';
import { hit } from '../security/rate-limit';
import { formDataToObject, type ErrorKey, type FieldErrors } from './schemas';
import { issueFormToken } from './form-token';
import { detectLanguage, type LanguageGuess } from './language';
import { submitContribution, submitEdit, submitReport, submitWithdrawal, type Refusal } from './service';

export type FormValues = Record<string, string>;

export type ContributeState =
  | { status: 'idle' }
  | { status: 'error'; error: ErrorKey; fields?: FieldErrors; retryAfter?: number; values: FormValues; formToken?: string};

/** The contributor's private page (`sent`: just posted, the page says thanks). */
async function toPrivatePage(token: string, query: { sent?: boolean } = {}): Promise<never> {
  return redirect({ href: `/my/${token}${query.sent ? '?sent=1' : ''}`, locale: await getLocale() });
}

const KEEP = ['pseudonym', 'body', 'language', 'consent', 'question', 'reason', 'text', 'version'];
function keepValues(o: Record<string, string>): FormValues {
  return Object.fromEntries(Object.entries(o).filter(([k]) => KEEP.includes(k)).map(([k, v]) => [k, v.slice(0, 12_000)]));
}

function refusalState(r: Refusal, values: FormValues, extra: { formToken?: string } = {}) {
  return {
    status: 'error' as const,
    error: r.error,
    ...(r.fields ? { fields: r.fields } : {}),
    ...(r.retryAfter ? { retryAfter: r.retryAfter } : {}),
    values,
    ...extra,
  };
}

export async function contributeAction(_prev: ContributeState, formData: FormData): Promise<ContributeState> {
  const input = formDataToObject(formData);
  const values = keepValues(input);
  const r = await submitContribution(input, { headers: await headers() });
  if (!r.ok) {
    // An expired form gets a fresh token so that the next click works; nothing typed is lost.
    return refusalState(r, values, r.error === 'formExpired' ? { formToken: issueFormToken() } : {});
  }
  return toPrivatePage(r.data.token, { sent: true });
}

export type SimpleState =
  | { status: 'idle' }
  | { status: 'error'; error: ErrorKey; fields?: FieldErrors; retryAfter?: number; values: FormValues}
  | { status: 'done'; changed: boolean};

export async function editAction(_prev: SimpleState, formData: FormData): Promise<SimpleState> {
  const input = formDataToObject(formData);
  const r = await submitEdit(input, { headers: await headers() });
  if (!r.ok) return refusalState(r, keepValues(input));
  refresh(); // the private-link page shows the new text and version
  return { status: 'done', changed: r.data.changed };
}

export async function withdrawAction(_prev: SimpleState, formData: FormData): Promise<SimpleState> {
  const input = formDataToObject(formData);
  const r = await submitWithdrawal(input, { headers: await headers() });
  if (!r.ok) return refusalState(r, {});
  return toPrivatePage(typeof input.token === 'string' ? input.token : '');
}

/**
 * Every report form of a question page shares this action: its result names the contribution
 * it concerns, and only that contribution's form shows it (with and without JavaScript).
 */
export type ReportState = { status: 'idle' } | (Exclude<SimpleState, { status: 'idle' }> & { contributionId: string });

export async function reportAction(_prev: ReportState, formData: FormData): Promise<ReportState> {
  const input = formDataToObject(formData);
  const contributionId = (input.contributionId ?? '').slice(0, 64);
  const r = await submitReport(input, { headers: await headers() });
  if (!r.ok) return { ...refusalState(r, keepValues(input)), contributionId };
  return { status: 'done', changed: true, contributionId };
}

/** The language the text seems to be written in (the form suggests it as the contributor types):
 *  same origin only, counted against the client's 'requests' limit like every write path. */
export async function suggestLanguageAction(text: string): Promise<LanguageGuess> {
  const h = await headers();
  const none: LanguageGuess = { language: null, reliable: false };
  if (!checkOrigin(h).ok || typeof text !== 'string') return none;
  if (!(await hit('requests', clientKey(h))).ok) return none;
  return detectLanguage(text.slice(0, 2_000));
}
