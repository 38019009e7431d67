/**
 * The script a check worker thread runs. The program's entry registers itself here, so the same file serves as
 * worker whether it runs from `out/` or from the single-file bundle in `dist/`.
 */
let entry: string | undefined;

export function setWorkerEntry(file: string): void {
  entry = file;
}

export function workerEntry(): string | undefined {
  return entry;
}
