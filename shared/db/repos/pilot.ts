/**
 * The Pilotmonitor's data (issue 18): the pilot's settings, its goals, capacity and hand-entered tallies, and the
 * series each goal is measured on, read from the metingen, the sociale kaart and the snapshots.
 */
import type { ProjectDb } from '../connection';
import { AppException } from '../../result';
import {
  afhandelingPerPeriode,
  capaciteitTegenVraag,
  evaluateDoel,
  evaluatieVragen,
  jaarVoor,
  kostenPerJaar,
  aandeel,
  standOp,
  stroomOver,
  volgendeDag,
  type AfhandelingRij,
  type CapaciteitGebied,
  type InitiatiefGebeurtenis,
  type KostenRij,
  type NieuweRelatie,
  type PilotMonitor,
  type Punt,
  type Taal,
} from '../../analysis/pilot';
import {
  DOEL_MATEN,
  FUNCTIES,
  RICHTINGEN,
  STANDAARD_PILOT,
  dagVoor,
  type CapaciteitInvoer,
  type Doel,
  type DoelInvoer,
  type DoelMaat,
  type Functie,
  type PilotInstellingen,
  type TellingInvoer,
} from '../../model/pilot';
import { taxonomieLabel } from '../../model/taxonomies';
import { listRelaties, listVoorzieningen, listOrganisaties } from './sociale-kaart';
import { listScenarios } from './scenarios';
import { snapshotVoor } from './snapshots';
import { loadPrivacy } from './privacy';

// ------------------------------------------------------------------------------------------------------ settings

export function loadPilot(db: ProjectDb): PilotInstellingen {
  const raw = db.value(`SELECT waarde FROM instelling WHERE sleutel = 'pilot'`);
  return typeof raw === 'string'
    ? { ...STANDAARD_PILOT, ...(JSON.parse(raw) as Partial<PilotInstellingen>) }
    : STANDAARD_PILOT;
}

export function savePilot(db: ProjectDb, pilot: PilotInstellingen): void {
  if (pilot.gebied !== null && !gebiedBestaat(db, pilot.gebied)) {
    throw new AppException('invoer.ongeldig', { veld: 'gebied', code: 'gebied-onbekend', waarde: pilot.gebied });
  }
  db.run(
    `INSERT INTO instelling (sleutel, waarde) VALUES ('pilot', ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde`,
    [JSON.stringify(pilot)],
  );
}

function gebiedBestaat(db: ProjectDb, code: string): boolean {
  return db.value(`SELECT count(*) FROM gebied WHERE code = ?`, [code]) !== 0;
}

/** "Naam" of the newest gebied with this code, or the code. */
function gebiedNaam(db: ProjectDb, code: string): string {
  const n = db.value(`SELECT naam FROM gebied WHERE code = ? ORDER BY coalesce(jaar, 9999) DESC LIMIT 1`, [code]);
  return typeof n === 'string' ? n : code;
}

// ------------------------------------------------------------------------------------------------------ doelen

interface DoelRij {
  id: number;
  naam: string;
  criterium: number | null;
  maat: string;
  gebied_code: string | null;
  wet: string | null;
  richting: string;
  basis_waarde: number | null;
  basis_van: string | null;
  basis_tot: string | null;
  doel_waarde: number | null;
  deadline: string | null;
  marge: number;
  toelichting: string | null;
  volgorde: number;
}

const naarDoel = (r: DoelRij): Doel => ({
  id: r.id,
  naam: r.naam,
  criterium: r.criterium,
  maat: r.maat as DoelMaat,
  gebied: r.gebied_code,
  wet: r.wet,
  richting: r.richting as Doel['richting'],
  basisWaarde: r.basis_waarde,
  basisVan: r.basis_van,
  basisTot: r.basis_tot,
  doelWaarde: r.doel_waarde,
  deadline: r.deadline,
  marge: r.marge,
  toelichting: r.toelichting,
  volgorde: r.volgorde,
});

export function listDoelen(db: ProjectDb): Doel[] {
  return db
    .all<DoelRij>(
      `SELECT id, naam, criterium, maat, gebied_code, wet, richting, basis_waarde, basis_van, basis_tot, doel_waarde,
              deadline, marge, toelichting, volgorde FROM doel ORDER BY volgorde, id`,
    )
    .map(naarDoel);
}

