// Text check: a regular expression over a file's text. Keywords gate it cheaply; the value
// it captures can then be filtered by an allow list, placeholders, entropy and a checksum.

import type { TextCheck } from '../../model/types.js';
import { compilePattern, PatternError } from '../regex.js';
import { isPlaceholder, shannonEntropy, VALIDATORS } from './validators.js';
import { RuleCompileError, type CheckCompiler, type Violation } from './check.js';

/** A runaway expression must not flood the report from one file. */
const MAX_MATCHES_PER_FILE = 1000;

export const textCheck: CheckCompiler<TextCheck> = {
  kinds: ['text', 'yaml', 'json', 'kubernetes', 'dockerfile', 'html'],
  compile(spec) {
    const pattern = compile(spec.match, ['match'], { ignoreCase: spec.ignoreCase, indices: spec.capture !== undefined });
    if (spec.capture !== undefined && !new RegExp(`\\(\\?<${spec.capture}>`).test(spec.match)) {
      throw new RuleCompileError(`capture group "${spec.capture}" does not exist in match`, ['capture']);
    }
    const allow = (spec.allow ?? []).map((source, i) => compile(source, ['allow', i], { ignoreCase: true }));
    const keywords = spec.keywords;
    const validate = spec.validator ? VALIDATORS[spec.validator] : undefined;

    return ({ file }) => {
      if (!file) return null;
      if (keywords && !keywords.some((keyword) => file.hasKeyword(keyword))) return [];
      const violations: Violation[] = [];
      pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(file.text)) !== null) {
        if (match[0].length === 0) pattern.lastIndex++;
        const value = spec.capture ? match.groups?.[spec.capture] : match[0];
        if (value === undefined) continue;
        if (allow.some((a) => ((a.lastIndex = 0), a.test(value)))) continue;
        if (spec.skipPlaceholders && isPlaceholder(value)) continue;
        if (spec.minEntropy !== undefined && shannonEntropy(value) < spec.minEntropy) continue;
        if (validate && !validate(value)) continue;
        const start = spec.capture ? (match.indices?.groups?.[spec.capture]?.[0] ?? match.index) : match.index;
        const begin = file.lines.positionAt(start);
        const end = file.lines.positionAt(start + value.length);
        violations.push({
          line: begin.line,
          column: begin.column,
          endLine: end.line,
          endColumn: end.column,
          value,
          key: value.trim(),
          redact: spec.redact,
        });
        if (violations.length >= MAX_MATCHES_PER_FILE) break;
      }
      return violations;
    };
  },
};

function compile(source: string, path: (string | number)[], options: { ignoreCase?: boolean; indices?: boolean }): RegExp {
  try {
    return compilePattern(source, options);
  } catch (error) {
    if (error instanceof PatternError) throw new RuleCompileError(error.message, path);
    throw error;
  }
}
