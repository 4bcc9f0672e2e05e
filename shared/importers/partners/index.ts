/**
 * Partner lists → organisaties and voorzieningen. A pure pipeline up to the plan (bytes → sheet rows → detected
 * table → validated rows with issues → a plan of what becomes which organisation and offer, matched against the
 * project), then one transaction that writes the plan. The preview is the plan without the write.
 */
import type { ProjectDb } from '../../db/connection';
import {
  bestaat,
  bewaarOrganisatieAlias,
  bewaarTaxonomieAlias,
  buurtVanPostcode,
  gebiedAliassen,
  gebiedCodes,
  heeftPostcodes,
  organisatieAliassen,
  organisatieNamen,
  voegTaxonomieItemToe,
  voorzieningVanOrganisatie,
} from '../../db/repos/lijsten-import';
import { eerderGeimporteerd, insertBron } from '../../db/repos/bronnen';
import { AppException } from '../../result';
import { BUURT_CODE_ZONDER_PREFIX, normaliseCode } from '../cbs/codes';
import { normaliseName } from '../../model/names';
import type { Taxonomy } from '../../model/taxonomies';
import {
  checkOrganisatie,
  checkVoorziening,
  isEmail,
  isPhone,
  normalisePostcode,
  normaliseUrl,
  pc6,
  type OrganisatieInput,
  type VoorzieningInput,
  type VoorzieningStatus,
} from '../../model/sociale-kaart';
import { createPlaceSet, findDuplicateCandidates, orgNameKey, type PlaceSet } from '../../model/org-names';
import {
  getOrganisatie,
  getVoorziening,
  listOrganisatieKenmerken,
  listPlaatsnamen,
  saveOrganisatie,
  saveVoorziening,
} from '../../db/repos/sociale-kaart';
import { codeFromLabel } from '../../db/repos/taxonomies';
import { nameResolver } from '../../db/repos/gebieden';
import type { ImportFile, ImportIssue } from '../types';
import {
  applyMapping,
  detectTable,
  dataRows,
  duplicateHeaderIssues,
  personDataIssues,
  type DetectedTable,
  type Recogniser,
} from './table';
import { buildWaardeIndex, splitMulti, waardeKey, normaliseWaarde, type WaardeIndex } from './taxonomie-waarden';
import { parseCollectief, parseDate, parseStatus, parseToegang } from './cell-values';
import type {
  DubbelVoorstel,
  OnbekendeWaarde,
  WaardeKeuze,
  PartnerColumn,
  PartnersImportOptions,
  PartnersImportOutcome,
  PartnersPreview,
  PartnerVeld,
} from './types';

export type * from './types';

const R: readonly Recogniser<PartnerVeld>[] = [
  ['voorziening_id', (h) => /^(voorziening|aanbod) ?id$/.test(h)],
  ['organisatie_id', (h) => /^organisatie ?id$/.test(h)],
  ['id', (h) => h === 'id'],
  [
    'aanbod',
    (h, g) =>
      /^(naam )?(aanbod|voorziening|activiteit|dienst|product|programma)( naam)?$/.test(h) ||
      (/aanbod|voorziening|activiteit/.test(g) && /^(naam|titel|wat)$/.test(h)),
  ],
  [
    'naam',
    (h, g) =>
      /^(naam( van de)?( organisatie| aanbieder| partner| instelling)?|organisatie( naam)?|organisatienaam|aanbieder|partner|partnerorganisatie|instelling)$/.test(
        h,
      ) ||
      (/organisatie|aanbieder|partner/.test(g) && h === 'naam'),
  ],
  [
    'soort',
    (h, g) =>
      !/aanbod|voorziening/.test(g) &&
      /^((soort|type|sector|categorie)( organisatie| aanbieder)?|organisatietype|soort organisatie)$/.test(h),
  ],
  ['leefgebieden', (h) => /leefgebied|levensdomein/.test(h)],
  ['doelgroepen', (h) => /doelgroep/.test(h)],
  ['collectief', (h) => /collectief|individueel|^vorm$|groep of individueel/.test(h)],
  ['toegang', (h) => /toegang|toegankelijk|indicatie|beschikking/.test(h)],
  ['preventieniveau', (h) => /preventie/.test(h)],
  ['status', (h) => /^status$/.test(h)],
  ['startdatum', (h) => /^(start|startdatum|begindatum|vanaf|start datum|begin)$/.test(h)],
  ['einddatum', (h) => /^(eind|einddatum|tot|eind datum|stopdatum|tot en met)$/.test(h)],
  ['werkgebied', (h) => /werkgebied|werkt in|actief in|buurten$/.test(h)],
  ['capaciteit', (h) => /capaciteit|aantal plaatsen|deelnemers/.test(h)],
  ['kosten', (h) => /kosten|prijs|eigen bijdrage|tarief/.test(h)],
  ['postcode', (h) => /^(postcode|pc|pc6|post code)$/.test(h)],
  ['adres', (h) => /adres|straat|bezoekadres|huisnummer/.test(h)],
  ['plaats', (h) => /^(plaats|woonplaats|vestigingsplaats|stad|gemeente|plaatsnaam)$/.test(h)],
  ['buurt', (h) => /^(buurt|buurtcode|buurt code|buurtnaam|wijk|wijk buurt|buurt wijk|locatie buurt)$/.test(h)],
  ['website', (h) => /website|^url$|internet|^www$|webadres|^site$/.test(h)],
  ['telefoon', (h) => /^tel\b|telefoon|phone|^tel$/.test(h)],
  ['email', (h) => /e ?mail|^mail/.test(h)],
  ['contact', (h) => /^contact/.test(h)],
  ['notities', (h) => /opmerking|notitie|toelichting|bijzonderheden|omschrijving|beschrijving/.test(h)],
];

