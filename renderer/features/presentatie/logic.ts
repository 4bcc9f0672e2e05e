/** Presentation mode without the DOM: which key does what, and how a table cell reads on a slide. */
import type { Ernst } from '../../../shared/contract';
import type { CelWaarde, Dia, RapportKolom, RapportTabel } from '../../../shared/report/model';
import { ERNST_KLEUR } from '../../../shared/report/ernst-kleur';
import { formatMessage } from '../../../shared/i18n/messages';

export type DiaActie = { readonly soort: 'naar'; readonly index: number } | { readonly soort: 'sluiten' };

/**
 * What a key does on slide `index` of `aantal`: → ↓ PageDown Space next, ← ↑ PageUp Shift+Space previous, Home the
 * first, End the last, Esc leaves. The steps stop at the first and last slide. F5 is swallowed (no reload while
 * presenting). Any other key: null (not ours).
 */
export function diaToets(key: string, shift: boolean, index: number, aantal: number): DiaActie | null {
  if (key === 'Escape' || key === 'Esc') return { soort: 'sluiten' };
  const laatste = Math.max(0, aantal - 1);
  const naar = (i: number): DiaActie => ({ soort: 'naar', index: Math.min(laatste, Math.max(0, i)) });
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return naar(index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return naar(index - 1);
    case ' ':
    case 'Spacebar':
      return naar(shift ? index - 1 : index + 1);
    case 'Home':
      return naar(0);
    case 'End':
      return naar(laatste);
    case 'F5':
      return naar(index);
    default:
      return null;
  }
}

/** Keys that belong to a focused button (it activates itself): the slide handler leaves them alone. */
export function isKnopToets(key: string): boolean {
  return key === ' ' || key === 'Spacebar' || key === 'Enter';
}

/**
 * A cell as text: numbers in the language's format with the column's decimals ("1.234", "12,5 %", "€ 1.200"),
 * text (already protected: "<5", "x") as is, nothing as "." (CBS: no figure).
 */
export function celTekst(waarde: CelWaarde, kolom: RapportKolom | undefined, taal: string): string {
  if (waarde === null) return '.';
  if (typeof waarde === 'string') return waarde;
  const locale = taal === 'en' ? 'en-GB' : 'nl-NL';
  const soort = kolom?.soort ?? 'getal';
  const standaard = soort === 'getal' || soort === 'procent' ? 1 : 0;
  const decimalen = kolom?.decimalen ?? (Number.isInteger(waarde) && soort === 'getal' ? 0 : standaard);
  if (soort === 'geld') {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: decimalen,
      minimumFractionDigits: decimalen,
    }).format(waarde);
  }
  const getal = new Intl.NumberFormat(locale, {
    maximumFractionDigits: decimalen,
    minimumFractionDigits: decimalen,
  }).format(waarde);
  return soort === 'procent' ? `${getal} %` : getal;
}

/** What a slide shows under its title: key figures, a plate (an SVG as an image), a table, or only its note. */
export function diaInhoud(dia: Dia): 'kerngetallen' | 'plaat' | 'tabel' | 'doelen' | 'alleen-notitie' {
  if (dia.soort === 'titel') return dia.kerngetallen && dia.kerngetallen.length > 0 ? 'kerngetallen' : 'alleen-notitie';
  if (dia.soort === 'pilot') return dia.doelen && dia.doelen.length > 0 ? 'doelen' : 'alleen-notitie';
  if (dia.soort === 'hiaten') return dia.tabel && dia.tabel.rijen.length > 0 ? 'tabel' : 'alleen-notitie';
  return dia.svg ? 'plaat' : 'alleen-notitie';
}

/** True when the table has protected or missing cells ("<5", "x", nothing): then the slide explains the signs. */
export function heeftTekens(tabel: RapportTabel): boolean {
  return tabel.rijen.some((rij) =>
    rij.some((cel) => cel === null || cel === 'x' || (typeof cel === 'string' && cel.startsWith('<'))),
  );
}

/** A column header that may wrap after a slash ("Welzijn/Recreatie/vrije tijd"): a zero-width space after each. */
export function breekbaar(tekst: string): string {
  return tekst.replace(/\//g, '/\u200B');
}

// The matrix says it in the report's language: the Dutch labels and the English ones.
const ERNST_VAN_LABEL = new Map(
  Object.keys(ERNST_KLEUR).flatMap((ernst) =>
    (['nl', 'en'] as const).map((taal) => [formatMessage(taal, `rapport.tekst.legenda.${ernst}`), ernst as Ernst]),
  ),
);

/** A gap matrix cell ("Hiaat", "Geen gegevens") as its severity, to show it with the symbol and colour of the Hiaten
 *  view; null for any other cell. */
export function ernstVanCel(cel: CelWaarde): Ernst | null {
  return typeof cel === 'string' ? (ERNST_VAN_LABEL.get(cel) ?? null) : null;
}
