/**
 * The measures per knoop, one descriptor each (after Gephi Lite's metric descriptors): its id (the field of
 * `KnoopMetriek`), the catalogue keys of its name, short name and explanation (texts in `shared/i18n/netwerk.*.json`),
 * its parameters and compute, how it is shown and exported, and whether it can size or colour a knoop. The analysis,
 * the export, the Analyse table, the details, the size, ring and colour choices and the legend all read this list;
 * adding a measure is one descriptor here plus its texts in both catalogues.
 *
 * `compute` gets what the analysis computes once for all measures (the graphs, Brandes' BFS per source, the
 * communities, the cut structure), so betweenness and closeness still come from one shared BFS.
 */
import {
  clustering,
  degreeOf,
  eigenvector,
  inDegrees,
  pagerank,
  weightedDegrees,
  type Csr,
  type PathMetrics,
} from './metrics';

/** What the analysis computes once and every measure may read. */
export interface MetriekContext {
  /** Undirected, simple. */
  readonly g: Csr;
  /** Directed, weighted by volume. */
  readonly d: Csr;
  /** Brandes' BFS per source (possibly split over workers): betweenness, closeness. */
  readonly paden: PathMetrics;
  /** Seeded Louvain: each knoop's community (0 = the largest). */
  readonly communities: { readonly of: Int32Array };
  /** Articulation points (1/0). */
  readonly cut: { readonly articulation: Uint8Array };
}

/**
 * How a value is shown and exported:
 *  - `aantal`: a whole number, exported as is;
 *  - `volume`: at most one decimal, exported as is;
 *  - `centraliteit`: three decimals ("< 0,0001" for a tiny value), exported rounded to 1e-9;
 *  - `groep`: a group number, shown from 1 ("Groep 3"), exported from 0;
 *  - `jaNee`: yes or no, exported as 1/0.
 */
export type MetriekOpmaak = 'aantal' | 'volume' | 'centraliteit' | 'groep' | 'jaNee';

export interface MetriekDescriptor {
  readonly id: string;
  /** Catalogue keys: the name (choices, legend, details), the short name (table header), the explanation. */
  readonly label: string;
  readonly kort: string;
  readonly uitleg: string;
  /** The fixed parameters of the computation (documented here, passed to `compute`). */
  readonly params: Readonly<Record<string, number>>;
  /** One value per knoop of the graph (index as in `AnalyseGraphs.ids`). */
  readonly compute: (c: MetriekContext, params: Readonly<Record<string, number>>) => ArrayLike<number>;
  readonly opmaak: MetriekOpmaak;
  /** Can size a knoop ("Grootte volgens") and order the rings of the concentric layout. */
  readonly grootte: boolean;
  /** Can colour a knoop ("Kleur volgens"): a partition into groups. */
  readonly kleur: boolean;
  /** Column of `export P netwerk` (README "Exporttabellen"). */
  readonly kolom: string;
  /** Width of its column in the Analyse table (px). */
  readonly breedte: number;
}

const keys = <const Id extends string>(id: Id) =>
  ({
    id,
    label: `netwerk.metriek.${id}.naam`,
    kort: `netwerk.metriek.${id}.kort`,
    uitleg: `netwerk.metriek.${id}.uitleg`,
  }) as const;

const GEEN = {} as const;

