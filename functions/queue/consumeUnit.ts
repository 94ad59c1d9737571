import { runStudyUnit, type UnitOutcome } from '../../src/index.ts';
import { useWorkerBackend, withEngine } from '../engineBackends.ts';
import type { SeedlabEnv, UnitMessage } from '../env.ts';
import {
  CorruptStudyError,
  countUnitAttempt,
  hasUnitOutcome,
  markEnqueued,
  putUnitFailure,
  putUnitResult,
  readRecord,
} from '../studies/store.ts';
import { finalizeIfComplete } from '../studies/studyState.ts';

/** A unit that throws this many times is recorded as failed, and the study completes without it. */
export const MAX_ATTEMPTS = 3;

/** The first 16 hex digits of every run's fingerprint in a unit result, for the result key's metadata. */
function fingerprintsOf(result: unknown): string[] {
  if (!Array.isArray(result)) return [];
  return result.flatMap((r: unknown) =>
    r && typeof r === 'object' && 'fingerprint' in r && typeof r.fingerprint === 'string' ? [r.fingerprint.slice(0, 16)] : [],
  );
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

  const attempts = await countUnitAttempt(env.STUDIES, studyId, unit);
  await markEnqueued(env.STUDIES, studyId, unit, Date.now()); // alive: not stale
  let outcome: UnitOutcome;
  try {
    outcome = await withEngine(record.spec.backend, () => runStudyUnit(record.spec, work, { switchBackend: useWorkerBackend }));
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    console.error(`study ${studyId} unit ${unit} attempt ${attempts} failed: ${error}`);
    if (attempts < MAX_ATTEMPTS) return message.retry({ delaySeconds: 1 });
    await putUnitFailure(env.STUDIES, studyId, unit, { error, attempts });
    await finalizeIfComplete(env, studyId);
    return message.ack();
  }
  await putUnitResult(env.STUDIES, studyId, unit, outcome, { runs: work.seeds.length, fingerprints: fingerprintsOf(outcome.result) });
  await finalizeIfComplete(env, studyId);
  message.ack();
}
