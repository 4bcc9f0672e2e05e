/** What the forms share: turning field problems (the shared check* rules, or the worker's answer) into messages. */
import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { FieldProblem } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import type { SummaryItem } from '../../components/form';
import type { Notice } from '../../state/store';
import { leesbareParams, type Language } from '../../../shared/i18n/messages';
import { i18next } from '../../i18n';

/** The text of a worker error (`fout.<code>`), or the general one when there is no text for it. */
export function errorMessage(t: TFunction, error: AppError): string {
  return t(`fout.${error.code}`, {
    ...leesbareParams(error.params ?? {}, (i18next.language === 'en' ? 'en' : 'nl') as Language),
    defaultValue: t('fout.intern.onverwacht'),
  });
}

/** The short notice after a change ("… opgeslagen", "… verwijderd"); a newer one replaces it. */
export function savedNotice(key: string, params: Record<string, string | number>): Omit<Notice, 'id'> {
  return { kind: 'ok', tag: 'opgeslagen', autoDismissMs: 5000, text: { key, params } };
}

/** The message of one problem: a text for this field and problem if there is one, else the general one. */
export function problemMessage(t: TFunction, exists: (key: string) => boolean, p: FieldProblem): string {
  const specific = `gegevens.melding.${p.veld}.${p.code}`;
  if (exists(specific)) return t(specific, { ...p.params });
  return t(`veld.${p.code}`, { ...p.params, defaultValue: t('veld.onbekend') });
}

/** The field problem in a worker error (`invoer.ongeldig` with {veld, code}), or null. */
export function problemFromError(error: AppError): FieldProblem | null {
  if (error.code !== 'invoer.ongeldig') return null;
  const veld = error.params?.veld;
  const code = error.params?.code;
  if (typeof veld !== 'string' || typeof code !== 'string') return null;
  const { veld: _v, code: _c, ...params } = error.params ?? {};
  return { veld, code, params };
}

/** A form's problems: per field, for the summary, and set after a check or a worker error. */
export function useFormProblems(formId: string, t: TFunction, exists: (key: string) => boolean) {
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const fieldId = (veld: string) => `${formId}-${veld}`;
  const errorFor = (veld: string): string | null => {
    const list = problems.filter((p) => p.veld === veld);
    return list.length ? list.map((p) => problemMessage(t, exists, p)).join(' ') : null;
  };
  const summary: SummaryItem[] = [
    ...problems.map((p) => ({ target: fieldId(p.veld), message: problemMessage(t, exists, p) })),
    ...(error ? [{ target: null, message: errorMessage(t, error) }] : []),
  ];
  const summaryId = `${formId}-foutoverzicht`;
  const focusSummary = () => requestAnimationFrame(() => document.getElementById(summaryId)?.focus());
  return {
    problems,
    fieldId,
    errorFor,
    summary,
    summaryId,
    /** Shows these problems (empty: none) and moves the focus to the summary. */
    show(list: readonly FieldProblem[]) {
      setProblems(list);
      setError(null);
      if (list.length) focusSummary();
    },
    /** A worker error: on its field when it names one, else at the top. */
    showError(e: AppError) {
      const p = problemFromError(e);
      setProblems(p ? [p] : []);
      setError(p ? null : e);
      focusSummary();
    },
    clear() {
      setProblems([]);
      setError(null);
    },
  };
}

/** "" → null, else the trimmed text (the shared checks clean again). */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s);

/** A whole number as typed ("12", " 12 "), null when empty, NaN when it is not a number (the check says so). */
export function parseCount(s: string): number | null {
  const v = s.trim();
  if (v === '') return null;
  return /^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : Number.NaN;
}

/**
 * What every text field of a form has in common, for one key of its values: the id (the error summary links to
 * it), the value, the change handler, its problem and read-only. `<TextField label={…} {...veld('adres')} />`.
 */
export function tekstVelden<V extends object>(
  form: {
    readonly readOnly: boolean;
    readonly f: { fieldId(veld: string): string; errorFor(veld: string): string | null };
  },
  values: V,
  setValues: (update: (v: V) => V) => void,
) {
  return (key: keyof V & string) => ({
    id: form.f.fieldId(key),
    value: String(values[key] ?? ''),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
    error: form.f.errorFor(key),
    disabled: form.readOnly,
  });
}
