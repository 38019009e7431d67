import { profileJsonSchema, reportJsonSchema } from "@govreport/schema";
import { EXIT, UsageError, type Io } from "../io.js";

export async function runSchema(kind: string | undefined, io: Io): Promise<number> {
  const which = kind ?? "report";
  if (which !== "report" && which !== "profile") throw new UsageError(`未知的 schema 种类“${which}”，可用：report、profile — unknown schema kind`);
  io.stdout.write(`${JSON.stringify(which === "report" ? reportJsonSchema() : profileJsonSchema(), null, 2)}\n`);
  return EXIT.clean;
}