/** The group of voorzieningen without a provider (from a voorzieningen export). */
const ZONDER_AANBIEDER = '#zonder-aanbieder';

/** A form field of a voorziening → the list's column. */
const VZ_VELD: Readonly<Record<string, PartnerVeld>> = {
  naam: 'aanbod',
  startdatum: 'startdatum',
  einddatum: 'einddatum',
  capaciteit: 'capaciteit',
  kosten: 'kosten',
  contact: 'contact',
  notities: 'notities',
  adres: 'adres',
  postcode: 'postcode',
  status: 'status',
};
/** An organisation field → the list's column. */
const VELD_VAN: Partial<Record<keyof OrganisatieInput, PartnerVeld>> = {
  soort: 'soort',
  adres: 'adres',
  postcode: 'postcode',
  plaats: 'plaats',
  buurtCode: 'buurt',
  website: 'website',
  telefoon: 'telefoon',
  email: 'email',
  notities: 'notities',
};

const TAXONOMY_FIELDS: Partial<Record<PartnerVeld, Taxonomy>> = {
  leefgebieden: 'leefgebied',
  doelgroepen: 'doelgroep',
  preventieniveau: 'preventieniveau',
  soort: 'soort_organisatie',
};

export interface ParsedPartners {
  readonly table: DetectedTable<PartnerVeld>;
  readonly cols: Map<PartnerVeld, number>;
  /** A voorzieningen export read back: its 'naam' is the offer, the organisation comes from organisatie_id. */
  readonly voorzieningenLijst: boolean;
  readonly rows: readonly { row: number; cells: string[] }[];
  readonly persoon: readonly ImportIssue[];
  /** Warnings about the columns themselves (a header that repeats an earlier one). */
  readonly kolomIssues: readonly ImportIssue[];
}

export function parsePartnersFile(file: ImportFile, options: PartnersImportOptions): ParsedPartners {
  const table = detectTable(file, R, 'naam', options.blad);
  const persoon = personDataIssues(file.name, table);
  const cols = applyMapping(table, options.kolommen);
  const voorzieningenLijst = cols.has('organisatie_id') && !cols.has('aanbod') && cols.has('naam');
  if (!cols.has('naam') && !cols.has('id') && !cols.has('voorziening_id')) {
    throw new AppException('lijst.geen-naamkolom', { bestand: file.name });
  }
  const kolomIssues = duplicateHeaderIssues(file.name, table, cols);
  return { table, cols, voorzieningenLijst, rows: dataRows(table), persoon, kolomIssues };
}

// ---------------------------------------------------------------- the plan

interface PlannedOrg {
  key: string;
  existingId: number | null;
  /** Matched on the id column: the file's values replace the project's; otherwise they only fill empty fields. */
  byId: boolean;
  spellings: Map<string, number[]>;
  input: { -readonly [K in keyof OrganisatieInput]: OrganisatieInput[K] };
  vz: Map<string, PlannedVz>;
}

interface PlannedVz {
  existingId: number | null;
  byId: boolean;
  rows: number[];
  input: { -readonly [K in keyof VoorzieningInput]: VoorzieningInput[K] };
}

export interface PartnersPlan {
  readonly orgs: PlannedOrg[];
  readonly issues: ImportIssue[];
  readonly onbekend: OnbekendeWaarde[];
  readonly dubbelen: DubbelVoorstel[];
  readonly badRows: Set<number>;
  readonly rowsRead: number;
  readonly newItems: { taxonomie: Taxonomy; waarde: string }[];
  readonly aliases: { taxonomie: Taxonomy; waarde: string; code: string }[];
  readonly postcodesBekend: boolean;
  readonly places: PlaceSet;
}

/** The known place names for organisation-name matching: built in, plus the project's gemeenten and plaatsen. */
export function orgPlaces(db: ProjectDb, extra: readonly string[] = []): PlaceSet {
  return createPlaceSet([...listPlaatsnamen(db), ...extra]);
}

/** Existing organisations by comparison key (their own names and their aliases). */
function existingOrgKeys(db: ProjectDb, places: PlaceSet): Map<string, number> {
  const map = new Map<string, number>();
  for (const o of organisatieNamen(db)) {
    const k = orgNameKey(o.naam, places);
    if (!map.has(k)) map.set(k, o.id);
  }
  for (const a of organisatieAliassen(db)) {
    if (!map.has(a.sleutel)) map.set(a.sleutel, a.organisatie_id);
  }
  return map;
}

export function gebiedLookup(db: ProjectDb) {
  const byName = nameResolver(db, undefined, normaliseName);
  const aliases = new Map(gebiedAliassen(db).map((a) => [normaliseName(a.alias), a.gebied_code]));
  const codes = gebiedCodes(db);
  const postcodesBekend = heeftPostcodes(db);
  return {
    postcodesBekend,
    /** A buurt (or wijk) code or name → its code, or null. */
    gebied(value: string): string | null {
      const v = value.trim();
      const code = v.toUpperCase().replace(/\s+/g, '');
      if (/^(BU|WK|GM)/.test(normaliseCode(code) ?? '')) return codes.has(code) ? code : null;
      const buurt = BUURT_CODE_ZONDER_PREFIX.test(code) ? `BU${code}` : null;
      if (buurt && codes.has(buurt)) return buurt;
      const alias = aliases.get(normaliseName(v));
      if (alias) return alias;
      const found = byName(v, 'buurt') ?? byName(v, null);
      return found && 'code' in found ? (found.code ?? null) : null;
    },
    /** The buurt of a postcode (the one with most addresses when it spans two). */
    postcode(value: string): string | null {
      const p = pc6(value);
      if (!p || !postcodesBekend) return null;
      const c = buurtVanPostcode(db, p);
      return c !== null && codes.has(c) ? c : null;
    },
  };
}

