import { expect, type APIRequestContext } from '@playwright/test';
import { OPEN } from './servers';

export interface ApiPost {
  question: string;
  body: string;
  pseudonym?: string;
  language?: string;
}

/**
 * Posts contributions through the JSON API of the OPEN server (post-moderation: published at once), as a
 * script would: one form token each, the form's minimum fill time waited once for all. Returns their ids.
 */
export async function postViaApi(request: APIRequestContext, posts: ApiPost[]): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < posts.length; i++) tokens.push((await (await request.get(`${OPEN.url}/api/contributions`)).json()).formToken);
  await new Promise((r) => setTimeout(r, 3200)); // the form's minimum fill time
  const ids: string[] = [];
  for (const [i, p] of posts.entries()) {
    const res = await request.post(`${OPEN.url}/api/contributions`, {
      headers: { origin: OPEN.url },
      data: { question: p.question, pseudonym: p.pseudonym ?? 'Testeur', body: p.body, language: p.language ?? 'fr', consent: true, formToken: tokens[i], website: '' },
    });
    expect(res.status(), await res.text()).toBe(201);
    ids.push(String((await res.json()).id ?? ''));
  }
  return ids;
}
