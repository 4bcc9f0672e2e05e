import type { ProjectDb } from '../connection';
import { AppException } from '../../result';
import { nextId } from './project';
import {
  checkOrganisatie,
  checkRelatie,
  checkVoorziening,
  type Checked,
  type EntiteitSoort,
  type KnoopRef,
  type Organisatie,
  type OrganisatieBulk,
  type OrganisatieInput,
  type Relatie,
  type RelatieInput,
  type Voorziening,
  type VoorzieningBulk,
  type VoorzieningInput,
  type Wijziging,
} from '../../model/sociale-kaart';

/** Reads, writes and logs organisaties, voorzieningen and relaties. Callers open the transaction. */

function unwrapChecked<T>(checked: Checked<T>): T {
  if (!checked.ok) {
    const first = checked.problems[0]!;
    throw new AppException('invoer.ongeldig', { veld: first.veld, code: first.code, ...(first.params ?? {}) });
  }
  return checked.value;
}

/** The newest gebied with this code (buurt codes stay the same over years unless the indeling changes). */
export function gebiedIdByCode(db: ProjectDb, code: string | null): number | null {
  if (!code) return null;
  const id = db.value(
    // `jaar IS NOT NULL` says what the niveau already says (only eigen gebieden have none), so that SQLite walks the
    // (code, jaar) index backwards instead of sorting every year's row of the code.
    `SELECT id FROM gebied WHERE code = ? AND jaar IS NOT NULL AND niveau IN ('buurt','wijk','gemeente')
     ORDER BY jaar DESC LIMIT 1`,
    [code.trim().toUpperCase()],
  );
  if (typeof id !== 'number') throw new AppException('invoer.ongeldig', { veld: 'buurtCode', code: 'gebied-onbekend' });
  return id;
}

export function logWijziging(
  db: ProjectDb,
  now: string,
  entiteit: EntiteitSoort | 'taxonomie',
  id: number | null,
  actie: Wijziging['actie'],
  omschrijving: string,
  details: Record<string, unknown> = {},
): void {
  db.run(
    'INSERT INTO wijziging (tijd, entiteit, entiteit_id, actie, omschrijving, details) VALUES (?, ?, ?, ?, ?, ?)',
    [now, entiteit, id, actie, omschrijving, JSON.stringify(details)],
  );
}

// ---------------------------------------------------------------- organisaties

const ORG_SELECT = `SELECT o.id, o.naam, o.soort, o.adres, o.postcode, o.plaats, g.code AS buurt_code, g.naam AS buurt_naam,
  o.website, o.telefoon, o.email, o.notities, o.gewijzigd,
  (SELECT count(*) FROM voorziening v WHERE v.organisatie_id = o.id) AS n_vz,
  (SELECT count(*) FROM relatie r WHERE r.van_organisatie_id = o.id OR r.naar_organisatie_id = o.id) AS n_rel
  FROM organisatie o LEFT JOIN gebied g ON g.id = o.gebied_id`;

type OrgRow = {
  id: number;
  naam: string;
  soort: string | null;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  buurt_code: string | null;
  buurt_naam: string | null;
  website: string | null;
  telefoon: string | null;
  email: string | null;
  notities: string | null;
  gewijzigd: string;
  n_vz: number;
  n_rel: number;
};

const toOrg = (r: OrgRow): Organisatie => ({
  id: r.id,
  naam: r.naam,
  soort: r.soort,
  adres: r.adres,
  postcode: r.postcode,
  plaats: r.plaats,
  buurtCode: r.buurt_code,
  buurtNaam: r.buurt_naam,
  website: r.website,
  telefoon: r.telefoon,
  email: r.email,
  notities: r.notities,
  aantalVoorzieningen: r.n_vz,
  aantalRelaties: r.n_rel,
  gewijzigd: r.gewijzigd,
});

export function listOrganisaties(db: ProjectDb): Organisatie[] {
  return db.all<OrgRow>(`${ORG_SELECT} ORDER BY o.naam COLLATE NOCASE, o.id`).map(toOrg);
}

export function getOrganisatie(db: ProjectDb, id: number): Organisatie {
  const row = db.get<OrgRow>(`${ORG_SELECT} WHERE o.id = ?`, [id]);
  if (!row) throw new AppException('item.niet-gevonden', { soort: 'organisatie', id });
  return toOrg(row);
}

