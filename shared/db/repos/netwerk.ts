import type { ProjectDb } from '../connection';
import type { KnoopPositie, NetwerkData, NetwerkKnoop, NetwerkRelatie } from '../../analysis/types';
import { listRelaties, listVoorzieningen } from './sociale-kaart';
import { berekenHiaten } from '../../analysis/hiaten';
import { loadHiatenInput, loadHiatenInstellingen } from './hiaten';

/** Names that mark a first-line organisation when its soort does not say so. */
const EERSTE_LIJN = /\b(wijkteam|buurtteam|gebiedsteam|sociaal team|huisarts|huisartsen|wijkwijzer|wijkcoach)/i;

/** Everything the Netwerk view and the analysis need, in one read. */
export function loadNetwerk(db: ProjectDb): NetwerkData {
  const labels: Record<string, Record<string, string>> = {};
  const eersteLijnSoort = new Set<string>();
  for (const t of db.all<{ taxonomie: string; code: string; label: string; eigenschappen: string }>(
    'SELECT taxonomie, code, label, eigenschappen FROM taxonomie_item ORDER BY taxonomie, volgorde',
  )) {
    (labels[t.taxonomie] ??= {})[t.code] = t.label;
    if (t.taxonomie === 'soort_organisatie' && (JSON.parse(t.eigenschappen) as { eersteLijn?: boolean }).eersteLijn) {
      eersteLijnSoort.add(t.code);
    }
  }
  // Gebieden by code (the newest year of each code), with their wijk.
  const gebieden: Record<string, { naam: string; niveau: 'wijk' | 'buurt'; wijk: string | null }> = {};
  for (const g of db.all<{ code: string; naam: string; niveau: 'wijk' | 'buurt'; ouder: string | null }>(
    `SELECT g.code, g.naam, g.niveau, o.code AS ouder FROM gebied g LEFT JOIN gebied o ON o.id = g.ouder_id
     WHERE g.niveau IN ('wijk', 'buurt') ORDER BY g.jaar`,
  )) {
    gebieden[g.code] = { naam: g.naam, niveau: g.niveau, wijk: g.niveau === 'buurt' ? g.ouder : g.code };
  }
  const wijkOf = (buurt: string | null) => (buurt ? (gebieden[buurt]?.wijk ?? null) : null);

  const knopen: NetwerkKnoop[] = [];
  const orgs = db.all<{ id: number; naam: string; soort: string | null; buurt: string | null }>(
    `SELECT o.id, o.naam, o.soort, g.code AS buurt FROM organisatie o LEFT JOIN gebied g ON g.id = o.gebied_id
     ORDER BY o.id`,
  );
  const orgSector = new Map<number, string | null>();
  for (const o of orgs) {
    orgSector.set(o.id, o.soort);
    knopen.push({
      id: `o${o.id}`,
      soort: 'organisatie',
      refId: o.id,
      naam: o.naam,
      sector: o.soort,
      leefgebieden: [],
      doelgroepen: [],
      collectief: null,
      vrijToegankelijk: null,
      status: null,
      startdatum: null,
      einddatum: null,
      buurtCode: o.buurt,
      wijkCode: wijkOf(o.buurt),
      werkgebied: [],
      eersteLijn: (o.soort !== null && eersteLijnSoort.has(o.soort)) || EERSTE_LIJN.test(o.naam),
      niveau: null,
    });
  }
  const relaties: NetwerkRelatie[] = [];
  const vzs = listVoorzieningen(db);
  for (const v of vzs) {
    const buurt = v.locatieBuurtCode;
    knopen.push({
      id: `v${v.id}`,
      soort: 'voorziening',
      refId: v.id,
      naam: v.naam,
      sector: v.organisatieId !== null ? (orgSector.get(v.organisatieId) ?? null) : null,
      leefgebieden: v.leefgebieden,
      doelgroepen: v.doelgroepen,
      collectief: v.collectief,
      vrijToegankelijk: v.vrijToegankelijk,
      status: v.status,
      startdatum: v.startdatum,
      einddatum: v.einddatum,
      buurtCode: buurt,
      wijkCode: wijkOf(buurt),
      werkgebied: v.werkgebied,
      eersteLijn: false,
      niveau: null,
    });
    if (v.organisatieId !== null) {
      relaties.push({
        id: `a${v.id}`,
        relatieId: null,
        bron: `o${v.organisatieId}`,
        doel: `v${v.id}`,
        soort: 'aanbod',
        gericht: true,
        volumes: [],
        startdatum: v.startdatum,
        einddatum: v.einddatum,
      });
    }
  }
  const perioden = new Set<string>();
  for (const r of listRelaties(db)) {
    for (const vol of r.volumes) perioden.add(`${vol.periodeStart}/${vol.periodeEind}`);
    relaties.push({
      id: `r${r.id}`,
      relatieId: r.id,
      bron: `${r.van.soort === 'organisatie' ? 'o' : 'v'}${r.van.id}`,
      doel: `${r.naar.soort === 'organisatie' ? 'o' : 'v'}${r.naar.id}`,
      soort: r.soort,
      gericht: r.gericht,
      volumes: r.volumes.map((x) => ({ start: x.periodeStart, eind: x.periodeEind, aantal: x.aantal })),
      startdatum: r.startdatum,
      einddatum: r.einddatum,
    });
  }
  // Gebied knopen: the buurten where something is located or that a voorziening serves, and their wijken.
  const used = new Set<string>();
  for (const k of knopen) {
    if (k.buurtCode && gebieden[k.buurtCode]) {
      used.add(k.buurtCode);
      relaties.push({ ...edgeBase, id: `l:${k.id}`, bron: k.id, doel: `g:${k.buurtCode}`, soort: 'locatie' });
    }
    for (const w of k.werkgebied) {
      if (!gebieden[w]) continue;
      used.add(w);
      relaties.push({ ...edgeBase, id: `w:${k.id}:${w}`, bron: k.id, doel: `g:${w}`, soort: 'werkgebied' });
    }
  }
  for (const code of [...used].sort()) {
    const g = gebieden[code]!;
    knopen.push({
      ...gebiedBase,
      id: `g:${code}`,
      naam: g.naam,
      buurtCode: g.niveau === 'buurt' ? code : null,
      wijkCode: g.wijk,
      niveau: g.niveau,
    });
  }
  markHiaten(db, knopen, gebieden);
  const posities = db
    .all<{ knoop: string; x: number; y: number; vast: number }>('SELECT knoop, x, y, vast FROM knoop_positie')
    .map((p): KnoopPositie => ({ knoop: p.knoop, x: p.x, y: p.y, vast: p.vast === 1 }));
  return { knopen, relaties, perioden: [...perioden].sort(), posities, labels, gebieden };
}