/**
 * The gebieden named in a cell. CBS names can hold a comma ("Welgelegen, Den Hommel"): parts between ";", "|" or
 * line breaks are tried whole first, then the longest runs of comma-separated pieces that name a gebied.
 */
export function gebiedenIn(
  text: string,
  find: (naam: string) => string | null,
): { tekst: string; code: string | null }[] {
  const out: { tekst: string; code: string | null }[] = [];
  for (const part of text
    .split(/[;|\n\r]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const whole = find(part);
    if (whole) {
      out.push({ tekst: part, code: whole });
      continue;
    }
    const pieces = part
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    for (let i = 0; i < pieces.length;) {
      let j = pieces.length;
      let code: string | null = null;
      for (; j > i; j--) {
        code = find(pieces.slice(i, j).join(', '));
        if (code) break;
      }
      if (code) {
        out.push({ tekst: pieces.slice(i, j).join(', '), code });
        i = j;
      } else {
        out.push({ tekst: pieces[i]!, code: null });
        i++;
      }
    }
  }
  return out;
}

export function planPartners(
  db: ProjectDb,
  fileName: string,
  parsed: ParsedPartners,
  options: PartnersImportOptions,
): PartnersPlan {
  const issues: ImportIssue[] = [...parsed.kolomIssues];
  const sheet = parsed.table.sheet.name !== fileName ? { sheet: parsed.table.sheet.name } : {};
  const badRows = new Set<number>();
  const issue = (level: ImportIssue['level'], code: string, row: number, veld: PartnerVeld | null, params = {}) => {
    const column = veld !== null ? parsed.table.headers[parsed.cols.get(veld) ?? -1] : undefined;
    if (level === 'fout') badRows.add(row);
    if (issues.length < 1000) {
      issues.push({ level, code, file: fileName, ...sheet, row, ...(column ? { column } : {}), params });
    }
  };
  // A header and nothing under it: said as such (not "er zijn nog 0 fouten").
  if (parsed.rows.length === 0) {
    issues.push({ level: 'fout', code: 'lijst.geen-rijen', file: fileName, ...sheet, row: parsed.table.headerRow + 1 });
  }
  const plaatsen = parsed.cols.has('plaats')
    ? parsed.rows.map((r) => r.cells[parsed.cols.get('plaats')!] ?? '').filter(Boolean)
    : [];
  const places = orgPlaces(db, plaatsen);
  const lookup = gebiedLookup(db);
  const index: WaardeIndex = buildWaardeIndex(db);
  const existing = existingOrgKeys(db, places);
  const onbekend = new Map<string, { -readonly [K in keyof OnbekendeWaarde]: OnbekendeWaarde[K] }>();
  const newItems = new Map<string, { taxonomie: Taxonomy; waarde: string }>();
  const aliases = new Map<string, { taxonomie: Taxonomy; waarde: string; code: string }>();
  const orgs = new Map<string, PlannedOrg>();
  const seenRows = new Map<string, number>();
  const firstRow = new Map<string, number>();
  /** Groups with an equal name at another postcode or place: proposed as one, not merged. */
  const apart = new Set<string>();
  const apartVanBestaand = new Map<string, number>();
  const existingInfo = new Map(listOrganisatieKenmerken(db).map((o) => [o.id, o]));
  const get = (cells: string[], veld: PartnerVeld): string => {
    const i = parsed.cols.get(veld);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };

  /** Taxonomy codes of a cell; unknown values are collected (and make the row an error until the user decides). */
  const codes = (row: number, cells: string[], veld: PartnerVeld, multi: boolean): string[] | undefined => {
    const taxonomie = TAXONOMY_FIELDS[veld]!;
    const raw = get(cells, veld);
    if (!raw) return undefined;
    const out: string[] = [];
    for (const waarde of multi ? splitMulti(raw) : [raw]) {
      const matched = index.match(taxonomie, waarde);
      if (matched) {
        for (const m of matched) out.push(m);
        continue;
      }
      const k = waardeKey(taxonomie, waarde);
      let entry = onbekend.get(k);
      if (entry) entry.aantal++;
      else {
        const v = index.suggest(taxonomie, waarde);
        const gekozen = options.waarden?.[k];
        const keuze: WaardeKeuze | null =
          gekozen && (typeof gekozen !== 'object' || index.labels(taxonomie).some((l) => l.code === gekozen.code))
            ? gekozen
            : v?.zeker && options.voorstellenOvernemen
              ? { code: v.code }
              : null;
        entry = { taxonomie, waarde, aantal: 1, voorstel: v?.code ?? null, zeker: v?.zeker ?? false, keuze };
        onbekend.set(k, entry);
      }
      const keuze = entry.keuze;
      if (keuze === 'negeren') continue;
      if (keuze === 'toevoegen') {
        newItems.set(k, { taxonomie, waarde });
        out.push(`+${k}`);
        continue;
      }
      if (keuze) {
        aliases.set(k, { taxonomie, waarde, code: keuze.code });
        out.push(keuze.code);
        continue;
      }
      issue('fout', 'lijst.waarde-onbekend', row, veld, { waarde, taxonomie });
    }
    return [...new Set(out)];
  };

  const bool = (row: number, cells: string[], veld: PartnerVeld, parse: (s: string) => boolean | undefined) => {
    const raw = get(cells, veld);
    if (!raw) return undefined;
    const v = parse(raw);
    if (v === undefined) issue('fout', 'lijst.waarde-ongeldig', row, veld, { waarde: raw });
    return v;
  };

  for (const { row, cells } of parsed.rows) {
    // ---- the organisation
    let naam = get(cells, parsed.voorzieningenLijst ? 'aanbod' : 'naam');
    let aanbod = get(cells, parsed.voorzieningenLijst ? 'naam' : 'aanbod');
    const idRaw = get(cells, 'id');
    const orgIdRaw = get(cells, 'organisatie_id');
    const vzIdRaw = parsed.voorzieningenLijst ? idRaw : get(cells, 'voorziening_id');
    let existingId: number | null = null;
    let byId = false;
    const orgIdCell = parsed.voorzieningenLijst ? orgIdRaw : idRaw || orgIdRaw;
    if (orgIdCell) {
      const id = Number(orgIdCell);
      if (Number.isInteger(id) && bestaat(db, 'organisatie', id)) {
        existingId = id;
        byId = true;
        if (!naam) naam = getOrganisatie(db, id).naam;
      } else {
        issue(
          'fout',
          'lijst.id-onbekend',
          row,
          parsed.voorzieningenLijst ? 'organisatie_id' : idRaw ? 'id' : 'organisatie_id',
          {
            waarde: orgIdCell,
          },
        );
        continue;
      }
    }
    let vzExisting: number | null = null;
    if (vzIdRaw) {
      const id = Number(vzIdRaw);
      if (Number.isInteger(id) && bestaat(db, 'voorziening', id)) {
        vzExisting = id;
        const v = getVoorziening(db, id);
        if (!aanbod) aanbod = v.naam;
        if (!naam && v.organisatieNaam && v.organisatieId !== null) {
          naam = v.organisatieNaam;
          existingId ??= v.organisatieId;
        }
      } else {
        issue('fout', 'lijst.id-onbekend', row, parsed.voorzieningenLijst ? 'id' : 'voorziening_id', {
          waarde: vzIdRaw,
        });
        continue;
      }
    }
    // A voorziening without a provider, read back from a voorzieningen export, stays without one.
    const zonderAanbieder = !naam && parsed.voorzieningenLijst && vzExisting !== null && !orgIdRaw;
    if (!naam && !zonderAanbieder) {
      issue('fout', 'lijst.naam-leeg', row, parsed.voorzieningenLijst ? 'organisatie_id' : 'naam');
      continue;
    }
    const key = zonderAanbieder ? ZONDER_AANBIEDER : orgNameKey(naam, places);
    // The same row twice (every cell equal) is an error to skip; the same offer with other details is merged.
    const rowKey = cells.map((c) => c.toLowerCase().replace(/\s+/g, ' ')).join('\u001f');
    const earlier = seenRows.get(rowKey);
    if (earlier !== undefined) {
      issue('fout', 'lijst.dubbele-rij', row, parsed.voorzieningenLijst ? 'naam' : aanbod ? 'aanbod' : 'naam', {
        eerder: earlier,
      });
      continue;
    }
    seenRows.set(rowKey, row);

    const postcodeRaw = get(cells, 'postcode');
    const postcode = postcodeRaw ? normalisePostcode(postcodeRaw) : null;
    if (postcodeRaw && !postcode) issue('fout', 'lijst.postcode-ongeldig', row, 'postcode', { waarde: postcodeRaw });
    const emailRaw = get(cells, 'email');
    if (emailRaw && !isEmail(emailRaw)) issue('fout', 'lijst.email-ongeldig', row, 'email', { waarde: emailRaw });
    const websiteRaw = get(cells, 'website');
    const website = websiteRaw ? normaliseUrl(websiteRaw) : null;
    if (websiteRaw && !website) issue('fout', 'lijst.url-ongeldig', row, 'website', { waarde: websiteRaw });
    const telRaw = get(cells, 'telefoon');
    const telefoon = telRaw && isPhone(telRaw) ? telRaw : null;
    if (telRaw && !telefoon) issue('waarschuwing', 'lijst.telefoon-ongeldig', row, 'telefoon', { waarde: telRaw });
    const buurtRaw = parsed.voorzieningenLijst ? '' : get(cells, 'buurt');
    let buurtCode: string | null = null;
    if (buurtRaw) {
      buurtCode = lookup.gebied(buurtRaw);
      if (!buurtCode) issue('waarschuwing', 'lijst.buurt-onbekend', row, 'buurt', { waarde: buurtRaw });
    }
    if (!buurtCode && postcode) buurtCode = lookup.postcode(postcode);
    const soort = parsed.voorzieningenLijst ? undefined : codes(row, cells, 'soort', false);

    // ---- the offer
    let vzInput: PlannedVz['input'] | null = null;
    if (aanbod) {
      const leefgebieden = codes(row, cells, 'leefgebieden', true);
      const doelgroepen = codes(row, cells, 'doelgroepen', true);
      const preventie = codes(row, cells, 'preventieniveau', false);
      const collectief = bool(row, cells, 'collectief', parseCollectief);
      const vrij = bool(row, cells, 'toegang', parseToegang);
      const statusRaw = get(cells, 'status');
      const status: VoorzieningStatus | undefined = statusRaw ? parseStatus(statusRaw) : undefined;
      if (statusRaw && !status) issue('fout', 'lijst.waarde-ongeldig', row, 'status', { waarde: statusRaw });
      const dates: Record<'startdatum' | 'einddatum', string | undefined> = {
        startdatum: undefined,
        einddatum: undefined,
      };
      for (const veld of ['startdatum', 'einddatum'] as const) {
        const raw = get(cells, veld);
        if (!raw) continue;
        dates[veld] = parseDate(raw);
        if (!dates[veld]) issue('fout', 'lijst.datum-ongeldig', row, veld, { waarde: raw });
      }
      const capRaw = get(cells, 'capaciteit');
      const capaciteit = capRaw ? Number(capRaw.replace(/\s/g, '')) : undefined;
      if (capRaw && (!Number.isInteger(capaciteit) || capaciteit! < 0)) {
        issue('fout', 'lijst.waarde-ongeldig', row, 'capaciteit', { waarde: capRaw });
      }
      const werkgebied: string[] = [];
      for (const w of gebiedenIn(get(cells, 'werkgebied'), lookup.gebied)) {
        if (w.code) werkgebied.push(w.code);
        else issue('waarschuwing', 'lijst.buurt-onbekend', row, 'werkgebied', { waarde: w.tekst });
      }
      const vzPostcodeRaw = parsed.voorzieningenLijst ? get(cells, 'postcode') : '';
      vzInput = {
        naam: aanbod,
        ...(leefgebieden ? { leefgebieden } : {}),
        ...(doelgroepen ? { doelgroepen } : {}),
        ...(preventie?.[0] ? { preventieniveau: preventie[0] } : {}),
        ...(collectief !== undefined ? { collectief } : {}),
        ...(vrij !== undefined ? { vrijToegankelijk: vrij } : {}),
        ...(status ? { status } : {}),
        ...(dates.startdatum ? { startdatum: dates.startdatum } : {}),
        ...(dates.einddatum ? { einddatum: dates.einddatum } : {}),
        ...(capRaw && Number.isInteger(capaciteit) ? { capaciteit: capaciteit! } : {}),
        ...(werkgebied.length ? { werkgebied } : {}),
        ...(get(cells, 'kosten') ? { kosten: get(cells, 'kosten') } : {}),
        ...(get(cells, 'contact') ? { contact: get(cells, 'contact') } : {}),
        ...(parsed.voorzieningenLijst && get(cells, 'notities') ? { notities: get(cells, 'notities') } : {}),
        ...(parsed.voorzieningenLijst && get(cells, 'adres') ? { adres: get(cells, 'adres') } : {}),
        ...(vzPostcodeRaw && normalisePostcode(vzPostcodeRaw) ? { postcode: normalisePostcode(vzPostcodeRaw) } : {}),
        ...(buurtCode && !parsed.voorzieningenLijst ? { locatieBuurtCode: buurtCode } : {}),
      };
    }
    // The same rules as the forms, so that what the preview accepts, the write accepts too.
    if (!badRows.has(row)) {
      const orgCheck = zonderAanbieder
        ? null
        : checkOrganisatie({ naam, adres: get(cells, 'adres'), plaats: get(cells, 'plaats') });
      const vzCheck = vzInput ? checkVoorziening(vzInput) : null;
      for (const [checked, velden] of [
        [orgCheck, { naam: 'naam', adres: 'adres', plaats: 'plaats' }],
        [vzCheck, VZ_VELD],
      ] as const) {
        if (!checked || checked.ok) continue;
        for (const p of checked.problems) {
          const veld = (velden as Record<string, PartnerVeld>)[p.veld] ?? null;
          issue('fout', `lijst.veld-${p.code}`, row, veld, { ...p.params });
        }
      }
    }
    if (badRows.has(row)) continue;

    // ---- group (a name equal to a group's, but at another postcode or place, is proposed, not merged)
    const plaats = get(cells, 'plaats');
    const elsewhere = (g: { input: { postcode?: string | null; plaats?: string | null } }) =>
      (postcode && g.input.postcode && g.input.postcode.slice(0, 4) !== postcode.slice(0, 4)) ||
      (plaats && g.input.plaats && normaliseName(plaats) !== normaliseName(g.input.plaats));
    let groupKey = existingId !== null ? `#${existingId}` : key;
    if (existingId === null && !zonderAanbieder) {
      for (let n = 2; orgs.has(groupKey) && elsewhere(orgs.get(groupKey)!); n++) {
        apart.add([key, `${key}~${n}`].join('+'));
        groupKey = `${key}~${n}`;
      }
    }
    let org = orgs.get(groupKey);
    if (!org) {
      let match = existingId ?? (zonderAanbieder ? null : (existing.get(key) ?? null));
      const bestaand = match !== null && existingId === null ? existingInfo.get(match) : undefined;
      if (bestaand && elsewhere({ input: bestaand })) {
        apartVanBestaand.set(groupKey, match!);
        match = null;
      }
      org = {
        key: groupKey,
        existingId: match,
        byId,
        spellings: new Map(),
        input: { naam },
        vz: new Map(),
      };
      orgs.set(groupKey, org);
    }
    org.spellings.set(naam, [...(org.spellings.get(naam) ?? []), row]);
    const fill = <K extends keyof OrganisatieInput>(k: K, v: OrganisatieInput[K] | undefined | null) => {
      if (v === undefined || v === null || v === '') return;
      const had = org.input[k];
      if (had === undefined || had === null) {
        org.input[k] = v;
        firstRow.set(`${org.key}|${k}`, row);
      } else if (k !== 'naam' && String(had).toLowerCase() !== String(v).toLowerCase()) {
        // The same organisation twice with another value: the first one is kept, and the user is told.
        issue('waarschuwing', 'lijst.andere-waarde', row, VELD_VAN[k] ?? null, {
          waarde: String(v),
          eerder: String(had),
          rij: firstRow.get(`${org.key}|${k}`) ?? 0,
        });
      }
    };
    if (!parsed.voorzieningenLijst) {
      fill('soort', soort?.[0]);
      fill('adres', get(cells, 'adres'));
      fill('postcode', postcode);
      fill('plaats', get(cells, 'plaats'));
      fill('buurtCode', buurtCode);
      fill('website', website);
      fill('telefoon', telefoon);
      fill('email', emailRaw);
      if (!aanbod) fill('notities', get(cells, 'notities'));
    }
    if (vzInput) {
      const vzKey = vzExisting !== null ? `#${vzExisting}` : normaliseName(aanbod);
      const prev = org.vz.get(vzKey);
      if (!prev) {
        org.vz.set(vzKey, { existingId: vzExisting, byId: vzExisting !== null, rows: [row], input: vzInput });
      } else {
        prev.rows.push(row);
        const merge = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
          a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined;
        const lists = {
          leefgebieden: merge(prev.input.leefgebieden, vzInput.leefgebieden),
          doelgroepen: merge(prev.input.doelgroepen, vzInput.doelgroepen),
          werkgebied: merge(prev.input.werkgebied, vzInput.werkgebied),
        };
        prev.input = { ...vzInput, ...prev.input };
        for (const [k, v] of Object.entries(lists)) if (v) (prev.input as Record<string, unknown>)[k] = v;
      }
    }
  }

  // ---- duplicates: automatic (same key, several spellings) and proposed (similar names)
  const dubbelen: DubbelVoorstel[] = [];
  const existingNames = new Map(listOrganisatieKenmerken(db).map((o) => [o.id, o]));
  for (const org of orgs.values()) {
    if (org.key === ZONDER_AANBIEDER) continue;
    const names = [...org.spellings.keys()];
    const bestaand = org.existingId !== null ? existingNames.get(org.existingId) : undefined;
    if (bestaand && !names.includes(bestaand.naam)) names.push(bestaand.naam);
    if (names.length > 1) {
      dubbelen.push({
        namen: names,
        zekerheid: 'zeker',
        redenen: ['naam-gelijk'],
        sleutel: org.key,
        bestaandeId: org.existingId,
      });
    }
  }
  const matchedIds = new Set([...orgs.values()].map((o) => o.existingId));
  const entries = [
    ...[...orgs.values()]
      .filter((o) => o.key !== ZONDER_AANBIEDER)
      .map((o) => ({
        key: `n:${o.key}`,
        naam: o.input.naam,
        postcode: o.input.postcode ?? null,
        website: o.input.website ?? null,
        plaats: o.input.plaats ?? null,
      })),
    ...[...existingNames.values()].filter((e) => !matchedIds.has(e.id)).map((e) => ({ ...e, key: `e:${e.id}` })),
  ];
  const confirmed = new Set(options.samenvoegen ?? []);
  const naamVan = (k: string) =>
    k.startsWith('e:') ? existingNames.get(Number(k.slice(2)))!.naam : orgs.get(k.slice(2))!.input.naam;
  // A set of the proposals made so far: a list searched per proposal is quadratic (a list of 150,000 similar names
  // gives over a million proposals).
  const proposed = new Set(dubbelen.map((d) => d.sleutel));
  const propose = (a: string, b: string, redenen: readonly string[]) => {
    if (a.startsWith('e:') && b.startsWith('e:')) return;
    const sleutel = [a, b].sort().join('+');
    if (proposed.has(sleutel)) return;
    proposed.add(sleutel);
    const bestaandeId = a.startsWith('e:') ? Number(a.slice(2)) : b.startsWith('e:') ? Number(b.slice(2)) : null;
    dubbelen.push({ namen: [naamVan(a), naamVan(b)], zekerheid: 'mogelijk', redenen, sleutel, bestaandeId });
  };
  for (const pair of apart) {
    const [a, b] = pair.split('+') as [string, string];
    if (orgs.has(a) && orgs.has(b)) propose(`n:${a}`, `n:${b}`, ['naam-gelijk', 'andere-plaats']);
  }
  for (const [groupKey, id] of apartVanBestaand) propose(`n:${groupKey}`, `e:${id}`, ['naam-gelijk', 'andere-plaats']);
  for (const c of findDuplicateCandidates(entries, places)) propose(String(c.a), String(c.b), c.redenen);

  // Confirmed proposals, also in chains (A~B and B~C make one): union-find over their keys.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const d of dubbelen) {
    if (d.zekerheid !== 'mogelijk' || !confirmed.has(d.sleutel)) continue;
    const [a, b] = d.sleutel.split('+') as [string, string];
    // An existing organisation is always the root: the file's rows join it.
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb)
      parent.set(
        rb.startsWith('e:') && !ra.startsWith('e:') ? ra : rb,
        rb.startsWith('e:') && !ra.startsWith('e:') ? rb : ra,
      );
  }
  const members = new Map<string, string[]>();
  for (const k of parent.keys()) members.set(find(k), [...(members.get(find(k)) ?? []), k]);
  for (const [root, list] of members) {
    const all = [...new Set([root, ...list])].filter((k) => k.startsWith('n:') && orgs.has(k.slice(2)));
    if (root.startsWith('e:')) {
      for (const k of all) orgs.get(k.slice(2))!.existingId = Number(root.slice(2));
    }
    const [first, ...rest] = all.map((k) => orgs.get(k.slice(2))!);
    if (!first) continue;
    for (const from of rest) {
      for (const [n, rows] of from.spellings) first.spellings.set(n, [...(first.spellings.get(n) ?? []), ...rows]);
      for (const [k, v] of Object.entries(from.input)) {
        const key = k as keyof OrganisatieInput;
        if (first.input[key] === undefined || first.input[key] === null)
          (first.input as Record<string, unknown>)[k] = v;
      }
      for (const [k, v] of from.vz) if (!first.vz.has(k)) first.vz.set(k, v);
      first.existingId ??= from.existingId;
      orgs.delete(from.key);
    }
  }

  return {
    orgs: [...orgs.values()],
    issues,
    onbekend: [...onbekend.values()],
    dubbelen,
    badRows,
    rowsRead: parsed.rows.length,
    newItems: [...newItems.values()],
    aliases: [...aliases.values()],
    postcodesBekend: lookup.postcodesBekend,
    places,
  };
}

