/**
 * Dates and numbers written the Dutch way, by hand (Intl's nl-NL data is not there in every Node build, and these
 * run in the worker for whole-country tables): "2 april 2024", "april 2024", "1.234,5".
 */
const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
/** "2024-04-02" → "2 april 2024". */
export function datumNl(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MAANDEN[Number(m[2]) - 1]} ${m[1]}`;
}
/** A period "2024-04-01/2024-04-30" → "april 2024"; a peildatum → "2 april 2024". */
export function wanneerNl(wanneer: string): string {
  const [a, b] = wanneer.split('/');
  if (!b) return datumNl(a ?? wanneer);
  const ma = /^(\d{4})-(\d{2})-01$/.exec(a ?? '');
  const mb = /^(\d{4})-(\d{2})-(\d{2})$/.exec(b);
  if (ma && mb && ma[1] === mb[1] && ma[2] === mb[2]) return `${MAANDEN[Number(ma[2]) - 1]} ${ma[1]}`;
  return `${datumNl(a ?? '')} t/m ${datumNl(b)}`;
}
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** "2024-04-02" → "2 April 2024". */
export function datumEn(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
/** A period "2024-04-01/2024-04-30" → "April 2024"; a peildatum → "2 April 2024". */
export function wanneerEn(wanneer: string): string {
  const [a, b] = wanneer.split('/');
  if (!b) return datumEn(a ?? wanneer);
  const ma = /^(\d{4})-(\d{2})-01$/.exec(a ?? '');
  const mb = /^(\d{4})-(\d{2})-(\d{2})$/.exec(b);
  if (ma && mb && ma[1] === mb[1] && ma[2] === mb[2]) return `${MONTHS[Number(ma[2]) - 1]} ${ma[1]}`;
  return `${datumEn(a ?? '')} to ${datumEn(b)}`;
}
export function getalNl(n: number, decimalen = 0): string {
  const [int, dec] = Math.abs(n).toFixed(decimalen).split('.') as [string, string | undefined];
  return `${n < 0 ? '−' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${dec ? `,${dec}` : ''}`;
}
/** ISO dates in a text ("peildatum 2024-04-02") written the Dutch way ("peildatum 2 april 2024"). */
export const datumsNl = (text: string) => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => datumNl(d));
/** "1,234.5": English thousands and decimals. */
export function getalEn(n: number, decimalen = 0): string {
  const [int, dec] = Math.abs(n).toFixed(decimalen).split('.') as [string, string | undefined];
  return `${n < 0 ? '−' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${dec ? `.${dec}` : ''}`;
}
/** ISO dates in a text written the English way ("reference date 2 April 2024"). */
export const datumsEn = (text: string) => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => datumEn(d));
