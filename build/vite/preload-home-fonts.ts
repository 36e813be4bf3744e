import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { jsonFileNames } from '../../rules/node/bundle-files';
import { facesFor, parseFontFaces } from './font-slices';

/**
 * The home screen's text as it ships: the zh-CN catalog's home and header
 * strings and categories, and the names and summaries of the shipped services.
 * New rules can add characters; those slices load when drawn, as all did before.
 */
export function homeText(root: string): string {
  const catalog = JSON.parse(
    readFileSync(join(root, 'renderer', 'i18n', 'zh-CN.json'), 'utf8'),
  ) as Record<string, string>;
  const parts = Object.entries(catalog)
    .filter(([key]) => /^(home|app|header|assist|category)\./.test(key))
    .map(([, value]) => value);
  const zh = (value: unknown): string =>
    typeof value === 'object' && value !== null && 'zh-CN' in value
      ? String((value as Record<string, unknown>)['zh-CN'])
      : '';
  const services = join(root, 'rules', 'services');
  for (const file of jsonFileNames(services)) {
    const rule = JSON.parse(readFileSync(join(services, file), 'utf8')) as Record<string, unknown>;
    parts.push(zh(rule['name']), zh(rule['summary']));
  }
  return parts.join('');
}

/**
 * `<link rel="preload" as="font">` for the font slices the home screen draws, so
 * they load beside the script instead of after the first layout asks for them
 * (a fresh start waited ~100 ms for them after the heading was up).
 */
export function preloadHomeFonts(options: {
  readonly root: string;
  readonly stylesheets: readonly string[];
}): Plugin {
  return {
    name: 'preload-home-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const faces = options.stylesheets.flatMap((css) =>
          parseFontFaces(readFileSync(css, 'utf8')),
        );
        const wanted = new Set(facesFor(homeText(options.root), faces));
        const assets = Object.values(context.bundle ?? {}).filter(
          (output) =>
            output.type === 'asset' &&
            wanted.has(output.fileName.replace(/^.*\//, '').replace(/-[\w-]{8}\.woff2$/, '.woff2')),
        );
        return assets.map((asset) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            href: `/${asset.fileName}`,
            as: 'font',
            type: 'font/woff2',
            crossorigin: '',
          },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
