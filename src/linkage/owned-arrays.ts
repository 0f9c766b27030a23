/**
 * The same value with every typed array in it copied into a buffer of its own, where it
 * is a view into a larger one. `v8.deserialize` returns typed arrays that are views into
 * the buffer it read: a state kept from a snapshot would otherwise keep the whole
 * snapshot's bytes in memory for as long as the state lives.
 */
export function ownedArrays<T>(value: T): T {
  if (ArrayBuffer.isView(value)) {
    const view = value as unknown as { byteOffset: number; byteLength: number; buffer: ArrayBufferLike; slice(): unknown };
    return (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? value : view.slice()) as T;
  }
  if (Array.isArray(value)) return value.map(ownedArrays) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, ownedArrays(field)])) as T;
  return value;
}
