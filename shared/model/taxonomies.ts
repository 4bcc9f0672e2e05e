import defaults from '../../data/taxonomieen.json';
import { AFHANDELING_STANDAARD } from './pilot';

export const TAXONOMIES = [
  'leefgebied',
  'doelgroep',
  'preventieniveau',
  'soort_organisatie',
  'relatietype',
  'afhandeling',
] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

export interface TaxonomyItem {
  readonly code: string;
  readonly label: string;
  readonly omschrijving?: string;
  readonly eigenschappen?: Readonly<Record<string, unknown>>;
}

export const DEFAULT_TAXONOMIES: Readonly<Record<Taxonomy, readonly TaxonomyItem[]>> = defaults;

/** The default items' labels in English (issue 21: every text the user reads follows the language choice). */
const LABELS_EN: Readonly<Record<Taxonomy, Readonly<Record<string, string>>>> = {
  leefgebied: {
    wonen: 'Housing',
    werk_inkomen: 'Work and income',
    onderwijs: 'Education',
    gezondheid: 'Health',
    welzijn: 'Well-being/leisure',
    zorg: 'Care/support',
    veiligheid: 'Safety (police/justice)',
  },
  doelgroep: {
    jeugd_0_4: 'Children 0–4',
    jeugd_4_12: 'Children 4–12',
    jongeren_12_27: 'Young people 12–27',
    gezinnen: 'Families with children',
    volwassenen: 'Adults',
    ouderen_65_plus: 'Older people 65+',
    mantelzorgers: 'Informal carers',
    lvb: 'People with a mild intellectual disability (LVB)',
    psychisch: 'People with mental health problems',
    nieuwkomers: 'Newcomers',
  },
  preventieniveau: {
    '1': 'Strengthening ordinary life',
    '2': 'Strengthening networks',
    '3': 'Removing barriers',
    '4': 'Working towards insight and acceptance',
    '5': 'Working towards recovery',
  },
  soort_organisatie: {
    welzijn: 'Well-being',
    zorg: 'Care',
    gemeente: 'Municipality and area team',
    onderwijs: 'Education and childcare',
    informeel: 'Informal and residents',
    wonen: 'Housing',
    veiligheid: 'Safety',
    werk_inkomen: 'Work and income',
    overig: 'Other',
  },
  relatietype: {
    verwijzing: 'Referral',
    samenwerking: 'Collaboration',
    mandaat: 'Mandate',
    financiering: 'Funding',
    convenant: 'Covenant',
    casusoverleg: 'Case meeting',
  },
  afhandeling: Object.fromEntries(AFHANDELING_STANDAARD.map((a) => [a.code, a.en])),
};

/**
 * An item's label in the chosen language: a default item whose label the user did not change gets its English
 * label in English; a label of the user's own stays as written.
 */
export function taxonomieLabel(taxonomie: Taxonomy, code: string, label: string, taal: 'nl' | 'en' = 'nl'): string {
  if (taal !== 'en') return label;
  const standaard = DEFAULT_TAXONOMIES[taxonomie]?.find((i) => i.code === code);
  return standaard && standaard.label === label ? (LABELS_EN[taxonomie][code] ?? label) : label;
}
