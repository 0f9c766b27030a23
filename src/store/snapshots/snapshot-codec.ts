import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { brotliCompress, brotliDecompress, constants } from 'node:zlib';
import { promisify } from 'node:util';

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/**
 * Chunks small enough that a row never nears PostgreSQL's or the driver's limits on one
 * value: the driver gathers a row from the network by copying what it has so far on
 * every read, so its cost grows with the square of the row (8 MiB chunks spent seconds
 * in Buffer copies at 10,000 families).
 */
export const CHUNK_BYTES = 1024 * 1024;

export interface EncodedSnapshot {
  chunks: Buffer[];
  /** SHA-256 of the compressed whole, hex. */
  sha256: string;
  rawBytes: number;
  storedBytes: number;
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Serialises a state synchronously, so it is the state of this moment even if the
 * engine moves on while the result is compressed and written. The V8 serializer keeps
 * maps, sets and shared references (one event held by several indexes stays one object).
 */
export function capture(state: unknown): Buffer {
  return serialize(state);
}

/** Compresses (Brotli, fast setting, off the main thread) and cuts into chunks. */
export async function encode(serialised: Buffer, chunkBytes = CHUNK_BYTES): Promise<EncodedSnapshot> {
  const compressed = await compress(serialised, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_SIZE_HINT]: serialised.length,
    },
  });
  const chunks: Buffer[] = [];
  for (let start = 0; start < compressed.length; start += chunkBytes) chunks.push(compressed.subarray(start, start + chunkBytes));
  if (chunks.length === 0) chunks.push(Buffer.alloc(0));
  return { chunks, sha256: sha256(compressed), rawBytes: serialised.length, storedBytes: compressed.length };
}

/** Joins, checks and unpacks chunks; throws naming what is wrong. */
export async function decode(chunks: readonly Uint8Array[], expectedSha256: string): Promise<unknown> {
  const whole = Buffer.concat(chunks);
  if (sha256(whole) !== expectedSha256) throw new Error('checksum of the whole does not match');
  const raw = await decompress(whole);
  return deserialize(raw);
}
