import nlBasis from './nl.json';
import enBasis from './en.json';
import nlGegevens from './gegevens.nl.json';
import enGegevens from './gegevens.en.json';
import nlSocialeKaart from './sociale-kaart.nl.json';
import enSocialeKaart from './sociale-kaart.en.json';
import nlHiaten from './hiaten.nl.json';
import enHiaten from './hiaten.en.json';
import nlNetwerk from './netwerk.nl.json';
import enNetwerk from './netwerk.en.json';
import nlRapport from './rapport.nl.json';
import enRapport from './rapport.en.json';
import nlPresentatie from './presentatie.nl.json';
import enPresentatie from './presentatie.en.json';
import nlPdf from './pdf.nl.json';
import enPdf from './pdf.en.json';
import nlPilot from './pilot.nl.json';
import enPilot from './pilot.en.json';
import nlSamenwerken from './samenwerken.nl.json';
import enSamenwerken from './samenwerken.en.json';
import type { AppError } from '../result';

type Catalog = { readonly [key: string]: string | Catalog };

/** Catalogs are kept in several files (one per part of the app); keys of the same branch are merged. */
function merge(...parts: Catalog[]): Catalog {
  const out: Record<string, string | Catalog> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const prev = out[key];
      out[key] = typeof value === 'object' && typeof prev === 'object' ? merge(prev, value) : value;
    }
  }
  return out;
}

export const CATALOGS = {
  nl: merge(
    nlBasis,
    nlGegevens,
    nlSocialeKaart,
    nlHiaten,
    nlNetwerk,
    nlRapport,
    nlPresentatie,
    nlPdf,
    nlPilot,
    nlSamenwerken,
  ),
  en: merge(
    enBasis,
    enGegevens,
    enSocialeKaart,
    enHiaten,
    enNetwerk,
    enRapport,
    enPresentatie,
    enPdf,
    enPilot,
    enSamenwerken,
  ),
} as const;
export type Language = keyof typeof CATALOGS;

function lookup(catalog: unknown, path: string): string | undefined {
  let node: unknown = catalog;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Fills `{{name}}` placeholders; used by the CLI (the renderer uses i18next on the same catalogs). */
export function formatMessage(language: Language, key: string, params: Readonly<Record<string, string | number>> = {}) {
  const template = lookup(CATALOGS[language], key) ?? lookup(CATALOGS.nl, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : '',
  );
}

/** Parameters that carry an internal key ("soort_organisatie") and the catalogue branch with its words. */
const LEESBAAR: Readonly<Record<string, string>> = { taxonomie: 'partners.taxonomie' };

/** A message's parameters with internal keys replaced by their words ("soort organisatie"): never show a key. */
export function leesbareParams<T extends Readonly<Record<string, string | number>>>(
  params: T,
  language: Language = 'nl',
): T {
  let out: Record<string, string | number> | null = null;
  for (const [name, branch] of Object.entries(LEESBAAR)) {
    const v = params[name];
    if (typeof v !== 'string') continue;
    const woord = lookup(CATALOGS[language], `${branch}.${v}`) ?? lookup(CATALOGS.nl, `${branch}.${v}`);
    if (woord !== undefined) (out ??= { ...params })[name] = woord;
  }
  return (out ?? params) as T;
}

/** The user-facing text of an error. Unknown codes fall back to the generic message. */
export function errorMessage(error: AppError, language: Language = 'nl'): string {
  const key = `fout.${error.code}`;
  if (lookup(CATALOGS[language], key) === undefined && lookup(CATALOGS.nl, key) === undefined) {
    return formatMessage(language, 'fout.intern.onverwacht');
  }
  const params = leesbareParams(error.params ?? {}, language);
  // A field refused for a reason the forms explain (an unknown buurt, a wrong postcode): the reason is said too.
  const reden = typeof error.params?.code === 'string' ? `veld.${error.params.code}` : null;
  if (error.code === 'invoer.ongeldig' && reden && lookup(CATALOGS[language], reden) !== undefined) {
    return formatMessage(language, 'fout.invoer.ongeldig-reden', {
      ...params,
      reden: formatMessage(language, reden, params),
    });
  }
  return formatMessage(language, key, params);
}

/** Where an import problem is: "‘file.csv’, werkblad ‘Blad1’, rij 12, kolom ‘AantalInwoners_5’". */
export function issueLocation(
  issue: { file: string; sheet?: string; row?: number; column?: string },
  language: Language = 'nl',
): string {
  const parts = [formatMessage(language, 'plek.bestand', { bestand: issue.file })];
  if (issue.sheet) parts.push(formatMessage(language, 'plek.werkblad', { werkblad: issue.sheet }));
  if (issue.row !== undefined) parts.push(formatMessage(language, 'plek.rij', { rij: issue.row }));
  if (issue.column) parts.push(formatMessage(language, 'plek.kolom', { kolom: issue.column }));
  return parts.join(', ');
}

/** One import problem as a full sentence with its place. */
export function formatIssue(
  issue: {
    file: string;
    sheet?: string;
    row?: number;
    column?: string;
    code: string;
    params?: Readonly<Record<string, string | number>>;
  },
  language: Language = 'nl',
): string {
  const message = errorMessage(
    { code: issue.code, params: { bestand: issue.file, ...(issue.params ?? {}) } },
    language,
  );
  return `${issueLocation(issue, language)}: ${message}`;
}
