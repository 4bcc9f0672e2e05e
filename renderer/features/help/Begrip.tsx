import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Opens the handleiding at a place: a section (its view's id, "cbs", …) or a term ("begrip-hiaat"). */
export const HelpContext = createContext<(doel: string) => void>(() => undefined);

export function useOpenHelp(): (doel: string) => void {
  return useContext(HelpContext);
}

/** A term of the begrippenlijst where it appears: a link that opens its explanation in the handleiding. */
export function Begrip({ id, children }: { id: string; children: ReactNode }) {
  const open = useOpenHelp();
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="utrecht-link-button utrecht-link-button--html-button wijkweb-begrip"
      title={t('help.watBetekent')}
      data-begrip={id}
      onClick={() => open(`begrip-${id}`)}
    >
      {children}
    </button>
  );
}

/** Words that name a term of the begrippenlijst, per language: the first time one appears in a text, it links. */
const TERMEN: Readonly<Record<'nl' | 'en', readonly (readonly [string, RegExp])[]>> = {
  nl: [
    ['collectief-aanbod', /collectief(?:,| en)? vrij toegankelijk(?: aanbod)?/i],
    ['voorliggend-veld', /voorliggend veld/i],
    ['hiaat', /\b(?:ernstig )?hiat(?:en)?\b|\bhiaat\b/i],
    ['peildatum', /\bpeildatum\b/i],
    ['betweenness', /\bmakelaars?\b|\bbetweenness\b/i],
    ['leefgebied', /\bleefgebied(?:en)?\b/i],
    ['doelgroep', /\bdoelgroep(?:en)?\b/i],
    ['maatwerk', /\bmaatwerk(?:voorziening(?:en)?|indicaties)?\b/i],
    ['stuurgroepmoment', /\bstuurgroepmoment(?:en)?\b/i],
    ['sleutelpartner', /\barticulatiepunt(?:en)?\b|\bsleutelpartners?\b/i],
    ['dichtheid', /\bdichtheid\b/i],
  ],
  en: [
    ['collectief-aanbod', /collective(?:,| and)? freely accessible(?: offer)?/i],
    ['hiaat', /\bgaps?\b/i],
    ['peildatum', /\breference date\b/i],
    ['betweenness', /\bbrokers?\b|\bbetweenness\b/i],
    ['leefgebied', /\blife domains?\b/i],
    ['doelgroep', /\btarget groups?\b/i],
    ['maatwerk', /\btailored support\b/i],
    ['stuurgroepmoment', /\bsteering group moments?\b/i],
    ['sleutelpartner', /\barticulation points?\b|\bkey partners?\b/i],
    ['dichtheid', /\bdensity\b/i],
  ],
};

/** A running text (B1 explanation) with the terms in it linked to the begrippenlijst, each once. */
export function MetBegrippen({ tekst }: { tekst: string }) {
  const { i18n } = useTranslation();
  const termen = TERMEN[i18n.language === 'en' ? 'en' : 'nl'];
  const delen: ReactNode[] = [];
  let rest = tekst;
  const gehad = new Set<string>();
  for (;;) {
    let eerste: { id: string; index: number; lengte: number } | null = null;
    for (const [id, re] of termen) {
      if (gehad.has(id)) continue;
      const m = re.exec(rest);
      if (m && (!eerste || m.index < eerste.index)) eerste = { id, index: m.index, lengte: m[0].length };
    }
    if (!eerste) break;
    gehad.add(eerste.id);
    delen.push(rest.slice(0, eerste.index));
    delen.push(
      <Begrip key={delen.length} id={eerste.id}>
        {rest.slice(eerste.index, eerste.index + eerste.lengte)}
      </Begrip>,
    );
    rest = rest.slice(eerste.index + eerste.lengte);
  }
  delen.push(rest);
  return <>{delen}</>;
}
