/** `npm run schema`: print the JSON Schema of a report, generated from the zod model. */
import { z } from 'zod';
import { Report } from '../model/report.ts';

process.stdout.write(JSON.stringify(z.toJSONSchema(Report, { target: 'draft-2020-12' }), null, 2) + '\n');
