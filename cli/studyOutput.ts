import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { headlineOf, plainText, studyTitle, verdictOf } from '../site/src/presentation/index.ts';
import { isTrainedDocument, SpecError, type StudyDocument } from '../src/index.ts';

/** A command used wrongly: its message, exit 2 (as a spec that cannot run). */
export class UsageError extends Error {}

/** The study's title, key result and every verdict, worded as the report words them (English). */
function printSummary(doc: StudyDocument, seconds: number) {
  console.log(`\n${plainText(studyTitle(doc, 'en').text)}`);
  const ran = isTrainedDocument(doc)
    ? ` · ${doc.environment.backend} backend · tfjs ${doc.environment.tfjs}`
    : ' · imported: not trained by Seedlab';
  console.log(`${doc.kind} · id ${doc.id}${ran} · ${seconds.toFixed(1)} s`);
  console.log(plainText(headlineOf(doc, 'en')));
  for (const v of verdictOf(doc, 'en')) console.log(plainText(`\n${v.question}\n  ${v.answer}`));
}

/** Prints the study's summary and writes its document where --json says; exit 0. */
export function finishStudy(doc: StudyDocument, seconds: number, json: string | undefined): number {
  printSummary(doc, seconds);
  if (json) {
    mkdirSync(dirname(json), { recursive: true });
    writeFileSync(json, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`\nwrote ${json}`);
  }
  return 0;
}

/** Ends the process with a command's exit code: 2 for a spec or a usage that cannot run (said in one line), 1 for anything else. */
export function exitWith(run: Promise<number>): void {
  run.then(
    (code) => process.exit(code),
    (e) => {
      if (e instanceof SpecError) console.error(e.message);
      else if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
        console.error(`error: ${(e as Error).message}`);
      else {
        console.error(e);
        process.exit(1);
      }
      process.exit(2);
    },
  );
}
