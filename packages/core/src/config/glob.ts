/**
 * Glob matching for `overrides[].files`. Supported: `*` (within a folder), `**` (any folders), `?`, `[abc]`,
 * `{a,b}`. A pattern without a `/` matches the file name in any folder (as in .gitignore), so `*.draft.report.yaml`
 * needs no `**\/` in front; a pattern with a `/` is anchored at the config file's folder.
 */
export function globToRegExp(pattern: string): RegExp {
  const anchored = pattern.includes("/");
  const body = translate(pattern.replace(/^\.\//, "").replace(/^\//, ""));
  return new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
}

function translate(pattern: string): string {
  let out = "";
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? "";
    if (char === "*") {
      if (pattern[i + 1] === "*") {
        const atSegmentStart = i === 0 || pattern[i - 1] === "/";
        const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
        if (atSegmentStart && atSegmentEnd) {
          if (pattern[i + 2] === "/") {
            out += "(?:[^/]*/)*";
            i += 2;
          } else {
            out += ".*";
            i += 1;
          }
          continue;
        }
        i += 1;
      }
      out += "[^/]*";
    } else if (char === "?") {
      out += "[^/]";
    } else if (char === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close < 0) {
        out += "\\[";
        continue;
      }
      const set = pattern.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
      out += `[${set}]`;
      i = close;
    } else if (char === "{") {
      braceDepth++;
      out += "(?:";
    } else if (char === "}" && braceDepth > 0) {
      braceDepth--;
      out += ")";
    } else if (char === "," && braceDepth > 0) {
      out += "|";
    } else {
      out += char.replace(/[.+^$()|\\]/g, "\\$&");
    }
  }
  return out + ")".repeat(braceDepth);
}

export function matchesGlob(pattern: string, relativeFile: string): boolean {
  return globToRegExp(pattern).test(relativeFile);
}
