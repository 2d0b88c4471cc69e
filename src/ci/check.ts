// What both CI adapters do the same way: run the core check, restrict it to the change when
// asked (only-changed), gate, and write the report files. Each adapter then shows the outcome
// its own way (annotations, summary, comment; Code Quality, JUnit, note). Nothing here knows
// which CI runs it, and nothing in the engine knows about this module.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { resolveRequest, runCheck, type CheckRequest } from '../check.js';
import { evaluateGate, type FailOn, type GateResult } from '../gate/gate.js';
import { LANGS, SEVERITIES, type Lang, type Report } from '../model/types.js';
import { isFormat, loadRenderer, type Format, type RenderOptions } from '../render/renderer.js';
import { oneLine } from '../render/sanitize.js';
import { changedLines, ChangedLinesError, restrictToChange } from './changed-lines.js';
import { ciTexts } from './texts.js';

export type Scope =
  | { kind: 'full' }
  | { kind: 'changed'; base: string; files: number; outside: number }
  | { kind: 'fallback'; reason: string }
  | { kind: 'not-review' };

export interface CiCheckRequest extends CheckRequest {
  /**
   * Restrict to the change: the commit or ref the change is compared with (its merge base with
   * HEAD is computed). `null`: requested outside a pull/merge request.
   */
  onlyChanged?: { base: string } | null;
}

export interface CiOutcome {
  /** The full report, as the engine built it: what is written to the report files. */
  report: Report;
  /** What is shown and gated: the full report, or its restriction to the change. */
  scoped: Report;
  gate: GateResult;
  scope: Scope;
}

export async function ciCheck(request: CiCheckRequest): Promise<CiOutcome> {
  const { onlyChanged, ...checkRequest } = request;
  const { report, gate } = await runCheck(checkRequest);
  return scopeToChange(report, gate, request.target, onlyChanged);
}

/**
 * Judges a report built elsewhere (the merged shards of a sharded check) as ciCheck judges the
 * report it builds: the same threshold, the same only-changed scoping.
 */
export async function ciJudge(request: CiCheckRequest, report: Report): Promise<CiOutcome> {
  const { onlyChanged, ...checkRequest } = request;
  return scopeToChange(report, evaluateGate(report, (await resolveRequest(checkRequest)).failOn), request.target, onlyChanged);
}

function scopeToChange(report: Report, fullGate: GateResult, target: string, onlyChanged: CiCheckRequest['onlyChanged']): CiOutcome {
  if (onlyChanged === undefined) return { report, scoped: report, gate: fullGate, scope: { kind: 'full' } };
  if (onlyChanged === null) return { report, scoped: report, gate: fullGate, scope: { kind: 'not-review' } };
  try {
    const changed = changedLines(target, onlyChanged.base);
    const { report: scoped, outside } = restrictToChange(report, changed);
    return { report, scoped, gate: evaluateGate(scoped, fullGate.failOn), scope: { kind: 'changed', base: changed.base, files: changed.files.size, outside } };
  } catch (error) {
    // Fail closed: when the change cannot be computed, the whole report is gated.
    if (error instanceof ChangedLinesError) return { report, scoped: report, gate: fullGate, scope: { kind: 'fallback', reason: oneLine(error.message) } };
    throw error;
  }
}

/** One sentence about the scope, or undefined when the whole report is gated as asked. */
export function describeScope(scope: Scope, lang: Report['lang']): string | undefined {
  const t = ciTexts(lang);
  switch (scope.kind) {
    case 'changed':
      return t.scopeChanged(scope.base, scope.files, scope.outside);
    case 'fallback':
      return t.scopeFallback(scope.reason);
    case 'not-review':
      return t.scopeNotReview;
    default:
      return undefined;
  }
}

/** Renders with a renderer that may not exist in this build of cadre (undefined then). */
export async function renderOptional(format: string, report: Report, options: RenderOptions & Record<string, unknown>): Promise<string | undefined> {
  if (!isFormat(format)) return undefined;
  return (await loadRenderer(format as Format))(report, options);
}

export async function render(format: string, report: Report, options: RenderOptions & Record<string, unknown>): Promise<string> {
  const text = await renderOptional(format, report, options);
  if (text === undefined) throw new Error(`cadre: this build has no ${format} renderer`);
  return text;
}

export interface WrittenFile {
  path: string;
  error?: string;
}

/** Writes one output file (folders created); a failure is returned, never thrown: it must not change the verdict. */
export function writeOutput(base: string, path: string, content: string): WrittenFile {
  const full = resolve(base, path);
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return { path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { path, error: code ?? oneLine((error as Error).message) };
  }
}

/** Comma- or newline-separated list (rule folders, excludes), blanks dropped. */
export function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A CI input or variable with a value cadre does not accept (exit code 2, like a usage error). */
export class CiInputError extends Error {}

/** on/off, true/false, yes/no, 1/0; empty is the default; anything else is an error. */
export function flagOf(name: string, value: string | undefined, fallback: boolean): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (['on', 'true', 'yes', '1'].includes(v)) return true;
  if (['off', 'false', 'no', '0'].includes(v)) return false;
  throw new CiInputError(`${name} must be on or off (got "${oneLine(value ?? '')}")`);
}

export function failOnOf(name: string, value: string | undefined): FailOn | undefined {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  const allowed: string[] = [...SEVERITIES, 'none'];
  if (!allowed.includes(v)) throw new CiInputError(`${name} must be one of ${allowed.join(', ')} (got "${oneLine(v)}")`);
  return v as FailOn;
}

export function langOf(name: string, value: string | undefined): Lang | undefined {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  if (!(LANGS as readonly string[]).includes(v)) throw new CiInputError(`${name} must be one of ${LANGS.join(', ')} (got "${oneLine(v)}")`);
  return v as Lang;
}
