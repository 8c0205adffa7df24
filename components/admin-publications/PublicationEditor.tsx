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

type Props = {
  action: (prev: EditorState, formData: FormData) => Promise<EditorState>;
  permalink: string;
  hidden: Record<string, string>;
  languages: { code: string; name: string }[];
  themes?: { slug: string; label: string }[];
  initial: { locale: string; theme?: string; title: string; body: string; status: 'DRAFT' | 'PUBLISHED'; version?: number };
  lockLocale?: boolean;
  labels: Labels;
};

type Fields = { locale: string; theme: string; title: string; body: string; status: 'DRAFT' | 'PUBLISHED' };
type FieldKey = keyof NonNullable<EditorState['fieldErrors']>;
/** The fields as typed, one setter, and a field's error message (or undefined). */
type FieldProps = {
  fields: Fields;
  set: <K extends keyof Fields>(k: K, v: Fields[K]) => void;
  error: (k: FieldKey) => string | undefined;
  labels: Labels;
};

/** Language (fixed when `lockLocale`: posted as a hidden field), theme (when there are themes), draft or published. */
function SettingsRow({ fields, set, error, labels, languages, themes, lockLocale }: FieldProps & Pick<Props, 'languages' | 'themes' | 'lockLocale'>) {
  return (
    <div className="flex flex-wrap gap-6">
      <div>
        <label htmlFor="ed-locale" className="block font-semibold">
          {labels.language}
        </label>
        {lockLocale ? <input type="hidden" name="locale" value={fields.locale} /> : null}
        <select
          id="ed-locale"
          name={lockLocale ? undefined : 'locale'}
          value={fields.locale}
          disabled={lockLocale}
          onChange={(e) => set('locale', e.target.value)}
          className="mt-1 rounded border border-line px-2 py-1"
          aria-describedby={error('locale') ? 'ed-locale-err' : undefined}
        >
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
        {error('locale') ? <p id="ed-locale-err" className="text-sm text-accent">{error('locale')}</p> : null}
      </div>
      {themes ? (
        <div>
          <label htmlFor="ed-theme" className="block font-semibold">
            {labels.theme}
          </label>
          <select id="ed-theme" name="theme" value={fields.theme} onChange={(e) => set('theme', e.target.value)} className="mt-1 rounded border border-line px-2 py-1">
            <option value="">{labels.overall}</option>
            {themes.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <fieldset>
        <legend className="font-semibold">{labels.status}</legend>
        <label className="me-4 inline-flex items-center gap-1">
          <input type="radio" name="status" value="DRAFT" checked={fields.status === 'DRAFT'} onChange={() => set('status', 'DRAFT')} /> {labels.draft}
        </label>
        <label className="inline-flex items-center gap-1">
          <input type="radio" name="status" value="PUBLISHED" checked={fields.status === 'PUBLISHED'} onChange={() => set('status', 'PUBLISHED')} /> {labels.published}
        </label>
      </fieldset>
    </div>
  );
}

/** Title and Markdown body, in the language and direction of the text. */
function TextFields({ fields, set, error, labels }: FieldProps) {
  const dir = fields.locale === 'ar' ? 'rtl' : 'ltr';
  return (
    <>
      <div>
        <label htmlFor="ed-title" className="block font-semibold">
          {labels.title}
        </label>
        <input
          id="ed-title"
          name="title"
          value={fields.title}
          onChange={(e) => set('title', e.target.value)}
          maxLength={300}
          lang={fields.locale}
          dir={dir}
          aria-invalid={error('title') ? true : undefined}
          aria-describedby={error('title') ? 'ed-title-err' : undefined}
          className="mt-1 w-full rounded border border-line px-3 py-2"
        />
        {error('title') ? <p id="ed-title-err" className="text-sm text-accent">{error('title')}</p> : null}
      </div>
      <div>
        <label htmlFor="ed-body" className="block font-semibold">
          {labels.body}
        </label>
        <p id="ed-body-hint" className="text-sm text-muted">
          {labels.bodyHint}
        </p>
        <textarea
          id="ed-body"
          name="body"
          rows={18}
          value={fields.body}
          onChange={(e) => set('body', e.target.value)}
          lang={fields.locale}
          dir={dir}
          aria-invalid={error('body') ? true : undefined}
          aria-describedby={`ed-body-hint${error('body') ? ' ed-body-err' : ''}`}
          className="mt-1 w-full rounded border border-line px-3 py-2 font-mono text-sm"
        />
        {error('body') ? <p id="ed-body-err" className="text-sm text-accent">{error('body')}</p> : null}
      </div>
    </>
  );
}

/** "Preview", "Save", and what came of the last one. */
function EditorActions({ state, pending, labels }: { state: EditorState; pending: boolean; labels: Labels }) {
  const message = state.ok ? labels.saved : state.error ? (labels.errors[state.error] ?? state.error) : null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-brand px-4 py-2 font-semibold text-brand disabled:opacity-60">
        {labels.preview}
      </button>
      <button type="submit" name="intent" value="save" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {labels.save}
      </button>
      <p role="status" aria-live="polite" className={state.ok ? 'text-green-800' : 'text-accent'}>
        {message}
      </p>
    </div>
  );
}

/**
 * Markdown editor of a proceeding or a synthesis page: language, (theme), title, body, status,
 * "Preview" (renders on the server, writes nothing) and "Save". Works without JavaScript too
 * (the action's permalink). Labels come from the server page (no client message bundle needed).
 */
export function PublicationEditor(props: Props) {
  const [state, action, pending] = useActionState<EditorState, FormData>(props.action, {}, props.permalink);
  // Controlled fields: React resets uncontrolled fields after a form action, and "Preview"
  // must leave the text in place.
  const { initial, labels } = props;
  const [fields, setFields] = useState<Fields>({
    locale: initial.locale,
    theme: initial.theme ?? '',
    title: initial.title,
    body: initial.body,
    status: initial.status,
  });
  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => setFields((f) => ({ ...f, [k]: v }));
  const error = (k: FieldKey) => {
    const key = state.fieldErrors?.[k];
    return key ? (labels.errors[key] ?? key) : undefined;
  };
  const version = state.version ?? initial.version;
  const dir = fields.locale === 'ar' ? 'rtl' : 'ltr';
  return (
    <form action={action} className="mt-6 max-w-4xl space-y-5" noValidate>
      {Object.entries(props.hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {state.id ? <input type="hidden" name="id" value={state.id} /> : null}
      {version !== undefined ? <input type="hidden" name="baseVersion" value={String(version)} /> : null}
      <SettingsRow {...{ fields, set, error, labels }} languages={props.languages} themes={props.themes} lockLocale={props.lockLocale} />
      <TextFields {...{ fields, set, error, labels }} />
      <EditorActions state={state} pending={pending} labels={labels} />
      {state.preview ? (
        <section aria-labelledby="ed-preview" className="rounded-lg border border-line p-4">
          <h2 id="ed-preview" className="text-lg font-bold">
            {labels.previewHeading}
          </h2>
          {/* Rendered and sanitized on the server (lib/publications). */}
          <div className="prose-official" lang={fields.locale} dir={dir} dangerouslySetInnerHTML={{ __html: state.preview }} />
        </section>
      ) : null}
    </form>
  );
}
