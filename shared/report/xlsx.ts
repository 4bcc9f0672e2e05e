/**
 * The stuurgroep report as a workbook: "Overzicht" first (what, where, when, the privacy rule, the leeswijzer and the
 * sources), then "Kerngetallen" (all sections in one sheet) and one sheet per table, named by its id. The tables are
 * already protected (privacy.ts): "<5" and "x" stay text. The plates (SVG) are not in the workbook.
 */
import { schrijfWerkboek, type Blad } from '../export/xlsx';
import type { Rapport, RapportTabel } from './model';
import { GEHEIM, kleinLabel } from './privacy';
import { bronSoort } from './html';
import { woorden, type Woorden } from './tekst';

/** The report's words: its own language. */
const woordenVan = (rapport: Rapport) => woorden(rapport.taal === 'en' ? 'en' : 'nl');

/** '2024-04-01' → '1 april 2024', '2024-04-01/2024-04-30' → 'april 2024'; anything else (already words) as it is. */
function datumTekst(waarde: string, w: Woorden): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(waarde)) return w.datum(waarde);
  if (/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(waarde)) return w.wanneer(waarde);
  return waarde;
}

/** The privacy rule in words, or null when protection is off. */
export function privacyRegel(rapport: Rapport): string {
  const { aan, drempel } = rapport.privacy;
  const w = woordenVan(rapport);
  if (!aan) return w.t('xlsx.privacyUit');
  return w.t('xlsx.privacyAan', { max: drempel - 1, klein: kleinLabel(rapport.privacy), geheim: GEHEIM });
}

function overzicht(rapport: Rapport): Blad {
  const w = woordenVan(rapport);
  const titels = [rapport.titel];
  if (rapport.ondertitel) titels.push(rapport.ondertitel);
  if (rapport.gebieden.length > 0)
    titels.push(w.t('xlsx.gebieden', { gebieden: rapport.gebieden.map((g) => `${g.naam} (${g.code})`).join(', ') }));
  titels.push(w.t('xlsx.peildatum', { datum: datumTekst(rapport.peildatum, w) }));
  if (rapport.vergelijkMet) titels.push(w.t('xlsx.vergeleken', { datum: datumTekst(rapport.vergelijkMet, w) }));
  titels.push(w.t('xlsx.gemaakt', { datum: datumTekst(rapport.gemaaktOp, w) }));
  titels.push(privacyRegel(rapport));
  const voet =
    rapport.bronnen.length > 0
      ? [
          w.t('xlsx.bronnen'),
          ...rapport.bronnen.map((b) =>
            w.t('xlsx.bronRegel', {
              soort: bronSoort(w, b.soort),
              naam: b.naam,
              datum: datumTekst(b.geimporteerdOp, w),
            }),
          ),
        ]
      : [];
  return {
    naam: w.t('xlsx.overzicht'),
    titelRegels: titels,
    kolommen: [
      { titel: w.t('xlsx.term'), soort: 'tekst' },
      { titel: w.t('xlsx.uitleg'), soort: 'tekst' },
    ],
    rijen: rapport.leeswijzer.map((l) => [l.term, l.uitleg]),
    voetRegels: voet,
  };
}

function kerngetallen(rapport: Rapport): Blad | null {
  const w = woordenVan(rapport);
  const rijen = rapport.secties.flatMap((s) =>
    s.kerngetallen.map((k) => [s.titel, k.label, k.waarde, k.toelichting ?? null] as const),
  );
  if (rijen.length === 0) return null;
  return {
    naam: w.t('xlsx.kerngetallen'),
    titelRegels: [rapport.titel, w.t('xlsx.peildatum', { datum: datumTekst(rapport.peildatum, w) })],
    kolommen: [
      { titel: w.t('xlsx.onderdeel'), soort: 'tekst' },
      { titel: w.t('xlsx.kerngetal'), soort: 'tekst' },
      { titel: w.t('xlsx.waarde'), soort: 'tekst' },
      { titel: w.t('kolom.toelichting'), soort: 'tekst' },
    ],
    rijen,
  };
}

/** True when a count in the table shows as "<5". */
function heeftKlein(tabel: RapportTabel, klein: string): boolean {
  const t = tabel.werkblad ?? tabel;
  return t.rijen.some((r) => r.some((v, c) => v === klein && t.kolommen[c]?.soort !== 'tekst'));
}

function tabelBlad(rapport: Rapport, tabel: RapportTabel): Blad {
  const w = woordenVan(rapport);
  const titels = [tabel.titel, w.t('xlsx.bron', { bron: tabel.bron })];
  // build.ts sometimes words it as "peildatum 2 april 2024": no "Peildatum: peildatum …".
  if (tabel.peildatum)
    titels.push(
      w.t('xlsx.peildatum', {
        datum: datumTekst(tabel.peildatum.replace(/^(peildatum|reference date)\s+/i, ''), w),
      }),
    );
  const voet: string[] = [];
  if (tabel.voetnoot) voet.push(tabel.voetnoot);
  const klein = kleinLabel(rapport.privacy);
  // "x" is explained on the Overzicht only: in a CBS table it means "secret at CBS", and its voetnoot says so.
  if (rapport.privacy.aan && heeftKlein(tabel, klein) && !(tabel.voetnoot ?? '').includes(klein))
    voet.push(w.t('xlsx.klein', { klein, max: rapport.privacy.drempel - 1 }));
  // A table with a workbook form (a value and its unit apart) is written in that form: typed cells.
  const blad = tabel.werkblad ?? tabel;
  return {
    naam: tabel.id,
    titelRegels: titels,
    kolommen: blad.kolommen,
    rijen: blad.rijen,
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
