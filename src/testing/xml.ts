/**
 * A strict little XML 1.0 reader for tests: it parses what greenbelt writes (a declaration,
 * elements, attributes, character data, character and predefined entity references) into a tree
 * and throws on anything that is not well-formed: an unescaped `<` or `&`, a character XML 1.0
 * forbids, a mismatched or unclosed tag, a duplicate attribute. JUnit consumers (GitLab, Jenkins)
 * reject such files, so tests hold the JUnit report to it.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The decoded character data directly inside the element. */
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function decode(raw: string, at: number): string {
  if (raw.includes('<')) throw new Error(`unescaped < at ${at}`);
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated entity reference at ${at}`);
    switch (body) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const numeric = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(body);
    if (!numeric) throw new Error(`unknown entity &${body}; at ${at}`);
    const digits = numeric[1] as string;
    const code = digits.startsWith('x') ? Number.parseInt(digits.slice(1), 16) : Number.parseInt(digits, 10);
    if (!isXmlChar(code)) throw new Error(`character reference to a forbidden character at ${at}`);
    return String.fromCodePoint(code);
  });
}

export function parseXml(text: string): XmlElement {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16).padStart(4, '0')} is not allowed in XML 1.0`);
  }
  let i = 0;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end === -1) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
    const top = stack[stack.length - 1];
    if (top) top.text += decode(chunk, i);
    else if (chunk.trim() !== '') throw new Error(`text outside the root element at ${i}`);
    if (lt === -1) break;
    const gt = text.indexOf('>', lt);
    if (gt === -1) throw new Error(`unterminated tag at ${lt}`);
    const tag = text.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name ?? '(nothing)'}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = NAME.exec(body);
    if (!nameMatch) throw new Error(`bad tag name at ${lt}`);
    const element: XmlElement = { name: nameMatch[0], attributes: {}, children: [], text: '' };
    let rest = body.slice(nameMatch[0].length);
    while (rest.trim() !== '') {
      const attribute = /^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(rest);
      if (!attribute) throw new Error(`bad attribute syntax in <${element.name}> at ${lt}: ${rest.slice(0, 40)}`);
      const key = attribute[1] as string;
      if (Object.hasOwn(element.attributes, key)) throw new Error(`duplicate attribute ${key} at ${lt}`);
      // Attribute-value normalisation (XML 1.0 section 3.3.3): literal white space becomes a space.
      element.attributes[key] = decode((attribute[2] ?? attribute[3] ?? '').replace(/[\t\n\r]/g, ' '), lt);
      rest = rest.slice(attribute[0].length);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error(`second root element at ${lt}`);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]?.name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element named `name` below (and including) `element`, in document order. */
export function elements(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = element.name === name ? [element] : [];
  for (const child of element.children) out.push(...elements(child, name));
  return out;
}
