/**
 * The read-only guard. Every write path that the closing date concerns calls assertOpen()
 * on the server, inside the action or route handler, whatever the UI showed.
 */
import { now } from '../clock';
import { AppError } from '../errors';
import { env } from '../env';
import { phaseAt, type Phase } from './phase';

export function calendar() {
  const e = env();
  return { opensAt: e.CONSULTATION_OPENS_AT, closesAt: e.CONSULTATION_CLOSES_AT };
}

export function currentPhase(at: Date = now()): Phase {
  return phaseAt(at, calendar());
}

/** Throws AppError 'consultationBefore' or 'consultationClosed' (403) unless the consultation is open at `at`. */
export function assertOpen(at: Date = now()): void {
  const phase = currentPhase(at);
  if (phase !== 'open') throw new AppError(phase === 'before' ? 'consultationBefore' : 'consultationClosed', { status: 403 });
}
