/** The order of the presentation's slides without the DOM. */

/**
 * `ids` with `id` moved to place `naar` (0 first; clamped to the list). The same array when nothing moves (an unknown
 * id, or already there).
 */
export function verplaats(ids: readonly number[], id: number, naar: number): readonly number[] {
  const van = ids.indexOf(id);
  const doel = Math.min(ids.length - 1, Math.max(0, naar));
  if (van < 0 || van === doel) return ids;
  const rest = ids.filter((x) => x !== id);
  return [...rest.slice(0, doel), id, ...rest.slice(doel)];
}
