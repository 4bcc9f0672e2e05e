import { AppException } from '../result';

/**
 * The invite of a team (issue 19) and the addresses made from it. Pure: the UI checks an invite or a server address
 * with these before it asks the worker (which loads Automerge only then).
 */

export interface Uitnodiging {
  readonly server: string;
  readonly document: string;
  readonly token: string;
}

/** The invite as one line: the server URL with the document id and the token. */
export function uitnodigingTekst(u: Uitnodiging): string {
  const url = new URL(u.server);
  url.searchParams.set('document', u.document);
  url.searchParams.set('token', u.token);
  return url.toString();
}

export function leesUitnodiging(tekst: string): Uitnodiging {
  let url: URL;
  try {
    url = new URL(tekst.trim());
  } catch {
    throw new AppException('team.uitnodiging-ongeldig');
  }
  const document = url.searchParams.get('document');
  const token = url.searchParams.get('token');
  if (!/^wss?:$/.test(url.protocol) || !document || !token) throw new AppException('team.uitnodiging-ongeldig');
  url.search = '';
  return { server: url.toString(), document, token };
}

/** A server address as typed: ws:// or wss://, nothing else. */
export function leesServer(tekst: string): string {
  let url: URL;
  try {
    url = new URL(tekst.trim());
  } catch {
    throw new AppException('team.server-ongeldig', { server: tekst.trim() });
  }
  if (!/^wss?:$/.test(url.protocol) || url.search || url.hash)
    throw new AppException('team.server-ongeldig', { server: tekst.trim() });
  return url.toString();
}

/** The URL a member connects with: the invite, and `delen=1` on the first share (the server registers the token). */
export function verbindingsUrl(u: Uitnodiging, delen: boolean): string {
  const url = new URL(uitnodigingTekst(u));
  if (delen) url.searchParams.set('delen', '1');
  return url.toString();
}

/**
 * The server's access question beside its sync socket (`…/toegang`, same query): a WebSocket that answers 'ok' or
 * 'geweigerd' and closes, because a browser cannot read the status of a refused upgrade.
 */
export function toegangUrl(verbinding: string): string {
  const url = new URL(verbinding);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/toegang`;
  return url.toString();
}
