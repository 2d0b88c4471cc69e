// Secrets never travel into a report: values found by secret rules are redacted where they
// are found, and any token-shaped string in a snippet or message of any rule is masked too.

/** Token shapes of the main families (GitHub, GitLab, Slack, cloud keys, npm, JWT, Vault…). */
const TOKEN_SHAPES = new RegExp(
  [
    'gh[pousr]_[A-Za-z0-9]{20,}',
    'github_pat_[A-Za-z0-9_]{20,}',
    'gl(?:pat|ptt|rt|dt|cbt)-[A-Za-z0-9_-]{16,}',
    'GR1348941[A-Za-z0-9_-]{16,}',
    'xox[baprs]-[A-Za-z0-9-]{10,}',
    '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}',
    'AIza[A-Za-z0-9_-]{35}',
    'npm_[A-Za-z0-9]{36}',
    'hvs\\.[A-Za-z0-9_-]{20,}',
    'sk_live_[A-Za-z0-9]{16,}',
    'sk-[A-Za-z0-9_-]{20,}',
    'ey[A-Za-z0-9_-]{10,}\\.ey[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]*',
  ].join('|'),
  'g',
);

/** Keeps enough of a secret to recognise it, never enough to use it. */
export function redact(value: string): string {
  const visible = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, visible)}${'*'.repeat(8)}`;
}

export function maskTokens(text: string): string {
  return text.replace(TOKEN_SHAPES, redact);
}
