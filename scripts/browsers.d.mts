export declare function browserPaths(env?: Record<string, string | undefined>): { chromium: string; firefox: string };
export declare const CHROMIUM_PATH: string;
export declare const FIREFOX_PATH: string;
export declare const CHROMIUM_ARGS: string[];
