/** The house rule "SQL only in shared/db/" (ARCHITECTURE.md) is enforced by ESLint: a statement elsewhere fails lint. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const lint = async (filePath: string, code: string) => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
};

describe('SQL only in shared/db/', () => {
  it('refuses a statement in an importer, the service or the UI, in a string or a template', async () => {
    expect(await lint('shared/importers/x.ts', "export const q = 'SELECT id FROM organisatie';\n")).toEqual([
      'SQL belongs in shared/db/ (a repo function); call that instead.',
    ]);
    expect(await lint('shared/service/x.ts', 'export const q = (t: string) => `DELETE FROM ${t}`;\n')).toHaveLength(1);
    expect(await lint('renderer/x.ts', "export const q = 'UPDATE relatie SET soort = 1';\n")).toHaveLength(1);
  });

  it('allows it in shared/db/, and allows ordinary words that look like SQL', async () => {
    expect(await lint('shared/db/repos/x.ts', "export const q = 'SELECT id FROM organisatie';\n")).toEqual([]);
    expect(await lint('renderer/x.ts', "export const t = 'Drop a file on the window';\n")).toEqual([]);
    expect(await lint('renderer/x.ts', "export const e = 'select unselect';\n")).toEqual([]);
  });
});
