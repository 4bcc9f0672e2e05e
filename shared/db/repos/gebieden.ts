import type { ProjectDb } from '../connection';
import { bewaard } from './versies';
import { DERIVED, share } from '../../model/derived';

export interface GebiedRow {
  readonly code: string;
  readonly naam: string;
  readonly niveau: 'land' | 'gemeente' | 'wijk' | 'buurt' | 'eigen';
  readonly ouderCode: string | null;
  readonly jaar: number | null;
}

export function listJaren(db: ProjectDb): number[] {
  return db
    .all<{ jaar: number }>('SELECT DISTINCT jaar FROM gebied WHERE jaar IS NOT NULL ORDER BY jaar DESC')
    .map((r) => r.jaar);
}

export function listGebieden(db: ProjectDb, jaar: number): GebiedRow[] {
  return db
    .all<{ code: string; naam: string; niveau: GebiedRow['niveau']; ouder: string | null; jaar: number | null }>(
      `SELECT g.code, g.naam, g.niveau, o.code AS ouder, g.jaar FROM gebied g LEFT JOIN gebied o ON o.id = g.ouder_id
       WHERE g.jaar = ? ORDER BY CASE g.niveau WHEN 'land' THEN 0 WHEN 'gemeente' THEN 1 WHEN 'wijk' THEN 2 ELSE 3 END, g.code`,
      [jaar],
    )
    .map((r) => ({ code: r.code, naam: r.naam, niveau: r.niveau, ouderCode: r.ouder, jaar: r.jaar }));
}

export interface ProfielRij {
  readonly sleutel: string;
  readonly label: string;
  readonly eenheid: string | null;
  readonly canoniek: boolean;
  readonly waarde: number | null;
  readonly status: 'ok' | 'ontbreekt' | 'geheim';
  readonly gemeente: number | null;
  readonly vorigJaar: { readonly jaar: number; readonly waarde: number | null } | null;
  readonly bron: { readonly bestandsnaam: string | null; readonly geimporteerdOp: string };
  readonly definitie?: string;
}

export interface GebiedProfiel {
  readonly gebied: GebiedRow;
  readonly gemeente: { readonly code: string; readonly naam: string } | null;
  readonly vorigJaar: number | null;
  /** True when this code did not exist in the previous year: the indeling changed. */
  readonly nieuwInIndeling: boolean;
  readonly rijen: readonly ProfielRij[];
  readonly afgeleid: readonly ProfielRij[];
}

type ValueRow = {
  sleutel: string;
  waarde: number | null;
  status: ProfielRij['status'];
  bestandsnaam: string | null;
  geimporteerd_op: string;
};

function values(db: ProjectDb, code: string, jaar: number): Map<string, ValueRow> {
  return new Map(
    db
      .all<ValueRow>(
        `SELECT i.sleutel, w.waarde,
                CASE w.status WHEN 0 THEN 'ok' WHEN 2 THEN 'geheim' ELSE 'ontbreekt' END AS status,
                b.bestandsnaam, b.geimporteerd_op
         FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id JOIN bron b ON b.id = w.bron_id
         JOIN indicator i ON i.id = w.indicator_id
         WHERE g.code = ? AND g.jaar = ? AND w.jaar = ?`,
        [code, jaar, jaar],
      )
      .map((r) => [r.sleutel, r]),
  );
}

