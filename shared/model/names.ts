/**
 * Names of areas written differently ("Boswinkel — de Braker", "BOSWINKEL-DE BRAKER", "Boswinkel/De Braker")
 * compare equal after this: case, diacritics, dashes and slashes, spacing and leading articles (also a leading
 * 't: "'t Zwering" = "Zwering"), and compass points abbreviated with full stops at the end of a name
 * ("Wesselerbrink N.O." = "Wesselerbrink Noord-Oost", "Eekmaat W." = "Eekmaat West"; "Hengelo (O)" stays itself).
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(
      /(^|[\s-])([nz])\.\s*([ow])\.?\s*$/,
      (_m, v: string, a: string, b: string) => `${v}${KOMPAS[a]} ${KOMPAS[b]}`,
    )
    .replace(/\s([nozw])\.\s*$/, (_m, a: string) => ` ${KOMPAS[a]}`)
    .replace(/[‐-―\-/\\&,.'’()]+/g, ' ')
    .replace(/\b(de|het|den|der|en)\b/g, ' ')
    .replace(/^\s*t\b/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const KOMPAS: Record<string, string> = { n: 'noord', o: 'oost', z: 'zuid', w: 'west' };
