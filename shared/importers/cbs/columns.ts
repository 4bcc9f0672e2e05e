/** What Wijkweb knows about CBS column names (data/cbs/*.json), as lookups. */
import kolommen from '../../../data/cbs/kolommen.json';
import topics from '../../../data/cbs/statline-topics.json';

export type Optellen = 'som' | 'gewogen' | 'niet';

export interface CanonicalIndicator {
  readonly sleutel: string;
  readonly label: string;
  readonly eenheid: string;
  readonly optellen: Optellen;
  readonly gewicht?: string;
}

interface CanonDef {
  label: string;
  eenheid: string;
  optellen: string;
  gewicht?: string;
  statline: string[];
  kwb: string[];
  labels: string[];
}

const canon = kolommen.canoniek as Record<string, CanonDef>;
export const CANONICAL: readonly CanonicalIndicator[] = Object.entries(canon).map(([sleutel, d]) => ({
  sleutel,
  label: d.label,
  eenheid: d.eenheid,
  optellen: d.optellen as Optellen,
  ...(d.gewicht ? { gewicht: d.gewicht } : {}),
}));

export type Dialect = 'statline' | 'kwb' | 'labels';
export type RegionRole = 'code' | 'naam' | 'gemeentenaam' | 'soort' | 'periode';

function index(dialect: Dialect) {
  const norm = (s: string) => (dialect === 'statline' ? s : s.toLowerCase());
  const canonical = new Map<string, string>();
  for (const [sleutel, d] of Object.entries(canon)) for (const n of d[dialect]) canonical.set(norm(n), sleutel);
  const region = new Map<string, RegionRole>();
  for (const [role, d] of Object.entries(kolommen.regio))
    for (const n of d[dialect]) region.set(norm(n), role as RegionRole);
  const skip = new Set(kolommen.overslaan[dialect].map(norm));
  return { canonical, region, skip };
}

export const DIALECTS: Readonly<Record<Dialect, ReturnType<typeof index>>> = {
  statline: index('statline'),
  kwb: index('kwb'),
  labels: index('labels'),
};

export function canonicalByKey(sleutel: string): CanonicalIndicator | undefined {
  return CANONICAL.find((c) => c.sleutel === sleutel);
}

interface Topic {
  titel: string;
  eenheid: string | null;
  decimalen: number | null;
  groep?: string;
}

const TOPICS = topics.topics as Record<string, Topic>;

/** Title and unit of a StatLine key stem (e.g. "Mannen"), from the 2024 DataProperties shipped in data/cbs. */
export function statlineTopic(stem: string): Topic | undefined {
  return Object.hasOwn(TOPICS, stem) ? TOPICS[stem] : undefined;
}

const KWB_LABELS = kolommen.kwb_labels as Record<string, string[]>;

export function kwbLabel(code: string): { titel: string; eenheid: string } | undefined {
  const entry = Object.hasOwn(KWB_LABELS, code) ? KWB_LABELS[code] : undefined;
  return entry ? { titel: entry[0] ?? code, eenheid: entry[1] ?? '' } : undefined;
}

/** Whether values of a unit can be summed over buurten. */
export function optellenVoorEenheid(eenheid: string | null | undefined): Optellen {
  return eenheid && /^aantal$/i.test(eenheid.trim()) ? 'som' : 'niet';
}

/** StatLine table ids of "Kerncijfers wijken en buurten" per year. */
export const KWB_TABLES: Readonly<Record<string, number>> = {
  '83220NED': 2015,
  '83487NED': 2016,
  '83765NED': 2017,
  '84286NED': 2018,
  '84583NED': 2019,
  '84799NED': 2020,
  '85039NED': 2021,
  '85318NED': 2022,
  '85618NED': 2023,
  '85984NED': 2024,
};
