// A Slack export: a channel folder of per-day JSON files (`2025-11-24.json`, each an array of messages with `ts`,
// `user`, `text`, `subtype`), and `users.json` at the export's root for names. Joins, leaves, topic changes and bot
// messages are left out (and listed). Mentions, channel links and `<url|label>` links become Markdown.
import { jsonPreview, parseJson } from './json';
import { escapeInline, escapePiece, link, tidy } from './markdown';
import { ImportError, type Collector } from './types';

/**
 * `text` without its first `^` that no line break follows and everything after it: `text.replace(/\^.*$/, '')` with
 * one search, where the regex retries from every `^`.
 */
function beforeCaret(text: string): string {
  let lastBreak = -1;
  for (let k = text.length - 1; k >= 0; k--) {
    if (/[\n\r\u2028\u2029]/.test(text[k]!)) {
      lastBreak = k;
      break;
    }
  }
  const caret = text.indexOf('^', lastBreak + 1);
  return caret < 0 ? text : text.slice(0, caret);
}

export interface ExportFile {
  /** Path or name, for messages (`incident-42/2025-11-24.json`). */
  readonly name: string;
  readonly text: string;
}

/** Subtypes that are channel housekeeping, not incident events. */
const HOUSEKEEPING: Readonly<Record<string, string>> = {
  channel_join: 'a channel join',
  channel_leave: 'a channel leave',
  group_join: 'a channel join',
  group_leave: 'a channel leave',
  channel_topic: 'a topic change',
  channel_purpose: 'a purpose change',
  channel_name: 'a channel rename',
  channel_archive: 'a channel archive',
  channel_unarchive: 'a channel unarchive',
  bot_message: 'a bot message',
  bot_add: 'a bot added',
  bot_remove: 'a bot removed',
  pinned_item: 'a pin notice',
  unpinned_item: 'an unpin notice',
  reminder_add: 'a reminder notice',
  tombstone: 'a deleted message',
};

/** User ids to names, from users.json: display name, else real name, else the handle. */
export function slackUsers(text: string, name = 'users.json'): Map<string, string> {
  const data = parseJson(text, name);
  const users = new Map<string, string>();
  if (!Array.isArray(data)) throw new ImportError(`${name} is not a Slack users file: expected a JSON array of users.`);
  for (const u of data) {
    if (!u || typeof u !== 'object') continue;
    const r = u as Record<string, unknown>;
    const profile = (r['profile'] && typeof r['profile'] === 'object' ? r['profile'] : {}) as Record<string, unknown>;
    const display = [profile['real_name'], r['real_name'], profile['display_name'], r['name']].find((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (typeof r['id'] === 'string' && display) users.set(r['id'], display.trim());
  }
  return users;
}

/** Whether parsed JSON looks like a Slack day file: an array of objects with `ts`. */
export function isSlackDay(data: unknown): boolean {
  return Array.isArray(data) && data.length > 0 && data.slice(0, 20).every((m) => m && typeof m === 'object' && typeof (m as Record<string, unknown>)['ts'] === 'string');
}

const ENTITY: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const decode = (s: string) => s.replace(/&(?:lt|gt|amp);/g, (e) => ENTITY[e]!);

/** Slack's mrkdwn text as safe Markdown: `<@U1>`, `<#C1|name>`, `<!here>`, `<url|label>`; everything else escaped. */
export function slackMarkdown(text: string, users: ReadonlyMap<string, string>): { markdown: string; plain: string } {
  let markdown = '';
  let plain = '';
  let at = 0;
  const re = /<([^<>\n]{1,2000})>/g;
  let m: RegExpExecArray | null;
  const addText = (s: string) => {
    const t = decode(s);
    plain += t;
    markdown += escapePiece(t);
  };
  while ((m = re.exec(text))) {
    addText(text.slice(at, m.index));
    at = m.index + m[0].length;
    const inner = m[1]!;
    const bar = inner.indexOf('|');
    const target = decode(bar >= 0 ? inner.slice(0, bar) : inner);
    const label = bar >= 0 ? decode(inner.slice(bar + 1)) : undefined;
    let shown: string;
    let md: string;
    if (target.startsWith('@')) {
      shown = `@${users.get(target.slice(1)) ?? label ?? target.slice(1)}`;
      md = escapeInline(shown);
    } else if (target.startsWith('#')) {
      shown = `#${label ?? target.slice(1)}`;
      md = escapeInline(shown);
    } else if (target.startsWith('!')) {
      shown = `@${label ?? beforeCaret(target.slice(1))}`;
      md = escapeInline(shown);
    } else {
      shown = label ?? target;
      md = link(shown, target);
    }
    plain += shown;
    markdown += md;
  }
  addText(text.slice(at));
  return { markdown: tidy(markdown), plain };
}

/** Reads one day file's messages into the collector. */
export function parseSlackDay(file: ExportFile, users: ReadonlyMap<string, string>, out: Collector): void {
  const data = parseJson(file.text, file.name);
  if (!Array.isArray(data)) throw new ImportError(`${file.name} is not a Slack export day file: expected a JSON array of messages.`);
  data.forEach((item, i) => {
    const record = i + 1;
    if (!item || typeof item !== 'object') {
      out.unread(record, JSON.stringify(item) ?? String(item), 'not a message object', file.name);
      return;
    }
    const msg = item as Record<string, unknown>;
    const preview = typeof msg['text'] === 'string' ? msg['text'] : jsonPreview(msg);
    const subtype = typeof msg['subtype'] === 'string' ? msg['subtype'] : undefined;
    if (subtype && HOUSEKEEPING[subtype]) {
      out.ignore(record, preview, `${HOUSEKEEPING[subtype]} (Slack "${subtype}")`, file.name);
      return;
    }
    if (typeof msg['bot_id'] === 'string' && typeof msg['user'] !== 'string') {
      out.ignore(record, preview, 'a bot message', file.name);
      return;
    }
    const ts = typeof msg['ts'] === 'string' ? Number(msg['ts']) : NaN;
    if (!Number.isFinite(ts) || ts <= 0) {
      out.unread(record, preview, 'no valid "ts" time', file.name);
      return;
    }
    const text = typeof msg['text'] === 'string' ? msg['text'] : '';
    const files = Array.isArray(msg['files']) ? (msg['files'] as Array<Record<string, unknown>>).map((f) => (typeof f?.['name'] === 'string' ? f['name'] : 'a file')) : [];
    if (text.trim() === '' && files.length === 0) {
      out.unread(record, preview, 'a message with no text', file.name);
      return;
    }
    const profile = (msg['user_profile'] && typeof msg['user_profile'] === 'object' ? msg['user_profile'] : {}) as Record<string, unknown>;
    const user = typeof msg['user'] === 'string' ? msg['user'] : undefined;
    const author = (user && users.get(user)) ?? [profile['real_name'], profile['display_name'], msg['username']].find((v): v is string => typeof v === 'string' && v !== '') ?? user;
    const body = slackMarkdown(text, users);
    const attached = files.length > 0 ? `${body.plain ? ' ' : ''}(attached: ${files.join(', ')})` : '';
    out.entries.push({
      epochMs: Math.round(ts * 1000),
      ...(author ? { author } : {}),
      text: body.plain + attached,
      markdown: tidy(body.markdown + escapePiece(attached)),
      line: record,
      file: file.name,
    });
  });
}
