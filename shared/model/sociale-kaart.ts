/**
 * The sociale kaart: organisaties, their voorzieningen (offers) and the relaties between them, as the app shows and
 * edits them. Inputs are validated here, once, by the worker and by the forms (the same rules, the same messages).
 */
import type { Taxonomy } from './taxonomies';

export const VOORZIENING_STATUSSEN = ['actief', 'gepland', 'gestopt'] as const;
export type VoorzieningStatus = (typeof VOORZIENING_STATUSSEN)[number];

export type KnoopSoort = 'organisatie' | 'voorziening';
export interface KnoopRef {
  readonly soort: KnoopSoort;
  readonly id: number;
}

export interface Organisatie {
  readonly id: number;
  readonly naam: string;
  readonly soort: string | null;
  readonly adres: string | null;
  readonly postcode: string | null;
  readonly plaats: string | null;
  /** Code of the buurt where it is located (BU…), from a buurt column, a postcode or the user. */
  readonly buurtCode: string | null;
  readonly buurtNaam: string | null;
  readonly website: string | null;
  readonly telefoon: string | null;
  /** The general desk of the organisation, never a person. */
  readonly email: string | null;
  readonly notities: string | null;
  readonly aantalVoorzieningen: number;
  readonly aantalRelaties: number;
  readonly gewijzigd: string;
}

export interface OrganisatieInput {
  readonly naam: string;
  readonly soort?: string | null;
  readonly adres?: string | null;
  readonly postcode?: string | null;
  readonly plaats?: string | null;
  readonly buurtCode?: string | null;
  readonly website?: string | null;
  readonly telefoon?: string | null;
  readonly email?: string | null;
  readonly notities?: string | null;
}

export interface Voorziening {
  readonly id: number;
  readonly naam: string;
  readonly organisatieId: number | null;
  readonly organisatieNaam: string | null;
  readonly collectief: boolean;
  readonly vrijToegankelijk: boolean;
  readonly preventieniveau: string | null;
  readonly status: VoorzieningStatus;
  readonly startdatum: string | null;
  readonly einddatum: string | null;
  /** Taxonomy codes. */
  readonly leefgebieden: readonly string[];
  readonly doelgroepen: readonly string[];
  /** Buurt codes of the gebieden it serves. */
  readonly werkgebied: readonly string[];
  readonly locatieBuurtCode: string | null;
  readonly adres: string | null;
  readonly postcode: string | null;
  readonly capaciteit: number | null;
  readonly kosten: string | null;
  readonly contact: string | null;
  readonly notities: string | null;
  readonly gewijzigd: string;
}

export interface VoorzieningInput {
  readonly naam: string;
  readonly organisatieId?: number | null;
  readonly collectief?: boolean;
  readonly vrijToegankelijk?: boolean;
  readonly preventieniveau?: string | null;
  readonly status?: VoorzieningStatus;
  readonly startdatum?: string | null;
  readonly einddatum?: string | null;
  readonly leefgebieden?: readonly string[];
  readonly doelgroepen?: readonly string[];
  readonly werkgebied?: readonly string[];
  readonly locatieBuurtCode?: string | null;
  readonly adres?: string | null;
  readonly postcode?: string | null;
  readonly capaciteit?: number | null;
  readonly kosten?: string | null;
  readonly contact?: string | null;
  readonly notities?: string | null;
}

export interface RelatieVolume {
  /** ISO dates, inclusive. */
  readonly periodeStart: string;
  readonly periodeEind: string;
  readonly aantal: number;
}

export interface Relatie {
  readonly id: number;
  /** relatietype code, e.g. 'verwijzing'. */
  readonly soort: string;
  readonly van: KnoopRef & { readonly naam: string };
  readonly naar: KnoopRef & { readonly naam: string };
  readonly gericht: boolean;
  readonly startdatum: string | null;
  readonly einddatum: string | null;
  readonly notities: string | null;
  readonly volumes: readonly RelatieVolume[];
  /** Sum of the volumes; null when none are known. */
  readonly totaal: number | null;
  readonly gewijzigd: string;
}

export interface RelatieInput {
  readonly soort: string;
  readonly van: KnoopRef;
  readonly naar: KnoopRef;
  readonly gericht?: boolean;
  readonly startdatum?: string | null;
  readonly einddatum?: string | null;
  readonly notities?: string | null;
  readonly volumes?: readonly RelatieVolume[];
}

