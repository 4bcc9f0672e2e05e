/**
 * Scenario: "verschuif X% van de geselecteerde indicaties naar algemene voorzieningen". The parameters of the pilot
 * plan (40%, a build-up over the years, a tariff per product, part of the saving spent on the collective offer),
 * recomputed as you type; a yearly table in the form of the plan's medium scenario, and per buurt. Named scenarios
 * are saved in the project.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../shared/contract';
import { STANDAARD_SCENARIO } from '../../../shared/analysis/scenario';
import type { AppError } from '../../../shared/result';
import type { Option } from '../../components/form';
import { Heading, Paragraph } from '../../components/ui';
import { useActions, useApp } from '../../state/context';
import { useWorkerQuery } from '../../state/useWorkerQuery';
import { errorMessage, savedNotice } from '../gegevens/form-helpers';
import { controleerScenario, scenarioNaarWaarden, type ScenarioProbleem, type ScenarioWaarden } from './logic';
import { ScenarioBewaard } from './ScenarioBewaard';
import { ScenarioParametersForm } from './ScenarioParametersForm';
import { ScenarioUitkomstSectie } from './ScenarioUitkomstSectie';

function useScenarios(): readonly Scenario[] {
  const actions = useActions();
  return useWorkerQuery(() => actions.listScenarios(), [actions]).data ?? [];
}

export function ScenarioPanel({ buurtOptions }: { buurtOptions: readonly Option[] }) {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useApp((s) => s.project?.readOnly ?? true);
  const scenarios = useScenarios();
  const [waarden, setWaarden] = useState<ScenarioWaarden>(() => scenarioNaarWaarden(STANDAARD_SCENARIO));
  const [huidig, setHuidig] = useState<{ id: number; naam: string } | null>(null);
  const [naam, setNaam] = useState('');
  const [naamFout, setNaamFout] = useState<string | null>(null);
  const [fout, setFout] = useState<AppError | null>(null);

  const checked = useMemo(() => controleerScenario(waarden), [waarden]);
  const problemen: readonly ScenarioProbleem[] = checked.ok ? [] : checked.problemen;
  const parametersKey = checked.ok ? JSON.stringify(checked.parameters) : null;

  // Recompute shortly after the last keystroke (the worker answers in a few milliseconds); the last outcome stays
  // on screen meanwhile (and while the parameters are not valid), marked busy.
  const berekening = useWorkerQuery(
    () => actions.berekenScenario(checked.ok ? checked.parameters : STANDAARD_SCENARIO),
    [actions, parametersKey],
    { aan: checked.ok, wacht: 150, bijAntwoord: () => setFout(null) },
  );

  const uit = berekening.data;
  const producten = [
    ...new Set([...(uit?.producten.map((p) => p.product) ?? []), ...Object.keys(waarden.tarieven)]),
  ].sort((a, b) => a.localeCompare(b, 'nl'));

  const bewaar = async (alsNieuw: boolean) => {
    setNaamFout(null);
    if (!checked.ok) {
      requestAnimationFrame(() => document.getElementById('scenario-fouten')?.focus());
      return;
    }
    if (!naam.trim()) {
      setNaamFout(t('scenario.fout.naam'));
      document.getElementById('scenario-naam')?.focus();
      return;
    }
    const id = alsNieuw || !huidig ? null : huidig.id;
    const r = await actions.saveScenario(id, naam, checked.parameters);
    if (!r.ok) {
      setNaamFout(errorMessage(t, r.error));
      return;
    }
    setHuidig({ id: r.value.id, naam: r.value.naam });
    actions.notify(savedNotice('scenario.opgeslagen', { naam: r.value.naam }));
  };
  const open = (s: Scenario) => {
    setWaarden(scenarioNaarWaarden(s.parameters));
    setHuidig({ id: s.id, naam: s.naam });
    setNaam(s.naam);
    setNaamFout(null);
  };
  const verwijder = async (s: Scenario) => {
    const r = await actions.deleteScenario(s.id);
    if (!r.ok) return setFout(r.error);
    if (huidig?.id === s.id) setHuidig(null);
    actions.notify(savedNotice('scenario.verwijderd', { naam: s.naam }));
  };

  return (
    <div className="wijkweb-scenario">
      <Heading level={2}>{t('scenario.titel')}</Heading>
      <Paragraph>{t('scenario.intro')}</Paragraph>

      <ScenarioBewaard
        scenarios={scenarios}
        huidig={huidig}
        naam={naam}
        onNaam={setNaam}
        naamFout={naamFout}
        readOnly={readOnly}
        onOpen={open}
        onVerwijder={(sc) => void verwijder(sc)}
        onBewaar={(alsNieuw) => void bewaar(alsNieuw)}
      />

      <div className="wijkweb-scenario__grid">
        <ScenarioParametersForm
          waarden={waarden}
          onChange={setWaarden}
          problemen={problemen}
          producten={producten}
          buurtOptions={buurtOptions}
          readOnly={readOnly}
        />

        <ScenarioUitkomstSectie
          uit={berekening.data}
          verschuiving={checked.ok ? checked.parameters.verschuiving : 0}
          eigenRegels={waarden.regels.length > 0}
          laden={berekening.laden}
          // An error of the computation, or of saving or deleting a scenario (cleared by the next outcome).
          fout={fout ?? berekening.error}
        />
      </div>
    </div>
  );
}
