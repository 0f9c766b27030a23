import type { Database } from '../database.ts';
import { deserialize } from 'node:v8';
import { decode, encode, sha256 } from './snapshot-codec.ts';
import { SNAPSHOT_FORMAT } from './snapshot-compatibility.ts';

/** How many completed snapshots are kept: the newest, and one to fall back on if it is damaged. */
const KEEP = 2;
/** Chunk queries sent at once when a snapshot is read. */
const CHUNKS_IN_FLIGHT = 4;

export interface SnapshotPosition {
  /** The last event (seq) the state includes. */
  lastSeq: number;
  /** The last action on a finding (finding_actions.seq) the state includes. */
  lastActionSeq: number;
}

export interface LoadedSnapshot<S> extends SnapshotPosition {
  id: number;
  state: S;
  /** The identity linker's state, kept beside the engine's. */
  linker: unknown;
  /** Byte blobs written apart from the state (the engine's families), finished after it was captured. */
  families: unknown;
  storedBytes: number;
  rawBytes: number;
}

export interface SnapshotWriteOutcome extends SnapshotPosition {
  id: number;
  chunks: number;
  storedBytes: number;
  rawBytes: number;
}

/** For tests: smaller chunks, and a write that fails after so many chunks, as a crash would leave it. */
export interface WriteFaults {
  chunkBytes?: number;
  failAfterChunks?: number;
}

interface HeaderRow {
  id: string;
  last_seq: string;
  last_action_seq: string;
  chunk_count: number;
  sha256: string;
  stored_bytes: string;
  raw_bytes: string;
}

/**
 * Writes a captured state in chunks. The header is written first and marked complete
 * only after every chunk, with the checksum of the whole: a crash part-way leaves an
 * incomplete snapshot that is never loaded. Older snapshots beyond the newest two, and
 * incomplete ones, are then removed.
 */
export async function writeSnapshot(
  db: Database,
  compatibility: string,
  position: SnapshotPosition,
  serialised: Buffer,
  faults: WriteFaults = {},
): Promise<SnapshotWriteOutcome> {
  const encoded = await encode(serialised, faults.chunkBytes);
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO engine_snapshots (format, compatibility, last_seq, last_action_seq) VALUES ($1, $2, $3, $4) RETURNING id',
    [SNAPSHOT_FORMAT, compatibility, position.lastSeq, position.lastActionSeq],
  );
  const id = Number(rows[0].id);
  for (const [n, chunk] of encoded.chunks.entries()) {
    if (faults.failAfterChunks !== undefined && n >= faults.failAfterChunks)
      throw new Error(`snapshot write interrupted after ${n} chunks`);
    await db.query('INSERT INTO engine_snapshot_chunks (snapshot_id, n, sha256, data) VALUES ($1, $2, $3, $4)', [
      id,
      n,
      sha256(chunk),
      chunk,
    ]);
  }
  await db.query(
    `UPDATE engine_snapshots SET completed_at = now(), raw_bytes = $2, stored_bytes = $3, chunk_count = $4, sha256 = $5 WHERE id = $1`,
    [id, encoded.rawBytes, encoded.storedBytes, encoded.chunks.length, encoded.sha256],
  );
  await db.query(
    `DELETE FROM engine_snapshots WHERE id <> $1 AND (completed_at IS NULL OR id NOT IN (
       SELECT id FROM engine_snapshots WHERE completed_at IS NOT NULL ORDER BY last_seq DESC, id DESC LIMIT ${KEEP}))`,
    [id],
  );
  return { id, ...position, chunks: encoded.chunks.length, storedBytes: encoded.storedBytes, rawBytes: encoded.rawBytes };
}

