import {
  isDataPath,
  isExtensionToWebviewMessage,
  isWebviewState,
  type DataPath,
  type ExtensionToWebviewMessage,
  type WebviewState,
  type WebviewToExtensionMessage,
} from "@govreport/protocol";

/**
 * The preview webview: shows the HTML the language server rendered, reports clicks and scrolling back as
 * data paths, and keeps its document and position in the webview state so a reload reopens it in place.
 * The HTML comes from the renderer, which escapes all report text; the page's CSP admits only this script.
 */

interface VsCodeApi {
  postMessage(message: WebviewToExtensionMessage): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const content = document.getElementById("gr-content") as HTMLElement;
const status = document.getElementById("gr-status") as HTMLElement;
const restored = vscode.getState();
let state: WebviewState | undefined = isWebviewState(restored) ? restored : undefined;
let firstContent = true;
let ignoreScrollUntil = 0;
let lastReportedPath = "";

/** Only blocks are scroll anchors: inline figure spans would make the editor jump inside a paragraph. */
const ANCHOR_SELECTOR = "p[data-path], h1[data-path], h2[data-path], h3[data-path], h4[data-path], h5[data-path], h6[data-path], div[data-path], li[data-path]";
const PAGE_WIDTH_MM = 210;

window.addEventListener("message", (event: MessageEvent<unknown>) => {
  if (isExtensionToWebviewMessage(event.data)) receive(event.data);
});

function receive(message: ExtensionToWebviewMessage): void {
  switch (message.type) {
    case "update": {
      content.innerHTML = message.html;
      status.hidden = true;
      status.textContent = "";
      if (message.title !== "") document.title = message.title;
      fitToWidth();
      const scrollPath = firstContent ? state?.scrollPath : undefined;
      firstContent = false;
      if (scrollPath !== undefined) scrollToPath(scrollPath, false);
      saveState({ uri: message.uri, scrollPath: scrollPath ?? topVisiblePath() });
      return;
    }
    case "scrollTo":
      scrollToPath(message.path, message.highlight);
      return;
    case "error":
      status.textContent = message.message;
      status.hidden = false;
      return;
  }
}

function saveState(next: WebviewState): void {
  state = next;
  vscode.setState(next);
}

function pathOf(element: Element): DataPath | undefined {
  const raw = element.getAttribute("data-path");
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isDataPath(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The element rendered for `path`, or for its longest rendered prefix. */
function elementFor(path: DataPath): HTMLElement | undefined {
  const byKey = new Map<string, HTMLElement>();
  for (const element of content.querySelectorAll<HTMLElement>("[data-path]")) {
    const key = element.getAttribute("data-path") ?? "";
    if (!byKey.has(key)) byKey.set(key, element);
  }
  for (let length = path.length; length > 0; length--) {
    const found = byKey.get(JSON.stringify(path.slice(0, length)));
    if (found !== undefined) return found;
  }
  return undefined;
}

function scrollToPath(path: DataPath, highlight: boolean): void {
  const element = elementFor(path);
  if (element === undefined) return;
  ignoreScrollUntil = Date.now() + 600;
  element.scrollIntoView({ block: highlight ? "center" : "start" });
  if (highlight) flash(element);
}

function flash(element: HTMLElement): void {
  element.classList.add("gr-highlight");
  setTimeout(() => element.classList.remove("gr-highlight"), 1200);
}

function topVisiblePath(): DataPath | undefined {
  for (const element of content.querySelectorAll(ANCHOR_SELECTOR)) {
    if (element.closest(".gr-unplaced") !== null) continue;
    if (element.getBoundingClientRect().bottom > 4) return pathOf(element);
  }
  return undefined;
}

content.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target.closest("[data-path]") : null;
  if (target === null || (window.getSelection()?.toString() ?? "") !== "") return;
  const path = pathOf(target);
  if (path === undefined) return;
  flash(target as HTMLElement);
  vscode.postMessage({ type: "reveal", path });
});

let scrollFrame = 0;
window.addEventListener(
  "scroll",
  () => {
    cancelAnimationFrame(scrollFrame);
    scrollFrame = requestAnimationFrame(() => {
      const path = topVisiblePath();
      if (path === undefined || state === undefined) return;
      saveState({ uri: state.uri, scrollPath: path });
      const key = JSON.stringify(path);
      if (Date.now() < ignoreScrollUntil || key === lastReportedPath) return;
      lastReportedPath = key;
      vscode.postMessage({ type: "scroll", path });
    });
  },
  { passive: true },
);

/** The page is 210 mm wide; in a narrower panel it is scaled down rather than cut off. */
function fitToWidth(): void {
  const root = content.querySelector<HTMLElement>(".gr-root");
  if (root === null) return;
  const probe = document.createElement("div");
  probe.style.width = `${PAGE_WIDTH_MM}mm`;
  probe.style.position = "absolute";
  probe.style.visibility = "hidden";
  document.body.append(probe);
  const pageWidth = probe.getBoundingClientRect().width;
  probe.remove();
  const available = document.documentElement.clientWidth - 16;
  root.style.zoom = pageWidth > 0 && available < pageWidth ? String(Math.max(available / pageWidth, 0.3)) : "";
}

window.addEventListener("resize", fitToWidth);
vscode.postMessage({ type: "ready" });
