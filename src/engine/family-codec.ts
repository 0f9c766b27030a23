import { deserialize, serialize } from 'node:v8';
import { deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { promisify } from 'node:util';

const deflateRawAsync = promisify(deflateRaw);

/** A blob's first byte: how the rest is written. */
const RAW = 0;
const DEFLATED = 1;
/** Deflate looks back 32 KiB: a longer dictionary is wasted. */
const DICTIONARY_BYTES = 32 * 1024;
/** Fast: a family is written each time it goes cold, and read each time it is needed again. */
const LEVEL = 4;

/**
 * Writes a cold family's state as bytes and reads it back. The V8 serializer keeps
 * shared objects shared (an event held by a person's lists and by the family's record
 * list is written once) but spells out every property name and short value each time,
 * so one family compresses well against a dictionary of what other families look like:
 * about 60 bytes a record against 450 written plainly (docs/scale-notes.md).
 */
export class FamilyCodec {
  constructor(private dictionary?: Uint8Array) {}

  /** The dictionary the deflated blobs need, kept with them in a snapshot; undefined until one is written. */
  get dictionaryBytes(): Uint8Array | undefined {
    return this.dictionary;
  }

  /** Learns what families look like from a sample, once; blobs written before stay readable only with the same dictionary. */
  learn(sample: () => Iterable<unknown>): void {
    if (this.dictionary) return;
    const parts: Buffer[] = [];
    let bytes = 0;
    for (const state of sample()) {
      const part = serialize(state);
      parts.push(part);
      bytes += part.length;
      if (bytes >= DICTIONARY_BYTES * 4) break;
    }
    this.dictionary = new Uint8Array(Buffer.concat(parts).subarray(-DICTIONARY_BYTES));
  }

  /** Compressed, for a family going cold. */
  encode(state: unknown): Uint8Array {
    if (!this.dictionary) return this.encodeRaw(state);
    const packed = deflateRawSync(serialize(state), { level: LEVEL, dictionary: this.dictionary });
    const blob = new Uint8Array(packed.length + 1);
    blob[0] = DEFLATED;
    blob.set(packed, 1);
    return blob;
  }

  /** Uncompressed, for many families at once when time matters more than bytes (a snapshot taken while records wait). */
  encodeRaw(state: unknown): Uint8Array {
    const written = serialize(state);
    const blob = new Uint8Array(written.length + 1);
    blob[0] = RAW;
    blob.set(written, 1);
    return blob;
  }

  /**
   * Compresses, off the main thread, the blobs written uncompressed (a snapshot's families
   * that were in memory), in place; the others are left as they are.
   */
  async compressAll(blobs: (Uint8Array | number)[]): Promise<void> {
    const dictionary = this.dictionary;
    if (!dictionary) return;
    await Promise.all(
      blobs.map(async (blob, i) => {
        if (typeof blob === 'number' || blob[0] !== RAW) return;
        const packed = await deflateRawAsync(blob.subarray(1), { level: LEVEL, dictionary });
        const out = new Uint8Array(packed.length + 1);
        out[0] = DEFLATED;
        out.set(packed, 1);
        blobs[i] = out;
      }),
    );
  }

  decode<T>(blob: Uint8Array): T {
    const body = Buffer.from(blob.buffer, blob.byteOffset + 1, blob.byteLength - 1);
    if (blob[0] === RAW) return deserialize(body) as T;
    if (blob[0] !== DEFLATED || !this.dictionary) throw new Error('a cold family was written in a form this process cannot read');
    return deserialize(inflateRawSync(body, { dictionary: this.dictionary })) as T;
  }
}