const ORG_FIELDS = [
  'naam',
  'soort',
  'adres',
  'postcode',
  'plaats',
  'buurtCode',
  'website',
  'telefoon',
  'email',
  'notities',
] as const;

function changedFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): string[] {
  return fields.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
}

export function saveOrganisatie(
  db: ProjectDb,
  id: number | null,
  input: OrganisatieInput,
  now: string,
  bronId: number | null = null,
): number {
  const v = unwrapChecked(checkOrganisatie(input));
  if (v.soort) requireTaxonomyCodes(db, 'soort_organisatie', 'soort', [v.soort]);
  const gebiedId = gebiedIdByCode(db, v.buurtCode);
  const params = [v.naam, v.soort, v.adres, v.postcode, v.plaats, gebiedId, v.website, v.telefoon, v.email, v.notities];
  if (id === null) {
    let newId: number;
    db.run(
      `INSERT INTO organisatie (id, naam, soort, adres, postcode, plaats, gebied_id, website, telefoon, email, notities,
        bron_id, aangemaakt, gewijzigd) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      [(newId = nextId(db, 'organisatie')), ...params, bronId, now, now],
    );
    logWijziging(db, now, 'organisatie', newId, bronId ? 'geimporteerd' : 'toegevoegd', v.naam);
    return newId;
  }
  const before = getOrganisatie(db, id);
  db.run(
    `UPDATE organisatie SET naam=?, soort=?, adres=?, postcode=?, plaats=?, gebied_id=?, website=?, telefoon=?,
      email=?, notities=?, gewijzigd=? WHERE id=?`,
    [...params, now, id],
  );
  const velden = changedFields<OrganisatieInput>(before, v, ORG_FIELDS);
  if (velden.length) logWijziging(db, now, 'organisatie', id, 'gewijzigd', velden.join(', '), { velden });
  return id;
}

// ---------------------------------------------------------------- voorzieningen

type VzRow = {
  id: number;
  naam: string;
  organisatie_id: number | null;
  org_naam: string | null;
  collectief: number;
  vrij_toegankelijk: number;
  preventieniveau: string | null;
  status: Voorziening['status'];
  startdatum: string | null;
  einddatum: string | null;
  locatie: string | null;
  adres: string | null;
  postcode: string | null;
  capaciteit: number | null;
  kosten: string | null;
  contact: string | null;
  notities: string | null;
  gewijzigd: string;
  leefgebieden: string | null;
  doelgroepen: string | null;
  werkgebied: string | null;
};

const VZ_SELECT = `SELECT v.id, v.naam, v.organisatie_id, o.naam AS org_naam, v.collectief, v.vrij_toegankelijk,
  v.preventieniveau, v.status, v.startdatum, v.einddatum, lg.code AS locatie, v.adres, v.postcode, v.capaciteit,
  v.kosten, v.contact, v.notities, v.gewijzigd,
  (SELECT group_concat(leefgebied, char(31)) FROM (SELECT leefgebied FROM voorziening_leefgebied
     WHERE voorziening_id = v.id ORDER BY leefgebied)) AS leefgebieden,
  (SELECT group_concat(doelgroep, char(31)) FROM (SELECT doelgroep FROM voorziening_doelgroep
     WHERE voorziening_id = v.id ORDER BY doelgroep)) AS doelgroepen,
  (SELECT group_concat(code, char(31)) FROM (SELECT g.code FROM voorziening_werkgebied w JOIN gebied g
     ON g.id = w.gebied_id WHERE w.voorziening_id = v.id ORDER BY g.code)) AS werkgebied
  FROM voorziening v LEFT JOIN organisatie o ON o.id = v.organisatie_id LEFT JOIN gebied lg ON lg.id = v.locatie_gebied_id`;

const split = (s: string | null): string[] => (s ? s.split('\u001f') : []);

const toVz = (r: VzRow): Voorziening => ({
  id: r.id,
  naam: r.naam,
  organisatieId: r.organisatie_id,
  organisatieNaam: r.org_naam,
  collectief: r.collectief === 1,
  vrijToegankelijk: r.vrij_toegankelijk === 1,
  preventieniveau: r.preventieniveau,
  status: r.status,
  startdatum: r.startdatum,
  einddatum: r.einddatum,
  leefgebieden: split(r.leefgebieden),
  doelgroepen: split(r.doelgroepen),
  werkgebied: split(r.werkgebied),
  locatieBuurtCode: r.locatie,
  adres: r.adres,
  postcode: r.postcode,
  capaciteit: r.capaciteit,
  kosten: r.kosten,
  contact: r.contact,
  notities: r.notities,
  gewijzigd: r.gewijzigd,
});

export function listVoorzieningen(db: ProjectDb): Voorziening[] {
  return db.all<VzRow>(`${VZ_SELECT} ORDER BY v.naam COLLATE NOCASE, v.id`).map(toVz);
}

export function getVoorziening(db: ProjectDb, id: number): Voorziening {
  const row = db.get<VzRow>(`${VZ_SELECT} WHERE v.id = ?`, [id]);
  if (!row) throw new AppException('item.niet-gevonden', { soort: 'voorziening', id });
  return toVz(row);
}

function requireTaxonomyCodes(db: ProjectDb, taxonomie: string, veld: string, codes: readonly string[]): void {
  for (const code of codes) {
    if (db.value('SELECT 1 FROM taxonomie_item WHERE taxonomie = ? AND code = ?', [taxonomie, code]) !== 1) {
      throw new AppException('invoer.ongeldig', { veld, code: 'taxonomie-onbekend', waarde: code });
    }
  }
}

function requireOrganisatie(db: ProjectDb, id: number | null): void {
  if (id !== null && db.value('SELECT 1 FROM organisatie WHERE id = ?', [id]) !== 1) {
    throw new AppException('invoer.ongeldig', { veld: 'organisatieId', code: 'organisatie-onbekend' });
  }
}

const VZ_FIELDS = [
  'naam',
  'organisatieId',
  'collectief',
  'vrijToegankelijk',
  'preventieniveau',
  'status',
  'startdatum',
  'einddatum',
  'leefgebieden',
  'doelgroepen',
  'werkgebied',
  'locatieBuurtCode',
  'adres',
  'postcode',
  'capaciteit',
  'kosten',
  'contact',
  'notities',
] as const;

export function setVoorzieningLists(
  db: ProjectDb,
  id: number,
  lists: { leefgebieden?: readonly string[]; doelgroepen?: readonly string[]; werkgebied?: readonly string[] },
  replace: boolean,
): void {
  const { leefgebieden, doelgroepen, werkgebied } = lists;
  if (leefgebieden) {
    requireTaxonomyCodes(db, 'leefgebied', 'leefgebieden', leefgebieden);
    if (replace) db.run('DELETE FROM voorziening_leefgebied WHERE voorziening_id = ?', [id]);
    for (const c of leefgebieden) db.run('INSERT OR IGNORE INTO voorziening_leefgebied VALUES (?, ?)', [id, c]);
  }
  if (doelgroepen) {
    requireTaxonomyCodes(db, 'doelgroep', 'doelgroepen', doelgroepen);
    if (replace) db.run('DELETE FROM voorziening_doelgroep WHERE voorziening_id = ?', [id]);
    for (const c of doelgroepen) db.run('INSERT OR IGNORE INTO voorziening_doelgroep VALUES (?, ?)', [id, c]);
  }
  if (werkgebied) {
    const ids = werkgebied.map((code) => {
      try {
        return gebiedIdByCode(db, code)!;
      } catch {
        throw new AppException('invoer.ongeldig', { veld: 'werkgebied', code: 'gebied-onbekend', waarde: code });
      }
    });
    if (replace) db.run('DELETE FROM voorziening_werkgebied WHERE voorziening_id = ?', [id]);
    for (const g of ids) db.run('INSERT OR IGNORE INTO voorziening_werkgebied VALUES (?, ?)', [id, g]);
  }
}

export function saveVoorziening(
  db: ProjectDb,
  id: number | null,
  input: VoorzieningInput,
  now: string,
  bronId: number | null = null,
): number {
  const v = unwrapChecked(checkVoorziening(input));
  requireOrganisatie(db, v.organisatieId);
  if (v.preventieniveau) requireTaxonomyCodes(db, 'preventieniveau', 'preventieniveau', [v.preventieniveau]);
  const locatie = gebiedIdByCode(db, v.locatieBuurtCode);
  const params = [
    v.naam,
    v.organisatieId,
    v.collectief ? 1 : 0,
    v.vrijToegankelijk ? 1 : 0,
    v.preventieniveau,
    v.status,
    v.startdatum,
    v.einddatum,
    locatie,
    v.adres,
    v.postcode,
    v.capaciteit,
    v.kosten,
    v.contact,
    v.notities,
  ];
  let vzId: number;
  let before: Voorziening | null = null;
  if (id === null) {
    db.run(
      `INSERT INTO voorziening (id, naam, organisatie_id, collectief, vrij_toegankelijk, preventieniveau, status,
        startdatum, einddatum, locatie_gebied_id, adres, postcode, capaciteit, kosten, contact, notities, bron_id,
        aangemaakt, gewijzigd) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      [(vzId = nextId(db, 'voorziening')), ...params, bronId, now, now],
    );
  } else {
    before = getVoorziening(db, id);
    db.run(
      `UPDATE voorziening SET naam=?, organisatie_id=?, collectief=?, vrij_toegankelijk=?, preventieniveau=?, status=?,
        startdatum=?, einddatum=?, locatie_gebied_id=?, adres=?, postcode=?, capaciteit=?, kosten=?, contact=?,
        notities=?, gewijzigd=? WHERE id=?`,
      [...params, now, id],
    );
    vzId = id;
  }
  // A new voorziening's id was never given before (nextId), so it has no lists to replace.
  setVoorzieningLists(db, vzId, v, before !== null);
  if (!before) logWijziging(db, now, 'voorziening', vzId, bronId ? 'geimporteerd' : 'toegevoegd', v.naam);
  else {
    const after = getVoorziening(db, vzId);
    const velden = changedFields<Voorziening>(before, after, VZ_FIELDS);
    if (velden.length) logWijziging(db, now, 'voorziening', vzId, 'gewijzigd', velden.join(', '), { velden });
  }
  return vzId;
}

