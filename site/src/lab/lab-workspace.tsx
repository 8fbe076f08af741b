// The lab page once loaded: instructions and hints on the left; the editor (or a comparison) and the results
// on the right; a toolbar with Run, Write to exercise.ts, Reset and Reveal solution.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { getBackup, getLab, resetLab, revealNextHint, writeExercise } from "../api/client.js";
import { ApiError } from "../api/http.js";
import type { BackupInfo, DiskFile, LabDetail } from "../api/types.js";
import { BackupsList } from "../components/backups-list.js";
import { DiskChangeNotice } from "../components/disk-change-notice.js";
import { ErrorNotice } from "../components/error-notice.js";
import { HintsPanel } from "../components/hints-panel.js";
import { MarkdownView } from "../components/markdown-view.js";
import { ResultsPanel } from "../components/results-panel.js";
import { SaveBanner, SaveIndicator } from "../components/save-status.js";
import type { CodeEditorHandle } from "../editor/code-editor.js";
import type { CompareViewProps } from "../editor/compare-view.js";
import { SERVICE_LABELS } from "./labels.js";
import { readUnsaved } from "./unsaved-copy.js";
import { useDraftSaver } from "./use-draft-saver.js";
import { useGrader } from "./use-grader.js";

const CodeEditor = lazy(() => import("../editor/code-editor.js"));
const CompareView = lazy(() => import("../editor/compare-view.js"));

interface Comparison extends CompareViewProps {
  actions?: { label: string; run(): void }[];
}

/** The text to open: an unsaved copy from this browser if newer, else the draft, the file on disk, the starter. */
function initialText(detail: LabDetail): { source: string; restored: boolean } {
  const base = detail.draft?.source ?? detail.file?.source ?? detail.starter;
  const unsaved = readUnsaved(detail.lab.id, detail.draft?.savedAt ?? null);
  return unsaved && unsaved.source !== base ? { source: unsaved.source, restored: true } : { source: base, restored: false };
}

/** The disk file, if it changed since the draft was based on it and says something different. */
function changedOnDisk(detail: LabDetail, baseMtime: number | null, text: string): DiskFile | null {
  const file = detail.file;
  return file && file.mtimeMs !== baseMtime && file.source !== text ? file : null;
}

