// A running repair's progress, as the runner reports it (fix-progress events).
import type { FC } from 'react';

export interface Progress {
  step: number;
  total: number;
  message: string;
}

export const FixProgress: FC<{ progress: Progress }> = ({ progress }) => (
  <div className="progress">
    <progress max={Math.max(progress.total, 1)} value={progress.step} aria-label="Repair progress" />
    <p aria-live="polite">{progress.message}</p>
  </div>
);