// ---------------------------------------------------------------- relaties

type RelRow = {
  id: number;
  soort: string;
  vo: number | null;
  vv: number | null;
  no: number | null;
  nv: number | null;
  van_naam: string;
  naar_naam: string;
  gericht: number;
  startdatum: string | null;
  einddatum: string | null;
  notities: string | null;
  gewijzigd: string;
};

const REL_SELECT = `SELECT r.id, r.soort, r.van_organisatie_id AS vo, r.van_voorziening_id AS vv,
  r.naar_organisatie_id AS no, r.naar_voorziening_id AS nv,
  coalesce(a.naam, b.naam) AS van_naam, coalesce(c.naam, d.naam) AS naar_naam,
  r.gericht, r.startdatum, r.einddatum, r.notities, r.gewijzigd
  FROM relatie r
  LEFT JOIN organisatie a ON a.id = r.van_organisatie_id LEFT JOIN voorziening b ON b.id = r.van_voorziening_id
  LEFT JOIN organisatie c ON c.id = r.naar_organisatie_id LEFT JOIN voorziening d ON d.id = r.naar_voorziening_id`;

function volumesByRelatie(db: ProjectDb, id?: number): Map<number, Relatie['volumes'][number][]> {
  const map = new Map<number, Relatie['volumes'][number][]>();
  const rows = db.all<{ relatie_id: number; periode_start: string; periode_eind: string; aantal: number }>(
    `SELECT relatie_id, periode_start, periode_eind, aantal FROM relatie_volume
     ${id === undefined ? '' : 'WHERE relatie_id = ?'} ORDER BY relatie_id, periode_start`,
    id === undefined ? null : [id],
  );
  for (const r of rows) {
    const list = map.get(r.relatie_id) ?? [];
    list.push({ periodeStart: r.periode_start, periodeEind: r.periode_eind, aantal: r.aantal });
    map.set(r.relatie_id, list);
  }
  return map;
}