export function previewPartners(
  db: ProjectDb,
  file: ImportFile,
  sha: string,
  parsed: ParsedPartners,
  options: PartnersImportOptions,
  computed?: PartnersPlan,
): PartnersPreview {
  const earlier = eerderGeimporteerd(db, 'partners', sha);
  // Up to three examples per column, in one pass over the rows (not columns × rows).
  const voorbeelden: string[][] = parsed.table.headers.map(() => []);
  let open = voorbeelden.length;
  for (const r of parsed.rows) {
    if (open === 0) break;
    const n = Math.min(r.cells.length, voorbeelden.length);
    for (let c = 0; c < n; c++) {
      const v = r.cells[c];
      if (v && voorbeelden[c]!.length < 3 && voorbeelden[c]!.push(v) === 3) open--;
    }
  }
  const kolommen: PartnerColumn[] = parsed.table.headers.map((kop, index) => ({
    index,
    kop,
    veld: [...parsed.cols].find(([, i]) => i === index)?.[0] ?? null,
    voorbeelden: voorbeelden[index]!,
  }));
  const base = {
    bestand: file.name,
    blad: parsed.table.sheet.name,
    bladen: parsed.table.sheets,
    kolommen,
    rijen: parsed.rows.length,
    eerderGeimporteerd: earlier,
  };
  if (parsed.persoon.length > 0) {
    return {
      ...base,
      nieuweOrganisaties: 0,
      bijgewerkteOrganisaties: 0,
      nieuweVoorzieningen: 0,
      bijgewerkteVoorzieningen: 0,
      onbekend: [],
      dubbelen: [],
      problemen: parsed.persoon,
      fouten: parsed.persoon.length,
      foutRijen: 0,
      waarschuwingen: 0,
      kanImporteren: false,
      postcodesBekend: false,
    };
  }
  const plan = computed ?? planPartners(db, file.name, parsed, options);
  // Values still to choose make their rows errors for now; the counts are those of the import once they are chosen
  // (any choice keeps the row), unless rows with an error are left out.
  const nogKiezen = plan.onbekend.filter((o) => o.keuze === null);
  const telPlan =
    nogKiezen.length > 0 && !options.foutenOverslaan
      ? planPartners(db, file.name, parsed, {
          ...options,
          waarden: {
            ...options.waarden,
            ...Object.fromEntries(nogKiezen.map((o) => [waardeKey(o.taxonomie, o.waarde), 'negeren' as const])),
          },
        })
      : plan;
  const vz = telPlan.orgs.flatMap((o) => [...o.vz.values()]);
  const fouten = plan.issues.filter((i) => i.level === 'fout').length;
  return {
    ...base,
    nieuweOrganisaties: telPlan.orgs.filter((o) => o.existingId === null && o.key !== ZONDER_AANBIEDER).length,
    bijgewerkteOrganisaties: telPlan.orgs.filter((o) => o.existingId !== null).length,
    nieuweVoorzieningen: vz.filter((v) => v.existingId === null).length,
    bijgewerkteVoorzieningen: vz.filter((v) => v.existingId !== null).length,
    onbekend: plan.onbekend,
    dubbelen: plan.dubbelen,
    problemen: plan.issues,
    fouten,
    foutRijen: plan.badRows.size,
    waarschuwingen: plan.issues.length - fouten,
    kanImporteren: (fouten === 0 || options.foutenOverslaan === true) && plan.badRows.size < parsed.rows.length,
    postcodesBekend: plan.postcodesBekend,
  };
}

