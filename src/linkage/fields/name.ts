/** A name reduced to what survives re-keying: lower case, no accents, letters only. */
export function normaliseName(value: string | undefined): string | null {
  if (value === undefined) return null;
  const letters = foldAccents(value)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return letters.length > 0 ? letters : null;
}

/**
 * The parts of a double-barrelled or multi-word name ("Smith-Jones", "De Souza"),
 * so that a record carrying one part can still be recognised.
 */
export function nameParts(value: string | undefined): string[] {
  if (value === undefined) return [];
  return foldAccents(value)
    .toLowerCase()
    .split(/[^a-z']+/)
    .map((part) => part.replace(/'/g, ''))
    .filter((part) => part.length > 1);
}

function foldAccents(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
