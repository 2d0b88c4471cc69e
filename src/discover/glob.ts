// Glob patterns matched in bounded time, whatever the pattern and the path.
//
// Patterns come from places a repository controls (its .gitignore files, its .cadre.yml, custom
// rules, waivers), and so do file names. Backtracking regular expressions, as minimatch and
// `ignore` build, take exponential time on `*a*a*a…*b` against a long name or `a/**/a/**/…/b`
// against a deep path: one pattern could hang the scan before a single file is read.
//
// Here `*` and `?` are matched by the classic two-pointer wildcard algorithm over the characters
// of one path segment, and `**` by the same algorithm over the segments of the path. It never
// backtracks past the last star, so a match costs at most O(path length × pattern length).
//
// Syntax: `*` (any characters but /), `?` (one character but /), `[abc]`, `[a-z]`, `[!a]`, `[^a]`,
// `[[:alpha:]]`, `\` escapes the next character, `**` as a whole segment is any number of
// segments. Braces and negation are the caller's business (globMatcher, the .gitignore reader).

const STAR = 0;
type CharTest = (c: string) => boolean;
type Token = typeof STAR | CharTest;

/** Matches one path segment (a file or folder name); `literal` when it matches only that name. */
export type SegmentMatcher = ((name: string) => boolean) & { literal?: string };

export const GLOBSTAR = Symbol('**');
export type PathPattern = (SegmentMatcher | typeof GLOBSTAR)[];

const POSIX_CLASSES: Record<string, RegExp> = {
  alnum: /[\p{L}\p{Nl}\p{Nd}]/u,
  alpha: /[\p{L}\p{Nl}]/u,
  ascii: /[\x00-\x7f]/,
  blank: /[\p{Zs}\t]/u,
  cntrl: /\p{Cc}/u,
  digit: /\p{Nd}/u,
  graph: /[^\p{Z}\p{C}]/u,
  lower: /\p{Ll}/u,
  print: /[^\p{C}]/u,
  punct: /\p{P}/u,
  space: /[\p{Z}\t\r\n\v\f]/u,
  upper: /\p{Lu}/u,
  word: /[\p{L}\p{Nl}\p{Nd}\p{Pc}]/u,
  xdigit: /[A-Fa-f0-9]/,
};

export interface GlobOptions {
  /** minimatch's extglobs: @(a|b), ?(a), *(a), +(a), !(a) (not nested). */
  extglob?: boolean;
}

/** Compiles one segment of a pattern (no slash inside). */
export function compileSegment(source: string, options: GlobOptions = {}): SegmentMatcher {
  // UTF-16 code units, as minimatch's expressions see them: `?` is one unit.
  const chars = source.split('');
  if (options.extglob && /[@?*+!]\(/.test(source)) {
    const items = parseExtended(chars);
    if (items === null) return () => false;
    if (items.some((item) => typeof item === 'object')) return extendedMatcher(items as Item[]);
  }
  return segmentMatcher(plainTokens(chars));
}

/** `*`, `?`, bracket expressions, `\` escapes and literal characters. */
function plainTokens(chars: string[]): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*') {
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
    } else if (c === '?') {
      tokens.push(() => true);
    } else if (c === '[') {
      const parsed = parseClass(chars, i);
      if (parsed) {
        tokens.push(parsed.test);
        i = parsed.end;
      } else tokens.push(literal('['));
    } else if (c === '\\' && i + 1 < chars.length) {
      tokens.push(literal(chars[++i]));
    } else {
      tokens.push(literal(c));
    }
  }
  return tokens;
}

/** An extglob group: its operator and its alternatives (plain patterns). */
interface Group {
  op: '@' | '?' | '*' | '+' | '!';
  alternatives: Token[][];
}
type Item = Token | Group;

/**
 * Splits a segment into plain tokens and extglob groups; null when groups are nested (not
 * supported: such a pattern matches nothing). An unclosed group is plain text, as in minimatch.
 */
function parseExtended(chars: string[]): Item[] | null {
  const items: Item[] = [];
  let plain: string[] = [];
  const flush = () => {
    items.push(...plainTokens(plain));
    plain = [];
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) {
      plain.push(c, chars[++i]);
      continue;
    }
    if (c === '[') {
      const parsed = parseClass(chars, i);
      if (parsed) {
        plain.push(...chars.slice(i, parsed.end + 1));
        i = parsed.end;
        continue;
      }
    }
    if ('@?*+!'.includes(c) && chars[i + 1] === '(') {
      const group = parseGroup(chars, i + 2);
      if (group === null) return null;
      if (group) {
        flush();
        items.push({ op: c as Group['op'], alternatives: group.alternatives.map(plainTokens) });
        i = group.end;
        continue;
      }
    }
    plain.push(c);
  }
  flush();
  return items;
}