export interface PartnersWriteMeta {
  readonly sha256: string;
  readonly now: string;
  readonly onProgress?: (done: number, total: number) => void;
  readonly pause?: () => Promise<void>;
}

/** Writes the plan inside the caller's transaction. Refuses (changing nothing) while errors are unresolved. */
export async function importPartners(
  db: ProjectDb,
  file: ImportFile,
  parsed: ParsedPartners,
  options: PartnersImportOptions,
  meta: PartnersWriteMeta,
): Promise<PartnersImportOutcome> {
  if (parsed.persoon.length > 0) throw new AppException('import.persoonsgegevens-geweigerd', { bestand: file.name });
  if (parsed.rows.length === 0) throw new AppException('lijst.geen-rijen', { bestand: file.name });
  const plan = planPartners(db, file.name, parsed, options);
  const preview = previewPartners(db, file, meta.sha256, parsed, options, plan);
  if (preview.eerderGeimporteerd && !options.opnieuw) {
    throw new AppException('import.al-geimporteerd', { bestand: file.name, datum: preview.eerderGeimporteerd });
  }
  if (!preview.kanImporteren) {
    throw new AppException('lijst.eerst-oplossen', { bestand: file.name, fouten: preview.fouten });
  }
  const now = meta.now;
  const bronId = insertBron(db, {
    soort: 'partners',
    bestandsnaam: file.name,
    sha256: meta.sha256,
    omschrijving: 'Partnerlijst',
    geimporteerdOp: now,
    rijenGelezen: plan.rowsRead,
    rijenGeimporteerd: plan.rowsRead - plan.badRows.size,
    rijenOvergeslagen: plan.badRows.size,
    details: { blad: parsed.table.sheet.name },
  });
  // New taxonomy items the user chose to add, and remembered mappings.
  const added = new Map<string, string>();
  for (const it of plan.newItems) {
    const label = it.waarde.trim();
    const code = codeFromLabel(db, it.taxonomie, label);
    voegTaxonomieItemToe(db, it.taxonomie, code, label);
    added.set(`+${waardeKey(it.taxonomie, it.waarde)}`, code);
  }
  for (const a of plan.aliases) {
    bewaarTaxonomieAlias(db, a.taxonomie, normaliseWaarde(a.waarde), a.code);
  }
  const resolve = (list: readonly string[] | undefined) => list?.map((c) => (c.startsWith('+') ? added.get(c)! : c));

  let organisaties = 0;
  let voorzieningen = 0;
  let bijgewerkt = 0;
  let samengevoegd = 0;
  let done = 0;
  let sindsPauze = 0;
  for (const org of plan.orgs) {
    const input: OrganisatieInput = {
      ...org.input,
      soort: resolve(org.input.soort ? [org.input.soort] : undefined)?.[0] ?? null,
    };
    let orgId: number | null;
    if (org.key === ZONDER_AANBIEDER) {
      orgId = null;
    } else if (org.existingId !== null) {
      const cur = getOrganisatie(db, org.existingId);
      const merged: Record<string, unknown> = { ...cur };
      for (const [k, v] of Object.entries(input)) {
        if (v === undefined || v === null || v === '') continue;
        // Matched on id (an export edited in Excel): the file wins. Matched on name: only empty fields are filled.
        if (org.byId || merged[k] === null || merged[k] === undefined) merged[k] = v;
      }
      if (!org.byId) merged.naam = cur.naam;
      orgId = saveOrganisatie(db, org.existingId, merged as unknown as OrganisatieInput, now);
      bijgewerkt++;
    } else {
      orgId = saveOrganisatie(db, null, input, now, bronId);
      organisaties++;
    }
    const finalKey = orgId === null ? '' : orgNameKey(getOrganisatie(db, orgId).naam, plan.places);
    samengevoegd += Math.max(0, org.spellings.size - 1);
    if (orgId !== null) {
      for (const spelling of org.spellings.keys()) {
        const k = orgNameKey(spelling, plan.places);
        if (k !== finalKey) bewaarOrganisatieAlias(db, k, orgId, spelling);
      }
    }
    for (const vz of org.vz.values()) {
      const lists = {
        ...(vz.input.leefgebieden ? { leefgebieden: resolve(vz.input.leefgebieden)! } : {}),
        ...(vz.input.doelgroepen ? { doelgroepen: resolve(vz.input.doelgroepen)! } : {}),
        ...(vz.input.preventieniveau ? { preventieniveau: resolve([vz.input.preventieniveau])![0]! } : {}),
      };
      let vzId = vz.existingId;
      if (vzId === null) {
        vzId = voorzieningVanOrganisatie(db, orgId, vz.input.naam);
      }
      if (vzId !== null) {
        const cur = getVoorziening(db, vzId);
        const next: Record<string, unknown> = { ...cur };
        for (const [k, v] of Object.entries({ ...vz.input, ...lists })) {
          if (v === undefined || v === null) continue;
          if (Array.isArray(v) && !vz.byId) next[k] = [...new Set([...(cur[k as 'leefgebieden'] ?? []), ...v])];
          else if (vz.byId || next[k] === null || next[k] === undefined) next[k] = v;
        }
        if (vz.byId) next.organisatieId = orgId;
        saveVoorziening(db, vzId, next as unknown as VoorzieningInput, now);
        bijgewerkt++;
      } else {
        saveVoorziening(db, null, { ...vz.input, ...lists, organisatieId: orgId }, now, bronId);
        voorzieningen++;
      }
      done += vz.rows.length;
    }
    if (org.vz.size === 0) done += [...org.spellings.values()].reduce((s, r) => s + r.length, 0);
    if (meta.pause && ++sindsPauze >= 100) {
      sindsPauze = 0;
      meta.onProgress?.(done, plan.rowsRead);
      await meta.pause();
    }
  }
  return { bronId, organisaties, voorzieningen, bijgewerkt, samengevoegd, overgeslagen: plan.badRows.size };
}
