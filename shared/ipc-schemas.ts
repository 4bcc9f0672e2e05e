/**
 * The runtime half of the contract (shared/contract.ts): zod schemas of every IPC channel's arguments, which main
 * parses before doing anything. Kept apart so the sandboxed preload does not bundle zod.
 */
import { z } from 'zod';
import { BACKUP_REASONS, IPC, MAX_PROJECT_BYTES } from './contract';

const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_PROJECT_BYTES, 'te groot');
const id = z.string().min(1).max(4096);
const suggestedName = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\\/:*?"<>|]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 32), 'ongeldige tekens');
/** A name for a file Wijkweb makes itself: a plain file name, not only dots and spaces. */
const fileName = suggestedName.refine((s) => /[^.\s]/.test(s), 'geen naam');
/** A report page to print: at most 50 MB of text. */
export const MAX_PRINT_HTML_CHARS = 50 * 1024 * 1024;
const html = z.string().min(1).max(MAX_PRINT_HTML_CHARS);
const pdfName = suggestedName.refine((s) => /^[^.\s].*\.pdf$/i.test(s), 'geen .pdf');

/** Argument tuples per IPC channel; main parses every call with these before doing anything. */
export const IPC_SCHEMAS = {
  [IPC.platform]: z.tuple([]),
  [IPC.createProjectFile]: z.tuple([suggestedName, bytes]),
  [IPC.openProjectFile]: z.tuple([]),
  [IPC.openRecentProject]: z.tuple([id]),
  [IPC.listRecentProjects]: z.tuple([]),
  [IPC.forgetRecentProject]: z.tuple([id]),
  [IPC.saveProjectFile]: z.tuple([id, bytes, z.enum(BACKUP_REASONS).optional()]),
  [IPC.saveProjectFileAs]: z.tuple([id.nullable(), bytes, suggestedName]),
  [IPC.saveCopy]: z.tuple([bytes, suggestedName]),
  [IPC.closeProjectFile]: z.tuple([id]),
  [IPC.listBackups]: z.tuple([id]),
  [IPC.readBackup]: z.tuple([id, z.string().regex(/^[A-Za-z0-9._-]{1,200}$/)]),
  [IPC.confirmClose]: z.tuple([]),
  [IPC.printPdf]: z.tuple([html, pdfName]),
  [IPC.createWorkingCopy]: z.tuple([fileName, bytes]),
} as const;

export type InvokeChannel = keyof typeof IPC_SCHEMAS;
