import { z } from 'zod';

/** The settings and scenario parameters come from the UI: checked at the boundary (no NaN ever reaches a figure). */
const fraction = z.number().finite().min(0).max(1);
const weight = z.number().finite().min(0).max(100);
const codes = z.array(z.string().min(1).max(80)).max(50);

export const hiatenInstellingenSchema = z.object({
  vraag: z
    .array(
      z.object({
        naam: z.string().min(1).max(200),
        maat: z.string().min(1).max(80),
        wet: z.string().max(40).nullable().optional(),
        ondersteuningsbehoefte: z.array(z.number().int().min(1).max(9)).max(9).optional(),
        vorm: z.enum(['individueel', 'groep']).nullable().optional(),
        leefgebieden: codes,
        doelgroep: z.string().max(80).nullable().optional(),
      }),
    )
    .max(50),
  vraagGewicht: weight,
  signalen: z
    .array(
      z.object({
        naam: z.string().min(1).max(200),
        teller: z.string().min(1).max(120),
        noemer: z.string().min(1).max(120),
        leefgebieden: codes,
        doelgroep: z.string().max(80).nullable().optional(),
        gewicht: weight,
      }),
    )
    .max(50),
  drempels: z
    .object({
      aandacht: z.number().finite().min(0),
      hiaat: z.number().finite().min(0),
      ernstig: z.number().finite().min(0),
    })
    .refine((d) => d.aandacht <= d.hiaat && d.hiaat <= d.ernstig, { message: 'drempels-volgorde' }),
});

export const scenarioSchema = z.object({
  verschuiving: fraction,
  startjaar: z.number().int().min(2000).max(2100),
  opbouw: z.array(fraction).min(1).max(20),
  selectie: z.object({
    maat: z.string().min(1).max(80),
    wet: z.string().max(40).nullable().optional(),
    ondersteuningsbehoefte: z.array(z.number().int().min(1).max(9)).max(9).optional(),
    vorm: z.enum(['individueel', 'groep']).nullable().optional(),
  }),
  tarieven: z.record(z.string().max(300), z.number().finite().min(0).max(10_000_000)),
  standaardTarief: z.number().finite().min(0).max(10_000_000),
  vervangendeInzet: fraction,
  gebieden: z.array(z.string().max(20)).max(20_000).optional(),
});
