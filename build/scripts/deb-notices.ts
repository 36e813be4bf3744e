import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a Debian package owes whoever installs it besides the program: the
 * licences of everything it carries (`usr/share/doc/<pkg>/copyright`) and a
 * changelog — and nothing it does not run: native modules built for other
 * systems, or node scripts on a system that has no node. Debian's own
 * `lintian` checks these; package:check runs it.
 */

interface Manifest {
  readonly name?: string;
  readonly version?: string;
  readonly license?: string | { readonly type?: string };
  readonly dependencies?: Record<string, string>;
}

const manifest = (root: string, name: string): Manifest | null => {
  const path = join(root, 'node_modules', name, 'package.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : null;
};

/** Package names a bundle's sourcemap drew from node_modules. */
function fromSourcemap(path: string): string[] {
  const map = JSON.parse(readFileSync(path, 'utf8')) as { sources: string[] };
  return map.sources
    .map((source) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** The packages the renderer's own code imports (Vite writes no sourcemap for it). */
function rendererImports(root: string): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      // The build's own config imports build tools, which the screens do not carry.
      else if (/\.(tsx?|css)$/.test(entry.name) && !entry.name.startsWith('vite.config'))
        for (const match of readFileSync(path, 'utf8').matchAll(
          /(?:from\s+|import\s+|@import\s+)['"]((?:@[^/'"]+\/)?[^./'"][^/'"]*)/g,
        ))
          if (match[1] !== undefined && !match[1].startsWith('node:')) names.add(match[1]);
    }
  };
  for (const dir of ['renderer', 'core', 'base', join('rules', 'engine')]) walk(join(root, dir));
  return [...names];
}

/** `names` and everything they depend on, as installed. */
function withDependencies(root: string, names: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    const found = manifest(root, name);
    if (found === null) return;
    seen.add(name);
    for (const dependency of Object.keys(found.dependencies ?? {})) visit(dependency);
  };
  for (const name of names) visit(name);
  return [...seen].sort();
}

/**
 * Every npm package whose code or data the package carries: bundled into the
 * main process and its threads (their sourcemaps), into the screens (their
 * imports), installed as native modules (the project's dependencies), and the
 * synthesizer copied beside them.
 */
export function carriedPackages(root: string): string[] {
  const dist = join(root, 'dist', 'electron');
  const bundled = existsSync(dist)
    ? readdirSync(dist)
        .filter((f) => f.endsWith('.cjs.map'))
        .flatMap((f) => fromSourcemap(join(dist, f)))
    : [];
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  return withDependencies(root, [
    ...bundled,
    ...rendererImports(root),
    ...Object.keys(own.dependencies ?? {}),
    'espeak-ng',
  ]).filter((name) => name !== 'electron' && name !== 'vite' && !name.startsWith('@types/'));
}

const licenceOf = (found: Manifest): string =>
  typeof found.license === 'string' ? found.license : (found.license?.type ?? 'see its text');

/** The licence file a package ships, if any (LICENSE, LICENCE, COPYING, with or without an extension). */
function licenceText(root: string, name: string): string | null {
  const dir = join(root, 'node_modules', name);
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file === undefined ? null : readFileSync(join(dir, file), 'utf8').trim();
}

/** Licences Debian keeps in /usr/share/common-licenses: referred to there, not copied (lintian's rule). */
const COMMON_LICENCES: readonly [RegExp, string][] = [
  [/^Apache-2\.0/, 'Apache-2.0'],
  [/^GPL-3/, 'GPL-3'],
  [/^GPL-2/, 'GPL-2'],
  [/^LGPL-3/, 'LGPL-3'],
  [/^LGPL-2\.1/, 'LGPL-2.1'],
  [/^MPL-2\.0/, 'MPL-2.0'],
];

/** A package's text: its copyright lines and a pointer where Debian has the licence itself. */
function noticeOf(licence: string, text: string | null): string | null {
  const common = COMMON_LICENCES.find(([id]) => id.test(licence))?.[1];
  if (common === undefined || text === null) return text;
  const notices = text.split('\n').filter((line) => /copyright\s+(\(c\)|©|\d{4})/i.test(line));
  return [...notices, `The licence's full text: /usr/share/common-licenses/${common}.`].join('\n');
}

