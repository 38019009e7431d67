import { matchesOf } from "../engine/matches.js";
import { defineRule } from "../engine/rule.js";

/**
 * What: 今年, 去年, 明年 (and 本年, 上年) in a report about a past year.
 * Why: the report is read after the year it describes — its date is in the next year — so 今年 is ambiguous at best
 * and wrong at worst; reviewers ask for the year to be written out.
 * Fix: write the year: 今年 → 2021年, 去年 → 2020年, 明年 → 2022年 (the quick fix does it).
 */
const WORDS: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 明年: 1 };
const PATTERN = /今年|本年(?!度)|去年|上年(?!度)|明年/g;

export const relativeTimeWord = defineRule({
  meta: {
    id: "relative-time-word",
    title: { zh: "使用了相对时间词", en: "Relative time word" },
    category: "time",
    severity: "warning",
    docs: {
      what: { zh: "报告写的是过去的年度，却用了“今年”“去年”“明年”等相对时间词。", en: "今年/去年/明年 in a report about a past year." },
      why: { zh: "报告成文和阅读都在下一年，“今年”指哪一年会产生歧义，审阅时会要求写明年份。", en: "The report is read in the following year, so 今年 is ambiguous; reviewers ask for the year." },
      fix: { zh: "写明年份：今年 → 2021年，去年 → 2020年，明年 → 2022年（快速修复可代劳）。", en: "Write the year out (the quick fix does it)." },
    },
  },
  run(context) {
    const year = context.report.meta.year;
    const dateYear = Number(context.report.meta.date.slice(0, 4));
    if (!(dateYear > year)) return;
    for (const field of context.model.prose) {
      for (const match of matchesOf(PATTERN, field.text)) {
        const word = match[0];
        const start = match.index;
        const meant = year + (WORDS[word] ?? 0);
        context.flag({
          at: { path: field.path, span: [start, start + word.length] },
          message: { zh: `“${word}”指代不明：本报告写的是 ${year} 年度，请写明“${meant}年”`, en: `"${word}" is ambiguous in a report on ${year}; write "${meant}年"` },
          fixes: [{ title: { zh: `改为“${meant}年”`, en: `Replace with "${meant}年"` }, edits: [context.replaceInString(field.path, start, start + word.length, `${meant}年`)], safe: false }],
        });
      }
    }
  },
});
