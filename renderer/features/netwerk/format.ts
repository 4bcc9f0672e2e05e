/** Numbers of the Netwerk view in Dutch (or English) notation, each metric with the precision it needs. */
import { metriekDescriptor, type MetriekId } from '../../../shared/analysis/metriek-descriptors';

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'nl-NL');

/** A measure's value with the precision its descriptor asks for (`opmaak`); a group is numbered from 1. */
export function formatMetriek(metriek: MetriekId, value: number, lang: string): string {
  if (!Number.isFinite(value)) return '';
  const opmaak = metriekDescriptor(metriek).opmaak;
  if (opmaak === 'aantal' || opmaak === 'jaNee') return new Intl.NumberFormat(locale(lang)).format(value);
  if (opmaak === 'groep') return new Intl.NumberFormat(locale(lang)).format(value + 1);
  if (opmaak === 'volume') return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(value);
  // A tiny value (an eigenvector of 8.5e-21) is "< 0,0001", never 22 digits or an exponent.
  if (value !== 0 && Math.abs(value) < 0.0001) {
    const grens = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 4 }).format(0.0001);
    return value > 0 ? `< ${grens}` : `> −${grens}`;
  }
  if (value !== 0 && Math.abs(value) < 0.001) {
    return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 4 }).format(value);
  }
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 3 }).format(value);
}

export function formatGetal(value: number | null, lang: string, decimalen = 0): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: decimalen }).format(value);
}

export function formatProcent(value: number | null, lang: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** "netwerk-2026-11-23.png" (local date). */
export function bestandsnaam(base: string, extensie: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${base}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extensie}`;
}

/** "2024-01-01/2024-03-31" → "1 jan. 2024 – 31 mrt. 2024" */
export function formatPeriode(periode: string, lang: string): string {
  const [start, eind] = periode.split('/');
  const f = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric' });
  const d = (s: string | undefined) => {
    const date = s ? new Date(`${s}T00:00:00`) : null;
    return date && !Number.isNaN(date.getTime()) ? f.format(date) : (s ?? '');
  };
  return `${d(start)} – ${d(eind)}`;
}