/** In the order of the export columns. */
export const METRIEK_DESCRIPTORS = [
  {
    ...keys('degree'),
    params: GEEN,
    compute: (c) => Int32Array.from({ length: c.g.n }, (_, i) => degreeOf(c.g, i)),
    opmaak: 'aantal',
    grootte: true,
    kleur: false,
    kolom: 'degree',
    breedte: 105,
  },
  {
    ...keys('inDegree'),
    params: GEEN,
    compute: (c) => inDegrees(c.d),
    opmaak: 'aantal',
    grootte: true,
    kleur: false,
    kolom: 'in_degree',
    breedte: 105,
  },
  {
    ...keys('outDegree'),
    params: GEEN,
    compute: (c) => Int32Array.from({ length: c.d.n }, (_, i) => degreeOf(c.d, i)),
    opmaak: 'aantal',
    grootte: true,
    kleur: false,
    kolom: 'out_degree',
    breedte: 105,
  },
  {
    ...keys('gewogenDegree'),
    params: GEEN,
    compute: (c) => weightedDegrees(c.d),
    opmaak: 'volume',
    grootte: true,
    kleur: false,
    kolom: 'gewogen_degree',
    breedte: 120,
  },
  {
    ...keys('betweenness'),
    params: GEEN,
    compute: (c) => c.paden.betweenness,
    opmaak: 'centraliteit',
    grootte: true,
    kleur: false,
    kolom: 'betweenness',
    breedte: 120,
  },
  {
    ...keys('closeness'),
    params: GEEN,
    compute: (c) => c.paden.closeness,
    opmaak: 'centraliteit',
    grootte: true,
    kleur: false,
    kolom: 'closeness',
    breedte: 105,
  },
  {
    ...keys('pagerank'),
    params: { alpha: 0.85, tol: 1e-10, maxIter: 1000 },
    compute: (c, p) => pagerank(c.d, p.alpha, p.tol, p.maxIter),
    opmaak: 'centraliteit',
    grootte: true,
    kleur: false,
    kolom: 'pagerank',
    breedte: 105,
  },
  {
    ...keys('eigenvector'),
    params: { tol: 1e-10, maxIter: 2000 },
    compute: (c, p) => eigenvector(c.g, p.tol, p.maxIter),
    opmaak: 'centraliteit',
    grootte: true,
    kleur: false,
    kolom: 'eigenvector',
    breedte: 120,
  },
  {
    ...keys('community'),
    params: GEEN,
    compute: (c) => c.communities.of,
    opmaak: 'groep',
    grootte: false,
    kleur: true,
    kolom: 'community',
    breedte: 90,
  },
  {
    ...keys('articulatiepunt'),
    params: GEEN,
    compute: (c) => c.cut.articulation,
    opmaak: 'jaNee',
    grootte: false,
    kleur: false,
    kolom: 'articulatiepunt',
    breedte: 120,
  },
  {
    ...keys('clustering'),
    params: GEEN,
    compute: (c) => clustering(c.g),
    opmaak: 'centraliteit',
    grootte: true,
    kleur: false,
    kolom: 'clustering',
    breedte: 105,
  },
] as const satisfies readonly MetriekDescriptor[];

type Descriptor = (typeof METRIEK_DESCRIPTORS)[number];
export type MetriekId = Descriptor['id'];
/** The measures that can size a knoop. */
export type GrootteMetriek = Extract<Descriptor, { readonly grootte: true }>['id'];
/** The measures that can colour a knoop. */
export type KleurMetriek = Extract<Descriptor, { readonly kleur: true }>['id'];

/** A knoop's values: a number per measure, a boolean for a yes/no one. */
export type MetriekWaarden = {
  readonly [D in Descriptor as D['id']]: D['opmaak'] extends 'jaNee' ? boolean : number;
};

const BY_ID = new Map<string, Descriptor>(METRIEK_DESCRIPTORS.map((d) => [d.id, d]));

export function metriekDescriptor(id: MetriekId): MetriekDescriptor {
  return BY_ID.get(id)!;
}

export const GROOTTE_METRIEKEN: readonly GrootteMetriek[] = METRIEK_DESCRIPTORS.filter(
  (d): d is Extract<Descriptor, { readonly grootte: true }> => d.grootte,
).map((d) => d.id);

export const KLEUR_METRIEKEN: readonly KleurMetriek[] = METRIEK_DESCRIPTORS.filter(
  (d): d is Extract<Descriptor, { readonly kleur: true }> => d.kleur,
).map((d) => d.id);

export const isKleurMetriek = (id: string): id is KleurMetriek => (KLEUR_METRIEKEN as readonly string[]).includes(id);

/** The order on the screen (table, explanations, details): the figures first, then the groups and yes/no ones. */
export const METRIEKEN_OP_SCHERM: readonly MetriekDescriptor[] = [
  ...METRIEK_DESCRIPTORS.filter((d) => d.opmaak !== 'groep' && d.opmaak !== 'jaNee'),
  ...METRIEK_DESCRIPTORS.filter((d) => d.opmaak === 'groep' || d.opmaak === 'jaNee'),
];

/** Every measure of each knoop, from what the analysis computed once. */
export function computeMetrieken(ids: readonly string[], c: MetriekContext): (MetriekWaarden & { id: string })[] {
  const kolommen = METRIEK_DESCRIPTORS.map((d) => d.compute(c, d.params));
  return ids.map((id, i) => {
    const rij: Record<string, string | number | boolean> = { id };
    METRIEK_DESCRIPTORS.forEach((d, j) => {
      const v = kolommen[j]![i]!;
      rij[d.id] = d.opmaak === 'jaNee' ? v === 1 : v;
    });
    return rij as unknown as MetriekWaarden & { id: string };
  });
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** A value as the export writes it. */
export function exportWaarde(d: MetriekDescriptor, v: number | boolean): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return d.opmaak === 'centraliteit' ? round9(v) : v;
}
