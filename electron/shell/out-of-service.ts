import text from './out-of-service.i18n.json';

/**
 * What the kiosk window shows when the kiosk cannot start (damaged database,
 * unprotected data key, unreadable back-office certificates …): a plain
 * bilingual notice for citizens, and the reason for the technician. Served by
 * the same app:// handler under the same CSP, so no inline style or script.
 */
export const OUT_OF_SERVICE_CSS_PATH = '/out-of-service.css';

const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function outOfServicePage(detail: string): string {
  const zh = text['zh-CN'];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(zh.title)}</title>
<link rel="stylesheet" href="${OUT_OF_SERVICE_CSS_PATH}"></head>
<body><main>
<h1>${escape(zh.title)}</h1><p>${escape(zh.body)}</p>
<h2 lang="en">${escape(text.en.title)}</h2><p lang="en">${escape(text.en.body)}</p>
<section><h3>${escape(zh.technician)} · <span lang="en">${escape(text.en.technician)}</span></h3><pre>${escape(detail)}</pre></section>
</main></body></html>`;
}

export const outOfServiceCss = `body{margin:0;font-family:'Noto Sans SC','Noto Sans CJK SC',sans-serif;background:#eef3fa;color:#16202c}
main{max-width:900px;margin:12vh auto;padding:0 40px;line-height:1.6}
h1{font-size:48px;color:#08306b;margin:0 0 16px}h2{font-size:32px;color:#08306b;margin:40px 0 8px}
p{font-size:28px;margin:0}section{margin-top:64px;border-top:2px solid #b7c4d6;padding-top:16px}
h3{font-size:20px;color:#3c4a5c;margin:0 0 8px}pre{white-space:pre-wrap;font-size:18px;color:#3c4a5c}`;