const toRel = (r: RelRow, volumes: Map<number, Relatie['volumes'][number][]>): Relatie => {
  const vol = volumes.get(r.id) ?? [];
  return {
    id: r.id,
    soort: r.soort,
    van: { soort: r.vo !== null ? 'organisatie' : 'voorziening', id: (r.vo ?? r.vv)!, naam: r.van_naam },
    naar: { soort: r.no !== null ? 'organisatie' : 'voorziening', id: (r.no ?? r.nv)!, naam: r.naar_naam },
    gericht: r.gericht === 1,
    startdatum: r.startdatum,
    einddatum: r.einddatum,
    notities: r.notities,
    volumes: vol,
    totaal: vol.length ? vol.reduce((s, v) => s + v.aantal, 0) : null,
    gewijzigd: r.gewijzigd,
  };
};

export function listRelaties(db: ProjectDb): Relatie[] {
  const volumes = volumesByRelatie(db);
  return db.all<RelRow>(`${REL_SELECT} ORDER BY r.id`).map((r) => toRel(r, volumes));
}

export function getRelatie(db: ProjectDb, id: number): Relatie {
  const row = db.get<RelRow>(`${REL_SELECT} WHERE r.id = ?`, [id]);
  if (!row) throw new AppException('item.niet-gevonden', { soort: 'relatie', id });
  return toRel(row, volumesByRelatie(db, id));
}

