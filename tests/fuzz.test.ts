// Property-based tests (fast-check) over everything that reads text a repository controls: the
// rule loader, the configuration loader, each parser, the line index, the decoder, the fixture
// annotations and the glob matcher. They run in CI with a fixed seed and a bounded number of
// cases; `npm run fuzz` runs many more.
//
//   CADRE_FUZZ_SEED   seed (default 42): a failure prints the seed and path to replay it
//   CADRE_FUZZ_RUNS   cases per property (default 200)

import fc from 'fast-check';
import { dump } from 'js-yaml';
import { minimatch } from 'minimatch';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { DataNode, Element, ParentNode } from 'domhandler';
import { ConfigError, loadConfig } from '../src/config/load.js';
import { parseGitignore } from '../src/discover/gitignore.js';
import { globMatcher } from '../src/discover/walk.js';
import { maskTokens } from '../src/evaluate/redact.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { MAX_HTML_DEPTH, parseHtml } from '../src/parse/html.js';
import { LineIndex } from '../src/parse/line-index.js';
import { decode } from '../src/parse/read.js';
import { findKeywords, keywordSearch } from '../src/parse/keywords.js';
import { parseStructured, YamlSyntaxError } from '../src/parse/yaml.js';
import { inlineExpectations } from '../src/rules/fixture-test.js';
import { loadRules } from '../src/rules/load.js';

const seed = Number(process.env.CADRE_FUZZ_SEED ?? 42);
const numRuns = Number(process.env.CADRE_FUZZ_RUNS ?? 200);
const params = { seed, numRuns };
/** Generous: the long run (npm run fuzz) has a hundred times more cases. */
const timeout = Math.max(60_000, numRuns * 40);
vi.setConfig({ testTimeout: timeout });

const scratch = mkdtempSync(join(tmpdir(), 'cadre-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Pieces of YAML, JSON, Dockerfiles, HTML and comments, so random texts reach deep into the parsers. */
const PIECES = [
  '- ', ': ', '\n', '\r\n', '\r', '  ', '\t', '[', ']', '{', '}', ',', '&a ', '*a', '&b ', '*b', '!!str ', '!!binary ', '!<tag:x> ', '!e!x ',
  '<<: ', '"', "'", '\\', '#', '---\n', '...\n', '|\n', '>-\n', '%YAML 1.2\n', '%TAG !e! tag:x,2000:\n', '? ', '@', '`', '\u0000', '\ufeff',
  'é', '🙂', '\ud800', 'apiVersion: v1\n', 'kind: Pod\n', 'spec:', 'containers:', 'securityContext:', 'privileged: true', 'key', '42', '-1e309',
  '0x1F', 'null', '~', 'true', '__proto__', 'constructor', 'prototype', '$param', 'FROM alpine', 'FROM ${X:-a}', 'ARG X=1', 'USER root',
  'RUN a \\\n', 'ENV A=1 B="2"', 'LABEL "a"=b', 'HEALTHCHECK CMD x', '--mount=type=secret ', '<!--', '-->', '<div>', '</div>', '<img src=x>',
  '<html lang=fr>', '<script>', '</script>', '<![CDATA[', '<!doctype html>', '{{', '}}', '{%', '%}', '<%', '%>', '# ruleid: hyg-x', '// ok: a, b',
  '/* todoruleid: x */', '<!-- todook: y -->', ';', '--', '{#', '#}', '*//*',
];

const structuredText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join('')),
);

const RULE = {
  id: 'hyg-fuzz',
  domain: 'hygiene',
  severity: 'low',
  title: { fr: 'Exemple', en: 'Sample' },
  message: { fr: 'Exemple {{value}}', en: 'Sample {{value}}' },
  remediation: { fr: 'Corriger', en: 'Fix' },
  references: [{ framework: 'Test', criterion: '1' }],
  parameters: { names: { description: 'Names', default: ['a'] } },
  target: { kind: 'yaml' },
  check: { schema: { select: 'a.*', assert: { properties: { b: { enum: { $param: 'names' } } } } } },
};

