/**
 * Input-derived text (object names, file paths, values quoted in messages) reaches terminals and
 * CI logs. A control character in it could break a one-line-per-finding layout or, worse, send
 * escape sequences to the reader's terminal; so line-oriented formats show such characters as
 * visible escapes instead: `\n`, `\t`, `\u001B`.
 */
// C0 controls, DEL and C1 controls; and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function printable(text: string): string {
  if (!CONTROL.test(text)) return text;
  CONTROL.lastIndex = 0;
  return text.replace(CONTROL, (char) => {
    switch (char) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    }
  });
}
