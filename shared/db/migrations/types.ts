import type { ProjectDb } from '../connection';

export interface Migration {
  /** Strictly increasing; the file name starts with the same number. */
  readonly version: number;
  readonly name: string;
  /** Runs inside the one migration transaction. Never edit a migration that has shipped: add a new one. */
  up(db: ProjectDb): void;
}