function checkDoel(db: ProjectDb, d: DoelInvoer): void {
  const fout = (veld: string, code: string, waarde?: unknown) => {
    throw new AppException('invoer.ongeldig', {
      veld,
      code,
      ...(waarde === undefined ? {} : { waarde: String(waarde) }),
    });
  };
  if (!d.naam.trim()) fout('naam', 'verplicht');
  if (!(DOEL_MATEN as readonly string[]).includes(d.maat)) fout('maat', 'onbekend', d.maat);
  if (!(RICHTINGEN as readonly string[]).includes(d.richting)) fout('richting', 'onbekend', d.richting);
  if (d.gebied !== null && !gebiedBestaat(db, d.gebied)) fout('gebied', 'gebied-onbekend', d.gebied);
  if (d.basisVan && d.basisTot && d.basisVan > d.basisTot) fout('basisVan', 'na-einde');
  if (d.basisWaarde !== null && !Number.isFinite(d.basisWaarde)) fout('basisWaarde', 'getal');
  if (d.doelWaarde !== null && !Number.isFinite(d.doelWaarde)) fout('doelWaarde', 'getal');
  if (!(d.marge >= 0 && d.marge <= 100)) fout('marge', 'bereik', d.marge);
}

export function saveDoel(db: ProjectDb, id: number | null, d: DoelInvoer, now: string): Doel {
  checkDoel(db, d);
  const waarden = [
    d.naam.trim().replace(/\s+/g, ' '),
    d.criterium,
    d.maat,
    d.gebied,
    d.wet,
    d.richting,
    d.basisWaarde,
    d.basisVan,
    d.basisTot,
    d.doelWaarde,
    d.deadline,
    d.marge,
    d.toelichting?.trim() || null,
  ];
  if (id === null) {
    const volgorde = d.volgorde ?? Number(db.value(`SELECT coalesce(max(volgorde), 0) + 1 FROM doel`));
    db.run(
      `INSERT INTO doel (naam, criterium, maat, gebied_code, wet, richting, basis_waarde, basis_van, basis_tot,
                         doel_waarde, deadline, marge, toelichting, volgorde, aangemaakt, gewijzigd)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...waarden, volgorde, now, now],
    );
    id = Number(db.value('SELECT last_insert_rowid()'));
  } else {
    db.run(
      `UPDATE doel SET naam = ?, criterium = ?, maat = ?, gebied_code = ?, wet = ?, richting = ?, basis_waarde = ?,
              basis_van = ?, basis_tot = ?, doel_waarde = ?, deadline = ?, marge = ?, toelichting = ?,
              volgorde = coalesce(?, volgorde), gewijzigd = ? WHERE id = ?`,
      [...waarden, d.volgorde ?? null, now, id],
    );
    if (db.changes() === 0) throw new AppException('item.niet-gevonden', { soort: 'doel', id });
  }
  return listDoelen(db).find((x) => x.id === id)!;
}

export function deleteDoel(db: ProjectDb, id: number): number {
  db.run('DELETE FROM doel WHERE id = ?', [id]);
  return db.changes();
}

// ------------------------------------------------------------------------------------------------------ capaciteit

export interface CapaciteitRegel extends CapaciteitInvoer {
  readonly id: number;
  readonly gebiedNaam: string;
}

export function listCapaciteit(db: ProjectDb): CapaciteitRegel[] {
  return db
    .all<{ id: number; gebied_code: string; peildatum: string; functie: Functie; fte: number }>(
      `SELECT id, gebied_code, peildatum, functie, fte FROM capaciteit ORDER BY gebied_code, peildatum, functie`,
    )
    .map((r) => ({
      id: r.id,
      gebied: r.gebied_code,
      gebiedNaam: gebiedNaam(db, r.gebied_code),
      peildatum: r.peildatum,
      functie: r.functie,
      fte: r.fte,
    }));
}

/** Sets the fte of a gebied, function and moment (a second entry of the same three replaces the first). */
export function saveCapaciteit(db: ProjectDb, regels: readonly CapaciteitInvoer[]): number {
  for (const r of regels) {
    if (!gebiedBestaat(db, r.gebied))
      throw new AppException('invoer.ongeldig', { veld: 'gebied', code: 'gebied-onbekend', waarde: r.gebied });
    if (!(FUNCTIES as readonly string[]).includes(r.functie))
      throw new AppException('invoer.ongeldig', { veld: 'functie', code: 'onbekend', waarde: r.functie });
    if (!(Number.isFinite(r.fte) && r.fte >= 0 && r.fte < 100000))
      throw new AppException('invoer.ongeldig', { veld: 'fte', code: 'bereik', waarde: String(r.fte) });
    db.run(
      `INSERT INTO capaciteit (gebied_code, peildatum, functie, fte) VALUES (?, ?, ?, ?)
       ON CONFLICT (gebied_code, peildatum, functie) DO UPDATE SET fte = excluded.fte`,
      [r.gebied, r.peildatum, r.functie, r.fte],
    );
  }
  return regels.length;
}

export function deleteCapaciteit(db: ProjectDb, id: number): number {
  db.run('DELETE FROM capaciteit WHERE id = ?', [id]);
  return db.changes();
}

// ------------------------------------------------------------------------------------------------------ tellingen

/**
 * A tally entered by hand: one bron (soort handmatig) with its rows. A tally of the same gebied, measure and period
 * entered before by hand is replaced (a correction), never an imported count.
 */
export function saveTelling(db: ProjectDb, t: TellingInvoer, now: string): number {
  const ids = db.all<{ id: number }>(`SELECT id FROM gebied WHERE code = ? ORDER BY coalesce(jaar, 9999) DESC`, [
    t.gebied,
  ]);
  const gebiedId = ids[0]?.id;
  if (gebiedId === undefined)
    throw new AppException('invoer.ongeldig', { veld: 'gebied', code: 'gebied-onbekend', waarde: t.gebied });
  if (t.peildatum === null && (t.periodeStart === null || t.periodeEind === null))
    throw new AppException('invoer.ongeldig', { veld: 'periode', code: 'verplicht' });
  if (t.periodeStart && t.periodeEind && t.periodeStart > t.periodeEind)
    throw new AppException('invoer.ongeldig', { veld: 'periode', code: 'na-einde' });
  if (t.waarden.length === 0) throw new AppException('invoer.ongeldig', { veld: 'waarden', code: 'verplicht' });
  for (const w of t.waarden) {
    if (!Number.isFinite(w.waarde) || (t.maat !== 'kosten' && w.waarde < 0))
      throw new AppException('invoer.ongeldig', { veld: 'waarde', code: 'getal', waarde: String(w.waarde) });
    if (t.maat === 'afhandeling') {
      if (
        db.value(`SELECT count(*) FROM taxonomie_item WHERE taxonomie = 'afhandeling' AND code = ?`, [w.categorie]) !==
        1
      )
        throw new AppException('invoer.ongeldig', {
          veld: 'categorie',
          code: 'taxonomie-onbekend',
          waarde: String(w.categorie),
        });
    }
  }
  db.run(
    `DELETE FROM meting WHERE gebied_id IN (SELECT id FROM gebied WHERE code = ?) AND maat = ?
       AND peildatum IS ? AND periode_start IS ? AND periode_eind IS ?
       AND bron_id IN (SELECT id FROM bron WHERE soort = 'handmatig')`,
    [t.gebied, t.maat, t.peildatum, t.periodeStart, t.periodeEind],
  );
  db.run(
    `INSERT INTO bron (soort, omschrijving, geimporteerd_op, rijen_gelezen, rijen_geimporteerd) VALUES ('handmatig', ?, ?, ?, ?)`,
    [t.omschrijving?.trim() || `Ingevoerd: ${t.maat}`, now, t.waarden.length, t.waarden.length],
  );
  const bronId = Number(db.value('SELECT last_insert_rowid()'));
  for (const w of t.waarden) {
    db.run(
      `INSERT INTO meting (gebied_id, maat, peildatum, periode_start, periode_eind, wet, afhandeling, waarde, bron_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        gebiedId,
        t.maat,
        t.peildatum,
        t.periodeStart,
        t.periodeEind,
        w.wet ?? null,
        t.maat === 'afhandeling' ? w.categorie : null,
        w.waarde,
        bronId,
      ],
    );
  }
  // Drop bronnen of earlier hand tallies that lost all their rows.
  db.run(
    `DELETE FROM bron WHERE soort = 'handmatig' AND id <> ? AND NOT EXISTS (SELECT 1 FROM meting WHERE bron_id = bron.id)
       AND NOT EXISTS (SELECT 1 FROM capaciteit WHERE bron_id = bron.id)`,
    [bronId],
  );
  return t.waarden.length;
}