function requireKnoop(db: ProjectDb, ref: KnoopRef, veld: string): void {
  const table = ref.soort === 'organisatie' ? 'organisatie' : 'voorziening';
  if (db.value(`SELECT 1 FROM ${table} WHERE id = ?`, [ref.id]) !== 1) {
    throw new AppException('invoer.ongeldig', { veld, code: 'knoop-onbekend' });
  }
}

const ends = (ref: KnoopRef) => (ref.soort === 'organisatie' ? [ref.id, null] : [null, ref.id]);

export function saveRelatie(
  db: ProjectDb,
  id: number | null,
  input: RelatieInput,
  now: string,
  bronId: number | null = null,
): number {
  const v = unwrapChecked(checkRelatie(input));
  requireTaxonomyCodes(db, 'relatietype', 'soort', [v.soort]);
  requireKnoop(db, v.van, 'van');
  requireKnoop(db, v.naar, 'naar');
  const params = [v.soort, ...ends(v.van), ...ends(v.naar), v.gericht ? 1 : 0, v.startdatum, v.einddatum, v.notities];
  let relId: number;
  if (id === null) {
    db.run(
      `INSERT INTO relatie (id, soort, van_organisatie_id, van_voorziening_id, naar_organisatie_id, naar_voorziening_id,
        gericht, startdatum, einddatum, notities, bron_id, aangemaakt, gewijzigd) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      [(relId = nextId(db, 'relatie')), ...params, bronId, now, now],
    );
    logWijziging(db, now, 'relatie', relId, bronId ? 'geimporteerd' : 'toegevoegd', `${v.soort}`);
  } else {
    getRelatie(db, id);
    db.run(
      `UPDATE relatie SET soort=?, van_organisatie_id=?, van_voorziening_id=?, naar_organisatie_id=?,
        naar_voorziening_id=?, gericht=?, startdatum=?, einddatum=?, notities=?, gewijzigd=? WHERE id=?`,
      [...params, now, id],
    );
    relId = id;
    logWijziging(db, now, 'relatie', relId, 'gewijzigd', v.soort);
  }
  db.run('DELETE FROM relatie_volume WHERE relatie_id = ?', [relId]);
  for (const vol of v.volumes) {
    db.run(
      `INSERT INTO relatie_volume (relatie_id, periode_start, periode_eind, aantal, bron_id) VALUES (?,?,?,?,?)
       ON CONFLICT (relatie_id, periode_start, periode_eind) DO UPDATE SET aantal = aantal + excluded.aantal`,
      [relId, vol.periodeStart, vol.periodeEind, vol.aantal, bronId],
    );
  }
  return relId;
}

// ---------------------------------------------------------------- delete, bulk, merge, log

const TABLE: Record<EntiteitSoort, string> = {
  organisatie: 'organisatie',
  voorziening: 'voorziening',
  relatie: 'relatie',
};

export function deleteItems(db: ProjectDb, soort: EntiteitSoort, ids: readonly number[], now: string): number {
  let n = 0;
  for (const id of ids) {
    const naam = soort === 'relatie' ? null : db.value(`SELECT naam FROM ${TABLE[soort]} WHERE id = ?`, [id]);
    db.run(`DELETE FROM ${TABLE[soort]} WHERE id = ?`, [id]);
    if (db.changes() > 0) {
      n++;
      logWijziging(db, now, soort, id, 'verwijderd', typeof naam === 'string' ? naam : `#${id}`);
    }
  }
  return n;
}

export function bulkOrganisaties(db: ProjectDb, ids: readonly number[], patch: OrganisatieBulk, now: string): number {
  for (const id of ids) {
    const o = getOrganisatie(db, id);
    saveOrganisatie(db, id, { ...o, ...patch }, now);
  }
  return ids.length;
}

