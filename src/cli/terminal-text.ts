// Text from the partners' files reaches the terminal: a control character in a cell (ESC clearing
// the screen, a carriage return overwriting a line, a bidi override reordering it) is shown as its
// escape, `\u001b`, instead of acting. The escape is also JSON's, so JSON output stays valid JSON.

/** C0 controls, DEL, C1 controls, line/paragraph separators and the bidi embedding/override/isolate marks. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, with tab and line feed left alone: the layout of a whole output. */
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A value for one line of a terminal: every control character escaped, line breaks too. */
export function terminalValue(text: string): string {
  return text.replace(CONTROLS, escape);
}

/** A whole output for a terminal (text, JSON or HTML): controls escaped, its own tabs and line feeds kept. */
export function terminalText(text: string): string {
  return text.replace(CONTROLS_BUT_LAYOUT, escape);
}
