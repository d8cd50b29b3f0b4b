/** Yields the main thread so input and paint can run between slices of work. */
export function yieldToMain(signal: AbortSignal): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof sched?.yield === 'function') return sched.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    if (signal.aborted) resolve();
    else channel.port2.postMessage(null);
  });
}
