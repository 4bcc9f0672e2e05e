/**
 * The peildatum of the gap analysis, one for the Hiaten view and the Kaart: both show the same moment. Null is "the
 * newest counts". Kept for the session only (a new project starts at the newest again).
 */
import { create } from 'zustand';

export const useHiatenPeildatum = create<{ peildatum: string | null; kies: (p: string | null) => void }>((set) => ({
  peildatum: null,
  kies: (peildatum) => set({ peildatum }),
}));
