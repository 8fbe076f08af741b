// exercise.ts on disk differs from the draft (edited in VS Code, say): offer both, never pick silently.
import type { DiskFile } from "../api/types.js";

export interface DiskChangeNoticeProps {
  file: DiskFile;
  onUseFile(): void;
  onKeepDraft(): void;
  onCompare(): void;
}

export function DiskChangeNotice({ file, onUseFile, onKeepDraft, onCompare }: DiskChangeNoticeProps) {
  return (
    <div className="banner banner-info" role="alert" data-testid="disk-change">
      <p>
        <strong>exercise.ts changed on disk</strong> (saved {new Date(file.mtimeMs).toLocaleString()}) since the draft in
        this editor. Which version do you want to keep working on?
      </p>
      <p className="button-row">
        <button type="button" onClick={onUseFile}>
          Use the file on disk
        </button>
        <button type="button" onClick={onKeepDraft}>
          Keep the browser draft
        </button>
        <button type="button" className="secondary" onClick={onCompare}>
          Compare them
        </button>
      </p>
    </div>
  );
}
