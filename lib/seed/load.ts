/**
 * Load data for benchmarks: realistic contributions across all questions and the ten
 * languages (real scripts from a phrase bank, varied lengths, a published/pending/rejected
 * mix, dates over 2017), inserted in batches of 10,000 rows with one
 * INSERT … SELECT FROM unnest(…) each. Rows are flagged isDemo and their idempotency key starts
 * with "load:" (removeLoad() deletes exactly them). Top-up semantics: seedLoad({ total }) adds
 * only what is missing to reach `total` load rows.
 */
import crypto from 'node:crypto';
import pg from 'pg';

export const LOAD_PREFIX = 'load:';

const PHRASES: Record<string, string[]> = {
  fr: [
    'Les États doivent s’abstenir de toute attaque contre les infrastructures critiques d’un autre pays.',
    'Le droit international s’applique au cyberespace, mais son interprétation reste à préciser.',
    'La société civile doit être associée aux discussions sur la stabilité du numérique.',
    'Il faut renforcer la coopération entre les équipes de réponse aux incidents.',
    'La protection des données personnelles est une condition de la confiance.',
    'Les entreprises ont aussi une responsabilité dans la sécurité des produits qu’elles vendent.',
    'Une attribution publique des attaques devrait reposer sur des preuves partagées.',
    'Je souhaite que les citoyens soient mieux formés aux risques numériques.',
  ],
  en: [
    'States should refrain from attacking the critical infrastructure of other countries.',
    'International law applies to cyberspace, yet how it applies still needs work.',
    'Civil society must have a seat at the table when norms are discussed.',
    'Incident response teams need channels that keep working during a crisis.',
    'Vendors should be accountable for the security of the products they ship.',
    'Public attribution of attacks should rest on evidence that others can check.',
    'Education in digital hygiene is the cheapest defence we have.',
    'Confidence-building measures can prevent escalation between states.',
  ],
  de: [
    'Staaten sollten keine kritischen Infrastrukturen anderer Länder angreifen.',
    'Das Völkerrecht gilt auch im Cyberraum, seine Auslegung bleibt jedoch offen.',
    'Die Zivilgesellschaft muss an der Ausarbeitung von Normen beteiligt werden.',
    'Die Zusammenarbeit zwischen den Notfallteams muss gestärkt werden.',
    'Hersteller tragen Verantwortung für die Sicherheit ihrer Produkte.',
    'Vertrauensbildende Maßnahmen können eine Eskalation verhindern.',
  ],
  es: [
    'Los Estados deben abstenerse de atacar las infraestructuras críticas de otros países.',
    'El derecho internacional se aplica al ciberespacio, pero su interpretación sigue abierta.',
    'La sociedad civil debe participar en la elaboración de normas.',
    'Hay que reforzar la cooperación entre los equipos de respuesta a incidentes.',
    'Los fabricantes son responsables de la seguridad de sus productos.',
    'La educación digital es la defensa más barata que tenemos.',
  ],
  it: [
    'Gli Stati dovrebbero astenersi dall’attaccare le infrastrutture critiche di altri paesi.',
    'Il diritto internazionale si applica al cyberspazio, ma la sua interpretazione resta aperta.',
    'La società civile deve partecipare alla definizione delle norme.',
    'Serve più cooperazione tra le squadre di risposta agli incidenti.',
    'I produttori sono responsabili della sicurezza dei loro prodotti.',
  ],
  pt: [
    'Os Estados devem abster-se de atacar as infraestruturas críticas de outros países.',
    'O direito internacional aplica-se ao ciberespaço, mas a sua interpretação continua em aberto.',
    'A sociedade civil deve participar na elaboração das normas.',
    'É preciso reforçar a cooperação entre as equipas de resposta a incidentes.',
    'Os fabricantes são responsáveis pela segurança dos seus produtos.',
  ],
  ru: [
    'Государства должны воздерживаться от атак на критическую инфраструктуру других стран.',
    'Международное право применимо к киберпространству, но его толкование остаётся открытым.',
    'Гражданское общество должно участвовать в выработке норм.',
    'Необходимо укреплять сотрудничество между группами реагирования на инциденты.',
    'Производители несут ответственность за безопасность своих продуктов.',
  ],
  ar: [
    'يجب على الدول الامتناع عن مهاجمة البنى التحتية الحيوية للدول الأخرى.',
    'ينطبق القانون الدولي على الفضاء الإلكتروني، لكن تفسيره لا يزال مفتوحاً.',
    'يجب إشراك المجتمع المدني في وضع القواعد.',
    'ينبغي تعزيز التعاون بين فرق الاستجابة للحوادث.',
    'يتحمل المصنعون مسؤولية أمن المنتجات التي يبيعونها.',
    'التوعية الرقمية هي أرخص وسيلة دفاع لدينا.',
  ],
  zh: [
    '各国应避免攻击其他国家的关键基础设施。',
    '国际法适用于网络空间，但其具体解释仍有待明确。',
    '公民社会应当参与网络规范的制定。',
    '应加强各国计算机应急响应小组之间的合作。',
    '厂商应对其销售产品的安全负责。',
    '数字素养教育是成本最低的防御手段。',
  ],
  ko: [
    '국가는 다른 나라의 핵심 기반시설을 공격해서는 안 됩니다.',
    '국제법은 사이버 공간에도 적용되지만 그 해석은 아직 열려 있습니다.',
    '시민 사회도 규범 논의에 참여해야 합니다.',
    '침해사고 대응팀 간의 협력을 강화해야 합니다.',
    '제조사는 판매하는 제품의 보안에 책임을 져야 합니다.',
  ],
};

