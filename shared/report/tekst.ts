/**
 * The report's words in the language of its reader: sentences from the catalogues (`rapport.tekst.*` in
 * shared/i18n/rapport.{nl,en}.json), dates, numbers and amounts written the Dutch or the English way.
 */
import { formatMessage } from '../i18n/messages';
import { datumEn, datumNl, datumsEn, datumsNl, getalEn, getalNl, wanneerEn, wanneerNl } from './format';

export type Taal = 'nl' | 'en';

export interface Woorden {
  readonly taal: Taal;
  /** A text of `rapport.tekst.<key>` with its `{{parameters}}` filled in. */
  t(key: string, params?: Readonly<Record<string, string | number>>): string;
  /** "2 april 2024" / "2 April 2024". */
  datum(iso: string): string;
  /** A peildatum or a period ("april 2024"). */
  wanneer(wanneer: string): string;
  /** ISO dates in a text, in words. */
  datums(text: string): string;
  getal(n: number, decimalen?: number): string;
  /** A fraction as a whole percentage: "40%". */
  pct(fraction: number): string;
  /** An amount in whole euros: "€ 1.234" / "€1,234". */
  geld(n: number): string;
  /** "ja" / "yes". */
  jaNee(ja: boolean): string;
}

const cache = new Map<Taal, Woorden>();

export function woorden(taal: Taal = 'nl'): Woorden {
  const bekend = cache.get(taal);
  if (bekend) return bekend;
  const en = taal === 'en';
  const getal = en ? getalEn : getalNl;
  const w: Woorden = {
    taal,
    t: (key, params) => formatMessage(taal, `rapport.tekst.${key}`, params),
    datum: en ? datumEn : datumNl,
    wanneer: en ? wanneerEn : wanneerNl,
    datums: en ? datumsEn : datumsNl,
    getal,
    pct: (f) => `${getal(f * 100, 0)}%`,
    geld: (n) => {
      const r = Math.round(n);
      return `${r < 0 ? '−' : ''}€${en ? '' : ' '}${getal(Math.abs(r))}`;
    },
    jaNee: (ja) => formatMessage(taal, `rapport.tekst.${ja ? 'ja' : 'nee'}`),
  };
  cache.set(taal, w);
  return w;
}
