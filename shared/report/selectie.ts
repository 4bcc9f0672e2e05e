/**
 * The report's gebieden resolved: buurten, wijken, a gemeente or eigen gebieden, with the buurten they cover and the
 * codes an offer may name to serve them; the CBS year of the peildatum.
 */
import type { ProjectDb } from '../db/connection';
import { AppException } from '../result';
import { buurtenIn, gebiedOpCode, listEigenGebieden, listJaren, wijkVan } from '../db/repos/gebieden';
import type { Selectie } from './sections/types';

function kiesJaar(db: ProjectDb, peildatum: string): number | null {
  const jaren = listJaren(db);
  const jaar = Number(peildatum.slice(0, 4));
  return jaren.find((j) => j <= jaar) ?? jaren[jaren.length - 1] ?? null;
}

export function selectie(db: ProjectDb, codes: readonly string[], peildatum: string): Selectie {
  if (codes.length === 0) throw new AppException('rapport.geen-gebied');
  const jaar = kiesJaar(db, peildatum);
  const eigen = new Map(listEigenGebieden(db).map((e) => [e.code, e]));
  const gekozen: { code: string; naam: string }[] = [];
  const buurten = new Set<string>();
  const alle = new Set<string>();
  const voeg = (code: string) => {
    alle.add(code);
    if (code.startsWith('BU')) buurten.add(code);
    else if (code.startsWith('WK')) for (const b of buurtenIn(db, code, jaar)) buurten.add(b);
  };
  for (const code of codes) {
    const e = eigen.get(code);
    if (e) {
      gekozen.push({ code, naam: e.naam });
      e.leden.forEach(voeg);
      continue;
    }
    const g = gebiedOpCode(db, code);
    if (!g) throw new AppException('rapport.onbekend-gebied', { code });
    gekozen.push({ code, naam: g.naam });
    if (g.niveau === 'gemeente') for (const b of buurtenIn(db, code, jaar)) voeg(b);
    else voeg(code);
  }
  const bedient = new Set<string>([...alle, ...buurten]);
  for (const b of buurten) {
    bedient.add(`GM${b.slice(2, 6)}`);
    const w = wijkVan(db, b);
    if (w) bedient.add(w);
  }
  return { jaar, gekozen, buurten, codes: [...alle], bedient };
}
