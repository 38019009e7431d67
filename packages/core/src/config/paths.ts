/**
 * Minimal POSIX-style path arithmetic, so the config model stays free of `node:path` and runs wherever core runs.
 * Backslashes are read as separators, so Windows paths work once they reach here.
 */

export function toSlashes(path: string): string {
  return path.replace(/\\/g, "/");
}

export function isAbsolutePath(path: string): boolean {
  return /^(?:\/|[A-Za-z]:\/)/.test(toSlashes(path));
}

/** Collapses `.` and `..` segments and repeated slashes; keeps a leading `/` or drive letter. */
export function normalizePath(path: string): string {
  const slashed = toSlashes(path);
  const root = /^(?:[A-Za-z]:)?\//.exec(slashed)?.[0] ?? "";
  const parts: string[] = [];
  for (const part of slashed.slice(root.length).split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else if (part !== ".." || root === "") parts.push(part);
  }
  const joined = parts.join("/");
  return root + joined || (root === "" ? "." : root);
}

export function dirnameOf(path: string): string {
  const normalized = normalizePath(path);
  const slash = normalized.lastIndexOf("/");
  if (slash < 0) return ".";
  if (slash === 0) return "/";
  const parent = normalized.slice(0, slash);
  return /^[A-Za-z]:$/.test(parent) ? `${parent}/` : parent;
}

export function resolvePath(base: string, target: string): string {
  return isAbsolutePath(target) ? normalizePath(target) : normalizePath(`${base}/${target}`);
}

/** `target` relative to `base` (both absolute), with `/` separators; `..` segments when it lies outside. */
export function relativePath(base: string, target: string): string {
  const from = normalizePath(base).split("/").filter(Boolean);
  const to = normalizePath(target).split("/").filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...Array(from.length - common).fill(".."), ...to.slice(common)].join("/");
}