const KEYS = ['id', 'domain', 'severity', 'target', 'check', 'kind', 'files', 'text', 'match', 'schema', 'select', 'assert', 'html', 'repository', 'objects', 'all', 'any', 'not', 'exists', 'missing', 'forEach', 'capture', 'keywords', 'validator', 'parameters', 'default', '$param', '__proto__', 'constructor', 'prototype', 'properties', 'required', 'enum', 'pattern', 'items', 'waivable'];

/** A valid rule with one value replaced, or one key added, somewhere. */
const mutatedRule = fc
  .tuple(fc.array(fc.constantFrom(...KEYS, 0, 1), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), fc.boolean())
  .map(([path, value, replace]) => {
    const rule = structuredClone(RULE) as Record<string, unknown>;
    let node: Record<string | number, unknown> = rule;
    for (const key of path.slice(0, -1)) {
      // Own keys only: node.__proto__ would be Object.prototype itself.
      const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
      if (next === null || typeof next !== 'object') break;
      node = next as Record<string | number, unknown>;
    }
    const last = path[path.length - 1];
    Object.defineProperty(node, replace ? last : `${String(last)}x`, { value, enumerable: true, writable: true, configurable: true });
    return dump(rule, { skipInvalid: true });
  });

const CONFIG_KEYS = ['failOn', 'lang', 'rules', 'builtinRules', 'include', 'exclude', 'gitignore', 'maxFileSize', 'profile', 'profiles', 'maxFindingsPerRule', 'fileTimeBudget', 'disable', 'severity', 'parameters', '__proto__', 'constructor'];
const configText = fc.oneof(
  structuredText,
  fc.dictionary(fc.constantFrom(...CONFIG_KEYS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }).map((config) => dump(config, { skipInvalid: true })),
);

const expectNoPollution = () => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
};

describe('fuzzing the loaders', () => {
  it('loadRules never throws: every problem names its file, and a line inside it', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(structuredText, mutatedRule), async (text) => {
        const dir = join(scratch, `rules-${n++ % 4}`);
        rmSync(dir, { recursive: true, force: true });
        const file = join(dir, 'rule.yaml');
        mkdirp(dir);
        writeFileSync(file, text);
        const { rules, problems } = await loadRules([dir], { base: dir });
        const lines = new LineIndex(text).lineCount;
        for (const problem of problems) {
          expect(problem.file).toBe('rule.yaml');
          expect(typeof problem.message).toBe('string');
          if (problem.line !== undefined) expect(problem.line >= 1 && problem.line <= lines, `line ${problem.line} of ${lines}`).toBe(true);
        }
        expect(rules.length === 0 || problems.length === 0).toBe(true);
        expectNoPollution();
      }),
      params,
    );
  }, timeout);

  it('loadConfig throws nothing but ConfigError', async () => {
    const dir = join(scratch, 'config');
    mkdirp(dir);
    fc.assert(
      fc.property(configText, (text) => {
        writeFileSync(join(dir, '.cadre.yml'), text);
        try {
          loadConfig(dir);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          for (const problem of (error as ConfigError).problems) expect(typeof problem.message).toBe('string');
        }
        expectNoPollution();
      }),
      params,
    );
  }, timeout);
});

