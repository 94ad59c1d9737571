import { runSeedVarianceUnit, type RunRecord } from '../../src/index.ts';
import { withEngine } from '../engineBackends.ts';
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
  const stored = await env.STUDIES.list({ prefix: `${keys.runPrefix(studyId)}${unit}:` });
  if (stored.keys.length === work.seeds.length || (await env.STUDIES.get(keys.failed(studyId, unit))) !== null) {
    await finalizeIfComplete(env, studyId);
    return message.ack();
  }

  const attempts = Number((await env.STUDIES.get(keys.attempts(studyId, unit))) ?? 0) + 1;
  await env.STUDIES.put(keys.attempts(studyId, unit), String(attempts));
  await env.STUDIES.put(keys.enqueued(studyId, unit), String(Date.now())); // alive: not stale
  let records: RunRecord[];
  try {
    records = await withEngine(record.spec.backend, () => runSeedVarianceUnit(record.spec, work));
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    console.error(`study ${studyId} unit ${unit} attempt ${attempts} failed: ${error}`);
    if (attempts < MAX_ATTEMPTS) return message.retry({ delaySeconds: 1 });
    await env.STUDIES.put(keys.failed(studyId, unit), JSON.stringify({ error, attempts }));
    await finalizeIfComplete(env, studyId);
    return message.ack();
  }
  await Promise.all(
    records.map((r) => env.STUDIES.put(keys.run(studyId, unit, r.seed), JSON.stringify(r), { metadata: { fingerprint: r.fingerprint } })),
  );
  await finalizeIfComplete(env, studyId);
  message.ack();
}
