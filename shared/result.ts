/**
 * Errors cross every boundary as data, never as exceptions (Actual's importers, Signal's envelope).
 * `code` is a key in shared/i18n/<taal>.json under "fout."; `params` fill its placeholders.
 */
export interface AppError {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Technical detail for the collapsed "Details" part of a message and for logs; never the main text. */
  readonly detail?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(
  code: string,
  params?: Record<string, string | number>,
  detail?: string,
): Result<T> => ({
  ok: false,
  error: { code, ...(params ? { params } : {}), ...(detail ? { detail } : {}) },
});

/** An error that carries an AppError; thrown only inside a layer, turned into a Result at its edge. */
export class AppException extends Error {
  readonly appError: AppError;
  constructor(code: string, params?: Record<string, string | number>, detail?: string) {
    super(detail ?? code);
    this.name = 'AppException';
    this.appError = { code, ...(params ? { params } : {}), ...(detail ? { detail } : {}) };
  }

  static of(error: AppError): AppException {
    return new AppException(error.code, error.params ? { ...error.params } : undefined, error.detail);
  }
}

/** The value of a Result, or its error thrown as an AppException (inside a layer only). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw AppException.of(result.error);
  return result.value;
}

/** Turn anything thrown into an AppError; unknown errors become `intern.onverwacht` with their message as detail. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppException) return err.appError;
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'intern.onverwacht', detail };
}
