/**
 * Analyse: the figures of the network on the map, in tables (also the accessible equivalent of the canvas): the whole
 * network, the sectors (do welzijn and zorg reach each other?), every partner's figures (sortable), per wijk, and the
 * verwijsbalans per buurt and period. Each figure has one sentence that says what it means.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnoopMetriek, NetwerkAnalyse, NetwerkData, NetwerkKengetallen } from '../../../shared/contract';
import { Heading, Paragraph, Table, td, tdNum, th, thNum, tr } from '../../components/ui';
import { DataTable, type ColumnSpec } from '../gegevens/DataTable';
import { knoopSoortLabel } from './DetailsPanel';
import { formatGetal, formatMetriek, formatPeriode, formatProcent } from './format';
import { METRIEKEN_OP_SCHERM, type MetriekId } from '../../../shared/analysis/metriek-descriptors';
import { MetBegrippen } from '../help/Begrip';

const KENGETALLEN = [
  'knopen',
  'relaties',
  'dichtheid',
  'reciprociteit',
  'componenten',
  'bruggen',
  'gemiddeldePadlengte',
  'diameter',
  'communities',
  'modulariteit',
] as const;

const DECIMALEN: Partial<Record<(typeof KENGETALLEN)[number], number>> = {
  dichtheid: 3,
  gemiddeldePadlengte: 2,
  modulariteit: 3,
};

interface Rij extends KnoopMetriek {
  readonly naam: string;
  readonly soortLabel: string;
  readonly sector: string;
  readonly buurt: string;
}

export function AnalysePanel({
  data,
  analyse,
  bezig,
  onToonOpKaart,
}: {
  data: NetwerkData;
  analyse: NetwerkAnalyse | null;
  bezig: boolean;
  onToonOpKaart: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sectorNaam = (c: string) => data.labels['soort_organisatie']?.[c] ?? c;

  const rijen = useMemo<Rij[]>(() => {
    const byId = new Map(data.knopen.map((k) => [k.id, k]));
    return (analyse?.knopen ?? []).flatMap((m) => {
      const k = byId.get(m.id);
      if (!k) return [];
      return [
        {
          ...m,
          naam: k.naam,
          soortLabel: knoopSoortLabel(k, t),
          sector: k.sector ? (data.labels['soort_organisatie']?.[k.sector] ?? k.sector) : '',
          buurt: k.buurtCode ? (data.gebieden[k.buurtCode]?.naam ?? k.buurtCode) : '',
        },
      ];
    });
  }, [analyse, data, t]);

  const columns = useMemo<ColumnSpec<Rij>[]>(
    () => [
      { id: 'naam', label: t('netwerk.tabel.naam'), value: (r) => r.naam, width: 230 },
      { id: 'soort', label: t('netwerk.tabel.soort'), value: (r) => r.soortLabel, width: 140 },
      { id: 'sector', label: t('netwerk.tabel.sector'), value: (r) => r.sector, width: 150 },
      { id: 'buurt', label: t('netwerk.tabel.buurt'), value: (r) => r.buurt, width: 170, hidden: true },
      ...METRIEKEN_OP_SCHERM.map((d): ColumnSpec<Rij> => {
        const m = d.id as MetriekId;
        const kolom = { id: m, label: t(d.kort), width: d.breedte };
        if (d.opmaak === 'jaNee') return { ...kolom, value: (r) => (r[m] ? t('waarde.ja') : t('waarde.nee')) };
        if (d.opmaak === 'groep') return { ...kolom, value: (r) => Number(r[m]) + 1, numeric: true };
        return {
          ...kolom,
          value: (r) => Number(r[m]),
          cell: (r) => formatMetriek(m, Number(r[m]), lang),
          numeric: true,
        };
      }),
    ],
    [t, lang],
  );

  if (!analyse) {
    return (
      <p className="wijkweb-hint" role="status">
        <progress aria-label={t('netwerk.analyse.bezig')} /> {t('netwerk.analyse.bezig')}
      </p>
    );
  }
  const menging = analyse.sectorMenging;
  const welzijn = menging.sectoren.indexOf('welzijn');
  const zorg = menging.sectoren.indexOf('zorg');
  const welzijnZorg = welzijn >= 0 && zorg >= 0 ? menging.matrix[welzijn]![zorg]! : null;

  return (
    <div className="wijkweb-netwerk-analyse" data-testid="analyse">
      {bezig && (
        <p className="wijkweb-hint" role="status">
          <progress aria-label={t('netwerk.analyse.bezig')} /> {t('netwerk.analyse.bezig')}
        </p>
      )}
      <Paragraph className="wijkweb-hint">
        <MetBegrippen tekst={t('netwerk.analyse.intro')} />
      </Paragraph>

      <section aria-labelledby="analyse-netwerk">
        <Heading level={2} id="analyse-netwerk">
          {t('netwerk.analyse.netwerk')}
        </Heading>
        <KengetallenTabel caption={t('netwerk.analyse.netwerk')} figures={analyse.netwerk} />
      </section>

      <section aria-labelledby="analyse-sectoren" data-testid="sectormenging">
        <Heading level={2} id="analyse-sectoren">
          {t('netwerk.analyse.sectoren')}
        </Heading>
        {welzijnZorg !== null && (
          <p className="utrecht-paragraph wijkweb-netwerk-analyse__vraag" data-testid="welzijn-zorg">
            {welzijnZorg > 0
              ? t('netwerk.analyse.welzijnZorgJa', { count: welzijnZorg })
              : t('netwerk.analyse.welzijnZorgNee')}
          </p>
        )}
        <Paragraph className="wijkweb-hint">{t('netwerk.analyse.matrixUitleg')}</Paragraph>
        {menging.sectoren.length === 0 ? (
          <Paragraph>{t('netwerk.analyse.geenSectoren')}</Paragraph>
        ) : (
          <Table caption={t('netwerk.analyse.matrix')}>
            <thead>
              <tr className={tr}>
                <td className={td} />
                {menging.sectoren.map((s) => (
                  <th key={s} scope="col" className={thNum}>
                    {sectorNaam(s)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {menging.sectoren.map((s, i) => (
                <tr key={s} className={tr}>
                  <th scope="row" className={th}>
                    {sectorNaam(s)}
                  </th>
                  {menging.matrix[i]!.map((n, j) => (
                    <td
                      key={menging.sectoren[j]}
                      className={`${tdNum}${i === j ? ' wijkweb-netwerk-analyse__binnen' : ''}${n === 0 && i !== j ? ' wijkweb-netwerk-analyse__leeg' : ''}`}
                    >
                      {formatGetal(n, lang)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <dl className="wijkweb-facts">
          <dt>{t('netwerk.analyse.eiIndex')}</dt>
          <dd data-testid="ei-index">
            {menging.eiIndex === null ? '–' : formatGetal(menging.eiIndex, lang, 2)}
            <span className="wijkweb-hint wijkweb-netwerk-analyse__uitleg">{t('netwerk.analyse.eiUitleg')}</span>
          </dd>
          <dt>{t('netwerk.analyse.zonderBanden')}</dt>
          <dd data-testid="zonder-banden">
            {menging.zonderBanden.length === 0
              ? t('netwerk.analyse.alleParenVerbonden')
              : menging.zonderBanden.map(([a, b]) => `${sectorNaam(a)} – ${sectorNaam(b)}`).join('; ')}
            <span className="wijkweb-hint wijkweb-netwerk-analyse__uitleg">
              {t('netwerk.analyse.zonderBandenUitleg')}
            </span>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="analyse-knopen">
        <Heading level={2} id="analyse-knopen">
          {t('netwerk.analyse.perKnoop')}
        </Heading>
        <Paragraph className="wijkweb-hint">{t('netwerk.analyse.perKnoopUitleg')}</Paragraph>
        <details className="wijkweb-netwerk-analyse__begrippen">
          <summary>{t('netwerk.analyse.begrippen')}</summary>
          <dl className="wijkweb-facts">
            {METRIEKEN_OP_SCHERM.map((d) => (
              <div key={d.id} className="wijkweb-netwerk-analyse__begrip">
                <dt>{t(d.label)}</dt>
                <dd>{t(d.uitleg)}</dd>
              </div>
            ))}
          </dl>
        </details>
        <div className="wijkweb-netwerk-analyse__tabel">
          <DataTable<Rij>
            tableId="netwerk-cijfers"
            caption={t('netwerk.analyse.perKnoop')}
            rows={rijen}
            columns={columns}
            getId={(r) => r.id}
            rowLabel={(r) => r.naam}
            openColumn="naam"
            onOpen={(r) => onToonOpKaart(r.id)}
            exportBase="netwerk-cijfers"
            countLabel={(shown, total) =>
              shown === total
                ? t('netwerk.tabel.aantal', { count: total })
                : t('netwerk.tabel.aantalVan', { count: total, getoond: shown })
            }
            empty={<Paragraph>{t('netwerk.tabel.leeg')}</Paragraph>}
          />
        </div>
      </section>

      <section aria-labelledby="analyse-wijken">
        <Heading level={2} id="analyse-wijken">
          {t('netwerk.analyse.perWijk')}
        </Heading>
        <Paragraph className="wijkweb-hint">{t('netwerk.analyse.perWijkUitleg')}</Paragraph>
        {analyse.perWijk.length === 0 ? (
          <Paragraph>{t('netwerk.analyse.geenWijken')}</Paragraph>
        ) : (
          <Table caption={t('netwerk.analyse.perWijk')}>
            <thead>
              <tr className={tr}>
                <th scope="col" className={th}>
                  {t('netwerk.tabel.wijk')}
                </th>
                {(['knopen', 'relaties', 'dichtheid', 'componenten', 'bruggen', 'gemiddeldePadlengte'] as const).map(
                  (k) => (
                    <th key={k} scope="col" className={thNum}>
                      {t(`netwerk.kengetal.${k}.naam`)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {analyse.perWijk.map((w) => (
                <tr key={w.wijkCode} className={tr}>
                  <th scope="row" className={th}>
                    {w.wijkNaam}
                  </th>
                  {(['knopen', 'relaties', 'dichtheid', 'componenten', 'bruggen', 'gemiddeldePadlengte'] as const).map(
                    (k) => (
                      <td key={k} className={tdNum}>
                        {formatGetal(w[k], lang, DECIMALEN[k] ?? 0)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="analyse-balans" data-testid="verwijsbalans">
        <Heading level={2} id="analyse-balans">
          {t('netwerk.analyse.verwijsbalans')}
        </Heading>
        <Paragraph className="wijkweb-hint">{t('netwerk.analyse.verwijsbalansUitleg')}</Paragraph>
        {analyse.verwijsBalans.length === 0 ? (
          <Paragraph>{t('netwerk.analyse.geenVerwijzingen')}</Paragraph>
        ) : (
          <Table caption={t('netwerk.analyse.verwijsbalans')}>
            <thead>
              <tr className={tr}>
                <th scope="col" className={th}>
                  {t('netwerk.tabel.buurt')}
                </th>
                <th scope="col" className={th}>
                  {t('netwerk.tabel.periode')}
                </th>
                <th scope="col" className={thNum}>
                  {t('netwerk.tabel.totaal')}
                </th>
                <th scope="col" className={thNum}>
                  {t('netwerk.tabel.voorliggend')}
                </th>
                <th scope="col" className={thNum}>
                  {t('netwerk.tabel.maatwerk')}
                </th>
                <th scope="col" className={thNum}>
                  {t('netwerk.tabel.onbekend')}
                </th>
                <th scope="col" className={thNum}>
                  {t('netwerk.tabel.aandeelVoorliggend')}
                </th>
              </tr>
            </thead>
            <tbody>
              {analyse.verwijsBalans.map((b) => (
                <tr key={`${b.buurtCode}|${b.periode}`} className={tr}>
                  <th scope="row" className={th}>
                    {b.buurtNaam ?? b.buurtCode ?? t('netwerk.details.onbekend')}
                  </th>
                  <td className={td}>{b.periode ? formatPeriode(b.periode, lang) : '–'}</td>
                  <td className={tdNum}>{formatGetal(b.totaal, lang)}</td>
                  <td className={tdNum}>{formatGetal(b.voorliggend, lang)}</td>
                  <td className={tdNum}>{formatGetal(b.maatwerk, lang)}</td>
                  <td className={tdNum}>{formatGetal(b.onbekend, lang)}</td>
                  <td className={tdNum}>{formatProcent(b.aandeelVoorliggend, lang)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}

function KengetallenTabel({ caption, figures }: { caption: string; figures: NetwerkKengetallen }) {
  const { t, i18n } = useTranslation();
  return (
    <Table caption={caption}>
      <thead>
        <tr className={tr}>
          <th scope="col" className={th}>
            {t('netwerk.tabel.kengetal')}
          </th>
          <th scope="col" className={thNum}>
            {t('netwerk.tabel.waarde')}
          </th>
          <th scope="col" className={th}>
            {t('netwerk.tabel.betekenis')}
          </th>
        </tr>
      </thead>
      <tbody>
        {KENGETALLEN.map((k) => (
          <tr key={k} className={tr}>
            <th scope="row" className={th}>
              {t(`netwerk.kengetal.${k}.naam`)}
            </th>
            <td className={tdNum}>
              {k === 'reciprociteit'
                ? formatProcent(figures[k], i18n.language)
                : formatGetal(figures[k], i18n.language, DECIMALEN[k] ?? 0)}
            </td>
            <td className={td}>{t(`netwerk.kengetal.${k}.uitleg`)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
