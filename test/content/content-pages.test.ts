// @vitest-environment happy-dom
// Checks the interview-prep pages under content/: the pattern pages' front matter and sections, every link's
// form, and that each diagram is mermaid source that mermaid 11 itself parses. happy-dom supplies the DOM that
// mermaid's flowchart parser needs for label sanitising; nothing is rendered.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const contentDir = join(import.meta.dirname, "..", "..", "content");
const patternsDir = join(contentDir, "patterns");

/** Labs a page may link to as `/labs/<id>`: the labs azlab ships. */
const LAB_IDS = [
  "blob-storage",
  "blob-sas-concurrency",
  "storage-queues",
  "servicebus-queues",
  "servicebus-topics",
  "servicebus-sessions",
  "competing-consumers",
  "keyvault-managed-identity",
  "blob-managed-identity",
] as const;

/** The patterns issue 6 asks for; a page may be added, none of these may go missing. */
const REQUIRED_PATTERNS = [
  "cache-aside",
  "competing-consumers",
  "saga",
  "outbox",
  "strangler-fig",
  "retry-with-backoff",
  "circuit-breaker",
  "claim-check",
  "valet-key",
  "publisher-subscriber",
];

/** Every pattern page has these second-level sections, in this order. */
const PATTERN_SECTIONS = [
  "Problem",
  "Solution",
  "Diagram",
  "Azure services that implement it",
  "Failure modes and trade-offs",
  "When not to use it",
  "Interview questions",
  "TypeScript sketch",
  "Sources",
];

const LEARN = "https://learn.microsoft.com/";
const learnUrl = z
  .url({ protocol: /^https$/, hostname: /^learn\.microsoft\.com$/ })
  .refine((u) => !/^https:\/\/learn\.microsoft\.com\/[a-z]{2}-[a-z]{2}\//i.test(u), {
    message: "drop the locale segment (e.g. /en-us/) so Learn picks the reader's language",
  });

const patternFrontMatter = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case"),
  title: z.string().min(1),
  summary: z.string().min(10).max(200).refine((s) => !s.includes("\n"), { message: "one line" }),
  azureServices: z.array(z.string().min(1)).min(1),
  relatedLabs: z.array(z.enum(LAB_IDS)),
  source: learnUrl,
});

interface Section {
  heading: string;
  body: string;
}

interface MarkdownPage {
  file: string;
  frontMatter: string | undefined;
  body: string;
  /** `##` sections, split outside code fences. */
  sections: Section[];
}

function readPage(file: string): MarkdownPage {
  const text = readFileSync(file, "utf8").replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const body = match ? text.slice(match[0].length) : text;
  return { file, frontMatter: match?.[1], body, sections: splitSections(body, "## ") };
}

/** Splits markdown at headings with the given marker, ignoring lines inside fenced code blocks. */
function splitSections(markdown: string, marker: "## " | "### "): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) inFence = !inFence;
    if (!inFence && line.startsWith(marker)) {
      current = { heading: line.slice(marker.length).trim(), body: "" };
      sections.push(current);
    } else if (current) {
      current.body += `${line}\n`;
    }
  }
  return sections;
}

interface FencedBlock {
  lang: string;
  code: string;
}

function fencedBlocks(markdown: string): FencedBlock[] {
  return [...markdown.matchAll(/^```(\S*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? "", code: m[2] ?? "" }));
}

function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** Link targets in prose: `[text](target)`, `<https://...>` and bare URLs. */
function linkTargets(markdown: string): string[] {
  const prose = withoutCode(markdown);
  const inline = [...prose.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1] ?? "");
  const auto = [...prose.matchAll(/<(https?:\/\/[^>\s]+)>/g)].map((m) => m[1] ?? "");
  const bare = [...prose.replace(/\]\([^)]*\)/g, "](").matchAll(/(?<![<(])\bhttps?:\/\/[^\s)>\]]+/g)].map((m) => m[0]);
  return [...inline, ...auto, ...bare];
}

