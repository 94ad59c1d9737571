import { findPreset } from '../../../src/presets/presets.ts';
import { parseStudySpec } from '../../../src/spec/schema.ts';
import { studyId } from '../../../src/spec/studyId.ts';
import type { LoadedStudy } from './loadStudies.ts';

/** The stored study of a preset, found by its content-addressed id (the same id the API gives it). */
export async function presetStudy(name: string, studies: LoadedStudy[]): Promise<{ id: string; study: LoadedStudy | undefined }> {
  const preset = findPreset(name);
  if (!preset) throw new Error(`unknown preset ${name}`);
  const id = await studyId(parseStudySpec(preset.spec));
  return { id, study: studies.find((s) => s.doc.id === id) };
}