export function LabWorkspace({ detail }: { detail: LabDetail }) {
  const labId = detail.lab.id;
  const [initial] = useState(() => initialText(detail));
  const [source, setSource] = useState(initial.source);
  const sourceRef = useRef(source);
  sourceRef.current = source;
  const baseMtime = useRef<number | null>(detail.draft ? detail.draft.fileMtimeMs : (detail.file?.mtimeMs ?? null));
  const [diskChange, setDiskChange] = useState<DiskFile | null>(() => (detail.draft ? changedOnDisk(detail, baseMtime.current, initial.source) : null));
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [hints, setHints] = useState({ revealed: detail.hintsRevealed, total: detail.lab.hintsTotal, busy: false });
  const [backups, setBackups] = useState<BackupInfo[]>(detail.backups);
  const [message, setMessage] = useState<{ kind: "info" | "error"; body: React.ReactNode } | null>(
    initial.restored ? { kind: "info", body: "Restored changes from this browser that the server had not saved yet." } : null,
  );
  const editorRef = useRef<CodeEditorHandle>(null);
  // Code highlighting in the instructions waits for the editor (or 4 s), so the two do not compete on load.
  const [editorShown, setEditorShown] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setEditorShown(true), 4000);
    return () => clearTimeout(id);
  }, []);
  const saver = useDraftSaver(labId, () => baseMtime.current, detail.draft?.savedAt ?? null);
  const grader = useGrader(labId, detail.lastReport);

  useEffect(() => {
    if (detail.draft && !initial.restored) saver.markSaved(initial.source, detail.draft.savedAt);
    else if (initial.restored) saver.update(initial.source);
    else saver.markSaved(initial.source, null);
    // Once, for the text the page opened with.
  }, []);

  const { update: saveLater, flush: saveNow } = saver;
  const grade = grader.run;
  const edit = useCallback(
    (next: string) => {
      setSource(next);
      saveLater(next);
    },
    [saveLater],
  );

  /** Puts `text` in the editor as an undoable edit, or straight into the draft when a comparison hides it. */
  const replaceSource = useCallback(
    (text: string) => {
      if (editorRef.current) editorRef.current.replaceText(text);
      else edit(text);
    },
    [edit],
  );

  const run = useCallback(() => {
    saveNow();
    grade(sourceRef.current);
  }, [saveNow, grade]);

  // Ctrl/Cmd+Enter from anywhere on the page (the editor binds it too, for when it has focus).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
        event.preventDefault();
        run();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);

  // Coming back to the tab: has exercise.ts been edited elsewhere (VS Code) meanwhile?
  useEffect(() => {
    const onFocus = (): void => {
      getLab(labId).then(
        (fresh) => {
          setBackups(fresh.backups);
          const changed = changedOnDisk(fresh, baseMtime.current, sourceRef.current);
          if (changed) setDiskChange(changed);
        },
        () => undefined, // unreachable: the save banner already says so
      );
    };
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [labId]);

  const takeDiskFile = (file: DiskFile): void => {
    baseMtime.current = file.mtimeMs;
    replaceSource(file.source);
    setDiskChange(null);
    setComparison(null);
  };
  const keepDraft = (file: DiskFile): void => {
    baseMtime.current = file.mtimeMs;
    saver.flush(true); // record that the draft now knows about this version of the file
    setDiskChange(null);
    setComparison(null);
  };

  const writeToDisk = (): void => {
    setMessage(null);
    writeExercise(labId, sourceRef.current, baseMtime.current).then(
      (result) => {
        baseMtime.current = result.file.mtimeMs;
        saver.flush(true);
        setMessage({
          kind: "info",
          body: (
            <>
              Written to <code>labs/{labId}/exercise.ts</code>
              {result.backup ? <> (the previous file is kept as backup <code>{result.backup}</code>)</> : null}. Run{" "}
              <code>npm test</code> in <code>labs/{labId}</code> to grade the same code from a terminal.
            </>
          ),
        });
        void getLab(labId).then((fresh) => setBackups(fresh.backups), () => undefined);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 409 && error.body.file) setDiskChange(error.body.file);
        else setMessage({ kind: "error", body: <ErrorNotice error={error} /> });
      },
    );
  };

  const reset = (): void => {
    const ok = window.confirm("Reset to the starter code? Your current code (draft and exercise.ts) is kept as a backup you can restore.");
    if (!ok) return;
    resetLab(labId).then(
      async (result) => {
        // The server already holds the starter as the draft: mark it saved, then show it.
        saver.markSaved(result.starter, new Date().toISOString());
        setComparison(null);
        replaceSource(result.starter);
        const fresh = await getLab(labId).catch(() => null);
        if (fresh) {
          baseMtime.current = fresh.file?.mtimeMs ?? null;
          setBackups(fresh.backups);
        }
        setMessage({ kind: "info", body: "Back to the starter. Your previous code is listed under Backups." });
      },
      (error: unknown) => setMessage({ kind: "error", body: <ErrorNotice error={error} /> }),
    );
  };

  const revealSolution = (): void => {
    const ok = window.confirm("Show the reference solution next to your code? Try the hints first; the reveal is recorded in your progress.");
    if (!ok) return;
    getLab(labId, { reveal: true }).then(
      (revealed) => {
        if (revealed.solution === undefined) {
          setMessage({ kind: "error", body: "The server sent no solution for this lab." });
          return;
        }
        setComparison({ original: sourceRef.current, modified: revealed.solution, originalLabel: "Your code", modifiedLabel: "Reference solution" });
      },
      (error: unknown) => setMessage({ kind: "error", body: <ErrorNotice error={error} /> }),
    );
  };

  const openBackup = (name: string): void => {
    getBackup(labId, name).then(
      (backup) =>
        setComparison({
          original: backup.source,
          modified: sourceRef.current,
          originalLabel: `Backup ${backup.name}`,
          modifiedLabel: "Your code",
          actions: [{ label: "Restore this backup", run: () => (setComparison(null), replaceSource(backup.source)) }],
        }),
      (error: unknown) => setMessage({ kind: "error", body: <ErrorNotice error={error} /> }),
    );
  };

  const revealHint = (): void => {
    setHints((h) => ({ ...h, busy: true }));
    revealNextHint(labId).then(
      (result) => setHints({ revealed: result.revealed, total: result.total, busy: false }),
      (error: unknown) => {
        setHints((h) => ({ ...h, busy: false }));
        setMessage({ kind: "error", body: <ErrorNotice error={error} /> });
      },
    );
  };

  const { lab } = detail;
  return (
    <div className="lab-page">
      <SaveBanner status={saver.status} onRetry={() => saver.flush()} />
      {diskChange && (
        <DiskChangeNotice
          file={diskChange}
          onUseFile={() => takeDiskFile(diskChange)}
          onKeepDraft={() => keepDraft(diskChange)}
          onCompare={() =>
            setComparison({
              original: diskChange.source,
              modified: sourceRef.current,
              originalLabel: "exercise.ts on disk",
              modifiedLabel: "Browser draft",
              actions: [
                { label: "Use the file on disk", run: () => takeDiskFile(diskChange) },
                { label: "Keep the browser draft", run: () => keepDraft(diskChange) },
              ],
            })
          }
        />
      )}
      <div className="lab-toolbar">
        <h1 className="lab-title">{lab.title}</h1>
        <SaveIndicator status={saver.status} />
        <div className="button-row">
          <button type="button" className="primary" onClick={run} disabled={grader.running} aria-keyshortcuts="Control+Enter Meta+Enter">
            {grader.running ? "Running…" : "Run tests"} <kbd>Ctrl+Enter</kbd>
          </button>
          <button type="button" onClick={writeToDisk} title={`Save this code to labs/${labId}/exercise.ts`}>
            Write to exercise.ts
          </button>
          <button type="button" onClick={reset}>
            Reset to starter
          </button>
          <button type="button" onClick={revealSolution}>
            Reveal solution
          </button>
        </div>
      </div>
      {message && (
        <div className={`banner ${message.kind === "error" ? "banner-error" : "banner-info"}`} role="status">
          <div>{message.body}</div>
          <button type="button" className="link-button" onClick={() => setMessage(null)} aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      )}
      <div className="lab-split">
        <aside className="lab-instructions" aria-label="Instructions">
          <p className="lab-facts muted">
            {lab.services.map((s) => SERVICE_LABELS[s]).join(", ")} · {lab.difficulty} · {lab.minutes} min ·{" "}
            <Link to="/">All labs</Link>
          </p>
          <HintsPanel revealed={hints.revealed} total={hints.total} busy={hints.busy} onReveal={revealHint} />
          <MarkdownView markdown={detail.readme} className="readme" label="Lab instructions" highlight={editorShown} />
          {lab.docs.length > 0 && (
            <section className="docs" aria-labelledby="docs-title">
              <h2 id="docs-title" className="panel-title">
                Microsoft Learn
              </h2>
              <ul>
                {lab.docs.map((doc) => (
                  <li key={doc.url}>
                    <a href={doc.url} target="_blank" rel="noopener noreferrer">
                      {doc.title}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <BackupsList backups={backups} onOpen={openBackup} />
        </aside>
        <section className="lab-work" aria-label="Code and results">
          <div className="editor-area">
            <Suspense fallback={<p className="loading" role="status">Loading the editor…</p>}>
              {comparison ? (
                <div className="comparison">
                  <div className="comparison-bar">
                    <button type="button" onClick={() => setComparison(null)}>
                      Back to my code
                    </button>
                    {comparison.actions?.map((action) => (
                      <button key={action.label} type="button" onClick={action.run}>
                        {action.label}
                      </button>
                    ))}
                  </div>
                  <CompareView {...comparison} />
                </div>
              ) : (
                <CodeEditor
                  ref={editorRef}
                  labId={labId}
                  initialValue={source}
                  onChange={edit}
                  onRun={run}
                  onReady={() => setEditorShown(true)}
                  diagnostics={grader.report?.diagnostics ?? []}
                />
              )}
            </Suspense>
          </div>
          <ResultsPanel
            report={grader.report}
            running={grader.running}
            elapsedMs={grader.elapsedMs}
            runError={grader.error ? <ErrorNotice error={grader.error} /> : null}
            onJump={(line, column) => {
              setComparison(null);
              editorRef.current?.revealLine(line, column);
            }}
          />
        </section>
      </div>
    </div>
  );
}
