// Text copied from a Microsoft Teams chat or channel: "[10:42 AM] Sam Lee" headers (with "Yesterday", a weekday or a
// date inside the brackets), or the name and the time on lines of their own, then the message.
import { parseChat, type ChatDialect } from './chat';
import type { Clock } from './time';
import type { Collector } from './types';

export const TEAMS_DIALECT: ChatDialect = {
  bracketHeaders: true,
  noise: /^(?:Edited|has context menu|Like|Reply|Seen by .{0,80}|\d+ (?:Like|Heart|Laugh|Surprised|Sad|Angry) reactions?\.?|Collapse all|See more)$/i,
  noiseReason: 'Teams interface text, not a message',
};

export function parseTeamsText(text: string, clock: Clock, out: Collector): void {
  parseChat(text, clock, out, TEAMS_DIALECT);
}
