// The 3-second pause after a reached level (seed 001 §1.4: 如果达到，系统 3 秒后自动进入下一等级).
export interface Countdown {
  cancel: () => void;
}

/** Calls onTick(seconds left) now and every second, then onDone once at 0. */
export function startCountdown(seconds: number, onTick: (left: number) => void, onDone: () => void): Countdown {
  let left = Math.max(0, Math.floor(seconds));
  let done = false;
  onTick(left);
  const finish = () => {
    if (done) return;
    done = true;
    clearInterval(timer);
    onDone();
  };
  const timer = setInterval(() => {
    left -= 1;
    onTick(Math.max(left, 0));
    if (left <= 0) finish();
  }, 1000);
  if (left === 0) finish();
  return {
    cancel: () => {
      done = true;
      clearInterval(timer);
    },
  };
}
