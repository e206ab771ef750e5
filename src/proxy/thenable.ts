// Promise-or-value answers (stage hooks, stream filters): awaited only when they are promises.

/** A hook's answer is awaited only when it is a promise: a plain value costs no microtask turn. */
export const isThenable = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as { then?: unknown } | null)?.then === 'function';
