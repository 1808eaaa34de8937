// timeline-timezone: timeline times without a zone while the document states none (front matter `timezone`, the
// Timeline heading or text, or prose such as "all times UTC"). Reported once, on the Timeline heading.
import { sectionsFor } from '../model/model';
import { parseTimeline, statedTimeZone } from '../timeline';
import type { Rule } from './types';

export const timelineTimezone: Rule = {
  code: 'timeline-timezone',
  defaultLevel: 'info',
  description: 'Timeline times have no zone, and the document states none.',
  docs: 'timeline-timezone',
  run({ model, report }) {
    // The stated zone first (the timeline's read has found it already), then a count, not a filtered copy of every entry.
    if (statedTimeZone(model)) return;
    const items = parseTimeline(model);
    let bare = 0;
    for (let i = 0; i < items.length; i++) {
      const time = items[i]!.time;
      if (time !== undefined && time.hasTime && !time.hasZone) bare++;
    }
    if (bare === 0) return;
    const heading = sectionsFor(model, 'timeline')[0]?.heading;
    if (!heading) return;
    report({
      message: `${bare} timeline ${bare === 1 ? 'time has' : 'times have'} no time zone and the document states none: add it to the heading ("${heading.text} (UTC)") or to each time.`,
      range: heading.range,
      data: { count: bare },
    });
  },
};
