import { renderContribution, UGC_REL } from '@/lib/contributions/render';
import { dirOf, langTag } from '@/lib/i18n/config';

/**
 * A contribution's text: paragraphs and line breaks, web addresses as safe links (or plain text
 * with links=false). Text nodes only: nothing a contributor writes becomes markup. An address
 * is isolated left-to-right (`dir="ltr"`, which isolates it from the bidi algorithm around it),
 * so that in Arabic text its characters stay in order.
 */
export function ContributionText({ body, language, links = true, className = '' }: { body: string; language: string; links?: boolean; className?: string }) {
  const paragraphs = renderContribution(body);
  return (
    <div lang={langTag(language)} dir={dirOf(language)} className={`space-y-3 break-words text-start ${className}`}>
      {paragraphs.map((lines, i) => (
        <p key={i}>
          {lines.map((segments, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {segments.map((s, k) =>
                s.kind === 'link' && links ? (
                  <a key={k} href={s.href} rel={UGC_REL} dir="ltr" className="text-brand underline underline-offset-2">
                    {s.text}
                  </a>
                ) : s.kind === 'link' ? (
                  <bdi key={k} dir="ltr">
                    {s.text}
                  </bdi>
                ) : (
                  <span key={k}>{s.text}</span>
                ),
              )}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
