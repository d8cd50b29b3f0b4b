/** Polls `fn` every 100 ms until `ok` holds or `timeout` passes; returns the last value (the test asserts on it). */
export async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await fn();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await fn();
  }
  return value;
}
