import { z } from 'zod';
import { DOEL_MATEN, FUNCTIES, MONITOR_MATEN, RICHTINGEN } from '../model/pilot';

/** The Pilotmonitor's inputs come from the UI, the CLI and JSON files: checked at the service boundary. */
const datum = z
  .string()
  .regex(/^[12]\d{3}-[01]\d-[0-3]\d$/)
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'datum',
    },
  );
const code = z.string().min(1).max(80);

export const pilotSchema = z.object({
  naam: z.string().max(200),
  gebied: code.nullable(),
  start: datum.nullable(),
  eind: datum.nullable(),
});

export const doelSchema = z
  .object({
    naam: z.string().trim().min(1).max(200),
    criterium: z.number().int().min(1).max(99).nullable(),
    maat: z.enum(DOEL_MATEN),
    gebied: code.nullable(),
    wet: z.string().max(40).nullable(),
    richting: z.enum(RICHTINGEN),
    basisWaarde: z.number().finite().min(-1e12).max(1e12).nullable(),
    basisVan: datum.nullable(),
    basisTot: datum.nullable(),
    doelWaarde: z.number().finite().min(-1e12).max(1e12).nullable(),
    deadline: datum.nullable(),
    marge: z.number().finite().min(0).max(100),
    toelichting: z.string().max(2000).nullable(),
    volgorde: z.number().int().min(0).max(1e6).optional(),
  })
  .refine((d) => !d.basisVan || !d.basisTot || d.basisVan <= d.basisTot, {
    message: 'basis-volgorde',
    path: ['basisVan'],
  });

export const capaciteitSchema = z
  .array(
    z.object({ gebied: code, peildatum: datum, functie: z.enum(FUNCTIES), fte: z.number().finite().min(0).max(99999) }),
  )
  .min(1)
  .max(10000);

export const tellingSchema = z
  .object({
    gebied: code,
    maat: z.enum([...MONITOR_MATEN, 'meldingen']),
    periodeStart: datum.nullable(),
    periodeEind: datum.nullable(),
    peildatum: datum.nullable(),
    waarden: z
      .array(
        z.object({
          categorie: code.nullable(),
          wet: z.string().max(40).nullable().optional(),
          waarde: z.number().finite().min(-1e12).max(1e12),
        }),
      )
      .min(1)
      .max(100),
    omschrijving: z.string().max(500).nullable().optional(),
  })
  .refine((t) => t.peildatum !== null || (t.periodeStart !== null && t.periodeEind !== null), {
    message: 'periode-verplicht',
    path: ['periodeStart'],
  })
  .refine((t) => !t.periodeStart || !t.periodeEind || t.periodeStart <= t.periodeEind, {
    message: 'periode-volgorde',
    path: ['periodeStart'],
  });

/** The file `wijkweb pilot P --instellingen F.json` reads: the pilot, its goals (or the standard ones), capacity, tallies. */
export const pilotBestandSchema = z.object({
  pilot: pilotSchema,
  standaardDoelen: z.boolean().optional(),
  doelen: z.array(doelSchema).max(200).optional(),
  capaciteit: capaciteitSchema.optional(),
  tellingen: z.array(tellingSchema).max(10000).optional(),
});
export type PilotBestand = z.infer<typeof pilotBestandSchema>;

/** The first problem of a failed parse as the service's `invoer.ongeldig` params. */
export function eersteProbleem(error: z.ZodError): { veld: string; code: string } {
  const i = error.issues[0];
  return {
    veld: String(i?.path.join('.') ?? ''),
    code: i?.message && /^[a-z-]+$/.test(i.message) ? i.message : 'ongeldig',
  };
}
