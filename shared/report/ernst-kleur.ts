/**
 * The colour and Dutch label of each gap severity on the map plate and the slides: a purple sequential scale, grey
 * for "geen gegevens". Its own module, so the renderer can read it without the plates and their layout library.
 */
import type { Ernst } from '../analysis/hiaten';

export const ERNST_KLEUR: Record<Ernst, { fill: string; tekst: string; label: string }> = {
  ernstig: { fill: '#54278f', tekst: '#ffffff', label: 'Ernstig hiaat' },
  hiaat: { fill: '#9e9ac8', tekst: '#1a1a1a', label: 'Hiaat' },
  aandacht: { fill: '#cbc9e2', tekst: '#1a1a1a', label: 'Aandacht' },
  geen: { fill: '#f2f0f7', tekst: '#1a1a1a', label: 'Geen hiaat' },
  'geen-gegevens': { fill: '#e6e6e6', tekst: '#1a1a1a', label: 'Geen gegevens' },
};