describe('fuzzing the parsers', () => {
  it('parseStructured throws nothing but YamlSyntaxError, in YAML and in JSON, and locates inside the text', () => {
    fc.assert(
      fc.property(structuredText, fc.boolean(), (text, json) => {
        const lines = new LineIndex(text);
        let documents;
        try {
          documents = parseStructured(text, lines, { json });
        } catch (error) {
          expect(error).toBeInstanceOf(YamlSyntaxError);
          const line = (error as YamlSyntaxError).line;
          if (line !== undefined) expect(line >= 1 && line <= lines.lineCount + 1).toBe(true);
          return;
        }
        for (const document of documents) {
          expect(document.line >= 1 && document.line <= lines.lineCount).toBe(true);
          const located = document.lineOf(['spec', 'containers', 0, 'securityContext']);
          expect(located >= 1 && located <= lines.lineCount).toBe(true);
        }
        expectNoPollution();
      }),
      params,
    );
  });

  it('parseDockerfile never throws, and its lines are lines of the text', () => {
    fc.assert(
      fc.property(structuredText, (text) => {
        const model = parseDockerfile(text);
        const count = new LineIndex(text).lineCount;
        for (const stage of model.stages) {
          for (const instruction of stage.instructions) expect(instruction.line >= 1 && instruction.line <= instruction.endLine && instruction.endLine <= count + 1).toBe(true);
        }
      }),
      params,
    );
  });

  it('parseHtml never throws, keeps every element and nests no deeper than browsers do', () => {
    const deep = fc.tuple(fc.integer({ min: 0, max: 1500 }), fc.constantFrom('div', 'span', 'a', 'li'), structuredText).map(([depth, tag, text]) => `<${tag}>`.repeat(depth) + text);
    fc.assert(
      fc.property(fc.oneof(structuredText, deep), (text) => {
        const { dom } = parseHtml(text);
        let maxDepth = 0;
        const walk = (node: ParentNode, depth: number) => {
          maxDepth = Math.max(maxDepth, depth);
          for (const child of node.children) {
            expect(child.parent).toBe(node);
            if ('children' in child) walk(child as Element, depth + 1);
          }
        };
        walk(dom, 0);
        expect(maxDepth).toBeLessThanOrEqual(MAX_HTML_DEPTH + 1);
        // Positions stay within the text.
        for (const child of dom.children) expect((child as DataNode).startIndex ?? 0).toBeLessThanOrEqual(text.length);
      }),
      params,
    );
  });

  it('LineIndex agrees with split(/\\r\\n|\\r|\\n/) for lines, and with the text for positions', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '🙂'), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (source) => {
        const lines = new LineIndex(source);
        const parts = source.split(/\r\n|\r|\n/);
        expect(lines.lineCount).toBe(parts.length);
        parts.forEach((part, i) => expect(lines.lineText(i + 1)).toBe(part));
        const breaks = [...source.matchAll(/\r\n|\r|\n/g)].map((m) => m.index! + m[0].length);
        for (let offset = 0; offset <= source.length; offset++) {
          const expected = breaks.filter((end) => end <= offset).length + 1;
          const { line, column } = lines.positionAt(offset);
          expect(line).toBe(expected);
          const start = expected === 1 ? 0 : breaks[expected - 2];
          expect(column).toBe(offset - start + 1);
        }
      }),
      params,
    );
  });

  it('decode never throws on arbitrary bytes, and says binary only for NUL bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], []), fc.uint8Array({ maxLength: 300 })).map(([bom, rest]) => Uint8Array.from([...bom, ...rest])),
    );
    fc.assert(
      fc.property(bytes, (array) => {
        const buffer = Buffer.from(array);
        const read = decode(buffer);
        if ('skip' in read) {
          expect(read.skip).toBe('binary');
          expect(buffer.includes(0)).toBe(true);
        } else expect(typeof read.text).toBe('string');
      }),
      params,
    );
  });

  it('inlineExpectations never throws, and points at lines of the file', () => {
    fc.assert(
      fc.property(structuredText, (text) => {
        const count = new LineIndex(text).lineCount;
        for (const expectation of inlineExpectations('f', text)) expect(expectation.line! >= 1 && expectation.line! <= count).toBe(true);
      }),
      params,
    );
  });
});

