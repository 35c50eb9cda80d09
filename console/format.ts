/** @module How the console writes times and counts, in the browser's language and time zone. */

/** "Tue 1 Dec, 14:00" (the year only when it is not this one). */
export function formatDateTime(iso: string, options: { timeZone?: string } = {}): string {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleString(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
    ...options,
  });
}

/** "14:00–15:00" for a slot's end (or the full end when it is another day). */
export function formatTimeRange(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  return start.toDateString() === end.toDateString()
    ? `${formatDateTime(startsAt)}–${time(end)}`
    : `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`;
}

/** "3 min ago", "yesterday", "in 2 days"; falls back to the date after a month. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  if (abs < 60) return format.format(seconds, "second");
  if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), "hour");
  if (abs < 30 * 86_400) return format.format(Math.round(seconds / 86_400), "day");
  return formatDateTime(iso);
}

/** "1 booking", "3 bookings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
