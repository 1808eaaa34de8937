// VS Code snippets generated from the section catalogue. scripts/generate.ts (`npm run generate`) writes them to
// snippets/postmortem.code-snippets; a unit test fails when the committed file is stale.
import { CATALOGUE } from '../model/catalogue';

export interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

/** Escapes text for a snippet body ($, } and \ are special). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The local date and time with its UTC offset, e.g. 2026-11-25 14:03 +01:00, from VS Code's snippet variables. */
const NOW = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE} ${CURRENT_HOUR}:${CURRENT_MINUTE} ${CURRENT_TIMEZONE_OFFSET}';

const ACTION_TYPES = ['mitigate', 'prevent', 'process'];
const ROLES = ['incident commander', 'scribe', 'responder', 'subject-matter expert'];

function sectionBody(id: string, guidance: string): string[] {
  switch (id) {
    case 'timeline':
      return [`- **${NOW}** — \${1:${escapeSnippet(guidance)}}`];
    case 'action-items':
      return ['- [ ] ${1:' + escapeSnippet(guidance) + '} — owner: @${2:name}, ticket: ${3:ABC-123}, due: ${4:YYYY-MM-DD}'];
    case 'impact':
      // The numbers our source asks for: users affected, duration, failed operations, revenue.
      return [
        '| Measure | Value | Source |',
        '|---|---|---|',
        '| Users affected | ${1:0} | ${2:link to a chart or logs} |',
        '| Duration | ${3:0 min} | |',
        '| Failed operations | ${4:0} | |',
        '| Revenue impact | ${5:0} | |',
      ];
    case 'responders':
      return [`- \${1:Name} — \${2|${ROLES.join(',')}|}`];
    default:
      return ['${1:' + escapeSnippet(guidance) + '}'];
  }
}

export function buildSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const spec of CATALOGUE) {
    out[`Post-mortem: ${spec.title}`] = {
      // pm-<section id>; the Timeline section is pm-timeline-section, since pm-timeline inserts one entry.
      prefix: spec.id === 'timeline' ? 'pm-timeline-section' : `pm-${spec.id}`,
      description: `${spec.title} section — ${spec.guidance}`,
      body: [`## ${escapeSnippet(spec.title)}`, '', ...sectionBody(spec.id, spec.guidance), '$0'],
    };
  }
  const skeleton: string[] = [
    '---',
    'type: postmortem',
    'title: ${1:Title}',
    'date: ${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}',
    'severity: ${2|SEV1,SEV2,SEV3,SEV4|}',
    'status: draft',
    '---',
    '',
    '# ${1:Title}',
  ];
  CATALOGUE.forEach((spec) => {
    skeleton.push('', `## ${escapeSnippet(spec.title)}`, '', `<!-- ${escapeSnippet(spec.guidance)} -->`);
    if (spec.id === 'overview') skeleton.push('$0');
  });
  out['Post-mortem: whole document'] = { prefix: 'pm-skeleton', description: 'A complete post-mortem with all ten sections.', body: skeleton };
  out['Post-mortem: action item'] = {
    prefix: 'pm-action-item',
    description: 'An action item with owner, ticket, due date and type.',
    body: [`- [ ] \${1:What will be done} — owner: @\${2:name}, ticket: \${3:ABC-123}, due: \${4:YYYY-MM-DD}, type: \${5|${ACTION_TYPES.join(',')}|}`],
  };
  out['Post-mortem: responder'] = {
    prefix: 'pm-responder',
    description: 'A responder and their role.',
    body: [`- \${1:Name} — \${2|${ROLES.join(',')}|}`],
  };
  out['Post-mortem: timeline entry'] = {
    prefix: 'pm-timeline',
    description: 'A timeline entry stamped with the current local date and time.',
    body: [`- **${NOW}** — \${1:What happened}`],
  };
  return out;
}

/** The file's exact content. */
export function snippetsFileText(): string {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}
