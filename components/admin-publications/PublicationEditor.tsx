'use client';

import { useActionState, useState } from 'react';
import type { EditorState } from '@/lib/publications/schemas';

type Labels = Record<
  | 'language'
  | 'theme'
  | 'overall'
  | 'title'
  | 'body'
  | 'bodyHint'
  | 'status'
  | 'draft'
  | 'published'
  | 'preview'
  | 'save'
  | 'previewHeading'
  | 'saved',
  string
> & { errors: Record<string, string> };

/**
 * Markdown editor of a proceeding or a synthesis page: language, (theme), title, body, status,
 * "Preview" (renders on the server, writes nothing) and "Save". Works without JavaScript too
 * (the action's permalink). Labels come from the server page (no client message bundle needed).
 */
export function PublicationEditor(props: {
  action: (prev: EditorState, formData: FormData) => Promise<EditorState>;
  permalink: string;
  hidden: Record<string, string>;
  languages: { code: string; name: string }[];
  themes?: { slug: string; label: string }[];
  initial: { locale: string; theme?: string; title: string; body: string; status: 'DRAFT' | 'PUBLISHED'; version?: number };
  lockLocale?: boolean;
  labels: Labels;
}) {
  const [state, action, pending] = useActionState<EditorState, FormData>(props.action, {}, props.permalink);
  // Controlled fields: React resets uncontrolled fields after a form action, and "Preview"
  // must leave the text in place.
  const [locale, setLocale] = useState(props.initial.locale);
  const [theme, setTheme] = useState(props.initial.theme ?? '');
  const [title, setTitle] = useState(props.initial.title);
  const [body, setBody] = useState(props.initial.body);
  const [status, setStatus] = useState(props.initial.status);
  const version = state.version ?? props.initial.version;
  const err = (k: keyof NonNullable<EditorState['fieldErrors']>) => state.fieldErrors?.[k];
  const message = state.ok ? props.labels.saved : state.error ? (props.labels.errors[state.error] ?? state.error) : null;
  const msg = (key: string | undefined) => (key ? (props.labels.errors[key] ?? key) : null);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return (
    <form action={action} className="mt-6 max-w-4xl space-y-5" noValidate>
      {Object.entries(props.hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {state.id ? <input type="hidden" name="id" value={state.id} /> : null}
      {version !== undefined ? <input type="hidden" name="baseVersion" value={String(version)} /> : null}
      <div className="flex flex-wrap gap-6">
        <div>
          <label htmlFor="ed-locale" className="block font-semibold">
            {props.labels.language}
          </label>
          {props.lockLocale ? <input type="hidden" name="locale" value={locale} /> : null}
          <select
            id="ed-locale"
            name={props.lockLocale ? undefined : 'locale'}
            value={locale}
            disabled={props.lockLocale}
            onChange={(e) => setLocale(e.target.value)}
            className="mt-1 rounded border border-line px-2 py-1"
            aria-describedby={err('locale') ? 'ed-locale-err' : undefined}
          >
            {props.languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
          {err('locale') ? <p id="ed-locale-err" className="text-sm text-accent">{msg(err('locale'))}</p> : null}
        </div>
        {props.themes ? (
          <div>
            <label htmlFor="ed-theme" className="block font-semibold">
              {props.labels.theme}
            </label>
            <select id="ed-theme" name="theme" value={theme} onChange={(e) => setTheme(e.target.value)} className="mt-1 rounded border border-line px-2 py-1">
              <option value="">{props.labels.overall}</option>
              {props.themes.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <fieldset>
          <legend className="font-semibold">{props.labels.status}</legend>
          <label className="me-4 inline-flex items-center gap-1">
            <input type="radio" name="status" value="DRAFT" checked={status === 'DRAFT'} onChange={() => setStatus('DRAFT')} /> {props.labels.draft}
          </label>
          <label className="inline-flex items-center gap-1">
            <input type="radio" name="status" value="PUBLISHED" checked={status === 'PUBLISHED'} onChange={() => setStatus('PUBLISHED')} /> {props.labels.published}
          </label>
        </fieldset>
      </div>
      <div>
        <label htmlFor="ed-title" className="block font-semibold">
          {props.labels.title}
        </label>
        <input
          id="ed-title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={300}
          lang={locale}
          dir={dir}
          aria-invalid={err('title') ? true : undefined}
          aria-describedby={err('title') ? 'ed-title-err' : undefined}
          className="mt-1 w-full rounded border border-line px-3 py-2"
        />
        {err('title') ? <p id="ed-title-err" className="text-sm text-accent">{msg(err('title'))}</p> : null}
      </div>
      <div>
        <label htmlFor="ed-body" className="block font-semibold">
          {props.labels.body}
        </label>
        <p id="ed-body-hint" className="text-sm text-muted">
          {props.labels.bodyHint}
        </p>
        <textarea
          id="ed-body"
          name="body"
          rows={18}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          lang={locale}
          dir={dir}
          aria-invalid={err('body') ? true : undefined}
          aria-describedby={`ed-body-hint${err('body') ? ' ed-body-err' : ''}`}
          className="mt-1 w-full rounded border border-line px-3 py-2 font-mono text-sm"
        />
        {err('body') ? <p id="ed-body-err" className="text-sm text-accent">{msg(err('body'))}</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-brand px-4 py-2 font-semibold text-brand disabled:opacity-60">
          {props.labels.preview}
        </button>
        <button type="submit" name="intent" value="save" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
          {props.labels.save}
        </button>
        <p role="status" aria-live="polite" className={state.ok ? 'text-green-800' : 'text-accent'}>
          {message}
        </p>
      </div>
      {state.preview ? (
        <section aria-labelledby="ed-preview" className="rounded-lg border border-line p-4">
          <h2 id="ed-preview" className="text-lg font-bold">
            {props.labels.previewHeading}
          </h2>
          {/* Rendered and sanitized on the server (lib/publications). */}
          <div className="prose-official" lang={locale} dir={dir} dangerouslySetInnerHTML={{ __html: state.preview }} />
        </section>
      ) : null}
    </form>
  );
}
