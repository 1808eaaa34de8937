// The string formats of the front-matter schema, as the compiled validator (src/core/generated) calls them.
import { isIsoDate } from '../authoring/template';

/** ISO 8601 date and time: 2026-11-01T14:03Z, 2026-11-01T14:03:00.5+01:00, 2026-11-01 14:03:00. */
export function isIsoDateTime(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i.exec(value);
  return !!m && isIsoDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 61;
}

export const formats = {
  date: { type: 'string', validate: isIsoDate },
  'date-time': { type: 'string', validate: isIsoDateTime },
} as const;
