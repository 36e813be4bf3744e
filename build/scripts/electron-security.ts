import ts from 'typescript';

/**
 * The project's own check of the Electron security rules (what
 * electronegativity looks for, which crashes offline): pure functions over
 * source text, so each rule is unit-tested with a file that breaks it.
 * `check-electron.ts` runs them over electron/.
 */

export interface SourceFile {
  /** Path relative to electron/, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

export interface Finding {
  readonly rule: string;
  readonly path: string;
  readonly line: number;
  readonly message: string;
}

/** webPreferences that must never take these values (Electron's security checklist). */
const UNSAFE_PREFERENCES = new Map<string, 'true' | 'false' | 'any'>(
  Object.entries({
    nodeIntegration: 'true',
    nodeIntegrationInWorker: 'true',
    nodeIntegrationInSubFrames: 'true',
    contextIsolation: 'false',
    sandbox: 'false',
    webSecurity: 'false',
    allowRunningInsecureContent: 'true',
    experimentalFeatures: 'true',
    webviewTag: 'true',
    enableBlinkFeatures: 'any',
  } as const),
);

/** Calls that run or load content the kiosk did not ship. */
const FORBIDDEN_CALLS = new Map<string, string>(
  Object.entries({
    executeJavaScript: 'runs code in the page from the main process',
    executeJavaScriptInIsolatedWorld: 'runs code in the page from the main process',
    insertCSS: 'changes the page outside its own stylesheet',
    openExternal: 'hands a URL to the desktop',
    openPath: 'opens a file with the desktop',
    loadFile: 'loads a file: the kiosk page comes from app://kiosk only',
  }),
);

/** Where a kind of call may stand, and nowhere else. */
const ONLY_IN: readonly {
  readonly call: string;
  readonly files: readonly string[];
  readonly why: string;
}[] = [
  { call: 'BrowserWindow', files: ['window.ts'], why: 'one window factory with the kiosk policy' },
  { call: 'handle', files: ['api/ipc.ts'], why: 'IPC is bound from the contract in one place' },
  {
    call: 'exposeInMainWorld',
    files: ['preload.ts'],
    why: 'the preload exposes window.kiosk only',
  },
];

/** What must be somewhere in the main process: navigation, new windows and permissions are decided by us. */
const REQUIRED: readonly {
  readonly pattern: RegExp;
  readonly rule: string;
  readonly message: string;
}[] = [
  {
    pattern: /setWindowOpenHandler\(\s*\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\s*\)/,
    rule: 'NEW_WINDOWS_DENIED',
    message: 'every web contents must deny window.open (setWindowOpenHandler → deny)',
  },
  {
    pattern: /\.on\(\s*'will-navigate'/,
    rule: 'NAVIGATION_GUARDED',
    message: "a 'will-navigate' handler must keep the window on the kiosk page",
  },
  {
    pattern: /setPermissionRequestHandler\(/,
    rule: 'PERMISSIONS_DECIDED',
    message: 'permission requests must be decided by the kiosk (setPermissionRequestHandler)',
  },
  {
    pattern: /setPermissionCheckHandler\(/,
    rule: 'PERMISSIONS_DECIDED',
    message: 'permission checks must be decided by the kiosk (setPermissionCheckHandler)',
  },
  {
    pattern: /\.on\(\s*'will-attach-webview'/,
    rule: 'WEBVIEWS_REFUSED',
    message: "a 'will-attach-webview' handler must refuse webviews",
  },
];

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function calleeName(expression: ts.Expression): string | null {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return null;
}

/** The rules that look at one file at a time. */
export function checkFile(file: SourceFile): Finding[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const add = (rule: string, node: ts.Node, message: string): void => {
    findings.push({ rule, path: file.path, line: lineOf(source, node), message });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node)) {
      const name =
        ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : '';
      const unsafe = UNSAFE_PREFERENCES.get(name);
      const value = node.initializer.kind;
      if (
        unsafe === 'any' ||
        (unsafe === 'true' && value === ts.SyntaxKind.TrueKeyword) ||
        (unsafe === 'false' && value === ts.SyntaxKind.FalseKeyword)
      ) {
        add(
          'UNSAFE_WEB_PREFERENCE',
          node,
          `${name}: ${node.initializer.getText(source)} is not allowed`,
        );
      }
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      const forbidden = name === null ? undefined : FORBIDDEN_CALLS.get(name);
      if (forbidden !== undefined) add('FORBIDDEN_CALL', node, `${name}(): ${forbidden}`);
      const placed = ONLY_IN.find((o) => o.call === name);
      const isIpcHandle =
        name !== 'handle' ||
        (ts.isPropertyAccessExpression(node.expression) &&
          node.expression.expression.getText(source) === 'ipcMain');
      if (placed !== undefined && isIpcHandle && !placed.files.includes(file.path)) {
        add('MISPLACED_CALL', node, `${name} belongs in ${placed.files.join(', ')}: ${placed.why}`);
      }
      if (name === 'loadURL') {
        const [url] = node.arguments ?? [];
        if (url === undefined || url.getText(source) !== 'KIOSK_START_URL') {
          add('LOAD_ONLY_THE_KIOSK', node, 'loadURL must load KIOSK_START_URL and nothing else');
        }
      }
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (node.moduleSpecifier.text === '@electron/remote') {
        add('NO_REMOTE', node, '@electron/remote gives the renderer the main process');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  // Every IPC handler checks that the caller is the kiosk's own page.
  if (/ipcMain\.handle\(/.test(file.text) && !/isKioskUrl\(event\.senderFrame/.test(file.text)) {
    findings.push({
      rule: 'IPC_SENDER_CHECKED',
      path: file.path,
      line: 1,
      message: 'ipcMain.handle without checking event.senderFrame is the kiosk page',
    });
  }
  // The preload hands the page functions, never ipcRenderer itself.
  if (/exposeInMainWorld\([^)]*ipcRenderer\b/.test(file.text)) {
    findings.push({
      rule: 'NO_RAW_IPC_IN_PAGE',
      path: file.path,
      line: 1,
      message: 'exposeInMainWorld must not expose ipcRenderer',
    });
  }
  return findings;
}

/** The rules that look at the main process as a whole. */
export function checkProject(files: readonly SourceFile[]): Finding[] {
  const all = files.map((f) => f.text).join('\n');
  const missing = REQUIRED.filter((r) => !r.pattern.test(all)).map((r): Finding => ({
    rule: r.rule,
    path: '(electron/)',
    line: 0,
    message: r.message,
  }));
  return [...files.flatMap(checkFile), ...missing];
}

/** The kiosk page's CSP: its own bundle only, no inline or eval, no plugins, no framing. */
export function checkCsp(policy: string): string[] {
  const directives = new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  const problems: string[] = [];
  const expect = (name: string, values: readonly string[]): void => {
    const got = directives.get(name) ?? [];
    if (got.join(' ') !== values.join(' ')) {
      problems.push(`${name} must be ${values.join(' ')}, is ${got.join(' ') || '(missing)'}`);
    }
  };
  expect('default-src', ["'self'"]);
  expect('script-src', ["'self'"]);
  expect('object-src', ["'none'"]);
  expect('base-uri', ["'none'"]);
  expect('frame-ancestors', ["'none'"]);
  for (const [name, values] of directives) {
    for (const value of values) {
      if (/unsafe-|\*|https?:|data:/.test(value)) problems.push(`${name} allows ${value}`);
    }
  }
  return problems;
}
