/**
 * Names of areas written differently ("Boswinkel — de Braker", "BOSWINKEL-DE BRAKER", "Boswinkel/De Braker")
 * compare equal after this: case, diacritics, dashes and slashes, spacing and leading articles.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‐-―\-/\\&,.'’()]+/g, ' ')
    .replace(/\b(de|het|den|der|en)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
