// Deterministic random text for equivalence tests: `len` pieces drawn from `parts` by a seeded LCG.
export function randomText(parts: readonly string[], seed: number, len: number): string {
  let a = seed;
  let s = '';
  for (let i = 0; i < len; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    s += parts[Math.floor((a / 4294967296) * parts.length)]!;
  }
  return s;
}
