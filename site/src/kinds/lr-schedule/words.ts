import { en } from './en.ts';
import { zh } from './zh.ts';

/** This kind's words in every locale. */
export const lrScheduleWords = { en, zh };
