// Run by dynamic-regex.test.ts in a process of its own (`node --import tsx`): records every RegExp that code in src/
// constructs at run time (`new RegExp(source)`, which the ReDoS lint cannot read), while the core and the importers
// load and analyse generated post-mortems, then prints them as JSON. A process of its own, because a module loaded
// before the recorder is in place (as mocha loads every test file first) builds its patterns unseen.
const seen = new Map<string, { source: string; flags: string; where: string }>();
const Native = RegExp;
const HERE = 'test/unit/regex/capture';

function record(re: RegExp): void {
  // The frame that called the constructor: the first one outside this file.
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const caller = frames.find((f) => !f.includes(HERE));
  if (!caller || caller.includes('node_modules') || !caller.includes('/src/')) return;
  const where = caller.trim().replace(/^at\s+/, '').replace(/^.*?\/src\//, 'src/').replace(/:\d+\)?$/, '');
  seen.set(`${re.flags}/${re.source}`, { source: re.source, flags: re.flags, where });
}

globalThis.RegExp = new Proxy(Native, {
  construct(target, args, newTarget) {
    const re = Reflect.construct(target, args, newTarget) as RegExp;
    record(re);
    return re;
  },
  apply(target, thisArg, args) {
    const re = Reflect.apply(target, thisArg, args) as RegExp;
    record(re);
    return re;
  },
});

void (async () => {
  const core = await import('../../../src/core');
  await import('../../../src/core/import');
  const { generatePostmortem } = await import('../../bench/generate');
  // Patterns built on first use: every rule and reader runs on generated post-mortems.
  for (let seed = 1; seed <= 6; seed++) core.analyze(generatePostmortem(16 * 1024, seed), { path: '/p/postmortems/a.md', force: true });
  process.stdout.write(JSON.stringify([...seen.values()]));
})();
