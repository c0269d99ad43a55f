/**
 * The agency registry kept with the archive (`reports/agencies.yaml`): one entry per agency, so
 * that an agency keeps one name, one slug and one page across years however its reports spell it,
 * and across a renaming.
 *
 * ```yaml
 * agencies:
 *   - name: 鲤城区行政服务中心管理委员会
 *     region: "350502"
 *     aliases: [鲤城区行政服务中心管委会]
 *   - name: 泉州市数据管理局
 *     slug: quanzhoushishujuguanliju
 *     formerNames: [泉州市数字泉州建设办公室]
 * ```
 */
import { z } from 'zod';

export const RegistryEntry = z
  .object({
    name: z.string().min(2).describe('The canonical name, as the agency page shows it'),
    slug: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional()
      .describe('The URL slug (/agencies/<slug>/); default: the pinyin of the name. Once published, keep it'),
    region: z
      .union([z.string().regex(/^\d{6}$/), z.number().int()])
      .optional()
      .describe('GB/T 2260 code of the division the agency belongs to'),
    aliases: z.array(z.string().min(2)).default([]).describe('Other ways reports write the name (short forms, with or without the city)'),
    formerNames: z
      .array(z.string().min(2))
      .default([])
      .describe('Names before a renaming: reports under a former name join this agency\'s page (the successor keeps its history)'),
  })
  .strict();

export const Registry = z
  .object({ agencies: z.array(RegistryEntry).default([]) })
  .strict()
  .describe('reports/agencies.yaml');

export type RegistryEntry = z.infer<typeof RegistryEntry>;
export type Registry = z.infer<typeof Registry>;
