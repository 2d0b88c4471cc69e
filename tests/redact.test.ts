import { describe, expect, it } from 'vitest';
import { maskTokens } from '../src/evaluate/redact.js';
import { scan } from '../src/scan.js';
import { expectValidReport, repo, rule } from './helpers.js';

describe('tokens in outputs', () => {
  it('masks token shapes wherever they appear', () => {
    const line = 'env: GITHUB_TOKEN=ghp_R8tKq2ZbX7mWc4LpV9nHs3YdJ6fGa1EuQ0oT slack=xoxb-1234567890-abcdefghij aws=AKIAIOSFODNN7EXAMPLE';
    const masked = maskTokens(line);
    expect(masked).not.toMatch(/ghp_R8tKq2ZbX7mWc4LpV9nHs3YdJ6fGa1EuQ0oT|xoxb-1234567890-abcdefghij|AKIAIOSFODNN7EXAMPLE/);
    expect(masked).toContain('GITHUB_TOKEN=');
  });

  it('never lets a token of the scanned code reach a finding of another rule', async () => {
    const target = repo({ 'deploy.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: app:1\n      env:\n        - {name: TOKEN, value: glpat-AbCdEfGhIjKlMnOpQrSt}\n' });
    const envRule = rule({ id: 'k8s-env', kind: 'kubernetes', message: 'literal {{value}}', check: { schema: { select: 'containers', assert: { properties: { env: { items: { not: { required: ['value'] } } } } } } } });
    const { report } = await scan({ target, rules: [envRule], lang: 'en', workers: 0 });
    expectValidReport(report);
    expect(JSON.stringify(report)).not.toContain('glpat-AbCdEfGhIjKlMnOpQrSt');
    expect(report.findings).toHaveLength(1);
  });
});
