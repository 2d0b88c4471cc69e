// Types of bundle.mjs (a plain ESM script so that `npm run build:action` needs no compilation).
export declare const ROOT: string;
export declare const ENTRY_POINTS: Record<string, string>;
/** Builds dist/ (or `outdir`, relative to the package root) and returns its absolute path. */
export declare function bundle(outdir?: string): Promise<string>;