/** Returns a reason the link is malformed, or undefined when it is fine. */
function linkProblem(target: string): string | undefined {
  if (target.startsWith("#")) return undefined;
  if (target.startsWith("/")) {
    const lab = /^\/labs\/([a-z0-9-]+)$/.exec(target);
    if (!lab) return "site links must be /labs/<id>";
    return (LAB_IDS as readonly string[]).includes(lab[1] ?? "") ? undefined : `unknown lab id '${lab[1]}'`;
  }
  if (!target.startsWith("https://")) return "links must use https://";
  if (!URL.canParse(target)) return "not a well-formed URL";
  if (target.startsWith(LEARN)) {
    const parsed = learnUrl.safeParse(target);
    if (!parsed.success) return parsed.error.issues.map((i) => i.message).join("; ");
  }
  return undefined;
}

function expectWellFormedLinks(page: MarkdownPage): void {
  const problems = linkTargets(page.body)
    .map((target) => ({ target, problem: linkProblem(target) }))
    .filter((p) => p.problem !== undefined);
  expect(problems, `${page.file}: malformed links`).toEqual([]);
}

function hasLearnLink(markdown: string): boolean {
  return linkTargets(markdown).some((t) => t.startsWith(LEARN));
}

function expectEverySectionLinksLearn(page: MarkdownPage): void {
  const missing = page.sections.filter((s) => !hasLearnLink(s.body)).map((s) => s.heading);
  expect(missing, `${page.file}: sections without a Microsoft Learn link`).toEqual([]);
}

function section(page: MarkdownPage, heading: string): Section {
  const found = page.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`${page.file}: missing section '## ${heading}'`);
  return found;
}

const patternFiles = readdirSync(patternsDir)
  .filter((f) => f.endsWith(".md"))
  .sort();

let mermaidParse: (text: string) => Promise<unknown>;
beforeAll(async () => {
  const { default: mermaid } = await import("mermaid");
  mermaid.initialize({ startOnLoad: false });
  mermaidParse = (text) => mermaid.parse(text);
});

describe("pattern pages", () => {
  it("include every pattern the interview prep promises", () => {
    const ids = patternFiles.map((f) => f.replace(/\.md$/, ""));
    expect(ids).toEqual(expect.arrayContaining(REQUIRED_PATTERNS));
  });

  describe.each(patternFiles)("%s", (fileName) => {
    const page = readPage(join(patternsDir, fileName));

    it("has front matter that matches the schema, with the file name as id", () => {
      expect(page.frontMatter, "front matter block between --- lines").toBeDefined();
      const result = patternFrontMatter.safeParse(parseYaml(page.frontMatter ?? ""));
      expect(result.success ? [] : result.error.issues, `${fileName}: front matter`).toEqual([]);
      expect(result.data?.id).toBe(fileName.replace(/\.md$/, ""));
      // The body opens with the same title as an h1, so the file reads well on its own; the site may drop it.
      expect(page.body.trimStart().split("\n")[0]).toBe(`# ${result.data?.title ?? ""}`);
    });

    it("has the required sections in order, each linking Microsoft Learn", () => {
      expect(page.sections.map((s) => s.heading)).toEqual(PATTERN_SECTIONS);
      for (const s of page.sections) expect(s.body.trim().length, `'## ${s.heading}' is empty`).toBeGreaterThan(40);
      expectEverySectionLinksLearn(page);
    });

    it("cites its front-matter source under Sources", () => {
      const source = (parseYaml(page.frontMatter ?? "") as { source?: string }).source ?? "";
      expect(linkTargets(section(page, "Sources").body)).toContain(source);
    });

    it("draws a mermaid diagram that mermaid 11 parses", async () => {
      const diagrams = fencedBlocks(section(page, "Diagram").body).filter((b) => b.lang === "mermaid");
      expect(diagrams.length).toBeGreaterThan(0);
      for (const d of diagrams) {
        expect(d.code.trimStart()).toMatch(/^(flowchart (LR|RL|TB|TD|BT)|sequenceDiagram)\b/);
        await expect(mermaidParse(d.code)).resolves.toBeTruthy();
      }
    });

    it("asks 3 to 5 interview questions, each with a model answer", () => {
      const questions = splitSections(section(page, "Interview questions").body, "### ");
      expect(questions.length).toBeGreaterThanOrEqual(3);
      expect(questions.length).toBeLessThanOrEqual(5);
      for (const q of questions) {
        expect(q.heading).toMatch(/^Q: .+\?$/);
        expect(withoutCode(q.body).trim().length, `answer to '${q.heading}'`).toBeGreaterThan(120);
      }
    });

    it("sketches the pattern in TypeScript", () => {
      const code = fencedBlocks(section(page, "TypeScript sketch").body).filter((b) => b.lang === "ts");
      expect(code.length).toBeGreaterThan(0);
      expect(code.every((b) => b.code.trim().length > 0)).toBe(true);
    });

    it("has only well-formed links", () => {
      expectWellFormedLinks(page);
    });
  });
});

