import nl from './nl.json';
import en from './en.json';
import type { AppError } from '../result';

export const CATALOGS = { nl, en } as const;
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

/** The user-facing text of an error. Unknown codes fall back to the generic message. */
export function errorMessage(error: AppError, language: Language = 'nl'): string {
  const key = `fout.${error.code}`;
  if (lookup(CATALOGS[language], key) === undefined && lookup(CATALOGS.nl, key) === undefined) {
    return formatMessage(language, 'fout.intern.onverwacht');
  }
  return formatMessage(language, key, error.params ?? {});
}
