import type { ProjectDb } from '../connection';
import { DEFAULT_TAXONOMIES, TAXONOMIES } from '../../model/taxonomies';

/** Fills the taxonomies of a new project with the defaults shipped in data/taxonomieen.json. */
export function seedDefaultTaxonomies(db: ProjectDb): void {
  for (const taxonomie of TAXONOMIES) {
    DEFAULT_TAXONOMIES[taxonomie].forEach((item, i) => {
      db.run(
        `INSERT INTO taxonomie_item (taxonomie, code, label, omschrijving, volgorde, eigenschappen)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [taxonomie, item.code, item.label, item.omschrijving ?? null, i + 1, JSON.stringify(item.eigenschappen ?? {})],
      );
    });
  }
}