// ------------------------------------------------------------------------------------------------------ series

/** The codes a gebied stands for: itself and its buurten (of a wijk or gemeente, or the members of an eigen gebied). */
export function codesVan(db: ProjectDb, code: string | null): { eigen: string | null; buurten: Set<string> } {
  if (code === null) {
    return {
      eigen: null,
      buurten: new Set(
        db.all<{ code: string }>(`SELECT DISTINCT code FROM gebied WHERE niveau = 'buurt'`).map((r) => r.code),
      ),
    };
  }
  const niveau = db.value(`SELECT niveau FROM gebied WHERE code = ? ORDER BY coalesce(jaar, 9999) DESC LIMIT 1`, [
    code,
  ]);
  let buurten: string[] = [];
  if (niveau === 'buurt') buurten = [code];
  else if (niveau === 'eigen')
    buurten = db
      .all<{ code: string }>(
        `SELECT DISTINCT l.code FROM gebied_lid gl JOIN gebied e ON e.id = gl.gebied_id JOIN gebied l ON l.id = gl.lid_id
         WHERE e.code = ? AND e.jaar IS NULL`,
        [code],
      )
      .map((r) => r.code);
  else if (niveau === 'wijk')
    buurten = db
      .all<{ code: string }>(
        `SELECT DISTINCT b.code FROM gebied b JOIN gebied w ON w.id = b.ouder_id WHERE w.code = ? AND b.niveau = 'buurt'`,
        [code],
      )
      .map((r) => r.code);
  else if (niveau === 'gemeente')
    buurten = db
      .all<{ code: string }>(`SELECT DISTINCT code FROM gebied WHERE niveau = 'buurt' AND substr(code, 3, 4) = ?`, [
        code.slice(2, 6),
      ])
      .map((r) => r.code);
  return { eigen: code, buurten: new Set(buurten) };
}

