/** `npm run schema`: print the JSON Schema of a report, generated from the zod model (src/data/schema.ts). */
import { reportSchemaText } from '../data/schema.ts';

process.stdout.write(reportSchemaText());
