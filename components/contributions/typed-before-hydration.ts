import { useEffect, type RefObject } from 'react';

/**
 * What a visitor typed into a form before React hydrated it (a slow connection, a fast typist:
 * the form page comes from a full page load). React keeps the DOM's text and checkboxes while it
 * hydrates, but its state still holds the server's values, and the next render would write them
 * back: the text would be lost. Called once after hydration, `adopt` receives the controls whose
 * DOM value differs from `initial` (text for inputs, textareas and selects, `checked` for
 * checkboxes), to take them into the form's state.
 */
export function useTypedBeforeHydration<V extends Record<string, string | boolean>>(
  form: RefObject<HTMLFormElement | null>,
  initial: V,
  adopt: (typed: Partial<V>) => void,
): void {
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const typed: Record<string, string | boolean> = {};
    for (const name of Object.keys(initial)) {
      const control = el.elements.namedItem(name);
      const isControl =
        control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement;
      if (!isControl) continue;
      const value = control instanceof HTMLInputElement && control.type === 'checkbox' ? control.checked : control.value;
      if (value !== initial[name]) typed[name] = value;
    }
    // A select's value is one of its options: the form's own type.
    if (Object.keys(typed).length) adopt(typed as Partial<V>);
    // Once, right after hydration: later changes go through the controls' onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
