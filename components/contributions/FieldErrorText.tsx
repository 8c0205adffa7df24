/** The error line under a field, always present so that aria-describedby points somewhere live. */
export function FieldErrorText({ id, text }: { id: string; text?: string }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 min-h-5 text-sm font-medium text-accent">
      {text || null}
    </p>
  );
}
