/**
 * Referral flows → relaties with a volume per period. Names are matched to organisaties and voorzieningen the way
 * partner lists are (normalised names, legal forms, place names, merged names); a name that matches nothing is
 * listed, never invented.
 */
import type { ProjectDb } from '../../db/connection';
import {
  bestaandeRelatie,
  bestaat,
  knoopNaam,
  organisatieAliassen,
  organisatieNamen,
  voorzieningNamen,
} from '../../db/repos/lijsten-import';
import { eerderGeimporteerd, insertBron } from '../../db/repos/bronnen';
import { AppException } from '../../result';
import { normaliseName } from '../../model/names';
import { findDuplicateCandidates, orgNameKey, type PlaceSet } from '../../model/org-names';
import { saveRelatie, getRelatie } from '../../db/repos/sociale-kaart';
import type { ImportFile, ImportIssue } from '../types';
import {
  applyMapping,
  dataRows,
  detectTable,
  duplicateHeaderIssues,
  personDataIssues,
  type DetectedTable,
  type Recogniser,
} from './table';
import { buildWaardeIndex } from './taxonomie-waarden';
import { parseAantal, parsePeriode, periodeIsOmgekeerd } from './cell-values';
import { orgPlaces } from './index';
import type { NaamMatch, RelatieVeld, RelatiesImportOptions, RelatiesImportOutcome, RelatiesPreview } from './types';
import type { KnoopRef, RelatieVolume } from '../../model/sociale-kaart';

const R: readonly Recogniser<RelatieVeld>[] = [
  ['id', (h) => h === 'id'],
  // The ends by number, as the relaties export writes them: they win over the names.
  ['van_id', (h) => /^van ?id$/.test(h)],
  ['van_soort', (h) => /^van ?soort$/.test(h)],
  ['naar_id', (h) => /^naar ?id$/.test(h)],
  ['naar_soort', (h) => /^naar ?soort$/.test(h)],
  ['van', (h) => /^(van|van naam|vanuit|verwijzer|door|bron|afzender|verwezen door|van organisatie)$/.test(h)],
  ['naar', (h) => /^(naar|naar naam|naar organisatie|ontvanger|doel|verwezen naar|verwijzing naar)$/.test(h)],
  ['aantal', (h) => /^(aantal|aantal verwijzingen|volume|n|totaal|aantallen)$/.test(h)],
  ['periode', (h) => /^(periode|maand|kwartaal|jaar|tijdvak|datum)$/.test(h)],
  ['soort', (h) => /^(soort|type|soort relatie|relatie|relatietype|aard)$/.test(h)],
  ['notities', (h) => /opmerking|notitie|toelichting/.test(h)],
];

export interface ParsedRelaties {
  readonly table: DetectedTable<RelatieVeld>;
  readonly cols: Map<RelatieVeld, number>;
  readonly rows: readonly { row: number; cells: string[] }[];
  readonly persoon: readonly ImportIssue[];
  /** Warnings about the columns themselves (a header that repeats an earlier one). */
  readonly kolomIssues: readonly ImportIssue[];
}

export function parseRelatiesFile(file: ImportFile, options: RelatiesImportOptions): ParsedRelaties {
  const table = detectTable(file, R, 'naar', options.blad);
  const cols = applyMapping(table, options.kolommen);
  if (!cols.has('id') && (!cols.has('van') || !cols.has('naar'))) {
    throw new AppException('lijst.geen-van-naar', { bestand: file.name });
  }
  return {
    table,
    cols,
    rows: dataRows(table),
    persoon: personDataIssues(file.name, table),
    kolomIssues: duplicateHeaderIssues(file.name, table, cols),
  };
}

type Knoop = { soort: 'organisatie' | 'voorziening'; id: number; naam: string };

