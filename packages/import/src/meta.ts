import type { Message } from "@govreport/core";
import type { SourceLine } from "./source-text.js";

/**
 * The header and the signature block of a report: what comes before the first paragraph of the body
 * (letterhead, title, recipient) and after its last one (closing, issuer, date, contact).
 */

export interface MetaFound {
  letterhead?: string;
  title?: string;
  recipient?: string;
  issuer?: string;
  /** YYYY-MM-DD */
  date?: string;
  contact?: { name: string; phone: string };
  closing?: string;
}

export interface MetaSplit {
  readonly found: MetaFound;
  readonly body: readonly SourceLine[];
  readonly notes: readonly Message[];
}

const HEAD_WINDOW = 6;
const MAX_SHORT_LINE = 40;
/** 市政府: or 各位代表： — a short line ending in a colon, with no other sentence mark. */
const RECIPIENT_LINE = /^([^，。；：！？,;:!?]{1,40})[：:]$/;
/** Only the form the renderer prints, so the contact line comes back as written; other forms stay in the body. */
const CONTACT_LINE = /^（\s*联系人\s*：\s*([^；]*?)\s*；\s*联系电话\s*：\s*([^）]*?)\s*）$/;
const ARABIC_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const CHINESE_DATE = /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const CLOSING_LINE = /^(?:特此报告|专此报告|以上报告，请审议)[。！!]?$/;
const SENTENCE_PUNCTUATION = /[，。；！？,;!?]/;

const CHINESE_DIGIT_VALUE: Readonly<Record<string, number>> = { 〇: 0, "○": 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseSmall(text: string): number {
  if (text === "十") return 10;
  if (text.startsWith("十")) return 10 + (CHINESE_DIGIT_VALUE[text.slice(1)] ?? 0);
  if (text.includes("十")) {
    const [tens = "", ones = ""] = text.split("十");
    return (CHINESE_DIGIT_VALUE[tens] ?? 0) * 10 + (ones ? (CHINESE_DIGIT_VALUE[ones] ?? 0) : 0);
  }
  return CHINESE_DIGIT_VALUE[text] ?? 0;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `2022年1月28日` or `二〇二二年一月二十八日` → `2022-01-28`; anything else (or a day that does not exist) → undefined. */
export function parseChineseDate(text: string): { iso: string; chineseNumerals: boolean } | undefined {
  const arabic = ARABIC_DATE.exec(text);
  if (arabic) {
    const iso = isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
    return iso ? { iso, chineseNumerals: false } : undefined;
  }
  const chinese = CHINESE_DATE.exec(text);
  if (chinese) {
    const year = Number(Array.from(chinese[1] ?? "", (char) => CHINESE_DIGIT_VALUE[char] ?? 0).join(""));
    const iso = isoDate(year, chineseSmall(chinese[2] ?? ""), chineseSmall(chinese[3] ?? ""));
    return iso ? { iso, chineseNumerals: true } : undefined;
  }
  return undefined;
}

function isShortPlainLine(text: string): boolean {
  return Array.from(text).length <= MAX_SHORT_LINE && !SENTENCE_PUNCTUATION.test(text) && !/[：:]$/.test(text);
}

export function splitMeta(lines: readonly SourceLine[]): MetaSplit {
  const found: MetaFound = {};
  const notes: Message[] = [];
  let start = 0;
  let end = lines.length;

  const recipientIndex = lines.slice(0, HEAD_WINDOW).findIndex((line) => RECIPIENT_LINE.test(line.text));
  if (recipientIndex >= 0) {
    const recipientLine = lines[recipientIndex]!;
    const name = (RECIPIENT_LINE.exec(recipientLine.text)?.[1] ?? "").trim();
    if (name !== "") found.recipient = name;
    if (recipientLine.text.endsWith(":")) {
      notes.push({
        zh: `主送机关“${recipientLine.text}”用了半角冒号；报告数据只存机关名称，排版时输出全角冒号“：”`,
        en: `The recipient line "${recipientLine.text}" has a half-width colon; report data keeps the name only and rendering prints the full-width "："`,
      });
    }
    const before = lines.slice(0, recipientIndex).map((line) => line.text);
    let titleAt = before.findIndex((text) => text.startsWith("关于"));
    if (titleAt < 0) titleAt = before.length >= 2 ? 1 : 0;
    if (before.length > 0) {
      if (titleAt > 0) found.letterhead = before.slice(0, titleAt).join("");
      // A long title breaks over lines; its parts belong together.
      found.title = before.slice(titleAt).join("");
    }
    start = recipientIndex + 1;
  } else {
    const first = lines[0]?.text;
    if (first !== undefined && /^关于.*报告$/.test(first) && Array.from(first).length <= 80) {
      found.title = first;
      start = 1;
    }
  }

  const last = () => (end > start ? lines[end - 1]!.text : undefined);
  const contact = CONTACT_LINE.exec(last() ?? "");
  if (contact && (contact[1] ?? "") !== "" && (contact[2] ?? "") !== "") {
    found.contact = { name: contact[1] ?? "", phone: contact[2] ?? "" };
    end--;
  }
  const dateText = last();
  const date = dateText === undefined ? undefined : parseChineseDate(dateText);
  if (date) {
    found.date = date.iso;
    end--;
    if (date.chineseNumerals) {
      notes.push({
        zh: `成文日期“${dateText}”用汉字书写；报告数据存为 ${date.iso}，排版时输出阿拉伯数字（GB/T 9704-2012 7.3.5.1）`,
        en: `The date "${dateText}" is written in Chinese numerals; it is stored as ${date.iso} and renders in Arabic numerals`,
      });
    }
    const issuer = last();
    if (issuer !== undefined && isShortPlainLine(issuer) && !/^[一二三四五六七八九十]+、/.test(issuer)) {
      found.issuer = issuer;
      end--;
    }
  }
  const closing = last();
  if (closing !== undefined && CLOSING_LINE.test(closing)) {
    found.closing = closing;
    end--;
  }
  return { found, body: lines.slice(start, end), notes };
}
