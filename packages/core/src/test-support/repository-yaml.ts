import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The repository's root, seen from a test under packages/core/src. */
export const repository = path.resolve(__dirname, "../../../..");

/** Every YAML file the repository holds under `dir`, leaving out dependencies and build output. */
function yamlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".") || name === "out" || name === "dist") continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) found.push(...yamlFilesUnder(file));
    else if (/\.ya?ml$/.test(name)) found.push(file);
  }
  return found;
}

/** The YAML files of the examples, the packages and the tests. */
export function repositoryYamlFiles(): string[] {
  return ["examples", "packages", "tests"].flatMap((dir) => yamlFilesUnder(path.join(repository, dir)));
}
