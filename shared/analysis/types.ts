/** The network of the sociale basis as the worker hands it to the Netwerk view, and what the analysis says of it. */
import type { MetriekWaarden } from './metriek-descriptors';

export type KnoopSoort = 'organisatie' | 'voorziening' | 'gebied';

export interface NetwerkKnoop {
  /** 'o12' (organisatie), 'v7' (voorziening), 'g:BU03440101' (gebied). */
  readonly id: string;
  readonly soort: KnoopSoort;
  /** organisatie or voorziening id; null for a gebied. */
  readonly refId: number | null;
  readonly naam: string;
  /** soort_organisatie code: of the organisation itself, or of a voorziening's provider. */
  readonly sector: string | null;
  readonly leefgebieden: readonly string[];
  readonly doelgroepen: readonly string[];
  /** Voorzieningen only. */
  readonly collectief: boolean | null;
  readonly vrijToegankelijk: boolean | null;
  readonly status: 'actief' | 'gepland' | 'gestopt' | null;
  readonly startdatum: string | null;
  readonly einddatum: string | null;
  /** Where it is: the buurt and its wijk (codes), if known. A gebied knoop has its own code here. */
  readonly buurtCode: string | null;
  readonly wijkCode: string | null;
  /** Buurten a voorziening serves. */
  readonly werkgebied: readonly string[];
  /** A first-line organisation (wijkteam, huisarts, wijkwijzer), whose referrals the verwijsbalans follows. */
  readonly eersteLijn: boolean;
  /** For a gebied: 'buurt' or 'wijk'. */
  readonly niveau: 'buurt' | 'wijk' | null;
  /**
   * Gaps (hiaat or ernstig): for a buurt, the leefgebieden where it has one; for a voorziening, the buurten with a gap
   * in one of its leefgebieden that it could serve (it is in, or serves, that buurt's wijk).
   */
  readonly hiaten?: readonly string[];
}

export interface NetwerkVolume {
  readonly start: string;
  readonly eind: string;
  readonly aantal: number;
}

export interface NetwerkRelatie {
  /** 'r12' (a relatie), 'a7' (organisatie → its voorziening), 'l:o12' / 'w:v7:BU…' (located in / serves a gebied). */
  readonly id: string;
  readonly relatieId: number | null;
  readonly bron: string;
  readonly doel: string;
  /** relatietype code, or 'aanbod' (provider of), 'locatie' (located in), 'werkgebied' (serves). */
  readonly soort: string;
  readonly gericht: boolean;
  readonly volumes: readonly NetwerkVolume[];
  readonly startdatum: string | null;
  readonly einddatum: string | null;
}

export interface KnoopPositie {
  readonly knoop: string;
  readonly x: number;
  readonly y: number;
  readonly vast: boolean;
}

export interface NetwerkData {
  readonly knopen: readonly NetwerkKnoop[];
  readonly relaties: readonly NetwerkRelatie[];
  /** Every period that has a volume, "start/eind", oldest first. */
  readonly perioden: readonly string[];
  readonly posities: readonly KnoopPositie[];
  /** Labels of the taxonomy codes used (for legends and filters), per taxonomy. */
  readonly labels: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Wijk and buurt names by code. */
  readonly gebieden: Readonly<
    Record<string, { readonly naam: string; readonly niveau: 'wijk' | 'buurt'; readonly wijk: string | null }>
  >;
}

export interface Periode {
  readonly start: string;
  readonly eind: string;
}

export interface NetwerkFilter {
  readonly leefgebieden?: readonly string[];
  readonly doelgroepen?: readonly string[];
  readonly sectoren?: readonly string[];
  readonly relatieSoorten?: readonly string[];
  /** Relations active in, and volumes counted over, this period; knopen active in it. */
  readonly periode?: Periode | null;
  /** Wijk or buurt codes: knopen located in (or serving) them. */
  readonly gebieden?: readonly string[];
  readonly statussen?: readonly ('actief' | 'gepland' | 'gestopt')[];
  /** Relations with less volume (in the period) drop out; relations without volumes stay. */
  readonly minVolume?: number;
  /** Show buurten/wijken as knopen (context only; they take no part in the metrics). */
  readonly metGebieden?: boolean;
  /** Show voorzieningen (else only organisaties; relations to a voorziening go to its provider). */
  readonly metVoorzieningen?: boolean;
  /** A knoop and its neighbours up to N steps. */
  readonly focus?: { readonly knoop: string; readonly stappen: number } | null;
  /** The shortest path(s) between two knopen. */
  readonly pad?: { readonly van: string; readonly naar: string } | null;
}

export interface ZichtbaarNetwerk {
  readonly knopen: readonly NetwerkKnoop[];
  /** Edges as drawn, with the volume summed over the period (null when unknown). */
  readonly relaties: readonly (NetwerkRelatie & { readonly volume: number | null })[];
  /** Knopen and relaties that match the filter (the others may be shown faded). */
  readonly treffers: ReadonlySet<string>;
}

/** A knoop's measures: one field per descriptor of `metriek-descriptors.ts`. */
export interface KnoopMetriek extends MetriekWaarden {
  readonly id: string;
}

export interface NetwerkKengetallen {
  readonly knopen: number;
  readonly relaties: number;
  readonly dichtheid: number;
  /** Of directed verwijzingen: the share answered by one the other way; null without verwijzingen. */
  readonly reciprociteit: number | null;
  readonly componenten: number;
  readonly bruggen: number;
  readonly gemiddeldePadlengte: number | null;
  readonly diameter: number;
  readonly communities: number;
  readonly modulariteit: number;
}

export interface SectorMenging {
  readonly sectoren: readonly string[];
  /** Ties between sector i and j (symmetric; the diagonal counts ties within a sector). */
  readonly matrix: readonly (readonly number[])[];
  /** Krackhardt's E-I index: (extern − intern) / (extern + intern); null without ties. */
  readonly eiIndex: number | null;
  /** Pairs of different sectors with no ties at all. */
  readonly zonderBanden: readonly (readonly [string, string])[];
}

export interface VerwijsBalans {
  readonly buurtCode: string | null;
  readonly buurtNaam: string | null;
  /** "start/eind", or null for relations without a period. */
  readonly periode: string | null;
  readonly totaal: number;
  /** Landed in a freely accessible (voorliggend) offer. */
  readonly voorliggend: number;
  /** Landed in maatwerk (op indicatie). */
  readonly maatwerk: number;
  readonly onbekend: number;
  /** voorliggend / (voorliggend + maatwerk); null when both are 0. */
  readonly aandeelVoorliggend: number | null;
}

export interface NetwerkAnalyse {
  readonly knopen: readonly KnoopMetriek[];
  readonly netwerk: NetwerkKengetallen;
  readonly perWijk: readonly (NetwerkKengetallen & { readonly wijkCode: string; readonly wijkNaam: string })[];
  readonly bruggen: readonly (readonly [string, string])[];
  readonly sectorMenging: SectorMenging;
  readonly verwijsBalans: readonly VerwijsBalans[];
}

export interface NetwerkVergelijking {
  readonly nieuweKnopen: readonly string[];
  readonly verdwenenKnopen: readonly string[];
  readonly nieuweRelaties: readonly string[];
  readonly verdwenenRelaties: readonly string[];
}
