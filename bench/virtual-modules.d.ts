/** `virtual:bench-optional` (see vite.bench.config.ts): loaders of the measured modules that exist and build. */
declare module 'virtual:bench-optional' {
  /** Project-relative path → loader, for each optional module that exists and is not excluded. */
  export const optionalModules: Record<string, () => Promise<Record<string, unknown>>>;
  /** Optional modules that exist but were left out because they did not build. */
  export const unbuildableModules: string[];
}
