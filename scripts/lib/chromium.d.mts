/** Types for chromium.mjs, which the TypeScript browser tests import. */
export declare const CHROMIUM: string;
export declare function ensureChromium(): void;
export declare function extensionArgs(dist: string, headless: boolean): string[];