/** A snapshot's chunks, each checked against its own checksum. */
async function readChunks(db: Database, id: number, count: number): Promise<Uint8Array[]> {
  const { rows: sums } = await db.query<{ n: number; sha256: string }>(
    'SELECT n, sha256 FROM engine_snapshot_chunks WHERE snapshot_id = $1 ORDER BY n',
    [id],
  );
  if (sums.length !== count || sums.some((row, n) => Number(row.n) !== n)) throw new Error(`chunk ${missingChunk(sums, count)} is missing`);
  const chunks = db.readBytes
    ? await db.readBytes(`SELECT data FROM engine_snapshot_chunks WHERE snapshot_id = ${Number(id)} ORDER BY n`)
    : await readChunksByQuery(db, id, count);
  if (chunks.length !== count) throw new Error('a chunk is missing');
  chunks.forEach((chunk, n) => {
    if (sha256(chunk) !== sums[n].sha256) throw new Error(`chunk ${n} fails its checksum`);
  });
  return chunks;
}

function missingChunk(rows: readonly { n: number }[], count: number): number {
  const present = new Set(rows.map((row) => Number(row.n)));
  for (let n = 0; n < count; n++) if (!present.has(n)) return n;
  return count;
}

/** A few chunk queries in flight at once, so that the server reads the next while this process decodes one. */
async function readChunksByQuery(db: Database, id: number, count: number): Promise<Uint8Array[]> {
  const chunks = new Array<Uint8Array>(count);
  let next = 0;
  const fetchChunks = async () => {
    for (let n = next++; n < count; n = next++) {
      const { rows } = await db.query<{ data: Uint8Array }>('SELECT data FROM engine_snapshot_chunks WHERE snapshot_id = $1 AND n = $2', [
        id,
        n,
      ]);
      if (rows.length === 0) throw new Error(`chunk ${n} is missing`);
      chunks[n] = rows[0].data;
    }
  };
  await Promise.all(Array.from({ length: CHUNKS_IN_FLIGHT }, fetchChunks));
  return chunks;
}

/**
 * The newest complete snapshot of this compatibility that reads back whole, checksums
 * and all; a damaged one is passed over for the next. `skipped` says why each was passed
 * over. Undefined when none fits: the caller rebuilds from the log.
 */
export async function loadLatestSnapshot<S>(
  db: Database,
  compatibility: string,
  logEnd: number,
): Promise<{ snapshot?: LoadedSnapshot<S>; skipped: string[] }> {
  const { rows } = await db.query<HeaderRow>(
    `SELECT id, last_seq, last_action_seq, chunk_count, sha256, stored_bytes, raw_bytes FROM engine_snapshots
      WHERE completed_at IS NOT NULL AND format = $1 AND compatibility = $2 ORDER BY last_seq DESC, id DESC`,
    [SNAPSHOT_FORMAT, compatibility],
  );
  const skipped: string[] = [];
  for (const header of rows) {
    const id = Number(header.id);
    if (Number(header.last_seq) > logEnd) {
      skipped.push(`snapshot ${id}: ahead of the log (event ${header.last_seq}, the log ends at ${logEnd})`);
      continue;
    }
    try {
      const chunks = await readChunks(db, id, header.chunk_count);
      const outer = (await decode(chunks, header.sha256)) as { head?: Uint8Array; families?: unknown };
      if (!(outer?.head instanceof Uint8Array) || outer.families === undefined) throw new Error('contents do not match the header');
      const decoded = deserialize(outer.head) as { format?: number; state?: S; linker?: unknown; lastSeq?: number };
      if (
        decoded?.format !== SNAPSHOT_FORMAT ||
        decoded.lastSeq !== Number(header.last_seq) ||
        decoded.state === undefined ||
        decoded.linker === undefined
      )
        throw new Error('contents do not match the header');
      return {
        snapshot: {
          id,
          lastSeq: Number(header.last_seq),
          lastActionSeq: Number(header.last_action_seq),
          state: decoded.state,
          linker: decoded.linker,
          families: outer.families,
          storedBytes: Number(header.stored_bytes),
          rawBytes: Number(header.raw_bytes),
        },
        skipped,
      };
    } catch (error) {
      skipped.push(`snapshot ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { skipped };
}
