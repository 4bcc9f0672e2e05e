import type { EntiteitSoort } from '../model/sociale-kaart';
import { TAXONOMIES, type Taxonomy } from '../model/taxonomies';

/**
 * The team document (issue 19, shared/design/team-sync.md): one Automerge document per team project holding the
 * sociale kaart. Items are maps keyed by a stable key (never a list position, never the local SQLite id, which
 * differs per member). Every field is written as a fresh `{ w, door, op }` object, so when two members set the same
 * field concurrently Automerge keeps both objects and each says who wrote it and when. A delete sets `verwijderdOp`
 * (a tombstone): a concurrent edit or link to the item stays visible. CBS and Cognos figures are not in it; only the
 * manifest of imported files (`bronnen`). The shape only grows (`schemaVersion`).
 */
export const TEAM_SCHEMA_VERSION = 1;

export type Waarde = string | number | boolean | null;

/** One field's value, who set it (the member's name) and when (ISO time). */
export interface Veld {
  readonly w: Waarde;
  readonly door: string;
  readonly op: string;
}

export type DocItem = Record<string, Veld>;

export interface BronManifest {
  readonly soort: string;
  readonly bestand: string;
  readonly sha256: string;
  readonly door: string;
  readonly op: string;
}

export interface TeamDoc {
  schemaVersion: number;
  organisaties: Record<string, DocItem>;
  voorzieningen: Record<string, DocItem>;
  relaties: Record<string, DocItem>;
  /** The lists (taxonomies), by `taxonomie/code`: the code is the key, so the same value added by two members is one. */
  taxonomie?: Record<string, DocItem>;
  /** The Pilotmonitor's goals and the saved scenarios (`shared/sync/collecties.ts`). */
  doelen?: Record<string, DocItem>;
  scenarios?: Record<string, DocItem>;
  /** Which member has which imported file: by `sha256/member` (`bronKey`). */
  bronnen: Record<string, BronManifest>;
}

export const bronKey = (sha256: string, lid: string): string => `${sha256}/${lid}`;

export type Collectie = 'organisaties' | 'voorzieningen' | 'relaties' | 'taxonomie' | 'doelen' | 'scenarios';

/** Kinds without references to other items, each kept in a table of its own with a local id. */
export type EenvoudigeSoort = 'doel' | 'scenario';

/** What the team shares item by item: the sociale kaart, its lists, the goals and the scenarios. */
export type TeamSoort = EntiteitSoort | 'taxonomie' | EenvoudigeSoort;

/** The kinds whose items are rows with a local id (mapped to stable keys in `sync_id`). */
export type IdSoort = EntiteitSoort | EenvoudigeSoort;

export const EENVOUDIGE_SOORTEN: readonly EenvoudigeSoort[] = ['doel', 'scenario'];

export const COLLECTIE: Record<EntiteitSoort, 'organisaties' | 'voorzieningen' | 'relaties'> = {
  organisatie: 'organisaties',
  voorziening: 'voorzieningen',
  relatie: 'relaties',
};

const ALLE_COLLECTIES: Record<TeamSoort, Collectie> = {
  ...COLLECTIE,
  taxonomie: 'taxonomie',
  doel: 'doelen',
  scenario: 'scenarios',
};

/** The kind of the items in a collection of the document. */
export const soortVanCollectie = (col: unknown): TeamSoort | undefined =>
  (Object.keys(ALLE_COLLECTIES) as TeamSoort[]).find((s) => ALLE_COLLECTIES[s] === col);

export const SOORTEN: readonly EntiteitSoort[] = ['organisatie', 'voorziening', 'relatie'];

export const collectieVan = (soort: TeamSoort): Collectie => ALLE_COLLECTIES[soort];

/** The items of one kind in a document (a document from before the lists were shared has none). */
export const itemsVan = (doc: TeamDoc, soort: TeamSoort): Record<string, DocItem> => doc[collectieVan(soort)] ?? {};

export const TAXONOMIE_VELDEN: Readonly<Record<string, VeldType>> = { label: 'tekst', omschrijving: 'tekst' };

export const DOEL_VELDEN: Readonly<Record<string, VeldType>> = {
  naam: 'tekst',
  criterium: 'getal',
  maat: 'tekst',
  gebied: 'tekst',
  wet: 'tekst',
  richting: 'tekst',
  basisWaarde: 'getal',
  basisVan: 'tekst',
  basisTot: 'tekst',
  doelWaarde: 'getal',
  deadline: 'tekst',
  marge: 'getal',
  toelichting: 'tekst',
  volgorde: 'getal',
};

/** A scenario's parameters are one value (JSON text): its lines belong together. */
export const SCENARIO_VELDEN: Readonly<Record<string, VeldType>> = { naam: 'tekst', parameters: 'tekst' };

export const veldenVan = (soort: TeamSoort): Readonly<Record<string, VeldType>> =>
  soort === 'taxonomie'
    ? TAXONOMIE_VELDEN
    : soort === 'doel'
      ? DOEL_VELDEN
      : soort === 'scenario'
        ? SCENARIO_VELDEN
        : VELDEN[soort];

export const taxonomieSleutel = (taxonomie: Taxonomy, code: string): string => `${taxonomie}/${code}`;

export function leesTaxonomieSleutel(sleutel: string): { taxonomie: Taxonomy; code: string } | null {
  const i = sleutel.indexOf('/');
  const taxonomie = sleutel.slice(0, i) as Taxonomy;
  const code = sleutel.slice(i + 1);
  return i > 0 && code && (TAXONOMIES as readonly string[]).includes(taxonomie) ? { taxonomie, code } : null;
}

