/**
 * Italian speaks to the reader in one register (issue 13): the courtesy form, Lei, in every
 * sentence; labels of actions (buttons, links) in the infinitive ("Salvare", "Tornare alla
 * domanda"), as the platform's instructions are ("scegliere «Aggiungi feed»"). Checked in
 * messages/it.json and in the Italian texts of prisma/content/ that this platform wrote or
 * translated (never in a verbatim 2017 text, never in demo contributions: their fictional authors
 * write as they like). Text between «» is a quotation (another program's button, a title) and is
 * left out, as are the official names of licences.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemProvenance, parseProvenanceHeader } from '../../lib/provenance/provenance';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

/**
 * Markers of "tu", chosen to be unambiguous: the pronouns and possessives, present-tense verbs of
 * the second person singular, imperatives with an enclitic pronoun, imperatives of verbs in -ere
 * and -ire (distinct from every other form); imperatives in -a are the third person's indicative
 * too ("un visitatore segnala"), so they are markers only where a sentence starts ("Torna alla…").
 * Nouns and adjectives that look like imperatives ("Copia", "Pubblica", "Mostra") are no markers.
 */
const TU = new RegExp(
  [
    String.raw`\b(?:tu|ti|te|tuo|tua|tuoi|tue)\b`,
    String.raw`\b(?:puoi|vuoi|devi|hai|riesci|preferisci|desideri|ritieni|sai)\b`,
    String.raw`\b(?:esprimiti|iscriviti|rivolgiti|conservalo|condividilo)\b`,
    String.raw`\b(?:vai|scegli|leggi|accedi|scrivi|esci|traduci|nascondi|respingi|inserisci|mantieni)\b`,
    String.raw`(?:^|[.!?:;]\s+)(?:torna|riprova|ripristina|reimposta|riattiva|disattiva|azzera|esporta|filtra|segnala|invia|salva|cerca|clicca|individua|seleziona|consulta|conserva|contatta|verifica|ricarica|ritira|utilizza|indica)\b`,
  ].join('|'),
  'i',
);

/** What a reader reads: quotations and licence names left out. */
const readable = (text: string) => text.replace(/«[^»]*»/g, '«»');

type Tree = { [k: string]: string | Tree };
function flatten(t: Tree, prefix = ''): [string, string][] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}

function offenders(texts: [string, string][]): string[] {
  return texts.filter(([, text]) => TU.test(readable(text))).map(([where, text]) => `${where}: ${text.slice(0, 120)}`);
}

describe('Italian uses the courtesy form (Lei) everywhere', () => {
  it('the markers catch "tu" and let "Lei", infinitives and nouns through', () => {
    for (const tu of ['Scegli il tuo percorso', 'Esprimiti', 'Riprova tra qualche istante.', 'se hai ricevuto', 'Torna alla domanda']) {
      expect(TU.test(readable(tu)), tu).toBe(true);
    }
    for (const lei of ['Scelga il suo percorso', 'Si esprima', 'Riprovi tra qualche istante.', 'se ha ricevuto', 'Tornare alla domanda',
      'una copia d’archivio', 'la visualizzazione pubblica', 'nel lettore, scegliere «Aggiungi feed» o «Iscriviti»', 'Sei mesi',
      'Quando un visitatore segnala un contributo, vengono registrati il motivo']) {
      expect(TU.test(readable(lei)), lei).toBe(false);
    }
  });

  it('in messages/it.json', () => {
    const messages = JSON.parse(read('messages/it.json')) as Tree & { Licence?: { names?: Tree } };
    const texts = flatten(messages).filter(([k]) => !k.startsWith('Licence.names.'));
    expect(texts.length).toBeGreaterThan(300);
    expect(offenders(texts)).toEqual([]);
  });

  it('in the Italian pages of prisma/content/ written or translated by this platform', () => {
    const dir = path.join(root, 'prisma/content/pages');
    const pages = fs.readdirSync(dir).filter((slug) => fs.existsSync(path.join(dir, slug, 'it.md')));
    expect(pages.length).toBeGreaterThan(5);
    const texts: [string, string][] = [];
    for (const slug of pages) {
      const { provenance, rest } = parseProvenanceHeader(read(`prisma/content/pages/${slug}/it.md`));
      if (provenance?.kind === 'SOURCE') continue;
      rest.split('\n').forEach((line, i) => texts.push([`pages/${slug}/it.md:${i + 2}`, line]));
    }
    expect(offenders(texts)).toEqual([]);
  });

  it('in the Italian of the catalogue, the conference, the documents and the demo publications', () => {
    const texts: [string, string][] = [];
    const walk = (node: unknown, where: string, item: { source?: string | null; verbatim?: string[] } | null) => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}[${i}]`, item));
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        const own = 'verbatim' in o || 'source' in o ? (o as { source?: string | null; verbatim?: string[] }) : item;
        for (const [k, v] of Object.entries(o)) {
          const verbatim = own && typeof own.source === 'string' && itemProvenance(own, 'it').kind === 'SOURCE';
          if (k === 'it' && typeof v === 'string' && !verbatim) texts.push([`${where}.it`, v]);
          else walk(v, `${where}.${k}`, own);
        }
      }
    };
    for (const file of ['catalogue.json', 'conference.json', 'demo/publications.json']) walk(JSON.parse(read(`prisma/content/${file}`)), file, null);
    for (const slug of fs.readdirSync(path.join(root, 'prisma/content/documents'))) {
      walk(JSON.parse(read(`prisma/content/documents/${slug}/meta.json`)), `documents/${slug}`, null);
    }
    expect(texts.length).toBeGreaterThan(50);
    expect(offenders(texts)).toEqual([]);
    // The demo synthesis and proceedings, written for this platform in Italian, are checked whole.
    const demo = JSON.parse(read('prisma/content/demo/publications.json')) as Record<string, { locale: string; body: string; title: string }[]>;
    const italian = Object.values(demo).flat().filter((p) => p.locale === 'it');
    expect(offenders(italian.map((p) => [`demo/publications.json ${p.title}`, p.body]))).toEqual([]);
  });
});