export function bulkVoorzieningen(db: ProjectDb, ids: readonly number[], patch: VoorzieningBulk, now: string): number {
  for (const id of ids) {
    const v = getVoorziening(db, id);
    const { leefgebiedenToevoegen, doelgroepenToevoegen, werkgebiedToevoegen, ...rest } = patch;
    saveVoorziening(
      db,
      id,
      {
        ...v,
        ...rest,
        leefgebieden: [...v.leefgebieden, ...(leefgebiedenToevoegen ?? [])],
        doelgroepen: [...v.doelgroepen, ...(doelgroepenToevoegen ?? [])],
        werkgebied: [...v.werkgebied, ...(werkgebiedToevoegen ?? [])],
      },
      now,
    );
  }
  return ids.length;
}

/**
 * Merges organisations into `keepId`: their voorzieningen and relaties move over (a relation that would become a
 * loop from the organisation to itself is dropped), empty fields of the kept one are filled from the others, and
 * their names become aliases so later imports with the old spelling match.
 */
export function mergeOrganisaties(
  db: ProjectDb,
  keepId: number,
  ids: readonly number[],
  now: string,
  aliasKey: (naam: string) => string,
): void {
  const keep = getOrganisatie(db, keepId);
  const others = [...new Set(ids)].filter((id) => id !== keepId).map((id) => getOrganisatie(db, id));
  if (others.length === 0) return;
  const fill: Record<string, string | null> = {};
  for (const f of ['soort', 'adres', 'postcode', 'plaats', 'website', 'telefoon', 'email'] as const) {
    fill[f] = keep[f] ?? others.find((o) => o[f])?.[f] ?? null;
  }
  const buurtCode = keep.buurtCode ?? others.find((o) => o.buurtCode)?.buurtCode ?? null;
  const notities = [keep.notities, ...others.map((o) => o.notities)].filter(Boolean).join('\n') || null;
  for (const o of others) {
    db.run('UPDATE voorziening SET organisatie_id = ?, gewijzigd = ? WHERE organisatie_id = ?', [keepId, now, o.id]);
    db.run('UPDATE relatie SET van_organisatie_id = ?, gewijzigd = ? WHERE van_organisatie_id = ?', [
      keepId,
      now,
      o.id,
    ]);
    db.run('UPDATE relatie SET naar_organisatie_id = ?, gewijzigd = ? WHERE naar_organisatie_id = ?', [
      keepId,
      now,
      o.id,
    ]);
    db.run('UPDATE organisatie_alias SET organisatie_id = ? WHERE organisatie_id = ?', [keepId, o.id]);
    db.run('INSERT OR REPLACE INTO organisatie_alias (sleutel, organisatie_id, naam) VALUES (?, ?, ?)', [
      aliasKey(o.naam),
      keepId,
      o.naam,
    ]);
    db.run('DELETE FROM organisatie WHERE id = ?', [o.id]);
    logWijziging(db, now, 'organisatie', o.id, 'samengevoegd', `${o.naam} → ${keep.naam}`, { naar: keepId });
  }
  // Relations between the merged organisations stay (as a relation of the organisation with itself): nothing is lost.
  mergeDuplicateRelaties(db, keepId, now);
  db.run(
    `UPDATE organisatie SET soort=?, adres=?, postcode=?, plaats=?, website=?, telefoon=?, email=?, notities=?,
      gebied_id = coalesce(gebied_id, ?), gewijzigd=? WHERE id=?`,
    [
      fill.soort!,
      fill.adres!,
      fill.postcode!,
      fill.plaats!,
      fill.website!,
      fill.telefoon!,
      fill.email!,
      notities,
      buurtCode ? gebiedIdByCode(db, buurtCode) : null,
      now,
      keepId,
    ],
  );
  logWijziging(db, now, 'organisatie', keepId, 'samengevoegd', others.map((o) => o.naam).join(', '), {
    van: others.map((o) => o.id),
  });
}

/**
 * After a merge two relations of the kept organisation may be the same: same type, ends and direction, and no
 * differing dates or notes. Those become one (the oldest), with the volumes added; everything else stays apart.
 */
