/**
 * Remembers a function's results by argument: names, dates and postcodes repeat across
 * millions of records, and a shared result also saves the memory of a copy per record.
 * The cache is emptied when it grows past `maxSize`, so it never holds more than that.
 */
export function memoise<R>(compute: (key: string) => R, maxSize = 200_000): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      if (cache.size >= maxSize) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value as R;
  };
}
