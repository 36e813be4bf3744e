import { buildLinuxPackages } from './package-linux';

/**
 * `npm run dist`: the Debian packages for a hall, built with the real Electron
 * (release zips in ELECTRON_DIST, ELECTRON_CACHE or ~/.cache/electron). It
 * refuses to build with the stand-in: that is `npm run package:check`'s.
 */
try {
  const built = buildLinuxPackages({ allowStandIn: false });
  for (const { path } of built.debs) console.log(path);
} catch (cause) {
  console.error(cause instanceof Error ? cause.message : String(cause));
  process.exit(1);
}
