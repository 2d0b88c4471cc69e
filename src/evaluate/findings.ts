// From a rule's violation to a finding: message in the chosen language with its
// placeholders filled, a short snippet, and a fingerprint that survives moved lines.

import { createHash } from 'node:crypto';
import type { Finding, Lang, Rule } from '../model/types.js';
import type { SourceFile } from '../parse/source-file.js';
import type { Violation } from './checks/check.js';
import { maskTokens, redact } from './redact.js';

const MAX_SNIPPET = 200;
const MAX_VALUE = 120;

export class FindingBuilder {
  private readonly occurrences = new Map<string, number>();

  constructor(private readonly lang: Lang) {}

  build(rule: Rule, violation: Violation, file?: SourceFile): Finding {
    const path = violation.file ?? file?.path;
    const identity = `${rule.id}\u0000${path ?? ''}\u0000${violation.key}`;
    const occurrence = (this.occurrences.get(identity) ?? 0) + 1;
    this.occurrences.set(identity, occurrence);
    const value = violation.value === undefined ? undefined : violation.redact ? redact(violation.value) : bounded(violation.value);

    const finding: Finding = {
      ruleId: rule.id,
      severity: rule.severity,
      domain: rule.domain,
      message: maskTokens(fillTemplate(rule.message[this.lang], { value, name: violation.name, kind: violation.kind, file: path })),
      references: rule.references,
      fingerprint: fingerprint(identity, occurrence),
    };
    if (path !== undefined) finding.file = path;
    if (violation.line !== undefined) {
      finding.line = violation.line;
      if (violation.column !== undefined) finding.column = violation.column;
      if (violation.endLine !== undefined) finding.endLine = violation.endLine;
      if (violation.endColumn !== undefined) finding.endColumn = violation.endColumn;
      if (file && (violation.file === undefined || violation.file === file.path)) {
        const snippet = snippetOf(file, violation);
        if (snippet) finding.snippet = snippet;
      }
    }
    return finding;
  }
}

export function fingerprint(identity: string, occurrence: number): string {
  return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
}

function snippetOf(file: SourceFile, violation: Violation): string {
  let text = file.lines.lineText(violation.line!).trim();
  if (violation.redact && violation.value) text = text.split(violation.value).join(redact(violation.value));
  if (violation.redactLine) text = text.replace(/([=:]\s*)\S.*$/, '$1********');
  text = maskTokens(text);
  return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
}

function bounded(value: string): string {
  const single = value.replace(/\s+/g, ' ');
  return single.length > MAX_VALUE ? `${single.slice(0, MAX_VALUE - 1)}…` : single;
}

export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? (name in values ? '—' : whole));
}