interface MRij {
  code: string;
  van: string | null;
  tot: string;
  wet: string | null;
  ob: number | null;
  product: string | null;
  subniveau: string | null;
  vorm: string | null;
  afhandeling: string | null;
  waarde: number | null;
  onderdrukt: number;
  meldingstype: string | null;
  bron: string;
  bronId: number;
}

/**
 * The rows of a measure for a gebied, per moment: the gebied's own rows when it has them at that moment, else the
 * sum over its buurten. Sub-levels and vorm are details of a product's own row and left out when it is there.
 */
function metingRijen(
  db: ProjectDb,
  maat: string,
  codes: { eigen: string | null; buurten: Set<string> },
  wet: string | null,
) {
  const alle = db.all<MRij>(
    `SELECT g.code, m.periode_start AS van, coalesce(m.peildatum, m.periode_eind) AS tot, m.wet, m.ondersteuningsbehoefte AS ob,
            m.product, m.subniveau, m.vorm, m.afhandeling, m.waarde, m.onderdrukt, m.meldingstype,
            coalesce(b.bestandsnaam, b.omschrijving, b.soort) AS bron, b.id AS bronId
     FROM meting m JOIN gebied g ON g.id = m.gebied_id JOIN bron b ON b.id = m.bron_id
     WHERE m.maat = ? AND m.uitgesloten = 0 AND (? IS NULL OR m.wet = ?)`,
    [maat, wet, wet],
  );
  // The same count from two sources (an import and a hand tally of the same gebied, period and kind): the newest
  // source counts, never both.
  const nieuwste = new Map<string, MRij>();
  for (const r of alle) {
    if (r.code !== codes.eigen && !codes.buurten.has(r.code)) continue;
    const k = [r.code, r.van, r.tot, r.wet, r.ob, r.product, r.subniveau, r.vorm, r.meldingstype, r.afhandeling].join(
      '\u0000',
    );
    const eerder = nieuwste.get(k);
    if (!eerder || eerder.bronId < r.bronId) nieuwste.set(k, r);
  }
  const perMoment = new Map<string, MRij[]>();
  for (const r of nieuwste.values()) {
    const k = `${r.van ?? ''}/${r.tot}`;
    perMoment.set(k, [...(perMoment.get(k) ?? []), r]);
  }
  const uit: MRij[][] = [];
  for (const rijen of perMoment.values()) {
    const eigen = rijen.filter((r) => r.code === codes.eigen);
    const gekozen = eigen.length > 0 ? eigen : rijen.filter((r) => r.code !== codes.eigen);
    const producten = new Set(
      gekozen.filter((r) => r.subniveau === null && r.vorm === null).map((r) => `${r.code}|${r.wet}|${r.ob}`),
    );
    uit.push(
      gekozen.filter(
        (r) => !((r.subniveau !== null || r.vorm !== null) && producten.has(`${r.code}|${r.wet}|${r.ob}`)),
      ),
    );
  }
  return uit;
}

function somPunt(rijen: readonly MRij[], gemiddelde = false): Punt | null {
  const r0 = rijen[0];
  if (!r0) return null;
  const bekend = rijen.filter((r) => r.waarde !== null && r.onderdrukt === 0);
  if (bekend.length === 0) return null;
  const som = bekend.reduce((s, r) => s + r.waarde!, 0);
  return {
    van: r0.van,
    tot: r0.tot,
    waarde: gemiddelde ? som / bekend.length : som,
    onvolledig: bekend.length < rijen.length,
    bronnen: [...new Set(rijen.map((r) => r.bron))],
  };
}

const sorteer = (p: Punt[]) => p.sort((a, b) => a.tot.localeCompare(b.tot) || (a.van ?? '').localeCompare(b.van ?? ''));

function afhandelingRijen(db: ProjectDb, codes: ReturnType<typeof codesVan>): AfhandelingRij[] {
  return metingRijen(db, 'afhandeling', codes, null).flatMap((rijen) =>
    rijen
      .filter((r) => r.van !== null)
      .map((r) => ({
        van: r.van!,
        tot: r.tot,
        categorie: r.afhandeling ?? 'overig',
        waarde: r.onderdrukt ? null : r.waarde,
        bron: r.bron,
      })),
  );
}

