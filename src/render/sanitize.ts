// Text from scanned files (paths, snippets, values in messages) is hostile until proven
// otherwise. Each output format escapes it its own way; these are the shared pieces.

/** Control characters (C0 except tab, DEL, C1), the Unicode line separators and the bidi overrides. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Replaces control characters, ANSI escapes and bidi overrides by a visible mark. */
export function neutralize(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Breaks what a CI runner would take for a command in a log line, with a zero-width space:
 * GitHub's `::command::` at the start of a line (after blanks), its older `##[command]` and
 * Azure's `##vso[` anywhere in a line. The text reads the same.
 */
export function breakLogCommands(text: string): string {
  return text.replace(/^(\s*):(?=:)/, '$1:\u200b').replace(/#(?=#(?:vso)?\[)/gi, '#\u200b');
}

/** Single line, control characters neutralized, never a CI log command. */
export function oneLine(text: string): string {
  return breakLogCommands(neutralize(text.replace(/\r\n|\r|\n/g, ' ')));
}
