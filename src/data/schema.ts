/**
 * The JSON Schema (draft 2020-12) of a report, generated from the zod model: `npm run schema` prints
 * it and the build publishes it as data/schema.json; every report.json and every line of
 * reports.jsonl validates against it.
 */
import { z } from 'zod';
import { Report } from '../model/report.ts';

export const reportSchema = () => z.toJSONSchema(Report, { target: 'draft-2020-12' });

/** The schema as a file: two-space indented, one final line end. */
export const reportSchemaText = () => `${JSON.stringify(reportSchema(), null, 2)}\n`;
