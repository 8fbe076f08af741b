// Driving Monaco the way a learner does: focus, select all, paste; and reading what it shows.
import type { Page } from "playwright-core";

/** The few browser globals used below; the project's tsconfig has no DOM library (it is Node code). */
interface PageGlobals {
  document: {
    activeElement: { dispatchEvent(event: unknown): boolean; closest(selector: string): unknown } | null;
    querySelectorAll(selector: string): Iterable<{ style: { top: string }; textContent: string | null }>;
  };
  DataTransfer: new () => { setData(format: string, data: string): void };
  ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
}

/** Focuses the editor's text input (a native EditContext element or a textarea, by browser support). */
export async function focusEditor(page: Page): Promise<void> {
  await page.locator(".code-editor .monaco-editor .view-lines").first().click();
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as PageGlobals;
    return Boolean(document.activeElement?.closest(".code-editor .monaco-editor"));
  });
}

/**
 * Selects everything and pastes `text`, as Ctrl+A then Ctrl+V with `text` on the clipboard would, then waits
 * until the editor shows the end of it (the cursor, and so the view, ends up there).
 */
export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press("Control+A");
  await page.evaluate((content) => {
    const { document, DataTransfer, ClipboardEvent } = globalThis as unknown as PageGlobals;
    const target = document.activeElement;
    if (!target) throw new Error("nothing has focus: the editor did not take it");
    const data = new DataTransfer();
    data.setData("text/plain", content);
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  const lastLine = text.trimEnd().split("\n").at(-1) ?? "";
  await page.waitForFunction((line) => {
    const { document } = globalThis as unknown as PageGlobals;
    const shown = [...document.querySelectorAll(".code-editor .view-lines .view-line")].map((l) => (l.textContent ?? "").replace(/\u00a0/g, " "));
    return shown.includes(line);
  }, lastLine);
}

/** The text of the lines Monaco has rendered, top to bottom (it renders only what is in view). */
export async function renderedLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    return [...document.querySelectorAll(".code-editor .view-lines .view-line")]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? "").replace(/\u00a0/g, " "));
  });
}
