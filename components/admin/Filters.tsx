import type { ReactNode } from 'react';

/** The look of every field of the back office's filter and account forms. */
export const FIELD = 'mt-1 block w-full rounded border border-line bg-white px-2 py-1.5';

/**
 * One filter of a GET form (the queue, the audit log): a labelled select whose first option,
 * when `any` is given, is "any" (an empty value).
 */
export function FilterSelect(props: {
  label: string;
  name: string;
  value: string | undefined;
  any?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="text-sm font-semibold">
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ''} className={FIELD}>
        {props.any !== undefined ? <option value="">{props.any}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The "from" and "to" day filters of a GET form. */
export function FilterDates(props: { from: { label: string; value?: string }; to: { label: string; value?: string } }) {
  return (
    <>
      <label className="text-sm font-semibold">
        {props.from.label}
        <input type="date" name="from" defaultValue={props.from.value ?? ''} className={FIELD} />
      </label>
      <label className="text-sm font-semibold">
        {props.to.label}
        <input type="date" name="to" defaultValue={props.to.value ?? ''} className={FIELD} />
      </label>
    </>
  );
}

/** The filter form's submit button and its companions (reset, exports). */
export function FilterActions(props: { apply: string; children?: ReactNode }) {
  return (
    <div className="flex items-end gap-3">
      <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
        {props.apply}
      </button>
      {props.children}
    </div>
  );
}
