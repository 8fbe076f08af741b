// A question's prompt (markdown) and, for code questions, its TypeScript snippet highlighted as code.
import { MarkdownView } from "../components/markdown-view.js";

export function PromptView({ prompt, code }: { prompt: string; code?: string }) {
  return (
    <div className="question-prompt">
      <MarkdownView markdown={prompt} className="prompt-text" />
      {code && <MarkdownView markdown={`\`\`\`ts\n${code.replace(/\n$/, "")}\n\`\`\``} className="prompt-code" label="Code" />}
    </div>
  );
}