/** Aanmeldingen: the meldingen counts, and the afhandeling totals of periods no meldingen count covers. */
function aanmeldingenReeks(db: ProjectDb, codes: ReturnType<typeof codesVan>, wet: string | null): Punt[] {
  const meldingen = metingRijen(db, 'meldingen', codes, wet).flat();
  if (wet !== null)
    return sorteer(
      metingRijen(db, 'meldingen', codes, wet)
        .map((r) => somPunt(r))
        .filter(isPeriode),
    );
  // Per gebied code: its afhandeling totals only for periods its meldingen do not cover (a buurt with meldingen for
  // January next to one with only afhandeling counts both).
  const gedekt = (r: MRij) => meldingen.some((m) => m.code === r.code && r.van! <= m.tot && m.van! <= r.tot);
  const afh = metingRijen(db, 'afhandeling', codes, null)
    .flat()
    .filter((r) => r.van !== null && !gedekt(r));
  const perPeriode = new Map<string, MRij[]>();
  for (const r of [...meldingen, ...afh]) {
    if (r.van === null) continue;
    const k = `${r.van}/${r.tot}`;
    perPeriode.set(k, [...(perPeriode.get(k) ?? []), r]);
  }
  return sorteer([...perPeriode.values()].map((r) => somPunt(r)).filter(isPeriode));
}

const isPeriode = (p: Punt | null): p is Punt => p !== null && p.van !== null;

function aandeelReeks(db: ProjectDb, codes: ReturnType<typeof codesVan>, categorie: string): Punt[] {
  return sorteer(
    afhandelingPerPeriode(afhandelingRijen(db, codes), 'periode')
      .filter((p) => p.totaal > 0)
      .map((p) => ({
        van: p.van,
        tot: p.tot,
        waarde: aandeel(p, categorie)!,
        onvolledig: p.afgeschermd.length > 0,
        bronnen: p.bronnen,
        noemer: p.totaal,
      })),
  );
}

interface VzTijd {
  id: number;
  naam: string;
  organisatie: string | null;
  collectief: boolean;
  vrij: boolean;
  status: string;
  start: string | null;
  eind: string | null;
  gewijzigd: string;
  inGebied: boolean;
}

function voorzieningenIn(db: ProjectDb, codes: ReturnType<typeof codesVan>): VzTijd[] {
  const inGebied = (werkgebied: readonly string[], locatie: string | null) =>
    werkgebied.some((c) => codes.buurten.has(c) || c === codes.eigen) ||
    (locatie !== null && (codes.buurten.has(locatie) || locatie === codes.eigen));
  return listVoorzieningen(db).map((v) => ({
    id: v.id,
    naam: v.naam,
    organisatie: v.organisatieNaam,
    collectief: v.collectief,
    vrij: v.vrijToegankelijk,
    status: v.status,
    start: v.startdatum,
    eind: v.einddatum ?? (v.status === 'gestopt' ? v.gewijzigd.slice(0, 10) : null),
    gewijzigd: v.gewijzigd.slice(0, 10),
    inGebied: inGebied(v.werkgebied, v.locatieBuurtCode),
  }));
}

/**
 * Active at a date: not planned, started (or start unknown: there before the monitor's dates) and not yet ended. A
 * stopped voorziening without an end date ended on the day it was marked stopped.
 */
const actiefOp = (v: VzTijd, t: string) =>
  v.status !== 'gepland' && (v.start === null || v.start <= t) && (v.eind === null || v.eind >= t);

function collectiefReeks(vz: readonly VzTijd[], momenten: readonly string[]): Punt[] {
  const telt = vz.filter((v) => v.inGebied && v.collectief && v.vrij);
  return momenten.map((t) => ({
    van: null,
    tot: t,
    waarde: telt.filter((v) => actiefOp(v, t)).length,
    onvolledig: false,
    bronnen: ['sociale kaart'],
  }));
}

interface RelTijd {
  id: number;
  van: string;
  naar: string;
  soort: string;
  start: string | null;
  eind: string | null;
}

function relatiesIn(db: ProjectDb, codes: ReturnType<typeof codesVan>, vz: readonly VzTijd[]): RelTijd[] {
  const vzIn = new Set(vz.filter((v) => v.inGebied).map((v) => v.id));
  const orgIn = new Set(
    listOrganisaties(db)
      .filter((o) => o.buurtCode !== null && (codes.buurten.has(o.buurtCode) || o.buurtCode === codes.eigen))
      .map((o) => o.id),
  );
  for (const v of listVoorzieningen(db)) if (vzIn.has(v.id) && v.organisatieId !== null) orgIn.add(v.organisatieId);
  const raakt = (k: { soort: string; id: number }) => (k.soort === 'voorziening' ? vzIn.has(k.id) : orgIn.has(k.id));
  return listRelaties(db)
    .filter((r) => raakt(r.van) || raakt(r.naar))
    .map((r) => ({
      id: r.id,
      van: r.van.naam,
      naar: r.naar.naam,
      soort: r.soort,
      start:
        r.startdatum ??
        (r.volumes.length
          ? r.volumes.reduce((m, v) => (v.periodeStart < m ? v.periodeStart : m), r.volumes[0]!.periodeStart)
          : null),
      eind: r.einddatum,
    }));
}