/** A gebied's key figures against its gemeente and the previous year, each with its bron. */
export function gebiedProfiel(db: ProjectDb, code: string, jaar: number): GebiedProfiel | null {
  const g = db.get<{
    code: string;
    naam: string;
    niveau: GebiedRow['niveau'];
    ouder: string | null;
    jaar: number | null;
  }>(
    `SELECT g.code, g.naam, g.niveau, o.code AS ouder, g.jaar FROM gebied g LEFT JOIN gebied o ON o.id = g.ouder_id
     WHERE g.code = ? AND g.jaar = ?`,
    [code, jaar],
  );
  if (!g) return null;
  const gmCode = g.niveau === 'land' ? null : `GM${code.slice(2, 6)}`;
  const gm = gmCode
    ? db.get<{ code: string; naam: string }>('SELECT code, naam FROM gebied WHERE code = ? AND jaar = ?', [
        gmCode,
        jaar,
      ])
    : undefined;
  const vorig = db.value('SELECT max(jaar) FROM gebied WHERE jaar < ? AND niveau = ?', [jaar, g.niveau]);
  const vorigJaar = typeof vorig === 'number' ? vorig : null;
  const nieuwInIndeling =
    vorigJaar !== null && db.value('SELECT 1 FROM gebied WHERE code = ? AND jaar = ?', [code, vorigJaar]) === undefined;
  const own = values(db, code, jaar);
  const gemeente = gm ? values(db, gm.code, jaar) : new Map<string, ValueRow>();
  const previous = vorigJaar !== null && !nieuwInIndeling ? values(db, code, vorigJaar) : new Map<string, ValueRow>();
  const defs = db.all<{ sleutel: string; label: string; eenheid: string | null; canoniek: number }>(
    'SELECT sleutel, label, eenheid, canoniek FROM indicator ORDER BY canoniek DESC, id',
  );
  const rijen: ProfielRij[] = [];
  for (const d of defs) {
    const v = own.get(d.sleutel);
    if (!v) continue;
    const p = previous.get(d.sleutel);
    rijen.push({
      sleutel: d.sleutel,
      label: d.label,
      eenheid: d.eenheid,
      canoniek: d.canoniek === 1,
      waarde: v.waarde,
      status: v.status,
      gemeente: gemeente.get(d.sleutel)?.waarde ?? null,
      vorigJaar: p && vorigJaar !== null ? { jaar: vorigJaar, waarde: p.waarde } : null,
      bron: { bestandsnaam: v.bestandsnaam, geimporteerdOp: v.geimporteerd_op },
    });
  }
  const afgeleid: ProfielRij[] = [];
  for (const d of DERIVED) {
    const t = own.get(d.teller);
    const n = own.get(d.noemer);
    if (!t || !n) continue;
    const pt = previous.get(d.teller);
    const pn = previous.get(d.noemer);
    afgeleid.push({
      sleutel: d.sleutel,
      label: d.label,
      eenheid: '%',
      canoniek: true,
      waarde: share(t.waarde, n.waarde),
      status:
        t.status === 'ok' && n.status === 'ok'
          ? 'ok'
          : t.status === 'geheim' || n.status === 'geheim'
            ? 'geheim'
            : 'ontbreekt',
      gemeente: share(gemeente.get(d.teller)?.waarde, gemeente.get(d.noemer)?.waarde),
      vorigJaar: pt && pn && vorigJaar !== null ? { jaar: vorigJaar, waarde: share(pt.waarde, pn.waarde) } : null,
      bron: { bestandsnaam: t.bestandsnaam, geimporteerdOp: t.geimporteerd_op },
      definitie: d.definitie,
    });
  }
  return {
    gebied: { code: g.code, naam: g.naam, niveau: g.niveau, ouderCode: g.ouder, jaar: g.jaar },
    gemeente: gm ?? null,
    vorigJaar,
    nieuwInIndeling,
    rijen,
    afgeleid,
  };
}

/**
 * A lookup from region name to CBS code, built from the gebieden in the project (the given year first).
 * Ambiguous names return their candidates: the import then asks, it never guesses.
 */
export function nameResolver(db: ProjectDb, jaar: number | undefined, normalise: (s: string) => string) {
  // Kept while the gebieden stay the same: with several years of the whole country these are ~100,000 rows.
  const byNormalise = bewaard(
    db,
    'gebied',
    `namen|${jaar ?? ''}`,
    () => new WeakMap<(s: string) => string, Map<string, { code: string; niveau: GebiedRow['niveau'] }[]>>(),
  );
  let index = byNormalise.get(normalise);
  if (!index) byNormalise.set(normalise, (index = nameIndex(db, jaar, normalise)));
  const names = index;
  return (naam: string, niveau: GebiedRow['niveau'] | null) => {
    const all = names.get(normalise(naam)) ?? [];
    const fitting = niveau ? all.filter((e) => e.niveau === niveau) : all;
    if (fitting.length === 1) return { code: fitting[0]!.code };
    if (fitting.length > 1) return { kandidaten: fitting.map((e) => e.code) };
    return null;
  };
}

/** "Wijk 02 " before a wijk's name in CBS's kerncijfers. */
const WIJK_NUMMER = /^wijk\s+\d+\s+/i;

/**
 * Normalised name → the codes it names, those of `jaar` first, then newest first. One row per code and spelling (the
 * same name every year is one row, in the order of its best year), so the names are normalised once, not per year.
 */
function nameIndex(db: ProjectDb, jaar: number | undefined, normalise: (s: string) => string) {
  const rows = db.all<{ code: string; naam: string; niveau: GebiedRow['niveau'] }>(
    `SELECT code, naam, niveau FROM gebied WHERE jaar IS NOT NULL AND naam <> code
     GROUP BY code, naam, niveau
     ORDER BY min(CASE WHEN jaar = ? THEN 0 ELSE 1 END), max(jaar) DESC, min(id)`,
    [jaar ?? 0],
  );
  const index = new Map<string, { code: string; niveau: GebiedRow['niveau'] }[]>();
  const voeg = (naam: string, r: { code: string; niveau: GebiedRow['niveau'] }) => {
    const key = normalise(naam);
    const list = index.get(key);
    if (!list) index.set(key, [{ code: r.code, niveau: r.niveau }]);
    else if (!list.some((e) => e.code === r.code)) list.push({ code: r.code, niveau: r.niveau });
  };
  for (const r of rows) {
    voeg(r.naam, r);
    // The kerncijfers name a wijk "Wijk 02 Boswinkel - Stadsveld", a partner list "Boswinkel - Stadsveld": both.
    const kort = r.niveau === 'wijk' ? r.naam.replace(WIJK_NUMMER, '') : r.naam;
    if (kort && kort !== r.naam) voeg(kort, r);
  }
  return index;
}

