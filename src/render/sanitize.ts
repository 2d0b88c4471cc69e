// Text from scanned files (paths, snippets, values in messages) is hostile until proven
// otherwise. Each output format escapes it its own way; these are the shared pieces.

/** Control characters (C0 except tab, DEL, C1) and the Unicode bidi overrides. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces control characters, ANSI escapes and bidi overrides by a visible mark. */
export function neutralize(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Single line, control characters neutralized. */
export function oneLine(text: string): string {
  return neutralize(text.replace(/\r\n|\r|\n/g, ' '));
}