/** The alternatives of a group opened just before chars[start], up to its `)`; undefined when unclosed. */
function parseGroup(chars: string[], start: number): { alternatives: string[][]; end: number } | null | undefined {
  const alternatives: string[][] = [[]];
  for (let i = start; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) {
      alternatives[alternatives.length - 1].push(c, chars[++i]);
    } else if (c === '[' && parseClass(chars, i)) {
      const end = parseClass(chars, i)!.end;
      alternatives[alternatives.length - 1].push(...chars.slice(i, end + 1));
      i = end;
    } else if ('@?*+!'.includes(c) && chars[i + 1] === '(') {
      return null;
    } else if (c === '|') {
      alternatives.push([]);
    } else if (c === ')') {
      return { alternatives, end: i };
    } else {
      alternatives[alternatives.length - 1].push(c);
    }
  }
  return undefined;
}

/**
 * Extglob segments, with minimatch's meaning: `!(L)` at a position matches any text there when
 * the rest of the name does not start with one of L followed by the rest of the pattern. Matching
 * is memoized on (item, position): O(items × name²) at worst, never exponential.
 */
function extendedMatcher(items: Item[]): SegmentMatcher {
  // The literal characters the pattern ends with (`.p12` in `!(*trust*).p12`) must end the name: most names fail there, cheaply.
  let suffix = '';
  for (let i = items.length - 1; i >= 0; i--) {
    const char = typeof items[i] === 'function' ? (items[i] as { char?: string }).char : undefined;
    if (char === undefined) break;
    suffix = char + suffix;
  }
  return (name) => {
    if (!name.endsWith(suffix)) return false;
    const units = name;
    const n = units.length;
    const memo = new Map<number, boolean>();
    const endsMemo = new Map<Token[], Map<number, number[]>>();
    /** End positions of a plain pattern matched from `from`. */
    const ends = (tokens: Token[], from: number): number[] => {
      let byStart = endsMemo.get(tokens);
      if (!byStart) endsMemo.set(tokens, (byStart = new Map()));
      const known = byStart.get(from);
      if (known) return known;
      let positions = [from];
      for (const token of tokens) {
        if (positions.length === 0) break;
        if (token === STAR) {
          const min = Math.min(...positions);
          positions = Array.from({ length: n - min + 1 }, (_, k) => min + k);
        } else {
          positions = positions.filter((p) => p < n && token(units[p])).map((p) => p + 1);
        }
      }
      byStart.set(from, positions);
      return positions;
    };
    const groupEnds = (group: Group, from: number): number[] => {
      const found = new Set<number>();
      for (const alternative of group.alternatives) for (const end of ends(alternative, from)) found.add(end);
      return [...found];
    };
    const repeated = (group: Group, from: number, atLeastOnce: boolean): number[] => {
      const reached = new Set<number>(atLeastOnce ? [] : [from]);
      let frontier = [from];
      while (frontier.length > 0) {
        const next: number[] = [];
        for (const start of frontier) {
          for (const end of groupEnds(group, start)) {
            if (!reached.has(end)) {
              reached.add(end);
              next.push(end);
            }
          }
        }
        frontier = next;
      }
      return [...reached];
    };
    const from = (i: number, p: number): boolean => {
      if (i === items.length) return p === n;
      const key = i * (n + 1) + p;
      const known = memo.get(key);
      if (known !== undefined) return known;
      const item = items[i];
      let result = false;
      if (item === STAR) {
        for (let q = p; q <= n && !result; q++) result = from(i + 1, q);
      } else if (typeof item === 'function') {
        result = p < n && item(units[p]) && from(i + 1, p + 1);
      } else if (item.op === '!') {
        let anyRest = false;
        for (let q = p; q <= n && !anyRest; q++) anyRest = from(i + 1, q);
        result = anyRest && !groupEnds(item, p).some((end) => from(i + 1, end));
      } else {
        const candidates =
          item.op === '@' ? groupEnds(item, p) : item.op === '?' ? [p, ...groupEnds(item, p)] : repeated(item, p, item.op === '+');
        result = candidates.some((end) => from(i + 1, end));
      }
      memo.set(key, result);
      return result;
    };
    return from(0, 0);
  };
}

