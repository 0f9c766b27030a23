/**
 * A position in PostgreSQL's write-ahead log (an LSN), as the server writes it: two
 * hexadecimal numbers, "16/B374D848". Positions only grow, so a replica that has replayed
 * up to a position holds everything committed on the writer before it.
 */
export type LogPosition = bigint;

const LSN_TEXT = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** The position an LSN's text names, or undefined for anything else (a missing or altered cookie). */
export function parseLogPosition(text: string | null | undefined): LogPosition | undefined {
  const match = typeof text === 'string' ? LSN_TEXT.exec(text) : null;
  if (!match) return undefined;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLogPosition(position: LogPosition): string {
  return `${(position >> 32n).toString(16).toUpperCase()}/${(position & 0xffffffffn).toString(16).toUpperCase()}`;
}