const NAMES: Record<string, string[]> = {
  fr: ['Camille', 'Léa', 'Hugo', 'citoyen75', 'Juriste_Lyon'],
  en: ['Alex', 'jdoe', 'NetPolicyFan', 'Sam R.', 'Priya'],
  de: ['Jonas', 'Lena K.', 'Netzbürger', 'Mia'],
  es: ['Lucía', 'Mateo', 'Ciberciudadano', 'Ana G.'],
  it: ['Giulia', 'Marco', 'Cittadino_Digitale'],
  pt: ['João', 'Beatriz', 'Cidadão_Digital'],
  ru: ['Алексей', 'Мария', 'Гражданин_Сети'],
  ar: ['مريم', 'يوسف', 'مواطن رقمي'],
  zh: ['李华', '王芳', '网络公民'],
  ko: ['김민수', '이지은', '디지털시민'],
};

export const LOAD_LANGUAGES = Object.keys(PHRASES);

/** A deterministic pseudo-random generator (mulberry32): the same seed, the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LoadRow {
  questionId: number;
  pseudonym: string;
  body: string;
  language: string;
  status: 'PUBLISHED' | 'PENDING' | 'REJECTED' | 'HIDDEN';
  createdAt: Date;
  publishedAt: Date | null;
}

const START = Date.parse('2017-02-01T09:00:00+01:00');
const SPAN = Date.parse('2017-12-31T20:00:00+01:00') - START;

/** One generated contribution. Question choice is skewed (a few questions get most). */
export function makeRow(rand: () => number, questionIds: number[], opts: { questionId?: number; status?: LoadRow['status'] } = {}): LoadRow {
  const language = LOAD_LANGUAGES[Math.floor(rand() ** 1.6 * LOAD_LANGUAGES.length)];
  const phrases = PHRASES[language];
  // Lengths: mostly short, some long (1 to ~40 sentences).
  const n = 1 + Math.floor(rand() ** 3 * 40);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(phrases[Math.floor(rand() * phrases.length)]);
  const sep = language === 'zh' ? '' : ' ';
  let body = parts.join(sep);
  if (body.length < 20) body = `${body}${sep}${phrases[0]}`;
  const names = NAMES[language];
  const pseudonym = `${names[Math.floor(rand() * names.length)]}${rand() < 0.5 ? '' : ` ${Math.floor(rand() * 1000)}`}`;
  const r = rand();
  const status = opts.status ?? (r < 0.85 ? 'PUBLISHED' : r < 0.95 ? 'PENDING' : r < 0.98 ? 'REJECTED' : 'HIDDEN');
  const createdAt = new Date(START + Math.floor(rand() * SPAN));
  const publishedAt = status === 'PUBLISHED' || status === 'HIDDEN' ? new Date(createdAt.getTime() + Math.floor(rand() * 48 * 3600_000)) : null;
  const questionId = opts.questionId ?? questionIds[Math.floor(rand() ** 2 * questionIds.length)];
  return { questionId, pseudonym, body, language, status, createdAt, publishedAt };
}