function literal(c: string): CharTest & { char?: string } {
  const test: CharTest & { char?: string } = (x) => x === c;
  test.char = c;
  return test;
}

/** Fast paths for the common shapes (a name, `*.ext`, `prefix*`), the general algorithm otherwise. */
function segmentMatcher(tokens: Token[]): SegmentMatcher {
  const chars = (list: Token[]) => list.map((t) => (t === STAR ? undefined : (t as { char?: string }).char));
  const stars = tokens.filter((t) => t === STAR).length;
  if (stars === tokens.length) return stars === 0 ? (name) => name === '' : (name) => name.length > 0;
  const literals = chars(tokens.filter((t) => t !== STAR));
  if (literals.every((c) => c !== undefined)) {
    const text = literals.join('');
    if (stars === 0) return Object.assign((name: string) => name === text, { literal: text });
    if (stars === 1 && tokens[0] === STAR) return (name) => name.endsWith(text);
    if (stars === 1 && tokens[tokens.length - 1] === STAR) return (name) => name.startsWith(text);
    const star = tokens.indexOf(STAR);
    if (stars === 1) {
      const [prefix, suffix] = [literals.slice(0, star).join(''), literals.slice(star).join('')];
      return (name) => name.length >= text.length && name.startsWith(prefix) && name.endsWith(suffix);
    }
  }
  // The longest run of literal characters must be in the name: most names fail here, cheaply.
  const required = longestLiteralRun(tokens);
  return (name) => name.includes(required) && wildcard(tokens, name);
}

function longestLiteralRun(tokens: Token[]): string {
  let best = '';
  let run = '';
  for (const token of tokens) {
    const char = token === STAR ? undefined : (token as { char?: string }).char;
    run = char === undefined ? '' : run + char;
    if (run.length > best.length) best = run;
  }
  return best;
}

/** One of several segment patterns ({a,b} inside a name): names are looked up, the rest tried in turn. */
export function anySegment(alternatives: SegmentMatcher[]): SegmentMatcher {
  if (alternatives.length === 1) return alternatives[0];
  const names = new Set(alternatives.filter((m) => m.literal !== undefined).map((m) => m.literal!));
  const others = alternatives.filter((m) => m.literal === undefined);
  if (others.length === 0 && names.size === 1) return alternatives[0];
  return (name) => names.has(name) || others.some((match) => match(name));
}


/**
 * Two-pointer wildcard matching: on a mismatch, go back to just after the last star and let that
 * star take one more character. O(name × tokens), no exponential backtracking.
 */
function wildcard(tokens: Token[], units: string): boolean {
  let t = 0;
  let u = 0;
  let starToken = -1;
  let starUnit = 0;
  while (u < units.length) {
    const token = tokens[t];
    if (t < tokens.length && token !== STAR && token(units[u])) {
      t++;
      u++;
    } else if (t < tokens.length && token === STAR) {
      starToken = t++;
      starUnit = u;
    } else if (starToken >= 0) {
      t = starToken + 1;
      u = ++starUnit;
    } else return false;
  }
  while (t < tokens.length && tokens[t] === STAR) t++;
  return t === tokens.length;
}

/** A bracket expression starting at chars[start] ('['), or undefined when it is not closed. */
function parseClass(chars: string[], start: number): { test: CharTest; end: number } | undefined {
  let i = start + 1;
  const negate = chars[i] === '!' || chars[i] === '^';
  if (negate) i++;
  const items: CharTest[] = [];
  let first = true;
  for (; i < chars.length; i++) {
    let c = chars[i];
    if (c === ']' && !first) {
      const test: CharTest = (x) => x !== '/' && negate !== items.some((item) => item(x));
      return { test, end: i };
    }
    first = false;
    if (c === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(':', i + 2);
      if (close > 0 && chars[close + 1] === ']') {
        const name = chars.slice(i + 2, close).join('');
        const re = POSIX_CLASSES[name];
        items.push(re ? (x) => re.test(x) : () => false);
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < chars.length) c = chars[++i];
    if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']') {
      let high = chars[i + 2];
      let skip = 2;
      if (high === '\\' && i + 3 < chars.length) {
        high = chars[i + 3];
        skip = 3;
      }
      const lo = c.charCodeAt(0);
      const hi = high.charCodeAt(0);
      items.push((x) => {
        const code = x.charCodeAt(0);
        return code >= lo && code <= hi;
      });
      i += skip;
      continue;
    }
    const same = c;
    items.push((x) => x === same);
  }
  return undefined;
}

