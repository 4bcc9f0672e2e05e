import { readHead } from './sheet';
import { fileKind } from './sheet';
import type { ImportFile } from './types';
import { cellText, headerKey } from './partners/table';

export type ImportSoort = 'cijfers' | 'partners' | 'relaties' | 'postcodes' | 'geo';

const PARTNER_HINTS =
  /^(naam( organisatie)?|organisatie( naam)?|organisatienaam|aanbieder|partner|instelling|(naam )?aanbod|voorziening|postcode|website|e ?mail.*|tel.*|telefoon.*|leefgebied.*|doelgroep.*|adres|soort|collectief.*|toegang|plaats|buurt( ?code)?)$/;

/**
 * What kind of file this is, from its first rows: a map (GeoPackage, GeoJSON, TopoJSON), the CBS postcode table (PC6 + Buurt2023), a list of referrals
 * (Van + Naar), a partner list (a name column and two or more other partner columns), or else figures (CBS or
 * Cognos, which their own importers tell apart).
 */
export function sniffImport(file: ImportFile): ImportSoort {
  // A GeoPackage is an SQLite file; GeoJSON and TopoJSON say what they are in their first bytes.
  const head = new TextDecoder().decode(file.bytes.subarray(0, 4096));
  if (head.startsWith('SQLite format 3') || /\.gpkg$/i.test(file.name)) return 'geo';
  if (fileKind(file.bytes, file.name) === 'json') {
    return /"type"\s*:\s*"(Topology|FeatureCollection)"/.test(head) ? 'geo' : 'cijfers';
  }
  let sheets;
  try {
    sheets = readHead(file.bytes, file.name);
  } catch {
    return 'cijfers';
  }
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const keys = row.map((c) => headerKey(cellText(c))).filter(Boolean);
      if (keys.length < 2) continue;
      if (
        keys.some((k) => /^(pc6|postcode)$/.test(k)) &&
        keys.some((k) => /^buurt( ?code)? ?\d{4}$|^buurt\d{4}$/.test(k))
      ) {
        return 'postcodes';
      }
      if (
        keys.some((k) => /^(van|van naam|verwijzer|verwezen door)$/.test(k)) &&
        keys.some((k) => /^(naar|naar naam|verwezen naar)$/.test(k))
      ) {
        return 'relaties';
      }
      const hints = keys.filter((k) => PARTNER_HINTS.test(k));
      const hasName = keys.some((k) =>
        /^(naam( organisatie)?|organisatie( naam)?|organisatienaam|aanbieder|partner|instelling)$/.test(k),
      );
      if (hasName && hints.length >= 3) return 'partners';
    }
  }
  return 'cijfers';
}
