// The question bank's areas as the site names them. A copy of runner/src/content/question-schema.ts's
// QUESTION_AREAS (importing it would bundle zod); test/site/practice-client.test.ts keeps the two equal.
export const AREAS = [
  { id: "compute", label: "Develop Azure compute solutions", kind: "exam", short: "Compute" },
  { id: "storage", label: "Develop for Azure storage", kind: "exam", short: "Storage" },
  { id: "security", label: "Implement Azure security", kind: "exam", short: "Security" },
  { id: "monitor", label: "Monitor and troubleshoot Azure solutions", kind: "exam", short: "Monitor" },
  { id: "connect", label: "Connect to and consume Azure services and third-party services", kind: "exam", short: "Connect" },
  { id: "patterns", label: "Cloud design patterns", kind: "interview", short: "Patterns" },
  { id: "system-design", label: "System design", kind: "interview", short: "System design" },
  { id: "troubleshooting", label: "Troubleshooting scenarios", kind: "interview", short: "Troubleshooting" },
  { id: "behavioural-technical", label: "Behavioural and technical judgement", kind: "interview", short: "Behavioural" },
] as const;

export type AreaId = (typeof AREAS)[number]["id"];

const byId = new Map<string, (typeof AREAS)[number]>(AREAS.map((area) => [area.id, area]));

/** The area's full label; an id the site does not know is shown as it is. */
export const areaLabel = (id: string): string => byId.get(id)?.label ?? id;

/** "event-grid-filtering" -> "event grid filtering": topics are kebab-case ids. */
export const topicLabel = (topic: string): string => topic.replace(/-/g, " ");
