import type { ProjectDb } from '../connection';
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
        `SELECT w.indicator_sleutel AS sleutel, w.waarde, w.status, b.bestandsnaam, b.geimporteerd_op
         FROM indicator_waarde w JOIN gebied g ON g.id = w.gebied_id JOIN bron b ON b.id = w.bron_id
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
    'SELECT sleutel, label, eenheid, canoniek FROM indicator ORDER BY canoniek DESC, rowid',
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
  const rows = db.all<{ code: string; naam: string; niveau: GebiedRow['niveau']; jaar: number | null }>(
    `SELECT code, naam, niveau, jaar FROM gebied WHERE jaar IS NOT NULL AND naam <> code
     ORDER BY CASE WHEN jaar = ? THEN 0 ELSE 1 END, jaar DESC`,
    [jaar ?? 0],
  );
  const index = new Map<string, { code: string; niveau: GebiedRow['niveau'] }[]>();
  for (const r of rows) {
    const key = normalise(r.naam);
    const list = index.get(key) ?? [];
    if (!list.some((e) => e.code === r.code)) list.push({ code: r.code, niveau: r.niveau });
    index.set(key, list);
  }
  return (naam: string, niveau: GebiedRow['niveau'] | null) => {
    const all = index.get(normalise(naam)) ?? [];
    const fitting = niveau ? all.filter((e) => e.niveau === niveau) : all;
    if (fitting.length === 1) return { code: fitting[0]!.code };
    if (fitting.length > 1) return { kandidaten: fitting.map((e) => e.code) };
    return null;
  };
}
