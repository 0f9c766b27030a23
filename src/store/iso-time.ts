const DAY_MS = 86_400_000;
let cachedDay = Number.NaN;
let cachedPrefix = '';

const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * The instant as `Date.prototype.toISOString` writes it. Every stored event carries two
 * instants and events arrive in time order, so the date part is kept from one call to
 * the next and only the time of day is formatted.
 */
export function isoTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    const iso = new Date(ms).toISOString();
    // Years outside 0000–9999 are written with a sign and more digits: no cache for those.
    if (iso.length !== 24) return iso;
    cachedDay = day;
    cachedPrefix = iso.slice(0, 11);
  }
  const inDay = ms - day * DAY_MS;
  const hours = Math.floor(inDay / 3_600_000);
  const minutes = Math.floor(inDay / 60_000) % 60;
  const seconds = Math.floor(inDay / 1000) % 60;
  return `${cachedPrefix}${two(hours)}:${two(minutes)}:${two(seconds)}.${three(inDay % 1000)}Z`;
}
