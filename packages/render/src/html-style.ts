/**
 * The stylesheet of the HTML rendering: the page of GB/T 9704-2012 (A4, type area 156 mm × 225 mm,
 * 22 lines of 28 characters in 3号 FangSong), official fonts named first with the CJK fonts a Linux or
 * Windows reader usually has as fallbacks. Kept apart from the markup so the editor preview can ship it
 * as a file from its media folder under a strict CSP, while the standalone page inlines it.
 */

/** GB/T 9704 names the face families; these stacks reach them on Windows, macOS, and Debian (fonts-noto-cjk). */
const FONT_XIAOBIAOSONG = `"GR XiaoBiaoSong", "FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK", "STZhongsong", "华文中宋", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif`;
const FONT_FANGSONG = `"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "华文仿宋", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif`;
const FONT_HEITI = `"SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif`;
const FONT_KAITI = `"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "华文楷体", "AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC", serif`;

export const DOCUMENT_CSS = `
/* 小标宋 is a heavy face with a single weight; where it is missing, the bold cut of a CJK serif stands in
   without the browser synthesising bold on top of a real 小标宋. */
@font-face {
  font-family: "GR XiaoBiaoSong";
  src: local("FZXiaoBiaoSong-B05S"), local("方正小标宋简体"), local("FZXBSJW--GB1-0"),
       local("Noto Serif CJK SC Bold"), local("NotoSerifCJKsc-Bold"),
       local("Source Han Serif SC Bold"), local("SourceHanSerifSC-Bold");
}
.gr-root {
  --gr-page-width: 210mm;
  --gr-type-width: 156mm;
  --gr-body-size: 16pt;                  /* 3号 */
  --gr-title-size: 22pt;                 /* 2号 */
  --gr-line: calc(225mm / 22);           /* 22 lines in the 225 mm type area */
  --gr-red: #e60012;
  color: #000;
}
.gr-root .gr-page {
  box-sizing: content-box;
  width: var(--gr-type-width);
  min-height: 225mm;
  margin: 0 auto 12mm;
  padding: 37mm 26mm 35mm 28mm;          /* top 37 mm, left 28 mm; 210 − 28 − 156 = 26 mm right */
  background: #fff;
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.35);
  font-family: ${FONT_FANGSONG};
  font-size: var(--gr-body-size);
  line-height: var(--gr-line);
  /* 28 characters fill the 156 mm line: a hair of negative tracking, as the standard's character grid does. */
  letter-spacing: calc(var(--gr-type-width) / 28 - var(--gr-body-size));
  text-align: justify;
  overflow-wrap: anywhere;
  line-break: strict;
}
.gr-root p { margin: 0; }
.gr-root .gr-letterhead {
  margin: 0;
  font-family: ${FONT_XIAOBIAOSONG};
  font-size: 26pt;
  line-height: 1.4;
  color: var(--gr-red);
  text-align: center;
  letter-spacing: 0.08em;
}
.gr-root .gr-letterhead-rule {
  height: 0;
  margin: 4mm 0 calc(var(--gr-line) * 2);
  border: 0;
  border-top: 2px solid var(--gr-red);
}
.gr-root .gr-title {
  margin: 0 0 var(--gr-line);
  font-family: ${FONT_XIAOBIAOSONG};
  font-size: var(--gr-title-size);
  font-weight: normal;
  line-height: 1.45;
  letter-spacing: 0;
  text-align: center;
  text-wrap: balance;
}
.gr-root .gr-recipient { text-indent: 0; }
.gr-root .gr-para, .gr-root .gr-heading { text-indent: 2em; }
.gr-root .gr-heading { margin: 0; font-size: var(--gr-body-size); font-weight: normal; line-height: var(--gr-line); }
.gr-root .gr-h1 { font-family: ${FONT_HEITI}; }
.gr-root .gr-h2 { font-family: ${FONT_KAITI}; }
.gr-root .gr-h3 { font-family: ${FONT_FANGSONG}; font-weight: bold; }
.gr-root .gr-h4, .gr-root .gr-h5 { font-family: ${FONT_FANGSONG}; }
.gr-root .gr-closing { margin-top: 0; }
.gr-root .gr-signature {
  display: flex;
  justify-content: flex-end;
  margin-top: calc(var(--gr-line) * 2);
}
/* The issuer is centred over the date; the date keeps four characters clear of the right edge. */
.gr-root .gr-signature-block { margin-right: 4em; text-align: center; }
.gr-root .gr-contact { margin-top: var(--gr-line); text-indent: 2em; }
.gr-root .gr-figure { border-bottom: 1px dotted #7a7a7a; }
.gr-root .gr-figure-missing { color: #b00020; border-bottom: 1px dashed #b00020; }
.gr-root .gr-mark-hint { text-decoration: underline dotted #6a6a6a; }
.gr-root .gr-mark-info { text-decoration: underline wavy #1a73e8; text-decoration-skip-ink: none; }
.gr-root .gr-mark-warning { text-decoration: underline wavy #c77700; text-decoration-skip-ink: none; }
.gr-root .gr-mark-error { text-decoration: underline wavy #d00000; text-decoration-skip-ink: none; }
/* A mark on a whole part shows as a bar in the left margin rather than underlining every line of it. */
.gr-root section.gr-mark { text-decoration: none; margin-left: -4mm; padding-left: 3mm; border-left: 1mm solid #6a6a6a; }
.gr-root section.gr-mark-error { border-left-color: #d00000; }
.gr-root section.gr-mark-warning { border-left-color: #c77700; }
.gr-root section.gr-mark-info { border-left-color: #1a73e8; }
.gr-root .gr-unplaced {
  box-sizing: border-box;
  width: var(--gr-page-width);
  margin: 0 auto 6mm;
  padding: 3mm 5mm;
  border-left: 4px solid #c77700;
  background: #fff8e6;
  color: #000;
  font: 10.5pt/1.6 ${FONT_HEITI};
}
.gr-root .gr-unplaced ul { margin: 1mm 0 0; padding-left: 5mm; }
.gr-root .gr-unplaced .gr-mark-error { text-decoration: none; color: #b00020; }
.gr-root [data-path] { cursor: default; }
.gr-root .gr-highlight { background: rgba(255, 214, 0, 0.35); transition: background 0.6s; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  .gr-root .gr-page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .gr-root .gr-unplaced { display: none; }
  .gr-root .gr-figure, .gr-root .gr-figure-missing { border: 0; }
  .gr-root .gr-mark { text-decoration: none; }
  .gr-root section.gr-mark { margin-left: 0; padding-left: 0; border-left: 0; }
}
`;

/** What a standalone page adds around the report: a neutral desk for the paper to lie on. */
export const STANDALONE_PAGE_CSS = `
html { background: #e8e8e8; }
body { margin: 0; padding: 12mm 0; }
@media print { html { background: #fff; } body { padding: 0; } }
`;
