/**
 * The one spelling of a UUID in the code base (ids of contributions, moderators, reports…):
 * lowercase or uppercase hex, 8-4-4-4-12. Pure: used by pages, schemas, the proxy and the cursor.
 */
export const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const UUID = new RegExp(`^${UUID_SOURCE}$`, 'i');

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
