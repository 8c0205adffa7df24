import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { licenceMessageKey, operatorConfig } from '@/lib/operator/config';

/**
 * Who runs this instance (OPERATOR_NAME, OPERATOR_CONTACT, OPERATOR_ADDRESS), or, on the
 * embedded demonstration where they are unset, a plain statement that the operator is not
 * configured, naming the variables. Replaces "{{operator}}" in the legal, privacy and
 * accessibility pages (components/publications/OfficialPage.tsx).
 */
export async function OperatorBlock() {
  const t = await getTranslations('Operator');
  const { operator } = operatorConfig(env());
  if (!operator) {
    return (
      <div className="operator-block" data-testid="operator" data-configured="false">
        <p className="font-semibold">{t('notConfigured')}</p>
        <p className="mt-1 text-sm">
          {t('notConfiguredHow')} <code>OPERATOR_NAME</code>, <code>OPERATOR_CONTACT</code>, <code>OPERATOR_ADDRESS</code>
        </p>
      </div>
    );
  }
  return (
    <dl className="operator-block doc-meta" data-testid="operator" data-configured="true">
      <dt>{t('name')}</dt>
      <dd>{operator.name}</dd>
      <dt>{t('contact')}</dt>
      <dd>
        <a href={operator.contactHref} className="text-brand underline" dir="ltr">
          {operator.contact}
        </a>
      </dd>
      {operator.address ? (
        <>
          <dt>{t('address')}</dt>
          <dd className="whitespace-pre-line">{operator.address}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The licence of contributions, said as the operator's choice (CONTRIBUTIONS_LICENCE). Replaces "{{licence}}". */
export async function LicenceBlock() {
  const t = await getTranslations('Licence');
  const { licence } = operatorConfig(env());
  return (
    <p className="operator-block" data-testid="licence" data-licence={licence.id}>
      {t('chosen')}{' '}
      <a href={licence.url} className="font-semibold text-brand underline" hrefLang="en">
        {t(`names.${licenceMessageKey(licence.id)}`)}
      </a>{' '}
      <span dir="ltr">({licence.id})</span>. {t(`terms.${licenceMessageKey(licence.id)}`)}
    </p>
  );
}
