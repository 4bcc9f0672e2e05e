/**
 * The stuurgroep report as a workbook: "Overzicht" first (what, where, when, the privacy rule, the leeswijzer and the
 * sources), then "Kerngetallen" (all sections in one sheet) and one sheet per table, named by its id. The tables are
 * already protected (privacy.ts): "<5" and "x" stay text. The plates (SVG) are not in the workbook.
 */
import { schrijfWerkboek, type Blad } from '../export/xlsx';
import { datumNl, wanneerNl } from './format';
import type { Rapport, RapportTabel } from './model';
import { GEHEIM, kleinLabel } from './privacy';

/** '2024-04-01' → '1 april 2024', '2024-04-01/2024-04-30' → 'april 2024'; anything else (already words) as it is. */
function datumTekst(waarde: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(waarde)) return datumNl(waarde);
  if (/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(waarde)) return wanneerNl(waarde);
  return waarde;
}

/** The privacy rule in words, or null when protection is off. */
export function privacyRegel(rapport: Rapport): string {
  const { aan, drempel } = rapport.privacy;
  if (!aan) return 'Let op: kleine aantallen zijn in dit bestand niet afgeschermd. Deel het niet buiten het team.';
  return (
    `Aantallen van 1 tot en met ${drempel - 1} staan als ${kleinLabel(rapport.privacy)}. ` +
    `Een ${GEHEIM} is verborgen zodat je een klein aantal niet kunt terugrekenen.`
  );
}

function overzicht(rapport: Rapport): Blad {
  const titels = [rapport.titel];
  if (rapport.ondertitel) titels.push(rapport.ondertitel);
  if (rapport.gebieden.length > 0)
    titels.push(`Gebieden: ${rapport.gebieden.map((g) => `${g.naam} (${g.code})`).join(', ')}`);
  titels.push(`Peildatum: ${datumTekst(rapport.peildatum)}`);
  if (rapport.vergelijkMet) titels.push(`Vergeleken met: ${datumTekst(rapport.vergelijkMet)}`);
  titels.push(`Gemaakt op: ${datumTekst(rapport.gemaaktOp)}`);
  titels.push(privacyRegel(rapport));
  const voet =
    rapport.bronnen.length > 0
      ? [
          'Bronnen',
          ...rapport.bronnen.map((b) => `${b.soort}: ${b.naam} (geïmporteerd op ${datumTekst(b.geimporteerdOp)})`),
        ]
      : [];
  return {
    naam: 'Overzicht',
    titelRegels: titels,
    kolommen: [
      { titel: 'Term', soort: 'tekst' },
      { titel: 'Uitleg', soort: 'tekst' },
    ],
    rijen: rapport.leeswijzer.map((l) => [l.term, l.uitleg]),
    voetRegels: voet,
  };
}

function kerngetallen(rapport: Rapport): Blad | null {
  const rijen = rapport.secties.flatMap((s) =>
    s.kerngetallen.map((k) => [s.titel, k.label, k.waarde, k.toelichting ?? null] as const),
  );
  if (rijen.length === 0) return null;
  return {
    naam: 'Kerngetallen',
    titelRegels: [rapport.titel, `Peildatum: ${datumTekst(rapport.peildatum)}`],
    kolommen: [
      { titel: 'Onderdeel', soort: 'tekst' },
      { titel: 'Kerngetal', soort: 'tekst' },
      { titel: 'Waarde', soort: 'tekst' },
      { titel: 'Toelichting', soort: 'tekst' },
    ],
    rijen,
  };
}

/** True when a count in the table shows as "<5". */
function heeftKlein(tabel: RapportTabel, klein: string): boolean {
  return tabel.rijen.some((r) => r.some((v, c) => v === klein && tabel.kolommen[c]?.soort !== 'tekst'));
}

function tabelBlad(rapport: Rapport, tabel: RapportTabel): Blad {
  const titels = [tabel.titel, `Bron: ${tabel.bron}`];
  // build.ts sometimes words it as "peildatum 2 april 2024": no "Peildatum: peildatum …".
  if (tabel.peildatum) titels.push(`Peildatum: ${datumTekst(tabel.peildatum.replace(/^peildatum\s+/i, ''))}`);
  const voet: string[] = [];
  if (tabel.voetnoot) voet.push(tabel.voetnoot);
  const klein = kleinLabel(rapport.privacy);
  // "x" is explained on the Overzicht only: in a CBS table it means "secret at CBS", and its voetnoot says so.
  if (rapport.privacy.aan && heeftKlein(tabel, klein) && !(tabel.voetnoot ?? '').includes(klein))
    voet.push(`${klein}: een aantal van 1 tot en met ${rapport.privacy.drempel - 1} (zie Overzicht).`);
  return {
    naam: tabel.id,
    titelRegels: titels,
    kolommen: tabel.kolommen,
    rijen: tabel.rijen,
    voetRegels: voet,
  };
}

/** The report as xlsx bytes. Synchronous; runs in the worker, in Node and in the browser. */
export function rapportXlsx(rapport: Rapport): Uint8Array {
  const bladen: Blad[] = [overzicht(rapport)];
  const kern = kerngetallen(rapport);
  if (kern) bladen.push(kern);
  for (const sectie of rapport.secties) for (const tabel of sectie.tabellen) bladen.push(tabelBlad(rapport, tabel));
  return schrijfWerkboek(bladen, { titel: rapport.titel });
}
