/**
 * A project file with a network of the size asked for (the Netwerk bench and the e2e test of a large map):
 * `orgs` organisations with one offer each (2 × orgs knopen) and `relaties` referrals between organisations, seeded.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectService } from '../../shared/service/project-service';
import { sha256, sql } from './db';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

export async function netwerkProject(dir: string, orgs: number, relaties: number): Promise<string> {
  const s = createProjectService({ SQL: await sql(), sha256 });
  const naam = `Bench ${orgs * 2}`;
  unwrap(await s.createProject(naam));
  const sectors = ['Welzijn', 'Zorg', 'Gemeente en wijkteam', 'Informeel', 'Wonen'];
  const nr = (i: number) => String(i).padStart(5, '0');
  const rows = ['Naam organisatie;Soort;Naam aanbod;Leefgebied(en);Collectief / individueel;Toegang'];
  for (let i = 0; i < orgs; i++) {
    rows.push(
      `Organisatie ${nr(i)};${sectors[i % 5]};Aanbod ${nr(i)};Welzijn;${i % 3 ? 'collectief' : 'individueel'};vrij toegankelijk`,
    );
  }
  unwrap(await s.importPartners({ name: 'p.csv', bytes: new TextEncoder().encode(rows.join('\n')) }, {}));
  // mulberry32 (an LCG in doubles loses precision above 2^53 and cycles: the loop below then never ends).
  let seed = 7;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rel = ['Van;Naar;Aantal;Periode;Soort'];
  const gezien = new Set<string>();
  while (rel.length <= relaties) {
    const a = Math.floor(rnd() * orgs);
    const b = (a + 1 + Math.floor(rnd() * 60)) % orgs;
    const soort = rel.length % 3 ? 'verwijzing' : 'samenwerking';
    const key = `${a}-${b}-${soort}`;
    if (gezien.has(key)) continue;
    gezien.add(key);
    rel.push(`Organisatie ${nr(a)};Organisatie ${nr(b)};${1 + Math.floor(rnd() * 60)};2024;${soort}`);
  }
  // In parts of 2,500 rows (one import of 17,500 rows takes very long).
  const kop = rel[0]!;
  for (let i = 1; i < rel.length; i += 2500) {
    const deel = [kop, ...rel.slice(i, i + 2500)];
    unwrap(
      await s.importRelaties(
        { name: `r${i}.csv`, bytes: new TextEncoder().encode(deel.join('\n')) },
        { foutenOverslaan: true },
      ),
    );
  }
  const path = join(dir, `${naam}.wijkweb`);
  writeFileSync(path, unwrap(await s.exportProject()));
  return path;
}
