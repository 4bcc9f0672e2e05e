/** Shares computed from counts, with their stated definitions (shown in the profile and the leeswijzer). */
export interface DerivedIndicator {
  readonly sleutel: string;
  readonly label: string;
  readonly teller: string;
  readonly noemer: string;
  readonly definitie: string;
}

export const DERIVED: readonly DerivedIndicator[] = [
  {
    sleutel: 'aandeel_0_14',
    label: '% 0 tot 15 jaar',
    teller: 'leeftijd_0_14',
    noemer: 'inwoners',
    definitie: 'Inwoners van 0 tot 15 jaar gedeeld door alle inwoners, maal 100.',
  },
  {
    sleutel: 'aandeel_15_24',
    label: '% 15 tot 25 jaar',
    teller: 'leeftijd_15_24',
    noemer: 'inwoners',
    definitie: 'Inwoners van 15 tot 25 jaar gedeeld door alle inwoners, maal 100.',
  },
  {
    sleutel: 'aandeel_65_plus',
    label: '% 65 jaar of ouder',
    teller: 'leeftijd_65_plus',
    noemer: 'inwoners',
    definitie: 'Inwoners van 65 jaar of ouder gedeeld door alle inwoners, maal 100.',
  },
  {
    sleutel: 'aandeel_eenpersoonshuishoudens',
    label: '% eenpersoonshuishoudens',
    teller: 'eenpersoonshuishoudens',
    noemer: 'huishoudens',
    definitie: 'Eenpersoonshuishoudens gedeeld door alle huishoudens, maal 100.',
  },
  {
    sleutel: 'aandeel_huishoudens_met_kinderen',
    label: '% huishoudens met kinderen',
    teller: 'huishoudens_met_kinderen',
    noemer: 'huishoudens',
    definitie: 'Huishoudens met kinderen gedeeld door alle huishoudens, maal 100.',
  },
];

/** A share in percent, or null when either figure is missing or the denominator is 0. */
export function share(teller: number | null | undefined, noemer: number | null | undefined): number | null {
  if (teller === null || teller === undefined || noemer === null || noemer === undefined || noemer === 0) return null;
  return (teller / noemer) * 100;
}
