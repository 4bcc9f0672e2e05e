import type { ProjectDb } from '../connection';

/** The provenance of an import: one `bron` row. */
export interface NieuweBron {
  readonly soort: 'partners' | 'relaties' | 'postcodes' | 'geo';
  readonly bestandsnaam: string;
  readonly sha256: string;
  readonly omschrijving: string;
  readonly geimporteerdOp: string;
  readonly rijenGelezen: number;
  readonly rijenGeimporteerd: number;
  readonly rijenOvergeslagen?: number;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function insertBron(db: ProjectDb, b: NieuweBron): number {
  db.run(
    `INSERT INTO bron (soort, bestandsnaam, sha256, omschrijving, geimporteerd_op, rijen_gelezen, rijen_geimporteerd,
       rijen_overgeslagen, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      b.soort,
      b.bestandsnaam,
      b.sha256,
      b.omschrijving,
      b.geimporteerdOp,
      b.rijenGelezen,
      b.rijenGeimporteerd,
      b.rijenOvergeslagen ?? 0,
      JSON.stringify(b.details ?? {}),
    ],
  );
  return Number(db.value('SELECT last_insert_rowid()'));
}

/** When this exact file (by its sha256) was imported before as this kind, or null. */
export function eerderGeimporteerd(db: ProjectDb, soort: NieuweBron['soort'], sha256: string): string | null {
  const v = db.value('SELECT geimporteerd_op FROM bron WHERE sha256 = ? AND soort = ? ORDER BY id DESC LIMIT 1', [
    sha256,
    soort,
  ]);
  return typeof v === 'string' ? v : null;
}
