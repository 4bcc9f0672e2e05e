import type { BaseWindow, KeyboardEvent, MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menu';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/contract';

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const sub = item?.submenu;
  if (!Array.isArray(sub)) throw new Error(`menu ${item?.label ?? '?'} has no submenu list`);
  return sub;
}

function find(items: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  if (!item.click) throw new Error(`menu item ${item.label ?? '?'} has no click handler`);
  item.click({} as MenuItem, undefined as BaseWindow | undefined, {} as KeyboardEvent);
}

function build(isMac: boolean) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const openHelp = vi.fn<() => void>();
  return { template: buildMenuTemplate(send, isMac, openHelp), send, openHelp };
}

describe('buildMenuTemplate', () => {
  it('has exactly Bestand, Bewerken, Beeld and Help outside macOS', () => {
    expect(build(false).template.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
  });

  it('puts the app menu first on macOS', () => {
    const { template } = build(true);
    expect(template.map((m) => m.label)).toEqual(['Wijkweb', 'Bestand', 'Bewerken', 'Beeld', 'Help']);
    const roles = submenuOf(template[0]).map((i) => i.role);
    expect(roles).toContain('about');
    expect(roles).toContain('quit');
  });

  it.each([
    ['Nieuw project…', 'CmdOrCtrl+N', 'nieuw'],
    ['Openen…', 'CmdOrCtrl+O', 'openen'],
    ['Opslaan', 'CmdOrCtrl+S', 'opslaan'],
    ['Opslaan als…', 'CmdOrCtrl+Shift+S', 'opslaan-als'],
    ['Project sluiten', 'CmdOrCtrl+W', 'sluiten'],
  ] as const)('Bestand has %s with %s, which sends %s', (label, accelerator, command) => {
    for (const isMac of [false, true]) {
      const { template, send, openHelp } = build(isMac);
      const item = find(submenuOf(find(template, 'Bestand')), label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledWith(command);
      expect(openHelp).not.toHaveBeenCalled();
    }
  });

  it('Kopie opslaan… sends kopie-opslaan', () => {
    const { template, send } = build(false);
    click(find(submenuOf(find(template, 'Bestand')), 'Kopie opslaan…'));
    expect(send).toHaveBeenCalledWith('kopie-opslaan');
  });

  it('Bestand ends with Afsluiten (quit) outside macOS only', () => {
    const other = submenuOf(find(build(false).template, 'Bestand'));
    expect(find(other, 'Afsluiten').role).toBe('quit');
    const mac = submenuOf(find(build(true).template, 'Bestand'));
    expect(mac.some((i) => i.label === 'Afsluiten')).toBe(false);
  });

  it('no two items share an accelerator', () => {
    const accelerators: string[] = [];
    const walk = (items: readonly MenuItemConstructorOptions[]) => {
      for (const i of items) {
        if (typeof i.accelerator === 'string') accelerators.push(i.accelerator);
        if (Array.isArray(i.submenu)) walk(i.submenu);
      }
    };
    walk(build(false).template);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('Bewerken uses the standard edit roles, and sends undo/redo to the page (project or text field)', () => {
    const { template, send } = build(false);
    const bewerken = submenuOf(find(template, 'Bewerken'));
    const roles = bewerken.map((i) => i.role);
    for (const role of ['cut', 'copy', 'paste', 'selectAll']) expect(roles).toContain(role);
    click(find(bewerken, 'Ongedaan maken'));
    click(find(bewerken, 'Opnieuw'));
    expect(send.mock.calls).toEqual([['ongedaan-maken'], ['opnieuw']]);
    expect(find(bewerken, 'Ongedaan maken').accelerator).toBe('CmdOrCtrl+Z');
    expect(find(bewerken, 'Opnieuw').accelerator).toBe('Ctrl+Y');
    expect(find(submenuOf(find(build(true).template, 'Bewerken')), 'Opnieuw').accelerator).toBe('Shift+Cmd+Z');
  });

  it.each([
    ['Rapport', 'CmdOrCtrl+P', 'rapport'],
    ['Presentatie', 'F5', 'presentatie'],
  ] as const)('Beeld has %s with %s, which sends %s', (label, accelerator, command) => {
    for (const isMac of [false, true]) {
      const { template, send, openHelp } = build(isMac);
      const item = find(submenuOf(find(template, 'Beeld')), label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(send.mock.calls).toEqual([[command]]);
      expect(openHelp).not.toHaveBeenCalled();
    }
  });

  it('Help has Rondleiding, which sends rondleiding', () => {
    const { template, send, openHelp } = build(false);
    click(find(submenuOf(find(template, 'Help')), 'Rondleiding'));
    expect(send.mock.calls).toEqual([['rondleiding']]);
    expect(openHelp).not.toHaveBeenCalled();
  });

  it('Beeld switches the language', () => {
    const { template, send } = build(false);
    const beeld = submenuOf(find(template, 'Beeld'));
    click(find(beeld, 'Nederlands'));
    click(find(beeld, 'English'));
    expect(send.mock.calls).toEqual([['taal-nl'], ['taal-en']]);
  });

  it('Help: "Over Wijkweb" sends over, the CBS item opens help and sends nothing', () => {
    const { template, send, openHelp } = build(false);
    const help = submenuOf(find(template, 'Help'));
    click(find(help, 'Over Wijkweb'));
    expect(send).toHaveBeenCalledWith('over');
    const cbs = help.find((i) => i.label?.startsWith('CBS'));
    expect(cbs).toBeDefined();
    if (cbs) click(cbs);
    expect(openHelp).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('every menu command is reachable, and every click sends a known command', () => {
    const { template, send } = build(false);
    const walk = (items: readonly MenuItemConstructorOptions[]) => {
      for (const i of items) {
        if (i.click) click(i);
        if (Array.isArray(i.submenu)) walk(i.submenu);
      }
    };
    walk(template);
    const sent = send.mock.calls.map((c) => c[0]);
    for (const command of sent) expect(MENU_COMMANDS).toContain(command);
    expect([...new Set(sent)].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('builds a fresh template each time', () => {
    const a = build(false).template;
    const b = build(false).template;
    expect(a).not.toBe(b);
    expect(a[0]).not.toBe(b[0]);
  });
});
