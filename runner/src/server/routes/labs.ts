// /api/labs: the catalogue, one lab's page data, grading, drafts, hints, reset, writing to disk.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { SKILL_AREAS, type Lab } from "../../catalog/index.js";
import { labState, type LabProgress } from "../../store/index.js";
import { MAX_SOURCE_BYTES, type Workbench } from "../../workbench/index.js";
import type { LabDetailResponse, LabListResponse, LabProgressSummary } from "../api-types.js";

const Source = z.string().max(MAX_SOURCE_BYTES, `the code must be under ${MAX_SOURCE_BYTES / 1024} KiB`);
const GradeBody = z.object({ source: Source });
const DraftBody = z.object({ source: Source, fileMtimeMs: z.number().nullable().optional() });
const WriteBody = z.object({ source: Source, expectedMtimeMs: z.number().nullable().optional() });
const IdParams = z.object({ id: z.string().min(1).max(100) });
const BackupParams = IdParams.extend({ name: z.string().min(1).max(200) });

function summary(progress: LabProgress | undefined): LabProgressSummary {
  return { state: labState(progress), bestScore: progress?.bestScore ?? null, attempts: progress?.attempts ?? 0 };
}

/** sendBeacon posts text/plain: accept JSON in any text body. */
function parseBody(body: unknown): unknown {
  return typeof body === "string" ? JSON.parse(body) : body;
}

export default async function labsRoutes(app: FastifyInstance, options: { workbench: Workbench }): Promise<void> {
  const { workbench } = options;
  const labOf = (params: unknown): Lab => workbench.lab(IdParams.parse(params).id);

  app.get("/api/labs", async (): Promise<LabListResponse> => {
    const progress = await workbench.store.read();
    return {
      skills: SKILL_AREAS.map((area) => ({ ...area })),
      labs: workbench.catalog.labs.map((lab) => ({
        id: lab.id,
        title: lab.title,
        summary: lab.summary,
        skill: lab.skill,
        services: lab.services,
        difficulty: lab.difficulty,
        minutes: lab.minutes,
        tags: lab.tags,
        hintsTotal: lab.hints.length,
        progress: summary(progress.labs[lab.id]),
      })),
    };
  });

  app.get("/api/labs/:id", async (request): Promise<LabDetailResponse> => {
    const lab = labOf(request.params);
    const reveal = z.object({ reveal: z.string().optional() }).parse(request.query).reveal === "1";
    const [readme, starter, file, progress, backups] = await Promise.all([
      readFile(join(lab.dir, "README.md"), "utf8"),
      workbench.starter(lab),
      workbench.learnerFile(lab),
      workbench.store.lab(lab.id),
      workbench.backups.list(lab.id),
    ]);
    const { hints, dir: _dir, testFiles: _tests, hiddenTestFiles: _hidden, ...meta } = lab;
    return {
      lab: { ...meta, hintsTotal: hints.length },
      readme,
      starter,
      file,
      draft: progress.draft,
      hintsRevealed: hints.slice(0, progress.hintsRevealed),
      progress: summary(progress),
      lastReport: progress.lastReport,
      backups,
      ...(reveal ? { solution: await workbench.solution(lab) } : {}),
    };
  });

  app.post("/api/labs/:id/grade", async (request) => {
    const lab = labOf(request.params);
    const { source } = GradeBody.parse(parseBody(request.body));
    return workbench.grade(lab, { source });
  });

  const saveDraft = async (request: { params: unknown; body: unknown }) => {
    const lab = labOf(request.params);
    const body = DraftBody.parse(parseBody(request.body));
    return workbench.saveDraft(lab, body.source, body.fileMtimeMs ?? null);
  };
  app.put("/api/labs/:id/draft", saveDraft);
  app.post("/api/labs/:id/draft", saveDraft);

  app.post("/api/labs/:id/write", async (request) => {
    const lab = labOf(request.params);
    const body = WriteBody.parse(parseBody(request.body));
    return workbench.writeExercise(lab, body.source, body.expectedMtimeMs);
  });

  app.post("/api/labs/:id/hints/next", async (request) => workbench.nextHint(labOf(request.params)));

  app.post("/api/labs/:id/reset", async (request) => workbench.reset(labOf(request.params)));

  app.get("/api/labs/:id/backups/:name", async (request) => {
    const { id, name } = BackupParams.parse(request.params);
    const lab = workbench.lab(id);
    return { name, source: await workbench.backups.read(lab.id, name) };
  });
}
