// A labelled progress bar: the native element, so screen readers announce the value.
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <div className="progress">
      <progress value={value} max={Math.max(max, 1)} aria-label={label} />
      <span className="progress-text">
        {max === 0 ? "No labs yet" : `${value} of ${max} passed`}
      </span>
    </div>
  );
}
