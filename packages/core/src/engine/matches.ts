/**
 * Every match of a global pattern in a text, in order: what `[...text.matchAll(pattern)]` gives, without the copy of
 * the pattern that `matchAll` makes on every call. Rules run their patterns over every paragraph of a report on every
 * keystroke, and that copy costs more than the search itself when nothing matches, which is nearly always.
 * The pattern must have the `g` flag; its `lastIndex` is left at 0.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  // Without `g`, exec ignores lastIndex and would find the first match for ever (matchAll throws, as this does).
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern, not ${String(pattern)}`);
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    matches.push(match);
    // An empty match would be found again at the same place; step over one character (one code point with `u` or `v`).
    if (match[0].length === 0) pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode || (pattern as { unicodeSets?: boolean }).unicodeSets === true);
  }
  pattern.lastIndex = 0;
  return matches;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

/**
 * The matches of a sticky (`y`) pattern in a text, in order, as a global search with it would find them, for a pattern
 * each of whose matches holds the character `anchor` for the first time `minLead` to `maxLead` characters after its
 * start (`minLead` at least 1), such as a list whose first item, of two to eight characters, ends at a 、. The
 * pattern is then tried only at those few places before each anchor, not at every character of the text.
 */
export function matchesBeforeAnchors(pattern: RegExp, text: string, anchor: string, minLead: number, maxLead: number): RegExpExecArray[] {
  // Anything else would search for ever (an empty anchor) or find matches the window was not meant to hold.
  if (!pattern.sticky || anchor === "" || minLead < 1) throw new TypeError(`matchesBeforeAnchors needs a sticky pattern, an anchor and minLead ≥ 1`);
  const matches: RegExpExecArray[] = [];
  let from = 0;
  for (let at = text.indexOf(anchor, from); at >= 0; at = text.indexOf(anchor, from)) {
    // A match that starts before this anchor has it as its first one, so it starts minLead to maxLead before it.
    let found: RegExpExecArray | null = null;
    for (let start = Math.max(from, at - maxLead); start <= at - minLead && !found; start++) {
      pattern.lastIndex = start;
      found = pattern.exec(text);
    }
    if (found && found[0].length > 0) {
      matches.push(found);
      from = found.index + found[0].length;
    } else {
      from = at + 1;
    }
  }
  pattern.lastIndex = 0;
  return matches;
}
