import { runStudyUnit, trainedBackend, type UnitOutcome } from '../../src/index.ts';
import { useWorkerBackend, withEngine } from '../engineBackends.ts';
import type { SeedlabEnv, UnitMessage } from '../env.ts';
import { staleAfterMs } from '../studies/scheduler.ts';
import {
  CorruptStudyError,
  clearHeartbeat,
  countUnitAttempt,
  hasUnitOutcome,
  putHeartbeat,
  putUnitFailure,
  putUnitResult,
  readHeartbeat,
  readRecord,
} from '../studies/store.ts';
import { withStudyData } from '../studies/studyData.ts';
import { finalizeIfComplete } from '../studies/studyState.ts';
import { countUnit } from '../studies/unitCounts.ts';

/** A unit that throws this many times is recorded as failed, and the study completes without it. */
export const MAX_ATTEMPTS = 3;

/** The first 16 hex digits of every run's fingerprint in a unit result, for the result key's metadata. */
function fingerprintsOf(result: unknown): string[] {
  if (!Array.isArray(result)) return [];
  return result.flatMap((r: unknown) =>
    r && typeof r === 'object' && 'fingerprint' in r && typeof r.fingerprint === 'string' ? [r.fingerprint.slice(0, 16)] : [],
  );
}

/** How often a training consumer says it is alive: well inside the stale window, without a write every epoch. */
const HEARTBEAT_EVERY_MS = 2000;

/** A throttled heartbeat for one unit (the first call always writes). */
function heartbeat(env: SeedlabEnv, studyId: string, unit: number) {
  let last = 0;
  return async () => {
    const now = Date.now();
    if (now - last < HEARTBEAT_EVERY_MS) return;
    last = now;
    await putHeartbeat(env.STUDIES, studyId, unit, now);
  };
}

/** Trains one unit of a study and stores its result; idempotent, so redelivery is harmless. */
export async function consumeUnit(message: Message<UnitMessage>, env: SeedlabEnv): Promise<void> {
  const { studyId, unit } = message.body ?? ({} as UnitMessage);
  let record: Awaited<ReturnType<typeof readRecord>> = null;
  try {
    record = typeof studyId === 'string' ? await readRecord(env.STUDIES, studyId) : null;
  } catch (e) {
    if (!(e instanceof CorruptStudyError)) throw e;
    console.error(`dropping message for study ${studyId}: ${e.message}`);
    return message.ack();
  }
  const work = record?.units[unit];
  if (!record || !work) {
    console.warn(`dropping message for unknown study/unit ${JSON.stringify(message.body)}`);
    return message.ack();
  }
  if (await hasUnitOutcome(env.STUDIES, studyId, unit)) {
    await finalizeIfComplete(env, studyId);
    return message.ack();
  }

  // Another consumer is training this unit right now (a duplicate delivery): leave it to that one,
  // and do not count an attempt. If that consumer is stopped, its heartbeat goes stale and the
  // repair sends the unit again.
  if (Date.now() - (await readHeartbeat(env.STUDIES, studyId, unit)) < staleAfterMs(env)) return message.ack();

  // Counted before training: a unit stopped by the CPU-time or memory limit throws nothing, and
  // must still run out of attempts.
  const attempts = await countUnitAttempt(env.STUDIES, studyId, unit);
  if (attempts > MAX_ATTEMPTS) {
    const error = `stopped ${MAX_ATTEMPTS} times without finishing or reporting an error (a unit ends this way when it hits the CPU-time or memory limit)`;
    await putUnitFailure(env.STUDIES, studyId, unit, { error, attempts: MAX_ATTEMPTS });
    await countUnit(env, studyId, unit, 'failed');
    await finalizeIfComplete(env, studyId);
    return message.ack();
  }
  const beat = heartbeat(env, studyId, unit);
  await beat();
  let outcome: UnitOutcome;
  try {
    outcome = await withStudyData(env.STUDIES, record.spec, () =>
      withEngine(trainedBackend(record.spec), () =>
        runStudyUnit(record.spec, work, { switchBackend: useWorkerBackend, onEpoch: () => beat() }),
      ),
    );
  } catch (e) {
    await clearHeartbeat(env.STUDIES, studyId, unit);
    const error = e instanceof Error ? e.message : String(e);
    console.error(`study ${studyId} unit ${unit} attempt ${attempts} failed: ${error}`);
    if (attempts < MAX_ATTEMPTS) return message.retry({ delaySeconds: 1 });
    await putUnitFailure(env.STUDIES, studyId, unit, { error, attempts });
    await countUnit(env, studyId, unit, 'failed');
    await finalizeIfComplete(env, studyId);
    return message.ack();
  }
  await putUnitResult(env.STUDIES, studyId, unit, outcome, { runs: work.seeds.length, fingerprints: fingerprintsOf(outcome.result) });
  await countUnit(env, studyId, unit, 'done');
  await clearHeartbeat(env.STUDIES, studyId, unit);
  await finalizeIfComplete(env, studyId);
  message.ack();
}
