/**
 * A stuurgroep snapshot: the sociale kaart, the network's key figures and the gaps as they were on a date, frozen in
 * the project, so "wat is er veranderd sinds de vorige stuurgroep" is answered from the project itself even after
 * later edits. Pure: made from lists, compared with another one.
 */
import type { Organisatie, Relatie, Voorziening } from '../model/sociale-kaart';
import type { NetwerkKengetallen } from '../analysis/types';
import type { HiaatCel } from '../analysis/hiaten';

export interface SnapshotOrganisatie {
  readonly id: number;
  readonly naam: string;
  readonly soort: string | null;
  readonly buurt: string | null;
}
export interface SnapshotVoorziening {
  readonly id: number;
  readonly naam: string;
  readonly organisatie: string | null;
  readonly status: string;
  readonly collectief: boolean;
  readonly vrijToegankelijk: boolean;
  readonly leefgebieden: readonly string[];
  readonly werkgebied: readonly string[];
  readonly locatie: string | null;
}
export interface SnapshotRelatie {
  readonly id: number;
  readonly soort: string;
  /** Names, to show; the ends themselves are `vanRef`/`naarRef` ('o12', 'v7'). */
  readonly van: string;
  readonly naar: string;
  readonly vanRef?: string;
  readonly naarRef?: string;
  readonly totaal: number | null;
}
export interface SnapshotHiaat {
  readonly gebied: string;
  readonly gebiedNaam: string;
  readonly leefgebied: string;
  readonly leefgebiedLabel: string;
  readonly ernst: string;
}

export interface SnapshotInhoud {
  readonly versie: 1;
  readonly organisaties: readonly SnapshotOrganisatie[];
  readonly voorzieningen: readonly SnapshotVoorziening[];
  readonly relaties: readonly SnapshotRelatie[];
  readonly kengetallen: NetwerkKengetallen | null;
  /** Cells with a gap (aandacht, hiaat, ernstig). */
  readonly hiaten: readonly SnapshotHiaat[];
}

export function maakSnapshotInhoud(input: {
  organisaties: readonly Organisatie[];
  voorzieningen: readonly Voorziening[];
  relaties: readonly Relatie[];
  kengetallen: NetwerkKengetallen | null;
  hiaten: readonly HiaatCel[];
}): SnapshotInhoud {
  return {
    versie: 1,
    organisaties: input.organisaties.map((o) => ({ id: o.id, naam: o.naam, soort: o.soort, buurt: o.buurtCode })),
    voorzieningen: input.voorzieningen.map((v) => ({
      id: v.id,
      naam: v.naam,
      organisatie: v.organisatieNaam,
      status: v.status,
      collectief: v.collectief,
      vrijToegankelijk: v.vrijToegankelijk,
      leefgebieden: [...v.leefgebieden].sort(),
      werkgebied: [...v.werkgebied].sort(),
      locatie: v.locatieBuurtCode,
    })),
    relaties: input.relaties.map((r) => ({
      id: r.id,
      soort: r.soort,
      van: r.van.naam,
      naar: r.naar.naam,
      vanRef: `${r.van.soort === 'organisatie' ? 'o' : 'v'}${r.van.id}`,
      naarRef: `${r.naar.soort === 'organisatie' ? 'o' : 'v'}${r.naar.id}`,
      totaal: r.totaal,
    })),
    kengetallen: input.kengetallen,
    hiaten: input.hiaten
      .filter((c) => c.ernst === 'aandacht' || c.ernst === 'hiaat' || c.ernst === 'ernstig')
      .map((c) => ({
        gebied: c.gebiedCode,
        gebiedNaam: c.gebiedNaam,
        leefgebied: c.leefgebied,
        leefgebiedLabel: c.leefgebiedLabel,
        ernst: c.ernst,
      })),
  };
}

export interface Wijziging<T> {
  readonly oud: T;
  readonly nieuw: T;
  /** Which fields changed, in Dutch ("naam", "status"). */
  readonly velden: readonly string[];
}

export interface Lijstverschil<T> {
  readonly nieuw: readonly T[];
  readonly weg: readonly T[];
  readonly gewijzigd: readonly Wijziging<T>[];
}

export interface Verschillen {
  readonly organisaties: Lijstverschil<SnapshotOrganisatie>;
  readonly voorzieningen: Lijstverschil<SnapshotVoorziening>;
  readonly relaties: Lijstverschil<SnapshotRelatie>;
  /** Gaps that appeared, that went, and that changed severity (key gebied|leefgebied). */
  readonly hiaten: Lijstverschil<SnapshotHiaat>;
}

const VELDEN: Record<string, string> = {
  naam: 'naam',
  soort: 'soort',
  buurt: 'buurt',
  organisatie: 'organisatie',
  status: 'status',
  collectief: 'collectief',
  vrijToegankelijk: 'vrij toegankelijk',
  leefgebieden: 'leefgebieden',
  werkgebied: 'werkgebied',
  vanRef: 'van',
  naarRef: 'naar',
  gebiedNaam: 'buurt',
  leefgebiedLabel: 'leefgebied',
  ernst: 'ernst',
};

function verschil<T extends object>(oud: readonly T[], nieuw: readonly T[], key: (t: T) => string): Lijstverschil<T> {
  const voor = new Map(oud.map((t) => [key(t), t]));
  const na = new Map(nieuw.map((t) => [key(t), t]));
  const gewijzigd: Wijziging<T>[] = [];
  for (const [k, n] of na) {
    const o = voor.get(k);
    if (!o) continue;
    const velden = Object.keys(VELDEN).filter(
      (f) =>
        f in n &&
        JSON.stringify((o as Record<string, unknown>)[f]) !== JSON.stringify((n as Record<string, unknown>)[f]),
    );
    if (velden.length) gewijzigd.push({ oud: o, nieuw: n, velden: velden.map((f) => VELDEN[f]!) });
  }
  return {
    nieuw: [...na].filter(([k]) => !voor.has(k)).map(([, t]) => t),
    weg: [...voor].filter(([k]) => !na.has(k)).map(([, t]) => t),
    gewijzigd,
  };
}

/**
 * What changed from `oud` (the previous stuurgroep) to `nieuw`. Items are matched by their id, which is never reused.
 * New referral counts for a later period are not a change of the map: the trend tables show them.
 */
export function vergelijkSnapshots(oud: SnapshotInhoud, nieuw: SnapshotInhoud): Verschillen {
  return {
    organisaties: verschil(oud.organisaties, nieuw.organisaties, (o) => String(o.id)),
    voorzieningen: verschil(oud.voorzieningen, nieuw.voorzieningen, (v) => String(v.id)),
    relaties: verschil(oud.relaties, nieuw.relaties, (r) => String(r.id)),
    hiaten: verschil(oud.hiaten, nieuw.hiaten, (h) => `${h.gebied}|${h.leefgebied}`),
  };
}

export const aantalVerschillen = (v: Verschillen) =>
  [v.organisaties, v.voorzieningen, v.relaties].reduce(
    (n, l) => n + l.nieuw.length + l.weg.length + l.gewijzigd.length,
    0,
  );