/** How a field's value is kept: text, yes/no, a number, a list of codes (JSON text), a reference, volumes (JSON). */
export type VeldType = 'tekst' | 'bool' | 'getal' | 'lijst' | 'organisatie' | 'knoop' | 'volumes';

export const VELDEN: Record<EntiteitSoort, Readonly<Record<string, VeldType>>> = {
  organisatie: {
    naam: 'tekst',
    soort: 'tekst',
    adres: 'tekst',
    postcode: 'tekst',
    plaats: 'tekst',
    buurtCode: 'tekst',
    website: 'tekst',
    telefoon: 'tekst',
    email: 'tekst',
    notities: 'tekst',
  },
  voorziening: {
    naam: 'tekst',
    organisatie: 'organisatie',
    collectief: 'bool',
    vrijToegankelijk: 'bool',
    preventieniveau: 'tekst',
    status: 'tekst',
    startdatum: 'tekst',
    einddatum: 'tekst',
    leefgebieden: 'lijst',
    doelgroepen: 'lijst',
    werkgebied: 'lijst',
    locatieBuurtCode: 'tekst',
    adres: 'tekst',
    postcode: 'tekst',
    capaciteit: 'getal',
    kosten: 'tekst',
    contact: 'tekst',
    notities: 'tekst',
  },
  relatie: {
    soort: 'tekst',
    van: 'knoop',
    naar: 'knoop',
    gericht: 'bool',
    startdatum: 'tekst',
    einddatum: 'tekst',
    notities: 'tekst',
    volumes: 'volumes',
  },
};

/** The tombstone field. */
export const VERWIJDERD = 'verwijderdOp';

export const leegDocument = (): TeamDoc => ({
  schemaVersion: TEAM_SCHEMA_VERSION,
  organisaties: {},
  voorzieningen: {},
  relaties: {},
  taxonomie: {},
  doelen: {},
  scenarios: {},
  bronnen: {},
});

export function waardeVan(item: DocItem | undefined, veld: string): Waarde {
  const v = item?.[veld];
  return v && typeof v === 'object' && 'w' in v ? v.w : null;
}

export const isVerwijderd = (item: DocItem | undefined): boolean => !item || waardeVan(item, VERWIJDERD) !== null;

/** A reference to an organisatie or voorziening in the document: `organisatie:KEY`. */
export function knoopTekst(soort: 'organisatie' | 'voorziening', sleutel: string): string {
  return `${soort}:${sleutel}`;
}

export function leesKnoop(w: Waarde): { soort: 'organisatie' | 'voorziening'; sleutel: string } | null {
  if (typeof w !== 'string') return null;
  const m = /^(organisatie|voorziening):(.+)$/.exec(w);
  return m ? { soort: m[1] as 'organisatie' | 'voorziening', sleutel: m[2]! } : null;
}

export const lijstTekst = (codes: readonly string[]): string => JSON.stringify([...codes].sort());

export function leesLijst(w: Waarde): string[] {
  if (typeof w !== 'string') return [];
  try {
    const v = JSON.parse(w) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export interface VolumeWaarde {
  readonly periodeStart: string;
  readonly periodeEind: string;
  readonly aantal: number;
}

export function leesVolumes(w: Waarde): VolumeWaarde[] {
  if (typeof w !== 'string') return [];
  try {
    const v = JSON.parse(w) as unknown;
    return Array.isArray(v) ? (v as VolumeWaarde[]) : [];
  } catch {
    return [];
  }
}

/**
 * A value typed on the command line (`veld=waarde`) as the document keeps it. Empty means "no value". A reference
 * (`organisatie=12`, `van=voorziening:3`) is a local id, turned into the document key by `sleutelVan`.
 */
export function leesInvoer(
  soort: EntiteitSoort,
  veld: string,
  tekst: string,
  sleutelVan: (soort: 'organisatie' | 'voorziening', id: number) => string | null,
): { ok: true; w: Waarde } | { ok: false; reden: string } {
  const type = VELDEN[soort][veld];
  if (!type) return { ok: false, reden: `onbekend veld ‘${veld}’ (velden: ${Object.keys(VELDEN[soort]).join(', ')})` };
  const t = tekst.trim();
  switch (type) {
    case 'tekst':
      return { ok: true, w: t === '' ? null : t };
    case 'bool':
      if (/^(ja|true|1)$/i.test(t)) return { ok: true, w: true };
      if (/^(nee|false|0)$/i.test(t)) return { ok: true, w: false };
      return { ok: false, reden: `${veld}: ja of nee` };
    case 'getal': {
      if (t === '') return { ok: true, w: null };
      const n = Number(t.replace(',', '.'));
      return Number.isFinite(n) ? { ok: true, w: n } : { ok: false, reden: `${veld}: een getal` };
    }
    case 'lijst':
      return {
        ok: true,
        w: lijstTekst(
          t
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      };
    case 'organisatie':
    case 'knoop': {
      if (t === '' && type === 'organisatie') return { ok: true, w: null };
      const m = /^(?:(organisatie|voorziening):)?(\d+)$/.exec(t);
      const ks = (m?.[1] ?? 'organisatie') as 'organisatie' | 'voorziening';
      if (!m || (type === 'organisatie' && ks !== 'organisatie'))
        return {
          ok: false,
          reden: `${veld}: een nummer (${type === 'knoop' ? 'organisatie:ID of voorziening:ID' : 'ID'})`,
        };
      const sleutel = sleutelVan(ks, Number(m[2]));
      if (!sleutel) return { ok: false, reden: `${veld}: ${ks} ${m[2]} is niet gedeeld of bestaat niet` };
      return { ok: true, w: type === 'organisatie' ? sleutel : knoopTekst(ks, sleutel) };
    }
    case 'volumes':
      return { ok: false, reden: `${veld}: wijzig volumes met een import` };
  }
}