function mergeDuplicateRelaties(db: ProjectDb, keepId: number, now: string): void {
  const rels = db.all<{
    id: number;
    key: string;
    gericht: number;
    startdatum: string | null;
    einddatum: string | null;
    notities: string | null;
  }>(
    `SELECT id, soort || '|' || coalesce(van_organisatie_id, '') || '|' || coalesce(van_voorziening_id, '') || '|' ||
            coalesce(naar_organisatie_id, '') || '|' || coalesce(naar_voorziening_id, '') AS key,
            gericht, startdatum, einddatum, notities
     FROM relatie WHERE van_organisatie_id = ? OR naar_organisatie_id = ? ORDER BY id`,
    [keepId, keepId],
  );
  const first = new Map<string, (typeof rels)[number]>();
  const same = (a: string | null, b: string | null) => a === null || b === null || a === b;
  for (const r of rels) {
    const k = `${r.key}|${r.gericht}`;
    const keep = first.get(k);
    if (
      !keep ||
      !same(keep.startdatum, r.startdatum) ||
      !same(keep.einddatum, r.einddatum) ||
      !same(keep.notities, r.notities)
    ) {
      if (!keep) first.set(k, r);
      continue;
    }
    db.run(
      `INSERT INTO relatie_volume (relatie_id, periode_start, periode_eind, aantal, bron_id)
       SELECT ?, periode_start, periode_eind, aantal, bron_id FROM relatie_volume WHERE relatie_id = ?
       ON CONFLICT (relatie_id, periode_start, periode_eind) DO UPDATE SET aantal = aantal + excluded.aantal`,
      [keep.id, r.id],
    );
    db.run(
      `UPDATE relatie SET startdatum = coalesce(startdatum, ?), einddatum = coalesce(einddatum, ?),
         notities = coalesce(notities, ?), gewijzigd = ? WHERE id = ?`,
      [r.startdatum, r.einddatum, r.notities, now, keep.id],
    );
    db.run('DELETE FROM relatie WHERE id = ?', [r.id]);
    logWijziging(db, now, 'relatie', r.id, 'samengevoegd', `#${r.id} → #${keep.id}`, { naar: keep.id });
  }
}

export function listWijzigingen(db: ProjectDb, soort: EntiteitSoort, id: number): Wijziging[] {
  return db
    .all<{
      id: number;
      tijd: string;
      entiteit: string;
      entiteit_id: number | null;
      actie: Wijziging['actie'];
      omschrijving: string;
    }>(
      `SELECT id, tijd, entiteit, entiteit_id, actie, omschrijving FROM wijziging
       WHERE entiteit = ? AND entiteit_id = ? ORDER BY id DESC LIMIT 200`,
      [soort, id],
    )
    .map((r) => ({
      id: r.id,
      tijd: r.tijd,
      entiteit: r.entiteit,
      entiteitId: r.entiteit_id,
      actie: r.actie,
      omschrijving: r.omschrijving,
    }));
}

/** What name matching needs of every organisation (duplicates, a list's names against the project's). */
export interface OrganisatieKenmerken {
  readonly id: number;
  readonly naam: string;
  readonly postcode: string | null;
  readonly website: string | null;
  readonly plaats: string | null;
}

export function listOrganisatieKenmerken(db: ProjectDb): OrganisatieKenmerken[] {
  return db.all<OrganisatieKenmerken>('SELECT id, naam, postcode, website, plaats FROM organisatie ORDER BY id');
}

/** The place names the project knows: its gemeenten and the places of its organisations (for name matching). */
export function listPlaatsnamen(db: ProjectDb): string[] {
  return db
    .all<{ n: string }>(
      `SELECT naam AS n FROM gebied WHERE niveau = 'gemeente' UNION SELECT plaats FROM organisatie WHERE plaats IS NOT NULL`,
    )
    .map((r) => r.n);
}

/** An item's name for a message (a relatie: its kind); '' when it is not there. */
export function itemNaam(db: ProjectDb, soort: EntiteitSoort, id: number): string {
  // Fixed statements per kind: `soort` comes over IPC and never becomes part of the SQL.
  const sql =
    soort === 'organisatie'
      ? 'SELECT naam FROM organisatie WHERE id = ?'
      : soort === 'voorziening'
        ? 'SELECT naam FROM voorziening WHERE id = ?'
        : 'SELECT soort FROM relatie WHERE id = ?';
  const v = db.value(sql, [id]);
  return typeof v === 'string' ? v : '';
}