/** Fields a multi-select bulk edit may set (only those present are changed). */
export interface OrganisatieBulk {
  readonly soort?: string | null;
  readonly plaats?: string | null;
  readonly buurtCode?: string | null;
}
export interface VoorzieningBulk {
  readonly organisatieId?: number | null;
  readonly collectief?: boolean;
  readonly vrijToegankelijk?: boolean;
  readonly preventieniveau?: string | null;
  readonly status?: VoorzieningStatus;
  /** Added to each item's list (existing values stay). */
  readonly leefgebiedenToevoegen?: readonly string[];
  readonly doelgroepenToevoegen?: readonly string[];
  readonly werkgebiedToevoegen?: readonly string[];
}

export interface TaxonomieItemRow {
  readonly taxonomie: Taxonomy;
  readonly code: string;
  readonly label: string;
  readonly omschrijving: string | null;
  readonly volgorde: number;
  /** How many items use it (voorzieningen, organisaties or relaties). */
  readonly inGebruik: number;
}

export interface TaxonomieItemInput {
  readonly label: string;
  readonly omschrijving?: string | null;
}

export interface Wijziging {
  readonly id: number;
  readonly tijd: string;
  readonly entiteit: string;
  readonly entiteitId: number | null;
  readonly actie: 'toegevoegd' | 'gewijzigd' | 'verwijderd' | 'samengevoegd' | 'geimporteerd' | 'hersteld';
  readonly omschrijving: string;
}

export type EntiteitSoort = 'organisatie' | 'voorziening' | 'relatie';

/** What Ctrl+Z and Ctrl+Y would do now: the description of the step, or null. */
export interface UndoState {
  readonly ongedaanMaken: string | null;
  readonly opnieuw: string | null;
}

/** One validation problem of a form field; `code` is an i18n key under "veld.". */
export interface FieldProblem {
  readonly veld: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

// ---------------------------------------------------------------- value rules

const POSTCODE_RE = /^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$/;

/** "3555 ab" / "3555AB" → "3555 AB"; anything that is not a Dutch postcode → null (SA, SD and SS are never used). */
export function normalisePostcode(value: string | null | undefined): string | null {
  if (value == null) return null;
  const m = POSTCODE_RE.exec(value);
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return `${m[1]} ${letters}`;
}

/** PC6 form without space, for lookups: "3555 AB" → "3555AB". */
export function pc6(value: string | null | undefined): string | null {
  const p = normalisePostcode(value);
  return p ? p.replace(' ', '') : null;
}

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;
export function isEmail(value: string): boolean {
  return EMAIL_RE.test(value.trim());
}

/** A web address as people write it ("www.dock.nl", "dock.nl/aanbod", "https://…"); returns it with https:// or null. */
export function normaliseUrl(value: string): string | null {
  const v = value.trim();
  if (!v || /\s/.test(v)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(url.hostname)) return null;
    return withScheme;
  } catch {
    return null;
  }
}

const PHONE_RE = /^[+0-9][0-9 ()\-./]{5,19}$/;
export function isPhone(value: string): boolean {
  return PHONE_RE.test(value.trim()) && (value.match(/[0-9]/g)?.length ?? 0) >= 6;
}

const DATE_RE = /^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$/;
export function isIsoDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const clean = (v: string | null | undefined): string | null => {
  if (v == null) return null;
  const t = v.trim().replace(/\s+/g, ' ');
  return t === '' ? null : t;
};
/** Free text keeps its line breaks. */
const cleanText = (v: string | null | undefined): string | null => {
  if (v == null) return null;
  const t = v.trim();
  return t === '' ? null : t;
};

export const MAX_NAAM = 200;
export const MAX_TEKST = 4000;

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: FieldProblem[] };

function lengthProblems(
  fields: Record<string, string | null>,
  problems: FieldProblem[],
  max: Record<string, number> = {},
): void {
  for (const [veld, v] of Object.entries(fields)) {
    const limit = max[veld] ?? (veld === 'naam' ? MAX_NAAM : MAX_TEKST);
    if (v !== null && v.length > limit) problems.push({ veld, code: 'te-lang', params: { max: limit } });
  }
}

