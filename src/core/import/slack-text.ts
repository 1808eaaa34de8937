// Text copied from a Slack channel: "Sam Lee  10:42 AM" headers, continuation messages under a bare time, and date
// separators ("Today", "Yesterday", "Tuesday, November 24th") resolved against the reference day.
import { parseChat, type ChatDialect } from './chat';
import type { Clock } from './time';
import type { Collector } from './types';

export const SLACK_DIALECT: ChatDialect = {
  bracketHeaders: false,
  noise: /^(?:New messages?|New|View thread|Show more|Show less|Also sent to the channel|View newer replies|Only visible to you|\d+ repl(?:y|ies)|Last reply .{0,40}|replied to a thread: .*|:[\w+-]+:\s?\d+)$/i,
  noiseReason: 'Slack interface text, not a message',
};

export function parseSlackText(text: string, clock: Clock, out: Collector): void {
  parseChat(text, clock, out, SLACK_DIALECT);
}
