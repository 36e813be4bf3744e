import type { RuleProblem } from './rule-problem';
import type { ServiceRule } from './schema';

/** 第二十条, 〔2019〕914号, 令第162号: what a basis must name for a station to stand behind it. */
const ARTICLE = /第[一二三四五六七八九十百千零〇\d]+条/u;
const DOCUMENT_NUMBER = /〔\d{4}〕\d+号|令第\d+号/u;
/**
 * Some rules that stop a citizen are published only in the issuing authority's service guide
 * (国家移民管理局's for a child's companion): a check may name the guide, and rules:report shows it.
 */
const SERVICE_GUIDE = /服务指南/u;
/** Emergency lines take no questions about service items. */
const EMERGENCY = new Set(['110', '119', '120', '122', '12110']);
/** A 5-digit government hotline (12367), a landline with its area code, or a mobile number. */
const PHONE = /^(?:1\d{4}|0\d{2,3}-\d{7,8}|1[3-9]\d{9})$/u;

/**
 * Facts a station can stand behind: every legal basis names an article or a
 * document number, every check the law makes names its basis, a fee names the
 * document that sets it, and the phones are real service numbers (never the
 * emergency line).
 */
export function citationProblems(rule: ServiceRule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { guide } = rule;
  guide.legalBasis.forEach((basis, i) => {
    const text = basis['zh-CN'];
    if (!ARTICLE.test(text) && !DOCUMENT_NUMBER.test(text))
      problems.push({
        path: `$.guide.legalBasis[${i}]`,
        message: `"${text}" names neither an article (第…条) nor a document number (〔年〕…号)`,
      });
  });
  /** What stops a citizen may also rest on the authority's published service guide. */
  const stopBasis = (path: string, basis: ServiceRule['identity']['expiredBasis']): void => {
    if (basis === undefined) return;
    const text = basis['zh-CN'];
    if (!ARTICLE.test(text) && !DOCUMENT_NUMBER.test(text) && !SERVICE_GUIDE.test(text))
      problems.push({
        path,
        message: `"${text}" names neither an article (第…条), a document number (〔年〕…号) nor an authority's service guide (…服务指南)`,
      });
  };
  rule.questions.forEach((question, q) => {
    question.checks.forEach((check, c) =>
      stopBasis(`$.questions[${q}].checks[${c}].basis`, check.basis),
    );
  });
  stopBasis('$.identity.expiredBasis', rule.identity.expiredBasis);
  stopBasis('$.identity.notAcceptedBasis', rule.identity.notAcceptedBasis);
  const charged = rule.fee.items.some((item) => item.amount > 0);
  if (charged && !DOCUMENT_NUMBER.test(guide.feeBasis?.['zh-CN'] ?? ''))
    problems.push({
      path: '$.guide.feeBasis',
      message: 'a fee needs the document that sets it (e.g. 发改价格〔2019〕914号)',
    });
  for (const [field, phone] of [
    ['consultPhone', guide.consultPhone],
    ['complaintPhone', guide.complaintPhone],
  ] as const) {
    if (phone === undefined) continue;
    if (EMERGENCY.has(phone))
      problems.push({
        path: `$.guide.${field}`,
        message: `${phone} is an emergency line, not a service number; leave consultPhone out for the station's own`,
      });
    else if (!PHONE.test(phone))
      problems.push({
        path: `$.guide.${field}`,
        message: `"${phone}" is not a phone number (12367, 010-12345678 or a mobile number)`,
      });
  }
  return problems;
}
