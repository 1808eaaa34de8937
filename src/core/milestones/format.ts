// Durations as people write them; no other dependency, so the lazily loaded preview code can use it.

/** A duration as people write it: "45 s", "12 min", "2 h 05 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.round(Math.abs(ms) / 1000);
  if (total < 60) return `${sign}${total} s`;
  const minutes = Math.round(total / 60);
  if (minutes < 60) return `${sign}${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h < 48) return `${sign}${h} h ${String(m).padStart(2, '0')} min`;
  const d = Math.floor(h / 24);
  const hh = h % 24;
  return `${sign}${d} d ${hh} h${m ? ` ${String(m).padStart(2, '0')} min` : ''}`;
}