/** Marks the buurten with a gap, and the voorzieningen that could serve one (see NetwerkKnoop.hiaten). */
function markHiaten(
  db: ProjectDb,
  knopen: NetwerkKnoop[],
  gebieden: Readonly<Record<string, { readonly wijk: string | null }>>,
): void {
  const instellingen = loadHiatenInstellingen(db);
  const cellen = berekenHiaten(loadHiatenInput(db, instellingen), instellingen).filter(
    (c) => c.ernst === 'hiaat' || c.ernst === 'ernstig',
  );
  if (cellen.length === 0) return;
  const perBuurt = new Map<string, string[]>();
  for (const c of cellen) perBuurt.set(c.gebiedCode, [...(perBuurt.get(c.gebiedCode) ?? []), c.leefgebied]);
  knopen.forEach((k, i) => {
    if (k.soort === 'gebied' && k.buurtCode && perBuurt.has(k.buurtCode)) {
      knopen[i] = { ...k, hiaten: perBuurt.get(k.buurtCode)! };
    } else if (k.soort === 'voorziening') {
      const wijken = new Set([k.buurtCode, ...k.werkgebied].flatMap((c) => (c ? [gebieden[c]?.wijk ?? c] : [])));
      const kan = cellen
        .filter((c) => k.leefgebieden.includes(c.leefgebied) && wijken.has(gebieden[c.gebiedCode]?.wijk ?? ''))
        .map((c) => c.gebiedCode);
      if (kan.length) knopen[i] = { ...k, hiaten: [...new Set(kan)] };
    }
  });
}

const edgeBase = { relatieId: null, gericht: false, volumes: [], startdatum: null, einddatum: null } as const;
const gebiedBase = {
  soort: 'gebied',
  refId: null,
  sector: null,
  leefgebieden: [],
  doelgroepen: [],
  collectief: null,
  vrijToegankelijk: null,
  status: null,
  startdatum: null,
  einddatum: null,
  werkgebied: [],
  eersteLijn: false,
} as const;

/** Node positions the team pinned or the layout left: replaced as a whole set, not an undo step. */
export function saveKnoopPosities(db: ProjectDb, posities: readonly KnoopPositie[], vervangen: boolean): number {
  if (vervangen) db.run('DELETE FROM knoop_positie');
  for (const p of posities) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    db.run(
      `INSERT INTO knoop_positie (knoop, x, y, vast) VALUES (?, ?, ?, ?)
       ON CONFLICT (knoop) DO UPDATE SET x = excluded.x, y = excluded.y, vast = excluded.vast`,
      [p.knoop, p.x, p.y, p.vast ? 1 : 0],
    );
  }
  return posities.length;
}
