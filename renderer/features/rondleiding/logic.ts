/** The guided tour and the first start, without the DOM: the steps, stepping, and what localStorage remembers. */

/** The tour's steps, each with the view it shows. */
export const STAPPEN = [
  { id: 'kaart', view: 'kaart' },
  { id: 'hiaat', view: 'hiaten' },
  { id: 'netwerk', view: 'netwerk' },
  { id: 'rapport', view: 'rapport' },
] as const;
export type TourView = (typeof STAPPEN)[number]['view'];

/** Set when the tour was closed or finished: it does not start by itself again. */
export const GEZIEN_KEY = 'wijkweb.rondleiding.gezien';
/** Set when the voorbeeldproject was offered on a first start: it is offered once. */
export const AANGEBODEN_KEY = 'wijkweb.voorbeeld.aangeboden';

/** The step after `stap`, or null when the tour is done. */
export function volgendeStap(stap: number): number | null {
  return stap + 1 < STAPPEN.length ? stap + 1 : null;
}

/** The step before `stap` (the first step stays). */
export function vorigeStap(stap: number): number {
  return Math.max(0, stap - 1);
}

type Opslag = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage can be switched off or full: then nothing is remembered, and nothing breaks. */
export function lees(opslag: Opslag | null, key: string): boolean {
  try {
    return opslag ? opslag.getItem(key) !== null : false;
  } catch {
    return false;
  }
}

export function onthoud(opslag: Opslag | null, key: string): void {
  try {
    opslag?.setItem(key, '1');
  } catch {
    // Not remembered: at worst the offer comes again next time.
  }
}

/** First start: no project open, nothing in the recent list, and the voorbeeldproject not offered before. */
export function moetVoorbeeldAanbieden(state: {
  readonly projectOpen: boolean;
  readonly recent: number;
  readonly aangeboden: boolean;
}): boolean {
  return !state.projectOpen && state.recent === 0 && !state.aangeboden;
}

/** The voorbeeldproject's working copy ("Voorbeeldproject Enschede West.wijkweb", or with a number added). */
export function isVoorbeeld(fileName: string, voorbeeldNaam: string): boolean {
  const stam = voorbeeldNaam.replace(/\.wijkweb$/i, '');
  return fileName.startsWith(stam);
}

/** The window's localStorage, or null where it cannot be used. */
export function browserOpslag(): Opslag | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * openVoorbeeld said no: when that already showed an error (a file that could not be written), nothing more to
 * say; else the voorbeeldproject is not in this build, and the caller says so. `laatsteId`: the newest notice's id
 * before (notices only get higher ids; an error may replace an older one).
 */
export function meldGeenVoorbeeld(
  notices: readonly { readonly id: number; readonly kind: string }[],
  laatsteId: number,
): boolean {
  return !notices.some((n) => n.id > laatsteId && n.kind === 'error');
}

/** The newest notice's id (0 when there are none). */
export function laatsteMeldingId(notices: readonly { readonly id: number }[]): number {
  return notices.reduce((max, n) => Math.max(max, n.id), 0);
}
