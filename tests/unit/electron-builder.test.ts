import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as {
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string }[];
  win: { target: string[] };
  mac: { target: string };
  linux: { target: string[] };
  asar: boolean;
};

describe('electron-builder configuration', () => {
  it('flips the Electron fuses the security checklist asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds Windows nsis + portable, a macOS dmg, Linux AppImage + deb, with the .wijkweb file association', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toBe('dmg');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.fileAssociations.map((f) => f.ext)).toEqual(['wijkweb']);
  });

  it('keeps the app version in step with package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
      main: string;
      dependencies: Record<string, string>;
    };
    const { APP_VERSION } = await import('../../shared/version');
    expect(APP_VERSION).toBe(pkg.version);
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(pkg.dependencies.xlsx).toBe('npm:@e965/xlsx@0.20.3');
  });
});
