import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Optional system tools some tests need, and why a test skips without them.
 * The kiosk itself runs without them (the feature is then off, and readiness
 * says so); a test of the feature cannot.
 */
const onPath = (command: string): boolean =>
  (process.env['PATH'] ?? '')
    .split(':')
    .some((dir) => dir !== '' && existsSync(join(dir, command)));

/** Offline handwriting: Debian's zinnia-utils and tegaki-zinnia-simplified-chinese. */
export const HANDWRITING =
  onPath('zinnia') && existsSync('/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model');
export const NO_HANDWRITING =
  'skipped: zinnia or its model is not installed (apt-get install zinnia-utils tegaki-zinnia-simplified-chinese)';