export function knoopMatcher(db: ProjectDb, places: PlaceSet) {
  const orgs = organisatieNamen(db);
  const byKey = new Map<string, Knoop[]>();
  const add = (k: string, knoop: Knoop) => {
    const list = byKey.get(k) ?? [];
    if (!list.some((x) => x.id === knoop.id)) list.push(knoop);
    byKey.set(k, list);
  };
  const byOrgId = new Map<number, Knoop>();
  for (const o of orgs) {
    const knoop: Knoop = { soort: 'organisatie', id: o.id, naam: o.naam };
    byOrgId.set(o.id, knoop);
    add(orgNameKey(o.naam, places), knoop);
  }
  for (const a of organisatieAliassen(db)) {
    if (!byKey.has(a.sleutel)) add(a.sleutel, byOrgId.get(a.organisatie_id)!);
  }
  const vzByName = new Map<string, Knoop[]>();
  const vzById = new Map<number, Knoop>();
  for (const v of voorzieningNamen(db)) {
    const k = normaliseName(v.naam);
    const knoop: Knoop = { soort: 'voorziening', id: v.id, naam: v.naam };
    vzById.set(v.id, knoop);
    vzByName.set(k, [...(vzByName.get(k) ?? []), knoop]);
  }
  return {
    byId(soort: string, id: number): Knoop | null {
      return (soort === 'voorziening' ? vzById.get(id) : byOrgId.get(id)) ?? null;
    },
    /** The one organisation or voorziening with this name; the candidates when several fit; null when none does. */
    find(naam: string): Knoop | Knoop[] | null {
      const orgList = byKey.get(orgNameKey(naam, places)) ?? [];
      if (orgList.length === 1) return orgList[0]!;
      if (orgList.length > 1) {
        const exact = orgList.filter((o) => o.naam.toLowerCase() === naam.trim().toLowerCase());
        return exact.length === 1 ? exact[0]! : orgList;
      }
      const vz = vzByName.get(normaliseName(naam)) ?? [];
      return vz.length === 1 ? vz[0]! : vz.length > 1 ? vz : null;
    },
    /** Likely organisations for each unknown name, in one pass over all organisations. */
    candidates(namen: readonly string[]): Map<string, Knoop[]> {
      const out = new Map<string, Knoop[]>(namen.map((n) => [n, []]));
      if (namen.length === 0) return out;
      const entries = [...namen.map((naam, i) => ({ key: `?${i}`, naam })), ...orgs.map((o) => ({ ...o, key: o.id }))];
      for (const c of findDuplicateCandidates(entries, places, { minScore: 0.6 })) {
        const [q, other] = String(c.a).startsWith('?') ? [String(c.a), c.b] : [String(c.b), c.a];
        if (!q.startsWith('?') || String(other).startsWith('?')) continue;
        const list = out.get(namen[Number(q.slice(1))]!)!;
        const knoop = byOrgId.get(Number(other));
        if (knoop && list.length < 3) list.push(knoop);
      }
      return out;
    },
  };
}

interface PlannedRel {
  existingId: number | null;
  van: KnoopRef;
  naar: KnoopRef;
  soort: string;
  notities: string | null;
  volumes: RelatieVolume[];
  rows: number[];
}

interface RelatiesPlan {
  rels: Map<string, PlannedRel>;
  issues: ImportIssue[];
  badRows: Set<number>;
  namen: NaamMatch[];
}

