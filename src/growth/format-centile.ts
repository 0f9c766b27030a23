/** "1st", "22nd", "0.3rd", "11th": the suffix follows the last digit, except 11–13. */
function ordinal(n: string): string {
  const lastTwo = Number(n.replace('.', '').slice(-2));
  if (lastTwo >= 11 && lastTwo <= 13 && !n.includes('.')) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[lastTwo % 10] ?? 'th'}`;
}

/** A centile as practitioners say it: "50th", "2nd", "0.4th", "below the 0.1st". */
export function formatCentile(centile: number): string {
  if (centile < 0.1) return 'below the 0.1st';
  if (centile > 99.9) return 'above the 99.9th';
  if (centile < 1 || centile > 99) return ordinal(centile.toFixed(1));
  return ordinal(String(Math.round(centile)));
}
