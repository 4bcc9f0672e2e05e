import { excelSerialToIso, findDates, findSpan, findPeriode } from '../cognos/periods';
import type { Periode } from '../../analysis/types';
import type { VoorzieningStatus } from '../../model/sociale-kaart';

/** Cell values of partner and relation lists as people write them. Each returns undefined for "not understood". */

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

export function parseCollectief(s: string): boolean | undefined {
  const v = plain(s);
  if (/^(1|ja|j|true|waar|x)$/.test(v)) return true;
  if (/^(0|nee|n|false|onwaar)$/.test(v)) return false;
  if (/individu|1 op 1|een op een|persoonlijk/.test(v)) return /collectief|groep/.test(v) ? true : false;
  if (/collectief|groep|beide|algemeen/.test(v)) return true;
  return undefined;
}

export function parseToegang(s: string): boolean | undefined {
  const v = plain(s);
  if (/^(1|ja|j|true|waar|x)$/.test(v)) return true;
  if (/^(0|nee|n|false|onwaar)$/.test(v)) return false;
  if (/zonder (indicatie|beschikking|verwijzing)|vrij|open|iedereen|inloop|laagdrempelig/.test(v)) return true;
  if (/indicatie|beschikking|verwijzing|aanmelding|toewijzing|op afspraak via|maatwerk/.test(v)) return false;
  return undefined;
}

export function parseStatus(s: string): VoorzieningStatus | undefined {
  const v = plain(s);
  if (/^(actief|loopt|lopend|gestart|bestaand|ja)$/.test(v)) return 'actief';
  if (/gepland|voorbereiding|nieuw|start binnenkort|idee/.test(v)) return 'gepland';
  if (/gestopt|beeindigd|opgeheven|gesloten|afgelopen|stopt/.test(v)) return 'gestopt';
  return undefined;
}

/** A date cell: ISO, d-m-yyyy, "2 april 2024", or an Excel serial. */
export function parseDate(s: string): string | undefined {
  const v = s.trim();
  if (/^\d{5}(\.\d+)?$/.test(v)) return excelSerialToIso(Number(v)) ?? undefined;
  const dates = findDates(v);
  return dates.length === 1 ? dates[0] : undefined;
}

/**
 * A period cell: "2024-Q1", "Q2 2024", "jan 2024", "2024", "01-01-2024 t/m 31-03-2024", "jan 2024 - mrt 2024", or
 * one date (that day). A span whose end lies before its start ("1-1-2025 t/m 1-1-2024") is not understood: it is
 * refused (periodeIsOmgekeerd says why), never stored the other way round.
 */
export function parsePeriode(s: string): Periode | undefined {
  const p = readPeriode(s);
  return p && p.start <= p.eind ? p : undefined;
}

/** True when the cell is a span with its end before its start. */
export function periodeIsOmgekeerd(s: string): boolean {
  const p = readPeriode(s);
  return p !== undefined && p.start > p.eind;
}

/** Between the two ends of a span: t/m, tot en met, tot, or a dash with spaces around it (not the one in a date). */
const RANGE = /\s*(?:\bt\/m\b|\btot en met\b|\btot\b|\s[-–—]\s|[–—])\s*/i;

function readPeriode(s: string): Periode | undefined {
  const v = s.trim();
  const parts = v.split(RANGE);
  if (parts.length === 2 && parts[0] && parts[1]) {
    const right = onePeriode(parts[1]);
    // "1 jan - 31 mrt 2024": the left end borrows the right end's year.
    const year = /\b((?:19|20)\d{2})\b/.exec(parts[1])?.[1];
    const left =
      onePeriode(parts[0]) ?? (year && !/\d{4}/.test(parts[0]) ? onePeriode(`${parts[0]} ${year}`) : undefined);
    if (left && right) return { start: left.start, eind: right.eind };
  }
  return onePeriode(v);
}

function onePeriode(s: string): Periode | undefined {
  const v = s.trim();
  if (/^(19|20)\d{2}$/.test(v)) return { start: `${v}-01-01`, eind: `${v}-12-31` };
  // An ISO interval, as the relaties export writes it: "2024-01-01/2024-03-31".
  const interval = /^(\d{4}-\d{2}-\d{2})\s*\/\s*(\d{4}-\d{2}-\d{2})$/.exec(v);
  if (interval) return { start: interval[1]!, eind: interval[2]! };
  if (/^\d{5}$/.test(v)) {
    const d = excelSerialToIso(Number(v));
    return d ? { start: d, eind: d } : undefined;
  }
  const p = findPeriode(v);
  if (p?.start && p.eind) return { start: p.start, eind: p.eind };
  if (p?.peildatum) return { start: p.peildatum, eind: p.peildatum };
  const span = findSpan(v);
  if (span) return span;
  const year = /\b((?:19|20)\d{2})\b/.exec(v);
  if (year && v.replace(year[0], '').replace(/[^a-z0-9]/gi, '') === '') {
    return { start: `${year[1]}-01-01`, eind: `${year[1]}-12-31` };
  }
  return undefined;
}

/** A count: "12", "12 ", "1.234", "1,5"; negative numbers are returned as such (the caller refuses them). */
export function parseAantal(s: string): number | undefined {
  const v = s.trim().replace(/\s+/g, '');
  if (v === '') return undefined;
  let t = v;
  if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