/** Inserts rows with one statement (unnest of parallel arrays). */
export async function insertRows(client: pg.ClientBase, rows: LoadRow[], keyPrefix: string): Promise<void> {
  const cols = {
    q: [] as number[],
    p: [] as string[],
    b: [] as string[],
    l: [] as string[],
    s: [] as string[],
    k: [] as string[],
    c: [] as string[],
    pa: [] as (string | null)[],
  };
  for (const [i, r] of rows.entries()) {
    cols.q.push(r.questionId);
    cols.p.push(r.pseudonym);
    cols.b.push(r.body);
    cols.l.push(r.language);
    cols.s.push(r.status);
    cols.k.push(`${keyPrefix}${i}`);
    cols.c.push(r.createdAt.toISOString());
    cols.pa.push(r.publishedAt ? r.publishedAt.toISOString() : null);
  }
  await client.query(
    `INSERT INTO "Contribution" ("id", "questionId", "pseudonym", "body", "language", "status", "editTokenHash", "idempotencyKey", "isDemo", "createdAt", "updatedAt", "publishedAt", "decidedAt")
     SELECT gen_random_uuid(), t.q, t.p, t.b, t.l, t.s::"ContributionStatus", 'load:' || md5(t.k), t.k, true, t.c, t.c, t.pa,
            CASE WHEN t.s = 'PENDING' THEN NULL ELSE COALESCE(t.pa, t.c) END
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[]) AS t(q, p, b, l, s, k, c, pa)`,
    [cols.q, cols.p, cols.b, cols.l, cols.s, cols.k, cols.c, cols.pa],
  );
}

export async function countLoad(client: pg.ClientBase): Promise<number> {
  const r = await client.query(`SELECT count(*)::int AS n FROM "Contribution" WHERE "idempotencyKey" LIKE 'load:%'`);
  return r.rows[0].n;
}

/**
 * Tops the load rows up to `total`. Returns how many were inserted. `onProgress(done, todo)`
 * after each batch.
 */
export async function seedLoad(opts: {
  url: string;
  total: number;
  batch?: number;
  seed?: number;
  onProgress?: (done: number, todo: number) => void;
}): Promise<number> {
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  try {
    const questionIds = (await client.query(`SELECT id FROM "Question" ORDER BY id`)).rows.map((r) => r.id as number);
    if (!questionIds.length) throw new Error('no questions: seed the official content first (npm start does)');
    const have = await countLoad(client);
    const todo = Math.max(0, opts.total - have);
    const batch = opts.batch ?? 10_000;
    const rand = rng(opts.seed ?? have + 1);
    const run = crypto.randomBytes(4).toString('hex');
    let done = 0;
    opts.onProgress?.(0, todo);
    while (done < todo) {
      const n = Math.min(batch, todo - done);
      const rows = Array.from({ length: n }, () => makeRow(rand, questionIds));
      await insertRows(client, rows, `${LOAD_PREFIX}${run}:${done}:`);
      done += n;
      opts.onProgress?.(done, todo);
    }
    if (todo > 0) await client.query('ANALYZE "Contribution"');
    return todo;
  } finally {
    await client.end();
  }
}

/** Adds `count` published contributions to one question (e.g. "a question with 50"). */
export async function seedQuestion(opts: { url: string; questionSlug: string; count: number; seed?: number }): Promise<number> {
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  try {
    const q = await client.query(`SELECT id FROM "Question" WHERE slug = $1`, [opts.questionSlug]);
    if (!q.rowCount) throw new Error(`unknown question ${opts.questionSlug}`);
    const id = q.rows[0].id as number;
    const have = (await client.query(`SELECT count(*)::int AS n FROM "Contribution" WHERE "questionId" = $1 AND status = 'PUBLISHED'`, [id])).rows[0].n as number;
    const todo = Math.max(0, opts.count - have);
    if (!todo) return 0;
    const rand = rng(opts.seed ?? 7);
    const rows = Array.from({ length: todo }, () => makeRow(rand, [id], { questionId: id, status: 'PUBLISHED' }));
    await insertRows(client, rows, `${LOAD_PREFIX}q:${opts.questionSlug}:${crypto.randomBytes(4).toString('hex')}:`);
    return todo;
  } finally {
    await client.end();
  }
}

/** Deletes every load row (and nothing else). */
export async function removeLoad(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(`DELETE FROM "Contribution" WHERE "idempotencyKey" LIKE 'load:%'`);
    return r.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