/**
 * Compiles a slash-separated pattern; a segment `**` is any number of segments (none included).
 * Git keeps empty segments (they match nothing) and takes `***` for `**`; minimatch does neither.
 */
export function compilePath(source: string, options: GlobOptions & { keepEmptySegments?: boolean; starRunsAreGlobstars?: boolean } = {}): PathPattern {
  const pattern: PathPattern = [];
  const segments = source.split('/');
  segments.forEach((segment, index) => {
    // Empty segments inside a pattern (a//b) are dropped as minimatch does (git keeps them: they match nothing).
    if (segment === '' && index > 0 && index < segments.length - 1 && !options.keepEmptySegments) return;
    if (segment === '**' || (options.starRunsAreGlobstars && /^\*{2,}$/.test(segment))) {
      if (pattern[pattern.length - 1] !== GLOBSTAR) pattern.push(GLOBSTAR);
    } else pattern.push(compileSegment(segment, options));
  });
  return pattern;
}

/** Whether the slash-separated path matches: two-pointer matching again, over segments. */
export function matchPath(pattern: PathPattern, path: string): boolean {
  return matchSegments(pattern, path.split('/'));
}

/**
 * A matcher for whole paths, with shortcuts for the usual shapes (`a/b.txt`, `**` + `/name`,
 * `dir/**`, patterns without `**`) that avoid splitting every path; the same answers as matchPath.
 */
export function pathMatcher(pattern: PathPattern): (path: string) => boolean {
  const globstars = pattern.filter((part) => part === GLOBSTAR).length;
  const segments = pattern.filter((part): part is SegmentMatcher => part !== GLOBSTAR);
  if (globstars === 0) {
    if (segments.every((segment) => segment.literal !== undefined)) {
      const text = segments.map((segment) => segment.literal).join('/');
      return (path) => path === text;
    }
    if (segments.length === 1) return (path) => !path.includes('/') && segments[0](path);
    const slashes = segments.length - 1;
    return (path) => countSlashes(path, slashes + 1) === slashes && matchSegments(pattern, split(path));
  }
  if (globstars === 1 && pattern[0] === GLOBSTAR) {
    // `**/a/b`: the last segments of the path, none of the others.
    if (segments.length === 0) return () => true;
    if (segments.length === 1) return (path) => segments[0](path.slice(path.lastIndexOf('/') + 1));
    return (path) => {
      const names = split(path);
      if (names.length < segments.length) return false;
      const offset = names.length - segments.length;
      return segments.every((segment, i) => segment(names[offset + i]));
    };
  }
  if (globstars === 1 && pattern[pattern.length - 1] === GLOBSTAR && segments.every((segment) => segment.literal !== undefined)) {
    // `a/b/**`: the folder itself and everything below it.
    const prefix = segments.map((segment) => segment.literal).join('/');
    return (path) => path === prefix || path.startsWith(`${prefix}/`);
  }
  // Most paths fail on their first or last name: look at those before splitting the path.
  const first = pattern[0];
  const last = pattern[pattern.length - 1];
  return (path) => {
    if (last !== GLOBSTAR && !last(path.slice(path.lastIndexOf('/') + 1))) return false;
    if (first !== GLOBSTAR) {
      const end = path.indexOf('/');
      if (!first(end < 0 ? path : path.slice(0, end))) return false;
    }
    return matchSegments(pattern, split(path));
  };
}

/** The names of a path; the last one is kept, as one path is tried against many patterns in a row. */
let lastPath = '';
let lastNames: string[] = [''];
function split(path: string): string[] {
  if (path !== lastPath) {
    lastPath = path;
    lastNames = path.split('/');
  }
  return lastNames;
}

/** Slashes in text, counting no further than `limit`. */
function countSlashes(text: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf('/'); at >= 0 && count < limit; at = text.indexOf('/', at + 1)) count++;
  return count;
}

export function matchSegments(pattern: PathPattern, names: string[]): boolean {
  let p = 0;
  let n = 0;
  let starPattern = -1;
  let starName = 0;
  while (n < names.length) {
    const part = pattern[p];
    if (p < pattern.length && part !== GLOBSTAR && part(names[n])) {
      p++;
      n++;
    } else if (p < pattern.length && part === GLOBSTAR) {
      starPattern = p++;
      starName = n;
    } else if (starPattern >= 0) {
      p = starPattern + 1;
      n = ++starName;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === GLOBSTAR) p++;
  return p === pattern.length;
}
