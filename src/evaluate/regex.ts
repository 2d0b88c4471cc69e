// The one place where rule expressions become RegExp objects, so that every expression
// of every rule goes through the same validation.

export class PatternError extends Error {}

export function compilePattern(source: string, options: { ignoreCase?: boolean; indices?: boolean } = {}): RegExp {
  const flags = 'gmu' + (options.ignoreCase ? 'i' : '') + (options.indices ? 'd' : '');
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new PatternError(`invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
}
