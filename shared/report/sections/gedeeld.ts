/**
 * What the report's sections (and the presentation) share: words for severities, measures, CBS figures and statuses
 * in the report's language, the selection's network filter, and the gaps at a moment.
 */
import type { NetwerkAnalyse, NetwerkFilter } from '../../analysis/types';
import { metriekDescriptor, type GrootteMetriek } from '../../analysis/metriek-descriptors';
import { formatMessage } from '../../i18n/messages';
import { berekenHiaten, type Ernst, type HiaatCel } from '../../analysis/hiaten';
import type { ProjectDb } from '../../db/connection';
import { loadHiatenInput, loadHiatenInstellingen } from '../../db/repos/hiaten';
import { eigenGebiedProfiel, gebiedProfiel, type GebiedProfiel } from '../../db/repos/gebieden';
import { taxonomieLabel } from '../../model/taxonomies';
import type { PrivacyInstellingen } from '../privacy';
import { woorden, type Woorden } from '../tekst';
import type { HiatenStand, Selectie } from './types';

/** "op 2 april 2024" for a peildatum, "in april 2024" for a period. */
export const opIn = (w: Woorden, wanneer: string) =>
  w.t(wanneer.includes('/') ? 'in' : 'op', { wanneer: w.wanneer(wanneer) });

/** "ernstig hiaat", "geen gegevens": the severity in a sentence. */
export const ernstWoord = (w: Woorden, ernst: string) =>
  ['ernstig', 'hiaat', 'aandacht', 'geen', 'geen-gegevens'].includes(ernst) ? w.t(`ernst.${ernst}`) : ernst;
/** "Meldingen", "Toewijzingen", "Unieke cliënten". */
export const maatLabel = (w: Woorden, maat: string) =>
  ['meldingen', 'toewijzingen', 'unieke_clienten'].includes(maat) ? w.t(`maat.${maat}`) : maat;
/** A CBS figure's name: the standard ones in English when the report is; otherwise as imported. */
export const cbsLabel = (w: Woorden, sleutel: string, label: string) => {
  if (w.taal === 'nl') return label;
  const en = w.t(`cbs.${sleutel}`);
  return en === `rapport.tekst.cbs.${sleutel}` ? label : en;
};
/** A field name of the snapshot comparison ("vrij toegankelijk") in the report's language. */
export const veldWoord = (w: Woorden, veld: string) => {
  if (w.taal === 'nl') return veld;
  const key = `veld.${veld.replace(/ /g, '_')}`;
  const en = w.t(key);
  return en === `rapport.tekst.${key}` ? veld : en;
};
/** A voorziening's status ("actief") in the report's language. */
export const statusWoord = (w: Woorden, status: string) =>
  w.taal === 'nl' || !['actief', 'gepland', 'gestopt'].includes(status) ? status : w.t(`status.${status}`);

/** A taxonomy's labels (code → label) in the report's language: the standard ones in English when it is. */
export function labelsIn(
  labels: Readonly<Record<string, string>> | undefined,
  taxonomie: 'soort_organisatie' | 'relatietype',
  w: Woorden,
): Readonly<Record<string, string>> {
  if (!labels || w.taal === 'nl') return labels ?? {};
  return Object.fromEntries(Object.entries(labels).map(([c, l]) => [c, taxonomieLabel(taxonomie, c, l, w.taal)]));
}

export function netwerkFilter(sel: Selectie | null): NetwerkFilter {
  return { metVoorzieningen: true, ...(sel ? { gebieden: sel.codes } : {}) };
}

export function binnen(sel: Selectie, codes: readonly (string | null)[]): boolean {
  const echte = codes.filter((c): c is string => c !== null);
  return echte.length === 0 || echte.some((c) => sel.bedient.has(c));
}

/** The gaps at a moment (the newest counts up to `totEnMet`), protected when `p` says so. */
export function hiatenCellen(
  db: ProjectDb,
  jaar: number | null,
  totEnMet: string | null,
  p: PrivacyInstellingen | null,
  w: Woorden = woorden('nl'),
): HiatenStand {
  const instellingen = loadHiatenInstellingen(db);
  const input = loadHiatenInput(db, instellingen, jaar ?? undefined, totEnMet ?? undefined, w.taal);
  return {
    periode: input.periode ? w.datums(input.periode) : null,
    cellen: berekenHiaten(input, instellingen, { drempel: p?.aan ? p.drempel : null, taal: w.taal }),
    input,
  };
}

/** The worst severity per buurt, for the map. */
export function ernstPerBuurt(cellen: readonly HiaatCel[]): Map<string, Ernst> {
  const ernst = new Map<string, Ernst>();
  const rang = ['geen-gegevens', 'geen', 'aandacht', 'hiaat', 'ernstig'];
  for (const c of cellen) {
    const cur = ernst.get(c.gebiedCode);
    if (!cur || rang.indexOf(c.ernst) > rang.indexOf(cur)) ernst.set(c.gebiedCode, c.ernst);
  }
  return ernst;
}

/** The CBS profiles of the chosen gebieden, in the year of the selection. */
export function profielenVan(db: ProjectDb, sel: Selectie): GebiedProfiel[] {
  const profielen: GebiedProfiel[] = [];
  if (sel.jaar !== null) {
    for (const g of sel.gekozen) {
      const prof = g.code.startsWith('EG')
        ? eigenGebiedProfiel(db, g.code, sel.jaar)
        : gebiedProfiel(db, g.code, sel.jaar);
      if (prof) profielen.push(prof);
    }
  }
  return profielen;
}

/** A plate's size measure: the values of the analysis and the measure's name as the view shows it. */
export function plaatGrootte(a: NetwerkAnalyse, maat: GrootteMetriek, taal: 'nl' | 'en') {
  return {
    waarden: new Map(a.knopen.map((m) => [m.id, m[maat]])),
    naam: formatMessage(taal, metriekDescriptor(maat).label),
  };
}
