/**
 * The Netwerk map's drawing area: the canvas element Cytoscape draws in (reachable by keyboard), the zoom buttons,
 * "busy with the layout", and the context menu of a knoop.
 */
import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetwerkKnoop } from '../../../shared/contract';
import { Button } from '../../components/ui';
import { ContextMenu } from './ContextMenu';
import type { NetwerkGraph } from './graph';
import type { Telling } from './style';

export function NetwerkVlak({
  setContainer,
  graphRef,
  telling,
  getekend,
  indelenBezig,
  onKeyDown,
  menu,
  menuKnoop,
  vast,
  onSluitMenu,
  onBewerken,
  onFocus,
  onVast,
}: {
  setContainer: (el: HTMLDivElement | null) => void;
  graphRef: RefObject<NetwerkGraph | null>;
  telling: Telling;
  getekend: boolean;
  indelenBezig: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  menu: { x: number; y: number } | null;
  menuKnoop: NetwerkKnoop | undefined;
  vast: boolean;
  onSluitMenu: () => void;
  onBewerken: (k: NetwerkKnoop) => void;
  onFocus: (id: string) => void;
  onVast: (id: string, aan: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="wijkweb-netwerk__vlak">
      <div
        ref={setContainer}
        className="wijkweb-netwerk__canvas"
        role="application"
        aria-roledescription={t('netwerk.canvas.rol')}
        tabIndex={0}
        aria-label={t('netwerk.canvas.label', { knopen: telling.knopen, relaties: telling.relaties })}
        aria-describedby="netwerk-toetsen"
        data-testid="netwerk-canvas"
        data-bezig={!getekend || indelenBezig ? 'ja' : 'nee'}
        data-getekend={getekend ? 'ja' : 'nee'}
        onKeyDown={onKeyDown}
      />
      <div className="wijkweb-netwerk__zoom" role="group" aria-label={t('netwerk.zoom.label')}>
        <Button appearance="secondary" aria-label={t('netwerk.zoom.in')} onClick={() => graphRef.current?.zoom(1.25)}>
          +
        </Button>
        <Button appearance="secondary" aria-label={t('netwerk.zoom.uit')} onClick={() => graphRef.current?.zoom(0.8)}>
          −
        </Button>
        <Button appearance="secondary" aria-label={t('netwerk.zoom.passend')} onClick={() => graphRef.current?.fit()}>
          <span aria-hidden="true">⤢</span>
        </Button>
      </div>
      {indelenBezig && (
        <div className="wijkweb-netwerk__indelen" role="status">
          <progress aria-label={t('netwerk.instelling.indelenBezig')} /> {t('netwerk.instelling.indelenBezig')}
        </div>
      )}
      {menu && menuKnoop && (
        <ContextMenu
          label={t('netwerk.menu.label', { naam: menuKnoop.naam })}
          x={menu.x}
          y={menu.y}
          onSluit={onSluitMenu}
          items={[
            ...(menuKnoop.soort !== 'gebied'
              ? [{ label: t('netwerk.menu.bewerken'), onKies: () => onBewerken(menuKnoop) }]
              : []),
            { label: t('netwerk.menu.focus'), onKies: () => onFocus(menuKnoop.id) },
            vast
              ? { label: t('netwerk.menu.losmaken'), onKies: () => onVast(menuKnoop.id, false) }
              : { label: t('netwerk.menu.vastzetten'), onKies: () => onVast(menuKnoop.id, true) },
          ]}
        />
      )}
    </div>
  );
}
