/**
 * A strict little XML reader for tests: throws on anything not well-formed
 * (unbalanced or crossed tags, unquoted or duplicate attributes, a bare `<` or
 * `&`, unknown entities, more than one root) and returns the element tree.
 */
export type XmlElement = { name: string; attrs: Record<string, string>; children: Array<XmlElement | string> };

const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

/** Parse `xml` strictly; the root element. */
export function parseXml(xml: string): XmlElement {
  const document: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [document];
  let at = 0;
  const fail = (message: string): never => {
    const line = xml.slice(0, at).split('\n').length;
    throw new Error(`not well-formed XML at line ${line}: ${message}`);
  };
  const checkEntities = (value: string): void => {
    for (let index = value.indexOf('&'); index !== -1; index = value.indexOf('&', index + 1)) {
      entity.lastIndex = index;
      if (!entity.test(value)) fail(`bare or unknown entity ${JSON.stringify(value.slice(index, index + 10))}`);
    }
  };
  const text = (value: string): void => {
    checkEntities(value);
    if (value.includes(']]>')) fail('"]]>" in text');
    const top = stack[stack.length - 1]!;
    if (top === document) {
      if (value.trim() !== '') fail('text outside the root element');
      return;
    }
    if (value !== '') top.children.push(decode(value));
  };
  if (xml.startsWith('<?xml')) at = xml.indexOf('?>') + 2;
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    if (open === -1) {
      text(xml.slice(at));
      break;
    }
    text(xml.slice(at, open));
    at = open;
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at);
      if (end === -1) fail('unclosed comment');
      at = end + 3;
      continue;
    }
    const match = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(at));
    if (!match) fail(`malformed tag ${JSON.stringify(xml.slice(at, at + 30))}`);
    const [whole, closing, name, attrSource, selfClosing] = match!;
    at += whole.length;
    if (closing) {
      const top = stack.pop();
      if (!top || top.name !== name) fail(`</${name}> closes <${top?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const attr of attrSource!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (attr[1]! in attrs) fail(`duplicate attribute ${attr[1]}`);
      const value = attr[2] ?? attr[3] ?? '';
      checkEntities(value);
      attrs[attr[1]!] = decode(value);
    }
    const element: XmlElement = { name: name!, attrs, children: [] };
    const parent = stack[stack.length - 1]!;
    if (parent === document && document.children.length > 0) fail('more than one root element');
    parent.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  const root = document.children[0];
  if (!root || typeof root === 'string') return fail('no root element');
  return root;
}

function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, body: string) =>
    body === 'amp' ? '&' : body === 'lt' ? '<' : body === 'gt' ? '>' : body === 'quot' ? '"' : body === 'apos' ? "'" : String.fromCodePoint(body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10))
  );
}

/** Every element named `name` under `element`, depth-first in document order. */
export function elements(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) out.push(child);
    elements(child, name, out);
  }
  return out;
}

/** The text content of an element. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
}