/** usr/share/doc/police-kiosk/copyright: the kiosk's own terms, Electron and Chromium's, and each package it carries. */
export function copyrightText(root: string, version: string, electronVersion: string): string {
  const packages = carriedPackages(root);
  const summary = packages.map((name) => {
    const found = manifest(root, name);
    return `  ${name} ${found?.version ?? '?'}: ${found === null ? '?' : licenceOf(found)}`;
  });
  const texts = packages.map((name) => {
    const found = manifest(root, name);
    const licence = found === null ? '?' : licenceOf(found);
    const text = noticeOf(licence, licenceText(root, name));
    return [
      `--- ${name} ${found?.version ?? ''} (${licence}) ---`,
      text ??
        `No licence file ships with the package; its package.json says ${found === null ? '?' : licenceOf(found)}.`,
    ].join('\n');
  });
  return [
    `police-kiosk ${version} (公安便民服务自助终端)`,
    '',
    'Copyright: the police-kiosk authors. Licensed to the station that deployed it under its',
    'contract; not free software. The components below keep their own licences.',
    '',
    `Electron ${electronVersion}: Copyright (c) Electron contributors, Copyright (c) 2013-2020 GitHub Inc.;`,
    'MIT licence, its text in /opt/police-kiosk/LICENSE.electron.txt. Chromium, which Electron',
    'contains, and its third-party components: their licences in',
    '/opt/police-kiosk/LICENSES.chromium.html (shipped with Electron).',
    '',
    "eSpeak NG (the kiosk's own voice, /opt/police-kiosk/resources/app.asar.unpacked/dist/speech):",
    'Copyright (C) 2005-2014 Jonathan Duddington, (C) 2015-2018 Reece H. Dunn and contributors;',
    'GPL-3.0-or-later (its text: /usr/share/common-licenses/GPL-3). It runs unmodified, as',
    'its own command-line program. Source: https://github.com/espeak-ng/espeak-ng (the WASM build:',
    'https://github.com/ianmarmour/espeak-ng.js, npm espeak-ng). A copy of the source is available',
    'from whoever distributed this package to you, for three years from the distribution.',
    '',
    `npm packages carried in /opt/police-kiosk/resources (bundled into app.asar, or unpacked beside it), ${packages.length}:`,
    ...summary,
    '',
    'Their licence texts, as each package ships them:',
    '',
    ...texts,
    '',
  ].join('\n');
}

/** usr/share/doc/police-kiosk/changelog.gz: a native package's changelog, gzip -9n (no name, no time). */
export function changelogGz(root: string, version: string): Buffer {
  let date: string;
  let subject: string;
  try {
    [date = '', subject = ''] = execFileSync('git', ['log', '-1', '--format=%aD%n%s'], {
      cwd: root,
      encoding: 'utf8',
    }).split('\n');
  } catch {
    // Outside a checkout: when the project's manifest last changed, not the build's wall clock.
    date = statSync(join(root, 'package.json')).mtime.toUTCString().replace('GMT', '+0000');
    subject = 'Built outside a git checkout.';
  }
  const text = [
    `police-kiosk (${version}) unstable; urgency=medium`,
    '',
    `  * Built from the commit: ${subject.slice(0, 70)}`,
    '  * See /usr/share/doc/police-kiosk/README.md for what the kiosk does.',
    '',
    ` -- police-kiosk authors <kiosk@example.invalid>  ${date}`,
    '',
  ].join('\n');
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
}

/**
 * Native modules ship prebuilt for every platform; a package for one keeps
 * only its own (linux, this CPU, glibc): the rest would never load, and
 * Debian calls them errors. Returns what it removed, relative to `unpacked`.
 */
export function foreignPrebuilds(files: readonly string[], nodeArch: 'x64' | 'arm64'): string[] {
  return files.filter((file) => {
    const prebuild = /\/prebuilds\/([^/]+)\//.exec(file)?.[1];
    if (prebuild === undefined) return false;
    const ours = new RegExp(`(^|[-_])linux-${nodeArch}$`).test(prebuild);
    return !ours || /musl/.test(file) || /musl/.test(prebuild);
  });
}

/** Files a kiosk never uses that Debian flags: Windows build projects, node scripts (no node here). */
export function unusedTools(files: readonly string[], head: (file: string) => string): string[] {
  return files.filter(
    (file) =>
      /\.(vcxproj(\.filters)?|sln|vcproj)$/.test(file) ||
      (/\.(js|cjs|mjs)$/.test(file) && /^#!.*\bnode\b/.test(head(file))),
  );
}