function planRelaties(
  db: ProjectDb,
  fileName: string,
  parsed: ParsedRelaties,
  options: RelatiesImportOptions,
): RelatiesPlan {
  const issues: ImportIssue[] = [...parsed.kolomIssues];
  const badRows = new Set<number>();
  const sheet = parsed.table.sheet.name !== fileName ? { sheet: parsed.table.sheet.name } : {};
  // A header and nothing under it: said as such (not "er zijn nog 0 fouten").
  if (parsed.rows.length === 0) {
    issues.push({ level: 'fout', code: 'lijst.geen-rijen', file: fileName, ...sheet, row: parsed.table.headerRow + 1 });
  }
  const issue = (level: ImportIssue['level'], code: string, row: number, veld: RelatieVeld | null, params = {}) => {
    const column = veld ? parsed.table.headers[parsed.cols.get(veld) ?? -1] : undefined;
    if (level === 'fout') badRows.add(row);
    if (issues.length < 1000)
      issues.push({ level, code, file: fileName, ...sheet, row, ...(column ? { column } : {}), params });
  };
  const places = orgPlaces(db);
  const matcher = knoopMatcher(db, places);
  const index = buildWaardeIndex(db);
  const namen = new Map<string, NaamMatch & { aantal: number }>();
  const namenMap = () => namen;
  const get = (cells: string[], veld: RelatieVeld) => {
    const i = parsed.cols.get(veld);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const resolve = (naam: string): Knoop | null => {
    const chosen = options.namen?.[naam];
    if (chosen) {
      const [soort, id] = chosen.split(':');
      const table = soort === 'voorziening' ? 'voorziening' : 'organisatie';
      const n = knoopNaam(db, table, Number(id));
      if (n !== null) return { soort: table, id: Number(id), naam: n };
    }
    const found = matcher.find(naam);
    const single = Array.isArray(found) ? null : found;
    const prev = namen.get(naam);
    if (prev) prev.aantal++;
    else namen.set(naam, { naam, aantal: 1, gevonden: single, kandidaten: Array.isArray(found) ? found : [] });
    if (Array.isArray(found)) ambiguous.add(naam);
    return single;
  };
  const ambiguous = new Set<string>();
  /** An end by its number (van_id + van_soort), or else by its name. */
  const end = (cells: string[], side: 'van' | 'naar'): { knoop: Knoop | null; raw: string; byId: boolean } => {
    const idRaw = get(cells, `${side}_id`);
    const raw = get(cells, side);
    if (idRaw) {
      const soort = get(cells, `${side}_soort`).toLowerCase() === 'voorziening' ? 'voorziening' : 'organisatie';
      return { knoop: matcher.byId(soort, Number(idRaw)), raw: raw || idRaw, byId: true };
    }
    return { knoop: raw ? resolve(raw) : null, raw, byId: false };
  };
  const rels = new Map<string, PlannedRel>();
  for (const { row, cells } of parsed.rows) {
    const idRaw = get(cells, 'id');
    let existing: ReturnType<typeof getRelatie> | null = null;
    if (idRaw) {
      const id = Number(idRaw);
      if (Number.isInteger(id) && bestaat(db, 'relatie', id)) existing = getRelatie(db, id);
      else {
        issue('fout', 'lijst.id-onbekend', row, 'id', { waarde: idRaw });
        continue;
      }
    }
    const vanEnd = end(cells, 'van');
    const naarEnd = end(cells, 'naar');
    const vanRaw = vanEnd.raw;
    const naarRaw = naarEnd.raw;
    if (!existing && !vanRaw) issue('fout', 'lijst.van-leeg', row, 'van');
    if (!existing && !naarRaw) issue('fout', 'lijst.naar-leeg', row, 'naar');
    const van = vanRaw ? vanEnd.knoop : existing?.van;
    const naar = naarRaw ? naarEnd.knoop : existing?.naar;
    for (const [e, side, v] of [
      [vanEnd, 'van', van],
      [naarEnd, 'naar', naar],
    ] as const) {
      if (!e.raw || v) continue;
      if (e.byId) issue('fout', 'lijst.id-onbekend', row, `${side}_id`, { waarde: get(cells, `${side}_id`) });
      else if (ambiguous.has(e.raw)) {
        const namen = (namenMap().get(e.raw)?.kandidaten ?? []).map((k) => k.naam).join(', ');
        issue('fout', 'lijst.naam-dubbelzinnig', row, side, { naam: e.raw, namen });
      } else issue('fout', 'lijst.naam-onbekend', row, side, { naam: e.raw });
    }
    if (van && naar && van.soort === naar.soort && van.id === naar.id) {
      issue('fout', 'lijst.naar-zichzelf', row, 'naar', { naam: naarRaw || vanRaw });
    }
    const soortRaw = get(cells, 'soort');
    let soort = existing?.soort ?? 'verwijzing';
    if (soortRaw) {
      const m = index.match('relatietype', soortRaw);
      if (m?.[0]) soort = m[0];
      else issue('fout', 'lijst.waarde-onbekend', row, 'soort', { waarde: soortRaw, taxonomie: 'relatietype' });
    }
    const aantalRaw = get(cells, 'aantal');
    const aantal = aantalRaw ? parseAantal(aantalRaw) : undefined;
    if (aantalRaw && (aantal === undefined || aantal < 0)) {
      // "<5" (or "x") is how an export hides a small count: it cannot be imported back as a number.
      const afgeschermd = /^\s*(<\s*\d+|x)\s*$/i.test(aantalRaw);
      issue('fout', afgeschermd ? 'lijst.aantal-afgeschermd' : 'lijst.aantal-ongeldig', row, 'aantal', {
        waarde: aantalRaw,
      });
    }
    const periodeRaw = get(cells, 'periode');
    const periode = periodeRaw ? parsePeriode(periodeRaw) : undefined;
    if (periodeRaw && !periode) {
      // "1-1-2025 t/m 1-1-2024": an end before the start is refused, never stored the other way round.
      const code = periodeIsOmgekeerd(periodeRaw) ? 'lijst.periode-omgekeerd' : 'lijst.periode-ongeldig';
      issue('fout', code, row, 'periode', { waarde: periodeRaw });
    }
    if (aantal !== undefined && aantal >= 0 && !periodeRaw) {
      issue('fout', 'lijst.periode-ontbreekt', row, parsed.cols.has('periode') ? 'periode' : 'aantal');
    }
    if (badRows.has(row) || !van || !naar) continue;
    const key = existing ? `#${existing.id}` : `${soort}|${van.soort}:${van.id}|${naar.soort}:${naar.id}`;
    let rel = rels.get(key);
    if (!rel) {
      rel = {
        existingId: existing?.id ?? null,
        van: { soort: van.soort, id: van.id },
        naar: { soort: naar.soort, id: naar.id },
        soort,
        notities: get(cells, 'notities') || existing?.notities || null,
        volumes: existing && idRaw ? [] : [],
        rows: [],
      };
      rels.set(key, rel);
    }
    rel.rows.push(row);
    if (aantal !== undefined && periode) {
      const same = rel.volumes.find((v) => v.periodeStart === periode.start && v.periodeEind === periode.eind);
      if (same && !existing) {
        issue('waarschuwing', 'lijst.periode-dubbel', row, 'periode', { waarde: periodeRaw });
        rel.volumes = rel.volumes.map((v) => (v === same ? { ...v, aantal: v.aantal + aantal } : v));
      } else if (same) {
        rel.volumes = rel.volumes.map((v) => (v === same ? { ...v, aantal } : v));
      } else rel.volumes.push({ periodeStart: periode.start, periodeEind: periode.eind, aantal });
    }
  }
  // Candidates for every unknown name, in one pass.
  const unknown = [...namen.values()].filter((n) => !n.gevonden && n.kandidaten.length === 0).map((n) => n.naam);
  const candidates = matcher.candidates(unknown);
  const lijst = [...namen.values()].map((n) =>
    !n.gevonden && n.kandidaten.length === 0 ? { ...n, kandidaten: candidates.get(n.naam) ?? [] } : n,
  );
  return { rels, issues, badRows, namen: lijst };
}

export function previewRelaties(
  db: ProjectDb,
  file: ImportFile,
  sha: string,
  parsed: ParsedRelaties,
  options: RelatiesImportOptions,
  computed?: RelatiesPlan,
): RelatiesPreview {
  const earlier = eerderGeimporteerd(db, 'relaties', sha);
  const base = {
    bestand: file.name,
    blad: parsed.table.sheet.name,
    bladen: parsed.table.sheets,
    kolommen: parsed.table.headers.map((kop, index) => ({
      index,
      kop,
      veld: [...parsed.cols].find(([, i]) => i === index)?.[0] ?? null,
    })),
    rijen: parsed.rows.length,
    eerderGeimporteerd: earlier,
  };
  if (parsed.persoon.length) {
    return {
      ...base,
      nieuweRelaties: 0,
      bijgewerkteRelaties: 0,
      volumes: 0,
      namen: [],
      problemen: parsed.persoon,
      fouten: parsed.persoon.length,
      foutRijen: 0,
      waarschuwingen: 0,
      kanImporteren: false,
    };
  }
  const plan = computed ?? planRelaties(db, file.name, parsed, options);
  const rels = [...plan.rels.values()];
  const fouten = plan.issues.filter((i) => i.level === 'fout').length;
  const existingSame = (r: PlannedRel) => r.existingId !== null || findExisting(db, r) !== null;
  return {
    ...base,
    nieuweRelaties: rels.filter((r) => !existingSame(r)).length,
    bijgewerkteRelaties: rels.filter(existingSame).length,
    volumes: rels.reduce((s, r) => s + r.volumes.length, 0),
    namen: plan.namen,
    problemen: plan.issues,
    fouten,
    foutRijen: plan.badRows.size,
    waarschuwingen: plan.issues.length - fouten,
    kanImporteren: (fouten === 0 || options.foutenOverslaan === true) && rels.length > 0,
  };
}

function findExisting(db: ProjectDb, r: PlannedRel): number | null {
  return bestaandeRelatie(db, r.soort, r.van, r.naar);
}

export async function importRelaties(
  db: ProjectDb,
  file: ImportFile,
  parsed: ParsedRelaties,
  options: RelatiesImportOptions,
  meta: { sha256: string; now: string; pause?: () => Promise<void>; onProgress?: (d: number, t: number) => void },
): Promise<RelatiesImportOutcome> {
  if (parsed.persoon.length) throw new AppException('import.persoonsgegevens-geweigerd', { bestand: file.name });
  if (parsed.rows.length === 0) throw new AppException('lijst.geen-rijen', { bestand: file.name });
  const plan = planRelaties(db, file.name, parsed, options);
  const preview = previewRelaties(db, file, meta.sha256, parsed, options, plan);
  if (preview.eerderGeimporteerd && !options.opnieuw) {
    throw new AppException('import.al-geimporteerd', { bestand: file.name, datum: preview.eerderGeimporteerd });
  }
  if (!preview.kanImporteren)
    throw new AppException('lijst.eerst-oplossen', { bestand: file.name, fouten: preview.fouten });
  const bronId = insertBron(db, {
    soort: 'relaties',
    bestandsnaam: file.name,
    sha256: meta.sha256,
    omschrijving: 'Verwijzingen',
    geimporteerdOp: meta.now,
    rijenGelezen: parsed.rows.length,
    rijenGeimporteerd: parsed.rows.length - plan.badRows.size,
    rijenOvergeslagen: plan.badRows.size,
  });
  let relaties = 0;
  let bijgewerkt = 0;
  let volumes = 0;
  let n = 0;
  for (const r of plan.rels.values()) {
    const existingId = r.existingId ?? findExisting(db, r);
    if (existingId !== null) {
      const cur = getRelatie(db, existingId);
      // Volumes of the file replace those of the same period; other periods stay.
      const merged = new Map(cur.volumes.map((v) => [`${v.periodeStart}/${v.periodeEind}`, v]));
      for (const v of r.volumes) merged.set(`${v.periodeStart}/${v.periodeEind}`, v);
      saveRelatie(
        db,
        existingId,
        {
          ...cur,
          soort: r.existingId !== null ? r.soort : cur.soort,
          notities: r.notities ?? cur.notities,
          van: r.van,
          naar: r.naar,
          volumes: [...merged.values()],
        },
        meta.now,
        bronId,
      );
      bijgewerkt++;
    } else {
      saveRelatie(
        db,
        null,
        { soort: r.soort, van: r.van, naar: r.naar, notities: r.notities, volumes: r.volumes },
        meta.now,
        bronId,
      );
      relaties++;
    }
    volumes += r.volumes.length;
    if (meta.pause && ++n % 200 === 0) {
      meta.onProgress?.(n, plan.rels.size);
      await meta.pause();
    }
  }
  return { bronId, relaties, volumes, bijgewerkt, overgeslagen: plan.badRows.size };
}
