import 'server-only';
/**
 * Published contributions for open data, read in keyset batches ordered by (createdAt, id):
 * the index on (status, createdAt, id) serves every batch, and at most one batch is in memory.
 */
import { db } from '../db';
import { env } from '../env';
import { now } from '../clock';
import { siteUrl } from '../seo/metadata';
import { publishedSql } from '../contributions/queries';
import type { CsvSeparator } from '../csv/csv';
import { operatorConfig } from '../operator/config';
import { csvHeader, csvRecord, jsonOpening, jsonRecord, JSON_CLOSING, type OpenDataRow } from './format';

interface DbRow {
  id: string;
  createdAt: Date;
  publishedAt: Date | null;
  language: string;
  pseudonym: string;
  body: string;
  questionSlug: string;
  questionTitle: string | null;
  theme: string;
  track: string;
  isDemo: boolean;
}

export const BATCH = 1000;

/** All published contributions, batch after batch. */
export async function* publishedBatches(batchSize = BATCH): AsyncGenerator<OpenDataRow[]> {
  const base = siteUrl();
  const licence = operatorConfig(env()).licence.id;
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: DbRow[] = await db.$queryRaw<DbRow[]>`
      SELECT c.id::text AS id, c."createdAt", c."publishedAt", c.language, c.pseudonym, c.body, c."isDemo",
             q.slug AS "questionSlug", qt.title AS "questionTitle", th.slug AS theme, tr.slug AS track
      FROM "Contribution" c
      JOIN "Question" q ON q.id = c."questionId"
      LEFT JOIN "QuestionTranslation" qt ON qt."questionId" = q.id AND qt.locale = 'fr'
      JOIN "Theme" th ON th.id = q."themeId"
      JOIN "Track" tr ON tr.id = th."trackId"
      WHERE ${publishedSql('c')}
        AND (${after?.createdAt ?? null}::timestamp IS NULL OR (c."createdAt", c.id) > (${after?.createdAt ?? null}::timestamp, ${after?.id ?? null}::uuid))
      ORDER BY c."createdAt", c.id
      LIMIT ${batchSize}`;
    if (!rows.length) return;
    yield rows.map((r) => ({
      id: r.id,
      question_slug: r.questionSlug,
      question_title_fr: r.questionTitle ?? '',
      track: r.track,
      theme: r.theme,
      language: r.language,
      created_at: r.createdAt.toISOString(),
      published_at: r.publishedAt?.toISOString() ?? null,
      pseudonym: r.pseudonym,
      text: r.body,
      url: `${base}/fr/questions/${r.questionSlug}#c-${r.id}`,
      licence,
      demo: r.isDemo ? 'true' : 'false',
    }));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** A byte stream pulled batch by batch: the consumer's pace drives the reads (backpressure). */
function streamOf(chunks: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let it: AsyncGenerator<string> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        it ??= chunks();
        try {
          const { value, done } = await it.next();
          if (done) controller.close();
          else controller.enqueue(enc.encode(value));
        } catch (e) {
          controller.error(e);
        }
      },
      async cancel() {
        await it?.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

export function contributionsCsvStream(batchSize = BATCH, sep: CsvSeparator = ','): ReadableStream<Uint8Array> {
  return streamOf(async function* () {
    yield csvHeader(sep);
    for await (const batch of publishedBatches(batchSize)) yield batch.map((r) => csvRecord(r, sep)).join('');
  });
}

/** The last change to any contribution, never after the application's clock. */
async function dataAsOf(): Promise<Date> {
  const { _max } = await db.contribution.aggregate({ _max: { updatedAt: true } });
  const at = now();
  return _max.updatedAt && _max.updatedAt < at ? _max.updatedAt : at;
}

export function contributionsJsonStream(batchSize = BATCH): ReadableStream<Uint8Array> {
  const { operator, licence } = operatorConfig(env());
  return streamOf(async function* () {
    yield jsonOpening({
      title: 'Je suis Internet: published contributions',
      // who runs this instance (OPERATOR_NAME); null on the unconfigured embedded demonstration
      publisher: operator?.name ?? null,
      licence: licence.id,
      licence_url: licence.url,
      licence_chosen_by: 'the operator of this instance (CONTRIBUTIONS_LICENCE)',
      demo_rows: 'rows with "demo": "true" are fictional demonstration data (embedded default database only)',
      // The moment of the data's last change (a publication, an edit, a withdrawal, a decision), not of this
      // response: the same database gives the same file (the archive export is reproducible, issue 17).
      data_as_of: (await dataAsOf()).toISOString(),
      source: siteUrl(),
      consultation_closes_at: env().CONSULTATION_CLOSES_AT.toISOString(),
    });
    let first = true;
    for await (const batch of publishedBatches(batchSize)) {
      let s = '';
      for (const r of batch) {
        s += jsonRecord(r, first);
        first = false;
      }
      yield s;
    }
    yield JSON_CLOSING;
  });
}