function relatiesReeks(rel: readonly RelTijd[], momenten: readonly string[]): Punt[] {
  return momenten.map((t) => ({
    van: null,
    tot: t,
    waarde: rel.filter((r) => (r.start === null || r.start <= t) && (r.eind === null || r.eind >= t)).length,
    onvolledig: false,
    bronnen: ['sociale kaart'],
  }));
}

/** Kosten: imported amounts, else toewijzingen × the newest scenario's tariffs (marked as derived). */
function kostenRijen(db: ProjectDb, codes: ReturnType<typeof codesVan>, wet: string | null): KostenRij[] {
  const echt = metingRijen(db, 'kosten', codes, wet).flatMap((rijen) =>
    rijen
      .filter((r) => r.van !== null && r.waarde !== null)
      .map((r) => ({ van: r.van!, tot: r.tot, wet: r.wet, waarde: r.waarde!, bron: r.bron, afgeleid: false })),
  );
  if (echt.length > 0) return echt;
  const scenario = listScenarios(db).sort((a, b) => b.gewijzigd.localeCompare(a.gewijzigd))[0];
  if (!scenario) return [];
  const p = scenario.parameters;
  // Per year the newest peildatum's toewijzingen, each at its product's tariff for a year.
  const perJaar = new Map<number, { tot: string; rijen: MRij[] }>();
  for (const rijen of metingRijen(db, 'toewijzingen', codes, wet)) {
    const r0 = rijen[0];
    if (!r0 || r0.van !== null) continue;
    const j = Number(r0.tot.slice(0, 4));
    const e = perJaar.get(j);
    if (!e || e.tot < r0.tot) perJaar.set(j, { tot: r0.tot, rijen });
  }
  const uit: KostenRij[] = [];
  for (const [jaar, { tot, rijen }] of perJaar) {
    const perWet = new Map<string | null, number>();
    for (const r of rijen) {
      if (r.waarde === null || r.onderdrukt) continue;
      // The tariff the scenario would use: of a line of indications of this wet, else the scenario's own.
      const product = r.product ?? 'onbekend product';
      const regel = (p.regels ?? []).find(
        (x) => x.bron.type === 'indicaties' && (x.bron.selectie.wet ?? null) === (r.wet ?? null),
      );
      const b = regel?.bron.type === 'indicaties' ? regel.bron : null;
      const tarief = b?.tarieven?.[product] ?? b?.standaardTarief ?? p.tarieven[product] ?? p.standaardTarief;
      perWet.set(r.wet, (perWet.get(r.wet) ?? 0) + r.waarde * tarief);
    }
    for (const [w, bedrag] of perWet)
      uit.push({
        van: `${jaar}-01-01`,
        tot: `${jaar}-12-31`,
        wet: w,
        waarde: bedrag,
        bron: `afgeleid: toewijzingen op ${tot} × tarieven van scenario ‘${scenario.naam}’`,
        afgeleid: true,
      });
  }
  return uit;
}

/** The series a goal is measured on. */
export function doelReeks(db: ProjectDb, doel: Doel, peildatum: string): Punt[] {
  const codes = codesVan(db, doel.gebied);
  switch (doel.maat) {
    case 'aanmeldingen':
      return aanmeldingenReeks(db, codes, doel.wet);
    case 'toewijzingen':
      return sorteer(
        metingRijen(db, 'toewijzingen', codes, doel.wet)
          .map((r) => somPunt(r))
          .filter((p): p is Punt => p !== null),
      );
    case 'kosten':
      return sorteer(
        kostenRijen(db, codes, doel.wet).map((k) => ({
          van: k.van,
          tot: k.tot,
          waarde: k.waarde,
          onvolledig: false,
          bronnen: [k.bron],
        })),
      ).reduce<Punt[]>((acc, p) => {
        // Wetten of the same period add up to one point.
        const zelfde = acc.find((q) => q.van === p.van && q.tot === p.tot);
        if (zelfde)
          acc[acc.indexOf(zelfde)] = {
            ...zelfde,
            waarde: zelfde.waarde + p.waarde,
            bronnen: [...new Set([...zelfde.bronnen, ...p.bronnen])],
          };
        else acc.push(p);
        return acc;
      }, []);
    case 'voorliggend_aandeel':
      return aandeelReeks(db, codes, 'voorliggend');
    case 'wijkteam_aandeel':
      return aandeelReeks(db, codes, 'wijkteam');
    case 'maatwerk_aandeel':
      return aandeelReeks(db, codes, 'maatwerk');
    case 'tevredenheid':
      return sorteer(
        metingRijen(db, 'tevredenheid', codes, null)
          .map((r) => somPunt(r, true))
          .filter((p): p is Punt => p !== null),
      );
    case 'collectief_aanbod':
    case 'relaties': {
      const vz = voorzieningenIn(db, codes);
      const rel = doel.maat === 'relaties' ? relatiesIn(db, codes, vz) : [];
      // The moments: the baseline, every month end since, and the dates of changes in the gebied.
      const datums =
        doel.maat === 'relaties'
          ? rel.flatMap((r) => [r.start, r.eind])
          : vz.filter((v) => v.inGebied).flatMap((v) => [v.start, v.eind]);
      if (doel.basisTot) datums.push(...maandEinden(doel.basisTot, peildatum));
      const momenten = [
        ...new Set([
          ...(doel.basisTot ? [doel.basisTot] : []),
          peildatum,
          ...datums.filter((d): d is string => d !== null && d <= peildatum && (!doel.basisTot || d >= doel.basisTot)),
        ]),
      ].sort();
      return doel.maat === 'relaties' ? relatiesReeks(rel, momenten) : collectiefReeks(vz, momenten);
    }
  }
}