/** An eigen gebied: a set of buurten (or wijken) of one year's division, e.g. a gebiedsteam's werkgebied. */
export function createEigenGebied(
  db: ProjectDb,
  naam: string,
  leden: readonly string[],
  jaar: number,
  bronNow: string,
): GebiedRow {
  const base = `EG_${naam
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)}`;
  let code = base;
  for (let n = 2; db.value('SELECT 1 FROM gebied WHERE code = ? AND jaar IS NULL', [code]) !== undefined; n++)
    code = `${base}_${n}`;
  return db.transaction(() => {
    db.run("INSERT INTO bron (soort, omschrijving, geimporteerd_op) VALUES ('handmatig', ?, ?)", [
      `Eigen gebied ${naam}`,
      bronNow,
    ]);
    const bronId = Number(db.value('SELECT last_insert_rowid()'));
    db.run("INSERT INTO gebied (code, naam, niveau, jaar, bron_id) VALUES (?, ?, 'eigen', NULL, ?)", [
      code,
      naam,
      bronId,
    ]);
    const id = Number(db.value('SELECT last_insert_rowid()'));
    const add = db.raw.prepare(
      'INSERT OR IGNORE INTO gebied_lid (gebied_id, lid_id) SELECT ?, id FROM gebied WHERE code = ? AND jaar = ?',
    );
    for (const lid of leden) add.run([id, lid, jaar]);
    add.free();
    return { code, naam, niveau: 'eigen', ouderCode: null, jaar: null };
  });
}

export function listEigenGebieden(db: ProjectDb): (GebiedRow & { leden: string[] })[] {
  const rows = db.all<{ id: number; code: string; naam: string }>(
    "SELECT id, code, naam FROM gebied WHERE niveau = 'eigen' ORDER BY naam",
  );
  return rows.map((r) => ({
    code: r.code,
    naam: r.naam,
    niveau: 'eigen' as const,
    ouderCode: null,
    jaar: null,
    leden: db
      .all<{ code: string }>(
        'SELECT DISTINCT g.code FROM gebied_lid l JOIN gebied g ON g.id = l.lid_id WHERE l.gebied_id = ? ORDER BY g.code',
        [r.id],
      )
      .map((x) => x.code),
  }));
}

/**
 * Figures of an eigen gebied in a year: counts summed over its members, averages weighted ("gewogen"), shares
 * recomputed from the sums; figures that cannot be added up (percentages, distances) are marked as such.
 * A sum with a missing or secret member is not shown as a total: it would be too low.
 */
