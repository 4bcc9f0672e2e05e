import { describe, expect, it } from 'vitest';
import { toolVerdict, type Tool } from '../../helpers/tools';

const there: Tool = { name: '/usr/bin/chromium', present: true, install: 'apt-get install -y chromium' };
const gone: Tool = { name: 'pdfinfo', present: false, install: 'apt-get install -y poppler-utils' };

describe('tests that need a program of the machine', () => {
  it('run when every program is there', () => {
    expect(toolVerdict([there])).toEqual({ run: true });
  });

  it('fail without one (never a skip), naming what is missing and how to get it', () => {
    expect(toolVerdict([there, gone])).toEqual({
      run: false,
      why: 'pdfinfo ontbreekt (apt-get install -y poppler-utils)',
    });
  });
});