describe("cheat sheet", () => {
  // Read in a hook so a missing file fails these tests with a clear message instead of the whole suite.
  let page: MarkdownPage;
  let lines: Section[];
  beforeAll(() => {
    page = readPage(join(contentDir, "cheat-sheet.md"));
    lines = splitSections(section(page, "Interview lines").body, "### ");
  });

  it("has the role, services, certification and interview-line sections, each linking Microsoft Learn", () => {
    expect(page.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining([
        "The Azure Developer role",
        "Services by category",
        "Certification path",
        "Interview lines",
      ]),
    );
    expectEverySectionLinksLearn(page);
  });

  it("names the role's six responsibilities", () => {
    const role = section(page, "The Azure Developer role").body.toLowerCase();
    for (const r of ["application development", "api design", "data and storage", "messaging", "testing and quality", "devops"]) {
      expect(role).toContain(r);
    }
  });

  it("groups services into the six categories", () => {
    const categories = splitSections(section(page, "Services by category").body, "### ").map((s) => s.heading);
    expect(categories).toEqual(["Compute", "Storage", "Database", "Messaging", "Security", "DevOps"]);
  });

  it("walks the certification path and the AZ-204 successor", () => {
    const path = section(page, "Certification path").body;
    for (const exam of ["AZ-900", "AZ-204", "AZ-400", "AI-200"]) expect(path).toContain(exam);
  });

  it.each(["Auth", "Serverless", "Messaging", "Scaling", "Deployment"])("has the %s interview line", (topic) => {
    const line = lines.find((l) => l.heading.startsWith(`${topic}:`));
    expect(line, `### ${topic}: ...`).toBeDefined();
    const body = line?.body ?? "";
    for (const label of ["**Answer:**", "**Why:**", "**Practise it:**"]) expect(body).toContain(label);
    expect(fencedBlocks(body).some((b) => b.lang === "ts")).toBe(true);
    expect(hasLearnLink(body), `${topic} links Microsoft Learn`).toBe(true);
  });

  it("compares the four messaging services in one table", () => {
    const messaging = lines.find((l) => l.heading.startsWith("Messaging:"))?.body ?? "";
    const header = messaging.split("\n").find((l) => l.startsWith("|")) ?? "";
    for (const service of ["Service Bus", "Storage Queues", "Event Grid", "Event Hubs"]) expect(header).toContain(service);
  });

  it("links the labs that practise the auth and messaging lines", () => {
    for (const topic of ["Auth", "Messaging"]) {
      const body = lines.find((l) => l.heading.startsWith(`${topic}:`))?.body ?? "";
      expect(linkTargets(body).some((t) => t.startsWith("/labs/")), `${topic} links a lab`).toBe(true);
    }
  });

  it("has only well-formed links", () => {
    expectWellFormedLinks(page);
  });
});
