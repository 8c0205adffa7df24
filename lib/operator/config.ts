/**
 * The operator of this instance and the licence of contributions are configuration, not the
 * State: OPERATOR_NAME, OPERATOR_CONTACT (email or https URL), OPERATOR_ADDRESS (optional),
 * CONTRIBUTIONS_LICENCE (an SPDX identifier from LICENCES). With DATABASE_URL (a real
 * deployment) the name and contact are required at start; on the embedded demonstration they
 * may be unset, and the pages then say that the operator is not configured.
 */
import { EnvError, type Env } from '../env';

/** The licences this platform knows: SPDX identifier → official deed (names are in messages, Licence.names). */
export const LICENCES = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
  'etalab-2.0': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const satisfies Record<Env['CONTRIBUTIONS_LICENCE'], string>;
export type LicenceId = keyof typeof LICENCES;

/** The key of each licence in the messages (Licence.names.<key>, Licence.terms.<key>): next-intl reads dots as nesting. */
const LICENCE_MESSAGE_KEYS = {
  'CC-BY-4.0': 'CC-BY-4_0',
  'CC-BY-SA-4.0': 'CC-BY-SA-4_0',
  'CC0-1.0': 'CC0-1_0',
  'ODbL-1.0': 'ODbL-1_0',
  'etalab-2.0': 'etalab-2_0',
} as const satisfies Record<LicenceId, string>;
export const licenceMessageKey = (id: LicenceId) => LICENCE_MESSAGE_KEYS[id];

export interface Operator {
  name: string;
  contact: string;
  /** mailto: for an email address, the URL itself otherwise */
  contactHref: string;
  address: string | null;
}

export interface OperatorConfig {
  /** null: not configured (only possible on the embedded demonstration) */
  operator: Operator | null;
  licence: { id: LicenceId; url: string };
}

export function operatorConfig(e: Pick<Env, 'OPERATOR_NAME' | 'OPERATOR_CONTACT' | 'OPERATOR_ADDRESS' | 'CONTRIBUTIONS_LICENCE'>): OperatorConfig {
  const licence = { id: e.CONTRIBUTIONS_LICENCE, url: LICENCES[e.CONTRIBUTIONS_LICENCE] };
  if (!e.OPERATOR_NAME || !e.OPERATOR_CONTACT) return { operator: null, licence };
  const contact = e.OPERATOR_CONTACT;
  return {
    operator: {
      name: e.OPERATOR_NAME,
      contact,
      contactHref: contact.startsWith('https://') ? contact : `mailto:${contact}`,
      address: e.OPERATOR_ADDRESS ?? null,
    },
    licence,
  };
}

/** At start: a real deployment (DATABASE_URL) must say who runs it. */
export function assertOperatorConfigured(e: Pick<Env, 'DATABASE_URL' | 'OPERATOR_NAME' | 'OPERATOR_CONTACT'>): void {
  if (!e.DATABASE_URL) return;
  const missing = (['OPERATOR_NAME', 'OPERATOR_CONTACT'] as const).filter((v) => !e[v]);
  if (!missing.length) return;
  throw new EnvError(
    missing.map((variable) => ({
      variable,
      message: 'is required when DATABASE_URL is set (who runs this instance: shown on the legal, privacy and accessibility pages)',
    })),
  );
}
