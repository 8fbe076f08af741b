// Earlier versions kept by "Reset to starter" and "Write to exercise.ts"; each can be compared and restored.
import type { BackupInfo } from "../api/types.js";

export function BackupsList({ backups, onOpen }: { backups: BackupInfo[]; onOpen(name: string): void }) {
  if (backups.length === 0) return null;
  return (
    <details className="backups">
      <summary>Backups ({backups.length})</summary>
      <ul>
        {backups.map((backup) => (
          <li key={backup.name}>
            <button type="button" className="link-button" onClick={() => onOpen(backup.name)}>
              {backup.name}
            </button>{" "}
            <span className="muted">{new Date(backup.createdAt).toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
