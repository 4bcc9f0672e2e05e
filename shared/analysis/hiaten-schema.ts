import { z } from 'zod';
import { regelsProbleem } from './scenario';

/** The settings and scenario parameters come from the UI: checked at the boundary (no NaN ever reaches a figure). */
const fraction = z.number().finite().min(0).max(1);
const weight = z.number().finite().min(0).max(100);
const codes = z.array(z.string().min(1).max(80)).max(50);
const niveau = z.object({ per1000: z.number().finite().min(0).max(1000), aantal: z.number().finite().min(0).max(1e7) });

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
        teller: z.string().min(1).max(120).nullable().optional(),
        noemer: z.string().min(1).max(120).nullable().optional(),
        waarde: z.string().min(1).max(120).nullable().optional(),
        schaal: z.number().finite().min(1).max(1_000_000).nullable().optional(),
        soort: z.enum(['zorg', 'demografie']).optional(),
        leefgebieden: codes,
        doelgroep: z.string().max(80).nullable().optional(),
        gewicht: weight,
      }),
    )
    .max(50)
    .refine((list) => list.every((s) => (s.teller && s.noemer) || s.waarde), { message: 'signaal-zonder-cijfer' }),
  drempels: z
    .object({
      aandacht: z.number().finite().min(0),
      hiaat: z.number().finite().min(0),
      ernstig: z.number().finite().min(0),
    })
    .refine((d) => d.aandacht <= d.hiaat && d.hiaat <= d.ernstig, { message: 'drempels-volgorde' }),
  absoluut: z
    .object({ aandacht: niveau, hiaat: niveau })
    .refine((a) => a.aandacht.per1000 <= a.hiaat.per1000 && a.aandacht.aantal <= a.hiaat.aantal, {
      message: 'drempels-volgorde',
    })
    .optional(),
  referenties: z
    .array(
      z.object({
        regel: z.string().min(1).max(200),
        per1000: z.number().finite().gt(0).max(1000),
        bron: z.string().trim().min(1).max(200),
        peildatum: z.iso.date(),
        gemeente: z.string().max(20).nullable().optional(),
      }),
    )
    .max(50)
    .optional(),
  plausibel: z
    .object({ maxAandeel: z.number().finite().gt(0).max(1), maxSprong: z.number().finite().min(1).max(1000) })
    .optional(),
});

const selectie = z.object({
  maat: z.string().min(1).max(80),
  wet: z.string().max(40).nullable().optional(),
  ondersteuningsbehoefte: z.array(z.number().int().min(1).max(9)).max(9).optional(),
  vorm: z.enum(['individueel', 'groep']).nullable().optional(),
});
const euro = z.number().finite().min(0).max(10_000_000);
const tarieven = z.record(z.string().max(300), euro);
const opbouw = z.array(fraction).min(1).max(20);

const scenarioRegelSchema = z.object({
  id: z.string().min(1).max(80),
  naam: z.string().trim().min(1).max(200),
  soort: z.enum(['besparing', 'vervangende-inzet', 'investering']),
  bron: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('indicaties'),
      selectie,
      verschuiving: fraction.nullable().optional(),
      tarieven: tarieven.optional(),
      standaardTarief: euro.nullable().optional(),
    }),
    z.object({ type: z.literal('aandeel'), van: z.array(z.string().min(1).max(80)).min(1).max(50), aandeel: fraction }),
    z.object({ type: z.literal('bedrag'), bedrag: euro }),
    z.object({ type: z.literal('fte'), fte: z.number().finite().min(0).max(10_000), kostenPerFte: euro }),
  ]),
  opbouw: opbouw.nullable().optional(),
  toelichting: z.string().max(4000).nullable().optional(),
});

export const scenarioSchema = z
  .object({
    verschuiving: fraction,
    startjaar: z.number().int().min(2000).max(2100),
    opbouw,
    selectie,
    tarieven,
    standaardTarief: euro,
    vervangendeInzet: fraction,
    gebieden: z.array(z.string().max(20)).max(20_000).optional(),
    regels: z.array(scenarioRegelSchema).max(50).optional(),
    toelichting: z.string().max(4000).nullable().optional(),
  })
  .superRefine((p, ctx) => {
    const probleem = p.regels ? regelsProbleem(p.regels) : null;
    if (probleem) ctx.addIssue({ code: 'custom', path: ['regels'], message: probleem });
  });