// ------------------------------------------------------------------------------------------------------ monitor

/** The newest date of the monitor's data (metingen, capacity), not after today; null without any. */
export function standaardPeildatum(db: ProjectDb, vandaag: string): string | null {
  const d = db.value(
    `SELECT max(d) FROM (SELECT coalesce(peildatum, periode_eind) AS d FROM meting UNION ALL SELECT peildatum FROM capaciteit)
     WHERE d <= ?`,
    [vandaag],
  );
  return typeof d === 'string' ? d : null;
}

function capaciteitGebieden(db: ProjectDb, peildatum: string): CapaciteitGebied[] {
  const rijen = db.all<{ gebied_code: string; peildatum: string; functie: Functie; fte: number }>(
    `SELECT c.gebied_code, c.peildatum, c.functie, c.fte FROM capaciteit c
     WHERE c.peildatum = (SELECT max(peildatum) FROM capaciteit d WHERE d.gebied_code = c.gebied_code AND d.peildatum <= ?)
     ORDER BY c.gebied_code`,
    [peildatum],
  );
  const perGebied = new Map<string, typeof rijen>();
  for (const r of rijen) perGebied.set(r.gebied_code, [...(perGebied.get(r.gebied_code) ?? []), r]);
  const buurtenPer = new Map([...perGebied.keys()].map((code) => [code, codesVan(db, code).buurten]));
  // A gebied whose buurten all lie in another gebied with capacity (a buurt in its wijk) stays out of the reference.
  const binnenAnder = (code: string) => {
    const eigen = buurtenPer.get(code)!;
    return [...buurtenPer].some(
      ([ander, b]) => ander !== code && b.size > eigen.size && eigen.size > 0 && [...eigen].every((x) => b.has(x)),
    );
  };
  return [...perGebied].map(([code, lijst]) => {
    const codes = codesVan(db, code);
    const fte: Partial<Record<Functie, number>> = {};
    for (const r of lijst) fte[r.functie] = (fte[r.functie] ?? 0) + r.fte;
    const a = stroomOver(aanmeldingenReeks(db, codes, null), jaarVoor(peildatum), peildatum);
    const toew = standOp(
      metingRijen(db, 'toewijzingen', codes, null)
        .map((r) => somPunt(r))
        .filter((p): p is Punt => p !== null),
      null,
      peildatum,
    );
    return {
      code,
      naam: gebiedNaam(db, code),
      peildatum: lijst[0]!.peildatum,
      fte,
      fteTotaal: lijst.reduce((s, r) => s + r.fte, 0),
      aanmeldingen: a ? a.waarde : null,
      toewijzingen: toew ? toew.waarde : null,
      inReferentie: !binnenAnder(code),
    };
  });
}

