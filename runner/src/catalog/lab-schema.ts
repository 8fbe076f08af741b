// The lab.json schema: one source of truth for lab metadata (DESIGN.md "A lab").
import { z } from "zod";
import { CloudLabConfigSchema } from "../emulators/cloud-lab-config.js";

/** The five AZ-204 skill areas, with the exam's published weights. Ids are stable: progress refers to them. */
export const SKILL_AREAS = [
  { id: "compute", title: "Develop Azure compute solutions", weight: "25-30%" },
  { id: "storage", title: "Develop for Azure storage", weight: "15-20%" },
  { id: "security", title: "Implement Azure security", weight: "15-20%" },
  { id: "monitor", title: "Monitor and troubleshoot Azure solutions", weight: "5-10%" },
  { id: "connect", title: "Connect to and consume Azure services and third-party services", weight: "20-25%" },
] as const;

export const SKILL_IDS = SKILL_AREAS.map((area) => area.id) as [SkillId, ...SkillId[]];
export type SkillId = (typeof SKILL_AREAS)[number]["id"];

/** Emulated services a lab's tests can need; the grader starts exactly these. */
export const SERVICE_IDS = ["blob", "queue", "table", "servicebus", "identity", "keyvault"] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export const LabSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id such as blob-storage"),
    title: z.string().min(3),
    summary: z.string().min(10),
    skill: z.enum(SKILL_IDS),
    services: z.array(z.enum(SERVICE_IDS)),
    difficulty: z.enum(["beginner", "intermediate", "advanced"]),
    minutes: z.number().int().positive(),
    objectives: z.array(z.string().min(1)).min(1),
    hints: z.array(z.string().min(1)).min(1),
    docs: z.array(z.object({ title: z.string().min(1), url: z.url({ protocol: /^https$/ }) })).min(1),
    tags: z.array(z.string()).default([]),
    timeoutMs: z.number().int().min(1000).max(600_000).optional(),
    /** Keyless labs (services identity/keyvault): vaults, storage accounts, identities and roles to emulate. */
    cloud: CloudLabConfigSchema.optional(),
  })
  .strict();

export type LabMeta = z.infer<typeof LabSchema>;
