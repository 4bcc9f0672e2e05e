/** `PRAGMA application_id` of every Wijkweb project file: the bytes 'WKWB'. */
export const APPLICATION_ID = 0x574b5742;

/** The file name extension of a project. */
export const PROJECT_EXTENSION = '.wijkweb';

/** The first 16 bytes of every SQLite database file. */
export const SQLITE_HEADER = 'SQLite format 3\u0000';
