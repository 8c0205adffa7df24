/** True when `value` is one of `values` (a `const` list), typed as that union: for keys and labels built from data. */
export function isOneOf<const T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
