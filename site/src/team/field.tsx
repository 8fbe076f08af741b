// A labelled control: the label names the control by id, so its accessible name is the label alone (a label
// wrapped around a select or a number input would also read out the control's current value).
import { useId, type ReactNode } from "react";

export function Field({ label, className, children }: { label: ReactNode; className?: string; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