/** Cleans and checks an organisation; names the field of every problem. */
export function checkOrganisatie(input: OrganisatieInput): Checked<Required<OrganisatieInput>> {
  const problems: FieldProblem[] = [];
  const naam = clean(input.naam);
  if (!naam) problems.push({ veld: 'naam', code: 'verplicht' });
  let postcode = clean(input.postcode);
  if (postcode) {
    const p = normalisePostcode(postcode);
    if (!p) problems.push({ veld: 'postcode', code: 'postcode', params: { waarde: postcode } });
    else postcode = p;
  }
  let website = clean(input.website);
  if (website) {
    const u = normaliseUrl(website);
    if (!u) problems.push({ veld: 'website', code: 'url', params: { waarde: website } });
    else website = u;
  }
  const email = clean(input.email);
  if (email && !isEmail(email)) problems.push({ veld: 'email', code: 'email', params: { waarde: email } });
  const telefoon = clean(input.telefoon);
  if (telefoon && !isPhone(telefoon))
    problems.push({ veld: 'telefoon', code: 'telefoon', params: { waarde: telefoon } });
  const value = {
    naam: naam ?? '',
    soort: clean(input.soort),
    adres: clean(input.adres),
    postcode,
    plaats: clean(input.plaats),
    buurtCode: clean(input.buurtCode),
    website,
    telefoon,
    email,
    notities: cleanText(input.notities),
  };
  lengthProblems({ ...value, naam }, problems);
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

export function checkVoorziening(input: VoorzieningInput): Checked<Required<VoorzieningInput>> {
  const problems: FieldProblem[] = [];
  const naam = clean(input.naam);
  if (!naam) problems.push({ veld: 'naam', code: 'verplicht' });
  let postcode = clean(input.postcode);
  if (postcode) {
    const p = normalisePostcode(postcode);
    if (!p) problems.push({ veld: 'postcode', code: 'postcode', params: { waarde: postcode } });
    else postcode = p;
  }
  const startdatum = clean(input.startdatum);
  const einddatum = clean(input.einddatum);
  if (startdatum && !isIsoDate(startdatum)) problems.push({ veld: 'startdatum', code: 'datum' });
  if (einddatum && !isIsoDate(einddatum)) problems.push({ veld: 'einddatum', code: 'datum' });
  if (startdatum && einddatum && isIsoDate(startdatum) && isIsoDate(einddatum) && einddatum < startdatum) {
    problems.push({ veld: 'einddatum', code: 'eind-voor-start' });
  }
  const status = input.status ?? 'actief';
  if (!VOORZIENING_STATUSSEN.includes(status)) problems.push({ veld: 'status', code: 'ongeldig' });
  const capaciteit = input.capaciteit ?? null;
  if (capaciteit !== null && (!Number.isInteger(capaciteit) || capaciteit < 0 || capaciteit > 1_000_000)) {
    problems.push({ veld: 'capaciteit', code: 'geheel-getal' });
  }
  const uniq = (xs: readonly string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
  const value = {
    naam: naam ?? '',
    organisatieId: input.organisatieId ?? null,
    collectief: input.collectief ?? true,
    vrijToegankelijk: input.vrijToegankelijk ?? true,
    preventieniveau: clean(input.preventieniveau),
    status,
    startdatum,
    einddatum,
    leefgebieden: uniq(input.leefgebieden),
    doelgroepen: uniq(input.doelgroepen),
    werkgebied: uniq(input.werkgebied),
    locatieBuurtCode: clean(input.locatieBuurtCode),
    adres: clean(input.adres),
    postcode,
    capaciteit,
    kosten: clean(input.kosten),
    contact: clean(input.contact),
    notities: cleanText(input.notities),
  };
  lengthProblems(
    { naam, adres: value.adres, kosten: value.kosten, contact: value.contact, notities: value.notities },
    problems,
  );
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

export function checkRelatie(input: RelatieInput): Checked<Required<RelatieInput>> {
  const problems: FieldProblem[] = [];
  const soort = clean(input.soort);
  if (!soort) problems.push({ veld: 'soort', code: 'verplicht' });
  if (input.van.soort === input.naar.soort && input.van.id === input.naar.id) {
    problems.push({ veld: 'naar', code: 'naar-zichzelf' });
  }
  const startdatum = clean(input.startdatum);
  const einddatum = clean(input.einddatum);
  if (startdatum && !isIsoDate(startdatum)) problems.push({ veld: 'startdatum', code: 'datum' });
  if (einddatum && !isIsoDate(einddatum)) problems.push({ veld: 'einddatum', code: 'datum' });
  if (startdatum && einddatum && einddatum < startdatum) problems.push({ veld: 'einddatum', code: 'eind-voor-start' });
  const volumes = input.volumes ?? [];
  volumes.forEach((v, i) => {
    if (!isIsoDate(v.periodeStart) || !isIsoDate(v.periodeEind) || v.periodeEind < v.periodeStart) {
      problems.push({ veld: 'volumes', code: 'periode', params: { rij: i + 1 } });
    }
    if (!Number.isFinite(v.aantal) || v.aantal < 0) {
      problems.push({ veld: 'volumes', code: 'aantal', params: { rij: i + 1 } });
    }
  });
  const value = {
    soort: soort ?? '',
    van: input.van,
    naar: input.naar,
    gericht: input.gericht ?? true,
    startdatum,
    einddatum,
    notities: cleanText(input.notities),
    volumes,
  };
  lengthProblems({ notities: value.notities }, problems);
  return problems.length ? { ok: false, problems } : { ok: true, value };
}