export function eigenGebiedProfiel(db: ProjectDb, code: string, jaar: number): GebiedProfiel | null {
  const g = db.get<{ id: number; naam: string }>("SELECT id, naam FROM gebied WHERE code = ? AND niveau = 'eigen'", [
    code,
  ]);
  if (!g) return null;
  const leden = db
    .all<{ code: string }>(
      'SELECT DISTINCT lg.code FROM gebied_lid l JOIN gebied lg ON lg.id = l.lid_id WHERE l.gebied_id = ?',
      [g.id],
    )
    .map((r) => r.code);
  const defs = db.all<{
    sleutel: string;
    label: string;
    eenheid: string | null;
    canoniek: number;
    optellen: string;
    gewicht_sleutel: string | null;
  }>('SELECT sleutel, label, eenheid, canoniek, optellen, gewicht_sleutel FROM indicator ORDER BY canoniek DESC, id');
  const perLid = leden.map((c) => values(db, c, jaar));
  const anyBron = perLid.flatMap((m) => [...m.values()])[0];
  const sum = (sleutel: string): { waarde: number | null; status: ProfielRij['status'] } => {
    let total = 0;
    let status: ProfielRij['status'] = 'ok';
    for (const m of perLid) {
      const v = m.get(sleutel);
      if (!v || v.status !== 'ok' || v.waarde === null) {
        status = v?.status === 'geheim' ? 'geheim' : 'ontbreekt';
        continue;
      }
      total += v.waarde;
    }
    return { waarde: status === 'ok' && perLid.length > 0 ? total : null, status };
  };
  const rijen: ProfielRij[] = [];
  const sums = new Map<string, number | null>();
  for (const d of defs) {
    if (!perLid.some((m) => m.has(d.sleutel))) continue;
    let waarde: number | null = null;
    let status: ProfielRij['status'] = 'ok';
    let definitie: string | undefined;
    if (d.optellen === 'som') {
      ({ waarde, status } = sum(d.sleutel));
      sums.set(d.sleutel, waarde);
      definitie = 'Opgeteld over de buurten van dit gebied.';
    } else if (d.optellen === 'gewogen' && d.gewicht_sleutel) {
      let num = 0;
      let den = 0;
      for (const m of perLid) {
        const v = m.get(d.sleutel);
        const w = m.get(d.gewicht_sleutel);
        if (!v || !w || v.waarde === null || w.waarde === null) {
          status = 'ontbreekt';
          continue;
        }
        num += v.waarde * w.waarde;
        den += w.waarde;
      }
      waarde = status === 'ok' && den > 0 ? num / den : null;
      definitie = `Gewogen gemiddelde van de buurten (gewicht: ${d.gewicht_sleutel}).`;
    } else {
      status = 'ontbreekt';
      definitie = 'Dit cijfer kun je niet optellen over buurten (bijvoorbeeld een percentage of een afstand).';
    }
    rijen.push({
      sleutel: d.sleutel,
      label: d.label,
      eenheid: d.eenheid,
      canoniek: d.canoniek === 1,
      waarde,
      status,
      gemeente: null,
      vorigJaar: null,
      bron: { bestandsnaam: anyBron?.bestandsnaam ?? null, geimporteerdOp: anyBron?.geimporteerd_op ?? '' },
      definitie,
    });
  }
  const afgeleid: ProfielRij[] = DERIVED.filter((d) => sums.has(d.teller) && sums.has(d.noemer)).map((d) => ({
    sleutel: d.sleutel,
    label: d.label,
    eenheid: '%',
    canoniek: true,
    waarde: share(sums.get(d.teller), sums.get(d.noemer)),
    status: share(sums.get(d.teller), sums.get(d.noemer)) === null ? 'ontbreekt' : 'ok',
    gemeente: null,
    vorigJaar: null,
    bron: { bestandsnaam: anyBron?.bestandsnaam ?? null, geimporteerdOp: anyBron?.geimporteerd_op ?? '' },
    definitie: `${d.definitie} Berekend uit de opgetelde aantallen.`,
  }));
  return {
    gebied: { code, naam: g.naam, niveau: 'eigen', ouderCode: null, jaar: null },
    gemeente: null,
    vorigJaar: null,
    nieuwInIndeling: false,
    rijen,
    afgeleid,
  };
}

/** The newest buurt, wijk or gemeente with this code (name and level), or null. */
export function gebiedOpCode(db: ProjectDb, code: string): { naam: string; niveau: GebiedRow['niveau'] } | null {
  return (
    db.get<{ naam: string; niveau: GebiedRow['niveau'] }>(
      `SELECT naam, niveau FROM gebied WHERE code = ? AND niveau IN ('buurt', 'wijk', 'gemeente') ORDER BY jaar DESC LIMIT 1`,
      [code],
    ) ?? null
  );
}

/** The buurt codes of a wijk or gemeente (WK…/GM…) in a year's division (any year when null). */
export function buurtenIn(db: ProjectDb, code: string, jaar: number | null): string[] {
  const sql = code.startsWith('GM')
    ? `SELECT code FROM gebied WHERE niveau = 'buurt' AND substr(code, 3, 4) = ? AND (? IS NULL OR jaar = ?)`
    : `SELECT b.code FROM gebied b JOIN gebied w ON w.id = b.ouder_id WHERE w.code = ? AND b.niveau = 'buurt'
       AND (? IS NULL OR b.jaar = ?)`;
  const key = code.startsWith('GM') ? code.slice(2, 6) : code;
  return db.all<{ code: string }>(sql, [key, jaar, jaar]).map((r) => r.code);
}

/** The wijk a buurt belongs to (its newest division), or null. */
export function wijkVan(db: ProjectDb, buurt: string): string | null {
  return (
    db.get<{ code: string }>(
      `SELECT w.code FROM gebied b JOIN gebied w ON w.id = b.ouder_id WHERE b.code = ? ORDER BY b.jaar DESC LIMIT 1`,
      [buurt],
    )?.code ?? null
  );
}

/** The row id of an eigen gebied (its code has no year). */
export function eigenGebiedId(db: ProjectDb, code: string): number {
  return Number(db.value('SELECT id FROM gebied WHERE code = ? AND jaar IS NULL', [code]));
}

/** "Naam (code)" of a gebied by its id, for messages; the id itself when it is not there. */
export function gebiedLabel(db: ProjectDb, id: number): string {
  const g = db.get<{ code: string; naam: string }>('SELECT code, naam FROM gebied WHERE id = ?', [id]);
  return g ? `${g.naam} (${g.code})` : String(id);
}
