import defaults from '../../data/taxonomieen.json';

export const TAXONOMIES = ['leefgebied', 'doelgroep', 'preventieniveau', 'soort_organisatie', 'relatietype'] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

export interface TaxonomyItem {
  readonly code: string;
  readonly label: string;
  readonly omschrijving?: string;
  readonly eigenschappen?: Readonly<Record<string, unknown>>;
}

export const DEFAULT_TAXONOMIES: Readonly<Record<Taxonomy, readonly TaxonomyItem[]>> = defaults;
