/** The lower median of a list of samples (NaN for none), as the browser benchmarks report them. */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