/** Everything the Pilotmonitor view, the report's pilot section and the CLI show, at one peildatum. */
export function buildPilotMonitor(db: ProjectDb, peildatum: string, taal: Taal = 'nl'): PilotMonitor {
  const pilot = loadPilot(db);
  const privacy = loadPrivacy(db);
  const doelen = listDoelen(db).map((d) => evaluateDoel(d, doelReeks(db, d, peildatum), peildatum, taal));
  const codes = codesVan(db, pilot.gebied);
  const afhandeling = afhandelingPerPeriode(
    afhandelingRijen(db, codes).filter((r) => r.tot <= peildatum),
    'kwartaal',
    taal,
  );
  const categorieen = db
    .all<{ code: string; label: string }>(
      `SELECT code, label FROM taxonomie_item WHERE taxonomie = 'afhandeling' ORDER BY volgorde, code`,
    )
    .map((c) => ({ code: c.code, label: taxonomieLabel('afhandeling', c.code, c.label, taal) }));
  const kosten = kostenPerJaar(
    kostenRijen(db, codes, null).filter((k) => k.tot <= peildatum),
    pilot.start,
  );
  const basisJaren = kosten.filter((k) => k.basisjaar && k.maanden >= 12);
  const kostenBasis = basisJaren.length ? basisJaren.reduce((s, k) => s + k.totaal, 0) / basisJaren.length : null;

  // Initiatives: from the start and end dates; voorzieningen without a start date that are not in the snapshot of
  // the pilot's start (else the first snapshot) are new since that snapshot.
  const sinds = pilot.start ? dagVoor(pilot.start) : null;
  const vz = voorzieningenIn(db, codes).filter((v) => v.inGebied);
  const basisSnapshot = sinds ? (snapshotVoor(db, volgendeDag(sinds)) ?? firstSnapshot(db)) : null;
  const inSnapshot = new Set(basisSnapshot?.inhoud.voorzieningen.map((v) => v.id) ?? []);
  const initiatieven: InitiatiefGebeurtenis[] = [];
  for (const v of vz) {
    const basis = { voorzieningId: v.id, naam: v.naam, organisatie: v.organisatie, collectief: v.collectief && v.vrij };
    if (v.status === 'gepland') {
      initiatieven.push({ ...basis, datum: v.start, soort: 'gepland', herkomst: 'status' });
      continue;
    }
    if (v.start !== null && v.start <= peildatum)
      initiatieven.push({ ...basis, datum: v.start, soort: 'nieuw', herkomst: 'datum' });
    else if (v.start === null && basisSnapshot && !inSnapshot.has(v.id))
      initiatieven.push({ ...basis, datum: basisSnapshot.info.peildatum, soort: 'nieuw', herkomst: 'momentopname' });
    if (v.eind !== null && v.eind <= peildatum)
      initiatieven.push({
        ...basis,
        datum: v.eind,
        soort: 'gestopt',
        herkomst: v.status === 'gestopt' && !hasEinddatum(db, v.id) ? 'status' : 'datum',
      });
  }
  initiatieven.sort((a, b) => (a.datum ?? '9999').localeCompare(b.datum ?? '9999') || a.naam.localeCompare(b.naam));

  const rel = relatiesIn(db, codes, voorzieningenIn(db, codes));
  const inSnapshotRel = new Set(basisSnapshot?.inhoud.relaties.map((r) => r.id) ?? []);
  const nieuweRelaties: NieuweRelatie[] = sinds
    ? rel
        .filter((r) =>
          r.start !== null
            ? r.start > sinds && r.start <= peildatum
            : basisSnapshot !== null && !inSnapshotRel.has(r.id),
        )
        .map((r) => ({ id: r.id, van: r.van, naar: r.naar, soort: r.soort, sinds: r.start }))
    : [];

  const collectiefNu = collectiefReeks(vz, [peildatum])[0]?.waarde ?? null;
  const toew = metingRijen(db, 'toewijzingen', codes, null)
    .filter((r) => r[0] && r[0].van === null && r[0].tot <= peildatum)
    .sort((a, b) => b[0]!.tot.localeCompare(a[0]!.tot))[0];
  const toewijzingen = toew
    ? {
        peildatum: toew[0]!.tot,
        totaal: toew.reduce((s, r) => s + (r.onderdrukt ? 0 : (r.waarde ?? 0)), 0),
        licht: toew
          .filter((r) => r.ob !== null && r.ob <= 2)
          .reduce((s, r) => s + (r.onderdrukt ? 0 : (r.waarde ?? 0)), 0),
      }
    : null;
  return {
    pilot,
    peildatum,
    gebiedNaam: pilot.gebied ? gebiedNaam(db, pilot.gebied) : null,
    doelen,
    afhandeling,
    categorieen,
    kosten,
    kostenBasis,
    initiatieven,
    nieuweRelaties,
    capaciteit: capaciteitTegenVraag(capaciteitGebieden(db, peildatum)),
    vragen: evaluatieVragen(
      {
        perioden: afhandeling,
        initiatieven,
        collectiefNu,
        sinds,
        toewijzingen,
        drempel: privacy.aan ? privacy.drempel : null,
      },
      taal,
    ),
  };
}

/** The last day of every month after `van` up to `tot` (at most ten years of them). */
function maandEinden(van: string, tot: string): string[] {
  const uit: string[] = [];
  let j = Number(van.slice(0, 4));
  let m = Number(van.slice(5, 7));
  for (let i = 0; i < 120; i++) {
    const e = new Date(Date.UTC(j, m, 0)).toISOString().slice(0, 10);
    if (e > tot) break;
    if (e > van) uit.push(e);
    m++;
    if (m > 12) {
      m = 1;
      j++;
    }
  }
  return uit;
}

function hasEinddatum(db: ProjectDb, id: number): boolean {
  return db.value(`SELECT einddatum IS NOT NULL FROM voorziening WHERE id = ?`, [id]) === 1;
}

function firstSnapshot(db: ProjectDb) {
  const r = db.value(`SELECT min(peildatum) FROM snapshot`);
  return typeof r === 'string' ? snapshotVoor(db, volgendeDag(r)) : null;
}
