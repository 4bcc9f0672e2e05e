import type { Taxonomy } from '../../model/taxonomies';
import type { ImportIssue } from '../types';

/** The fields a partner list can fill. One row is an organisation, or an offer (voorziening) with its organisation. */
export const PARTNER_VELDEN = [
  'id',
  'naam',
  'soort',
  'adres',
  'postcode',
  'plaats',
  'buurt',
  'website',
  'telefoon',
  'email',
  'aanbod',
  'voorziening_id',
  'organisatie_id',
  'leefgebieden',
  'doelgroepen',
  'collectief',
  'toegang',
  'preventieniveau',
  'status',
  'startdatum',
  'einddatum',
  'werkgebied',
  'capaciteit',
  'kosten',
  'contact',
  'notities',
] as const;
export type PartnerVeld = (typeof PARTNER_VELDEN)[number];

/** Field → 0-based column index in the detected table, or null for "not in this file". */
export type PartnerMapping = Partial<Record<PartnerVeld, number | null>>;

export interface PartnerColumn {
  readonly index: number;
  /** Header as the user sees it (two header rows joined with " / "). */
  readonly kop: string;
  /** The field it was mapped to, automatically or by the user. */
  readonly veld: PartnerVeld | null;
  readonly voorbeelden: readonly string[];
}

/** A value of a leefgebied/doelgroep/… cell that is not in the project's taxonomy. */
export interface OnbekendeWaarde {
  readonly taxonomie: Taxonomy;
  readonly waarde: string;
  readonly aantal: number;
  /** A likely taxonomy code, or null. */
  readonly voorstel: string | null;
  /** The suggestion rests on the value's meaning and fits only this item: preselected (`voorstellenOvernemen`). */
  readonly zeker: boolean;
  /** What happens to the value now: the user's choice, or the preselected suggestion; null = still to choose. */
  readonly keuze: WaardeKeuze | null;
}

/** What to do with an unknown taxonomy value: map it to an existing code, add it as a new item, or leave it out. */
export type WaardeKeuze = { readonly code: string } | 'toevoegen' | 'negeren';

/** A group of organisations that look like one (one of which may already be in the project). */
export interface DubbelVoorstel {
  /** Names as written (file rows and/or existing organisations). */
  readonly namen: readonly string[];
  /** 'zeker': equal after normalisation, merged automatically. 'mogelijk': proposed; merged only when confirmed. */
  readonly zekerheid: 'zeker' | 'mogelijk';
  readonly redenen: readonly string[];
  /** Stable key of the proposal, to confirm it in `samenvoegen`. */
  readonly sleutel: string;
  /** The existing organisation it matches, if any. */
  readonly bestaandeId: number | null;
}

export interface PartnersImportOptions {
  readonly blad?: string;
  readonly kolommen?: PartnerMapping;
  /** Key "taxonomie|waarde" (value as written, lower case) → what to do. */
  readonly waarden?: Readonly<Record<string, WaardeKeuze>>;
  /** Confirmed 'mogelijk' proposals (their `sleutel`), merged into one organisation each. */
  readonly samenvoegen?: readonly string[];
  /** Import the good rows and leave out rows with errors (listed in the preview). */
  readonly foutenOverslaan?: boolean;
  /** Import even if this exact file was imported before. */
  readonly opnieuw?: boolean;
  /** Take a `zeker` suggestion for an unknown value unless `waarden` says otherwise (the app; not the CLI). */
  readonly voorstellenOvernemen?: boolean;
}

export interface PartnersPreview {
  readonly bestand: string;
  readonly blad: string;
  readonly bladen: readonly string[];
  readonly kolommen: readonly PartnerColumn[];
  readonly rijen: number;
  /** After automatic merging, counted against the project. */
  readonly nieuweOrganisaties: number;
  readonly bijgewerkteOrganisaties: number;
  readonly nieuweVoorzieningen: number;
  readonly bijgewerkteVoorzieningen: number;
  readonly onbekend: readonly OnbekendeWaarde[];
  readonly dubbelen: readonly DubbelVoorstel[];
  readonly problemen: readonly ImportIssue[];
  readonly fouten: number;
  /** Rows with an error (left out when `foutenOverslaan`). */
  readonly foutRijen: number;
  readonly waarschuwingen: number;
  readonly eerderGeimporteerd: string | null;
  /** True when the import can run with these options; else `problemen`/`onbekend` say what to resolve. */
  readonly kanImporteren: boolean;
  /** Postcodes resolve to buurten (a postcode table is in the project). */
  readonly postcodesBekend: boolean;
}

export interface PartnersImportOutcome {
  readonly bronId: number;
  readonly organisaties: number;
  readonly voorzieningen: number;
  readonly bijgewerkt: number;
  readonly samengevoegd: number;
  readonly overgeslagen: number;
}

export const RELATIE_VELDEN = [
  'id',
  'van',
  'naar',
  'aantal',
  'periode',
  'soort',
  'notities',
  'van_id',
  'van_soort',
  'naar_id',
  'naar_soort',
] as const;
export type RelatieVeld = (typeof RELATIE_VELDEN)[number];
export type RelatieMapping = Partial<Record<RelatieVeld, number | null>>;

export interface NaamMatch {
  readonly naam: string;
  readonly aantal: number;
  /** The organisation/voorziening it matched, or null (then listed, never invented). */
  readonly gevonden: {
    readonly soort: 'organisatie' | 'voorziening';
    readonly id: number;
    readonly naam: string;
  } | null;
  readonly kandidaten: readonly {
    readonly soort: 'organisatie' | 'voorziening';
    readonly id: number;
    readonly naam: string;
  }[];
}

export interface RelatiesImportOptions {
  readonly blad?: string;
  readonly kolommen?: RelatieMapping;
  /** Name as written → "organisatie:12" / "voorziening:7" chosen by the user. */
  readonly namen?: Readonly<Record<string, string>>;
  readonly foutenOverslaan?: boolean;
  readonly opnieuw?: boolean;
}

export interface RelatiesPreview {
  readonly bestand: string;
  readonly blad: string;
  readonly bladen: readonly string[];
  readonly kolommen: readonly { readonly index: number; readonly kop: string; readonly veld: RelatieVeld | null }[];
  readonly rijen: number;
  readonly nieuweRelaties: number;
  readonly bijgewerkteRelaties: number;
  readonly volumes: number;
  readonly namen: readonly NaamMatch[];
  readonly problemen: readonly ImportIssue[];
  readonly fouten: number;
  readonly foutRijen: number;
  readonly waarschuwingen: number;
  readonly eerderGeimporteerd: string | null;
  readonly kanImporteren: boolean;
}

export interface RelatiesImportOutcome {
  readonly bronId: number;
  readonly relaties: number;
  readonly volumes: number;
  readonly bijgewerkt: number;
  readonly overgeslagen: number;
}

export interface PostcodesImportOutcome {
  readonly bronId: number;
  readonly postcodes: number;
  /** Organisations and voorzieningen that got a buurt from their postcode. */
  readonly gekoppeld: number;
  readonly onbekendeBuurten: number;
  /** Rows left out (no valid PC6 or buurt code), and a warning naming the row and column of each (the first 200). */
  readonly overgeslagen: number;
  readonly problemen: readonly ImportIssue[];
}
