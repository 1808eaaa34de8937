// Opsgenie alert logs as CSV: the log of one alert (time, log text, owner, type) or the alert list (created,
// acknowledged and closed times). Created, acknowledged, escalated and closed become entries; notifications sent to
// responders are left out (and listed).
import { parseAlertCsv, type AlertVocabulary } from './alerts';
import type { Clock } from './time';
import type { Collector } from './types';

function classify(type: string, text: string): { verb?: string; ignore?: string } | undefined {
  const t = `${type} ${text}`.toLowerCase();
  if (/\b(?:alertrecipient|notification|notified)\b|^\s*sent\b|\bsent \[?[a-z]+\]? notification/.test(t)) return { ignore: 'a notification to a responder' };
  if (/\backnowledged?\b/.test(t)) return { verb: 'Acknowledged' };
  if (/\bescalat/.test(t)) return { verb: 'Escalated' };
  if (/\bclosed?\b|\bresolved?\b/.test(t)) return { verb: 'Closed' };
  if (/\bcreated?\b|\btriggered\b/.test(t)) return { verb: 'Created' };
  return undefined;
}

export const OPSGENIE_CSV: AlertVocabulary = { name: 'The Opsgenie CSV', classify };

export function parseOpsgenieCsv(text: string, clock: Clock, out: Collector): void {
  parseAlertCsv(text, clock, out, OPSGENIE_CSV);
}
