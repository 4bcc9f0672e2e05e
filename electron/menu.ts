import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/contract';

export type Send = (command: MenuCommand) => void;

/**
 * The Dutch native menus (Bestand, Bewerken, Beeld, Help) with the usual shortcuts. Pure: unit-tested. Ctrl+P opens
 * the Rapport view (printing is done there), F5 the presentation, as in presentation programs.
 */
export function buildMenuTemplate(send: Send, isMac: boolean, openHelp: () => void): MenuItemConstructorOptions[] {
  const bestand: MenuItemConstructorOptions = {
    label: 'Bestand',
    submenu: [
      { label: 'Nieuw project…', accelerator: 'CmdOrCtrl+N', click: () => send('nieuw') },
      { label: 'Openen…', accelerator: 'CmdOrCtrl+O', click: () => send('openen') },
      { type: 'separator' },
      { label: 'Opslaan', accelerator: 'CmdOrCtrl+S', click: () => send('opslaan') },
      { label: 'Opslaan als…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send('opslaan-als') },
      { label: 'Kopie opslaan…', click: () => send('kopie-opslaan') },
      { type: 'separator' },
      { label: 'Samenwerken…', click: () => send('samenwerken') },
      { type: 'separator' },
      { label: 'Project sluiten', accelerator: 'CmdOrCtrl+W', click: () => send('sluiten') },
      ...(isMac ? [] : ([{ type: 'separator' }, { label: 'Afsluiten', role: 'quit' }] as MenuItemConstructorOptions[])),
    ],
  };
  const bewerken: MenuItemConstructorOptions = {
    label: 'Bewerken',
    submenu: [
      // The page decides: in a text field the typing is undone, elsewhere the last change to the project.
      // (A key press the page handles never reaches these accelerators; an unhandled one does.)
      { label: 'Ongedaan maken', accelerator: 'CmdOrCtrl+Z', click: () => send('ongedaan-maken') },
      { label: 'Opnieuw', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: () => send('opnieuw') },
      { type: 'separator' },
      { label: 'Knippen', role: 'cut' },
      { label: 'Kopiëren', role: 'copy' },
      { label: 'Plakken', role: 'paste' },
      { label: 'Alles selecteren', role: 'selectAll' },
    ],
  };
  const beeld: MenuItemConstructorOptions = {
    label: 'Beeld',
    submenu: [
      { label: 'Rapport', accelerator: 'CmdOrCtrl+P', click: () => send('rapport') },
      { label: 'Presentatie', accelerator: 'F5', click: () => send('presentatie') },
      { type: 'separator' },
      { label: 'Nederlands', type: 'radio', checked: true, click: () => send('taal-nl') },
      { label: 'English', type: 'radio', click: () => send('taal-en') },
      { type: 'separator' },
      { label: 'Werkelijke grootte', role: 'resetZoom' },
      { label: 'Inzoomen', role: 'zoomIn' },
      { label: 'Uitzoomen', role: 'zoomOut' },
      { type: 'separator' },
      { label: 'Volledig scherm', role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    submenu: [
      { label: 'Rondleiding', click: () => send('rondleiding') },
      { type: 'separator' },
      { label: 'Over Wijkweb', click: () => send('over') },
      { label: 'CBS Kerncijfers wijken en buurten (website)', click: openHelp },
    ],
  };
  const app: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Wijkweb',
          submenu: [
            { role: 'about', label: 'Over Wijkweb' },
            { type: 'separator' },
            { role: 'quit', label: 'Stop Wijkweb' },
          ],
        },
      ]
    : [];
  return [...app, bestand, bewerken, beeld, help];
}
