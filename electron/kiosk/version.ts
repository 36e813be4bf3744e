declare const __APP_VERSION__: string | undefined;

/** Injected by the bundler from package.json; "dev" when running unbundled (tests). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
