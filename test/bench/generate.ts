// Generated post-mortems of a chosen size, growing mostly in the Timeline and What happened sections.
// Deterministic for a given size and seed; used by the benchmark and the differential test.

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const WORDS = 'cache node latency checkout queue consumer deploy rollback alert replica primary failover index shard memory limit config region traffic retry timeout pool connection worker database backlog dashboard pager customer request error rate'.split(' ');

function sentence(r: () => number, words = 8 + Math.floor(r() * 12)): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]!);
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function stamp(minutes: number): string {
  const d = new Date(Date.UTC(2026, 10, 20, 0, 0) + minutes * 60_000);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

export function generatePostmortem(targetBytes: number, seed = 1): string {
  const r = rng(seed);
  const head = [
    '---',
    'type: postmortem',
    'title: Checkout latency spike',
    'date: 2026-11-20',
    'severity: SEV2',
    'status: draft',
    '---',
    '',
    '# Checkout latency spike',
    '',
    '## Overview',
    '',
    'Checkout p99 latency rose to 9 s for 42 minutes after a cache node failed; 310 checkouts failed.',
    '',
    '## Background',
    '',
    sentence(r),
    '',
  ];
  const happened: string[] = ['## What happened', ''];
  const timeline: string[] = ['## Timeline', ''];
  const tail = [
    '## Root Causes',
    '',
    sentence(r),
    '',
    '## Mitigation',
    '',
    sentence(r),
    '',
    '## Impact',
    '',
    '- 12,400 checkouts slowed, 310 failed (2.5%).',
    '',
    '## Responders',
    '',
    '- Incident commander: @sam',
    '',
    '## Good-jobs and Improvement Chances',
    '',
    sentence(r),
    '',
    '## Action Items',
    '',
    '- [ ] Add a memory alert per cache node — owner: @kim, ticket: OPS-142, due: 2026-12-01',
    '',
  ];
  let size = [...head, ...tail].join('\n').length;
  let minute = 0;
  while (size < targetBytes) {
    // Two thirds of the growth goes to the timeline, one third to What happened.
    if (r() < 0.66) {
      minute += 1 + Math.floor(r() * 5);
      const entry = [`- **${stamp(minute)}** — ${sentence(r)}`];
      if (r() < 0.15) entry.push(`  - ${sentence(r, 6)}`);
      timeline.push(...entry);
      size += entry.join('\n').length + 1;
    } else {
      const block: string[] = [];
      const kind = r();
      if (kind < 0.6) block.push(sentence(r), sentence(r), '');
      else if (kind < 0.85) block.push(`- ${sentence(r, 6)}`, `- ${sentence(r, 6)}`, '');
      else if (kind < 0.95) block.push('```sh', `kubectl rollout undo deploy/${WORDS[Math.floor(r() * WORDS.length)]}`, '# not a heading', '```', '');
      else block.push(`### ${sentence(r, 3).slice(0, -1)}`, '');
      happened.push(...block);
      size += block.join('\n').length + 1;
    }
  }
  return [...head, ...happened, '', ...timeline, '', ...tail].join('\n');
}
