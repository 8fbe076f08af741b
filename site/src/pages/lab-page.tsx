// /labs/:id: loads the lab, then hands it to the workspace. An unknown id gets the server's explanation and
// a way back to the catalogue.
import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { getLab } from "../api/client.js";
import type { LabDetail } from "../api/types.js";
import { ErrorNotice } from "../components/error-notice.js";
import { LabWorkspace } from "../lab/lab-workspace.js";

// Start fetching the editor (Monaco, the largest chunk) as soon as this page's code runs, in parallel with the
// lab's data, rather than after the data has arrived and the workspace has rendered.
void import("../editor/code-editor.js");

export default function LabPage() {
  const { id = "" } = useParams();
  const [detail, setDetail] = useState<LabDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    const controller = new AbortController();
    setDetail(null);
    setError(null);
    getLab(id, { signal: controller.signal }).then(setDetail, (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [id]);
  useEffect(load, [load]);

  useEffect(() => {
    document.title = detail ? `${detail.lab.title} · azlab` : "azlab";
  }, [detail]);

  if (error) {
    return (
      <section className="page narrow">
        <h1>Lab not available</h1>
        <ErrorNotice error={error} onRetry={load} />
        <p>
          <Link to="/">Browse all labs in the catalogue</Link>
        </p>
      </section>
    );
  }
  if (!detail) return <p className="loading" role="status">Loading the lab…</p>;
  // Keyed by lab: moving to another lab starts a fresh workspace (and saves the previous draft on unmount).
  return <LabWorkspace key={detail.lab.id} detail={detail} />;
}
