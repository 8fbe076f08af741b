// Seconds left until a deadline, ticking once a second; calls onExpire once when it reaches zero.
import { useEffect, useRef, useState } from "react";

export function useCountdown(deadline: number | null, onExpire?: () => void): number {
  const [now, setNow] = useState(() => Date.now());
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const fired = useRef<number | null>(null);

  useEffect(() => {
    if (deadline === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);

  const left = deadline === null ? 0 : Math.max(0, (deadline - now) / 1000);
  useEffect(() => {
    if (deadline !== null && left === 0 && fired.current !== deadline) {
      fired.current = deadline;
      expire.current?.();
    }
  }, [deadline, left]);
  return left;
}
