import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/parse/line-index.js';
import { parseStructured, YamlSyntaxError } from '../src/parse/yaml.js';

const parse = (text: string, json = false) => parseStructured(text, new LineIndex(text), { json });

describe('line index', () => {
  it('counts \\n, \\r\\n and lone \\r as line ends', () => {
    const lines = new LineIndex('a\r\nb\rc\nd');
    expect([0, 3, 5, 7].map((o) => lines.lineAt(o))).toEqual([1, 2, 3, 4]);
    expect(lines.lineText(2)).toBe('b');
    expect(lines.positionAt(6)).toEqual({ line: 3, column: 2 });
  });
});

describe('YAML with positions', () => {
  const text = [
    'apiVersion: apps/v1', // 1
    'kind: Deployment', // 2
    'spec:', // 3
    '  template:', // 4
    '    spec:', // 5
    '      containers:', // 6
    '        - name: api', // 7
    '          image: nginx', // 8
    '          securityContext:', // 9
    '            privileged: true', // 10
    '---', // 11
    'kind: Service', // 12
    'spec: {type: NodePort, ports: [80, 443]}', // 13
  ].join('\n');

  it('gives every node the line of its key or item', () => {
    const [deployment, service] = parse(text);
    expect(deployment.lineOf(['spec', 'template', 'spec', 'containers', 0])).toBe(7);
    expect(deployment.lineOf(['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe(8);
    expect(deployment.lineOf(['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'])).toBe(10);
    expect(service.line).toBe(12);
    expect(service.lineOf(['spec', 'ports', 1])).toBe(13);
  });

  it('falls back to the closest located ancestor for missing paths', () => {
    const [deployment] = parse(text);
    expect(deployment.lineOf(['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits'])).toBe(7);
  });

  it('keeps lines right with CRLF and lone CR line ends', () => {
    const crlf = parse('a: 1\r\nb:\r\n  c: 2\r\n')[0];
    expect(crlf.lineOf(['b', 'c'])).toBe(3);
    const cr = parse('a: 1\rb:\r  c: 2\r')[0];
    expect(cr.lineOf(['b', 'c'])).toBe(3);
  });

  it('parses JSON with lines, duplicate keys allowed as JSON.parse does', () => {
    const [doc] = parse('{\n  "a": {\n    "b": [1,\n      2]\n  },\n  "a2": 1, "a2": 2\n}', true);
    expect(doc.lineOf(['a', 'b', 1])).toBe(4);
    expect((doc.value as Record<string, unknown>).a2).toBe(2);
  });

  it('resolves anchors, aliases and merge keys as GitLab CI uses them', () => {
    const [doc] = parse('.defaults: &d\n  image: node:20\njob:\n  <<: *d\n  script: [x]\n');
    expect((doc.value as { job: { image: string } }).job.image).toBe('node:20');
    expect(doc.lineOf(['job', 'script'])).toBe(5);
  });

  it('reports syntax errors with their line', () => {
    try {
      parse('a: 1\nb: [1, 2\nc: 3\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(YamlSyntaxError);
      expect((error as YamlSyntaxError).line).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses alias bombs and absurd nesting instead of exhausting memory', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => {
      const prev = i === 0 ? 'a' : `l${i - 1}`;
      return `l${i}: &l${i} [${Array(10).fill(`*${prev}`).join(',')}]`;
    })].join('\n');
    expect(() => parse(bomb)).toThrow(YamlSyntaxError);
    expect(() => parse('a: '.concat('['.repeat(5000), ']'.repeat(5000)))).toThrow(YamlSyntaxError);
  });

  it('keeps __proto__ and constructor as plain data', () => {
    const [doc] = parse('__proto__: {polluted: true}\nconstructor: 1\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(doc.value as object)).toEqual(['__proto__', 'constructor']);
  });
});
