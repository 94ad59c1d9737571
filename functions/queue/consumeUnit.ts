import { studyKind } from '../../src/index.ts';
import { useWorkerBackend, withEngine } from '../engineBackends.ts';
import type { SeedlabEnv, UnitMessage } from '../env.ts';
import { keys } from '../studies/keys.ts';
import { finalizeIfComplete, readRecord } from '../studies/studyState.ts';

/** A unit that throws this many times is recorded as failed, and the study completes without it. */
export const MAX_ATTEMPTS = 3;

/** Trains one unit of a study and stores each run; idempotent, so redelivery is harmless. */
export async function consumeUnit(message: Message<UnitMessage>, env: SeedlabEnv): Promise<void> {
  const { studyId, unit } = message.body ?? ({} as UnitMessage);
  const record = typeof studyId === 'string' ? await readRecord(env, studyId) : null;
  const work = record?.units[unit];
  if (!record || !work) {
    console.warn(`dropping message for unknown study/unit ${JSON.stringify(message.body)}`);
    return message.ack();
  }
  const stored = await env.STUDIES.get(keys.result(studyId, unit));
  if (stored !== null || (await env.STUDIES.get(keys.failed(studyId, unit))) !== null) {
    await finalizeIfComplete(env, studyId);
    return message.ack();
  }

  const attempts = Number((await env.STUDIES.get(keys.attempts(studyId, unit))) ?? 0) + 1;
  await env.STUDIES.put(keys.attempts(studyId, unit), String(attempts));
  await env.STUDIES.put(keys.enqueued(studyId, unit), String(Date.now())); // alive: not stale
  let result: unknown;
  try {
    result = await withEngine(record.spec.backend, () =>
      studyKind(record.spec).runUnit(record.spec, work, { switchBackend: useWorkerBackend }),
    );
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    console.error(`study ${studyId} unit ${unit} attempt ${attempts} failed: ${error}`);
    if (attempts < MAX_ATTEMPTS) return message.retry({ delaySeconds: 1 });
    await env.STUDIES.put(keys.failed(studyId, unit), JSON.stringify({ error, attempts }));
    await finalizeIfComplete(env, studyId);
    return message.ack();
  }
  // Runs keep their fingerprints in the key's metadata too, so a listing shows them without reads.
  const fingerprints = Array.isArray(result)
    ? result.flatMap((r) => (typeof r?.fingerprint === 'string' ? [r.fingerprint.slice(0, 16)] : []))
    : [];
  await env.STUDIES.put(keys.result(studyId, unit), JSON.stringify(result), { metadata: { runs: work.seeds.length, fingerprints } });
  await finalizeIfComplete(env, studyId);
  message.ack();
}
