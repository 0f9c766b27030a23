/** The signature every binary COPY stream starts with. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * The first column of each row of a PostgreSQL binary COPY stream, as views of `data`:
 * bytes as stored, where a bytea read as a query result would come as hex text twice its
 * size, to be decoded again.
 */
export function firstColumns(data: Buffer): Uint8Array[] {
  if (data.length < 19 || !data.subarray(0, 11).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
  let at = 15 + 4 + data.readUInt32BE(15);
  const rows: Uint8Array[] = [];
  for (;;) {
    const fields = data.readInt16BE(at);
    at += 2;
    if (fields === -1) return rows;
    for (let field = 0; field < fields; field++) {
      const length = data.readInt32BE(at);
      at += 4;
      if (length < 0) throw new Error('a null where bytes were expected');
      if (field === 0) rows.push(data.subarray(at, at + length));
      at += length;
    }
  }
}