describe('fuzzing the glob matcher and the .gitignore reader', () => {
  const GLOB_PIECES = ['a', 'b', '.', '-', '*', '?', '/', '**', '**/', '/**', '[ab]', '[a-c]', '[[:alpha:]]', '{a,b}', '{1..3}', '{,a}', '@(a|b)', '?(a)', '*(a|b)', '+(ab|c)', '!(a|*b*)', '\\*', 'é', '🙂'];
  const NAMES = ['a', 'b', 'ab', 'ba', 'aab', 'a.b', '.a', 'a-b', 'c', '1', '2', 'é', '🙂', 'a🙂'];
  const glob = fc.array(fc.constantFrom(...GLOB_PIECES), { minLength: 1, maxLength: 7 }).map((parts) => parts.join(''));
  const path = fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));

  it('agrees with minimatch wherever minimatch gives an answer', () => {
    fc.assert(
      fc.property(glob, path, (pattern, file) => {
        // minimatch lets [!a] match a slash, and fails on some valid patterns: nothing to compare there.
        if (pattern.startsWith('/') || pattern.includes('//')) return;
        // With a POSIX class minimatch switches to code points; cadre always counts UTF-16 units.
        if (pattern.includes('[[:') && /[\ud800-\udfff]/.test(file)) return;
        // minimatch's expression for a/**/b/** drops the last /**: a/**/b/** does not match a/b/c there.
        if (/\*\*.*\/\*\*$/.test(pattern)) return;
        let expected: boolean;
        try {
          const re = minimatch.makeRe(pattern, { dot: true });
          if (!re) return;
          expected = re.test(pattern.includes('/') ? file : file.slice(file.lastIndexOf('/') + 1));
        } catch {
          return;
        }
        expect(globMatcher(pattern)(file), `${pattern} on ${file}`).toBe(expected);
      }),
      params,
    );
  });

  it('never throws and never backtracks: hostile patterns against long names and deep paths', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.integer({ min: 2, max: 30 }).map((n) => `${'*a'.repeat(n)}*b`),
      fc.integer({ min: 2, max: 20 }).map((n) => `${Array(n).fill('a/**').join('/')}/b`),
      fc.integer({ min: 2, max: 20 }).map((n) => `${'+(a|aa)'.repeat(n)}b`),
    );
    const long = fc.oneof(path, fc.integer({ min: 1, max: 250 }).map((n) => 'a'.repeat(n)), fc.integer({ min: 1, max: 120 }).map((n) => Array(n).fill('a').join('/')));
    fc.assert(
      fc.property(hostile, long, (pattern, file) => {
        const started = performance.now();
        expect(typeof globMatcher(pattern)(file)).toBe('boolean');
        expect(typeof globMatcher(pattern, { anchored: true })(file)).toBe('boolean');
        const rules = parseGitignore(`${pattern}\n!${pattern}/\n`);
        expect(Array.isArray(rules)).toBe(true);
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      params,
    );
  });

  it('masks tokens idempotently, and leaves no token shape behind', () => {
    const tokenish = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.stringMatching(/^(ghp_|glpat-|xoxb-|AKIA|npm_|sk-)[A-Za-z0-9]{0,40}$/),
    );
    fc.assert(
      fc.property(fc.array(tokenish, { maxLength: 4 }), (parts) => {
        const once = maskTokens(parts.join(' '));
        expect(maskTokens(once)).toBe(once);
      }),
      params,
    );
  });
});

describe('fuzzing the keyword pass', () => {
  /** What the automaton must answer: ASCII letters compared without case, other keywords on the lower-cased text. */
  const expected = (keywords: string[], text: string) => {
    const folded = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    return new Set(keywords.filter((k) => (/^[\x00-\x7f]*$/.test(k) ? folded : text.toLowerCase()).includes(k)));
  };
  // A small alphabet, so keywords overlap, nest and share prefixes and suffixes.
  const letters = fc.constantFrom('a', 'b', 'c', '-', '_', 'é', '\u212a');
  const keyword = fc.array(letters, { minLength: 1, maxLength: 6 }).map((l) => l.join(''));
  const text = fc.array(fc.constantFrom('a', 'b', 'c', 'A', 'B', 'C', '-', '_', 'é', 'É', '\u212a', '\n', '🙂'), { maxLength: 120 }).map((l) => l.join(''));

  it('finds exactly the keywords a text contains, however they overlap', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keyword, { minLength: 1, maxLength: 12 }), text, (keywords, sample) => {
        expect(findKeywords(keywordSearch(keywords)!, sample)).toEqual(expected(keywords, sample));
      }),
      params,
    );
  });

  it('searches the keywords beyond the size cap one by one, with the same answers', () => {
    // 70,000 distinct four-letter keywords: more states than the automaton keeps.
    const alphabet = 'abcdefghijklmnopqrstuvwxyz';
    const many = Array.from({ length: 70_000 }, (_, i) => `${alphabet[i % 26]}${alphabet[Math.floor(i / 26) % 26]}${alphabet[Math.floor(i / 676) % 26]}${alphabet[Math.floor(i / 17_576) % 26]}`);
    const search = keywordSearch(many)!;
    expect(search.others.length).toBeGreaterThan(0);
    const sample = 'xx ZYXW zzzz abcd';
    expect(findKeywords(search, sample)).toEqual(expected([...new Set(many)], sample));
  });
});

function mkdirp(dir: string): void {
  mkdirSync(dir, { recursive: true });
}
