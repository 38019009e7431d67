/**
 * A small XML 1.0 well-formedness check for test output: one root element, properly nested and closed tags, quoted
 * attributes, and only the five predefined or numeric entities. It does not validate against any schema.
 */
export function assertWellFormedXml(text: string): void {
  let rest = text.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  let roots = 0;
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  while (rest.length > 0) {
    const open = rest.indexOf("<");
    const textPart = open < 0 ? rest : rest.slice(0, open);
    if (entity.test(textPart)) throw new Error(`bad entity in text: ${textPart.slice(0, 80)}`);
    if (textPart.includes(">")) throw new Error(`stray ">" in text: ${textPart.slice(0, 80)}`);
    if (stack.length === 0 && textPart.trim() !== "") throw new Error(`text outside the root: ${textPart.slice(0, 80)}`);
    if (open < 0) break;
    rest = rest.slice(open);
    const tag = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/.exec(rest);
    if (!tag) throw new Error(`malformed tag at: ${rest.slice(0, 80)}`);
    const [whole, closing, name, attributes, selfClosing] = tag as unknown as [string, string, string, string, string];
    if (entity.test(attributes)) throw new Error(`bad entity in attributes of <${name}>`);
    const names = [...attributes.matchAll(/([A-Za-z_][\w.-]*)=/g)].map((match) => match[1]);
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in <${name}>`);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
    rest = rest.slice(whole.length);
  }
  if (stack.length > 0) throw new Error(`unclosed elements: ${stack.join(", ")}`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
}
