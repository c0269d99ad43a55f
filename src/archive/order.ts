/** Code-point order: the same on every machine, unlike localeCompare (byte-identical output). */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
