/**
 * The reports folder as a maintainer's shared folder really is: every entry accounted for once —
 * a report to read, a sidecar or the registry, or something ignored with the reason why — and
 * nothing in it able to stop the build: links that loop or dangle, links out of the folder, file
 * names that are not UTF-8 (GBK names copied from Windows), images and notes beside the reports.
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, sep } from 'node:path';
import iconv from 'iconv-lite';

/** What the build does with an entry of the reports folder. */
export type EntryKind = 'report' | 'sidecar' | 'folder-meta' | 'registry' | 'record' | 'config' | 'ignored' | 'unreadable';

export interface FolderEntry {
  /** The path as shown: relative to the reports folder, `/` between folders, names decoded. */
  path: string;
  /** The path to open (bytes, so that a name that is not UTF-8 still opens). */
  fsPath: Buffer;
  kind: EntryKind;
  /** For ignored and unreadable entries: why (English, for the summary). */
  reason?: string;
}

/** Extensions of the formats nianbao reads. Anything else is not a report. */
export const REPORT_EXTENSIONS = new Set(['.txt', '.text', '.pdf', '.docx', '.html', '.htm', '.shtml', '.xhtml', '.doc', '.wps']);

/** The agency registry's file name, at the top of the reports folder. */
export const REGISTRY_FILE = 'agencies.yaml';

/** The record of every URL the archive has published (src/archive/published.ts), at the top of the reports folder. */
export { RECORD_FILE } from './archive/published.ts';
import { RECORD_FILE } from './archive/published.ts';
/** The site's configuration (the data's licence), at the top of the reports folder (src/data/config.ts). */
export const SITE_CONFIG = 'site.yaml';

/** A folder's sidecars in one file, for file names too long for a `<name>.meta.yaml` of their own. */
export const FOLDER_META = 'meta.yaml';

/**
 * Largest files read as reports; larger ones are reported, not read. A report's text is some tens of
 * kilobytes: a text or HTML file of megabytes is not one report, and would make one unusable page.
 * PDFs and Word files carry fonts and images, so they may be larger.
 */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 60 * 1024 * 1024;
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm', '.shtml', '.xhtml']);

/** Magic numbers of files that are never reports, whatever their name says. */
const NOT_REPORTS: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a BMP image', [0x42, 0x4d]],
  ['a TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['an executable', [0x4d, 0x5a]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** A file name as text: UTF-8 if it is, else GB18030 (archives copied from Chinese Windows). */
function nameOf(raw: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}

/** The first bytes of a file, or null when it cannot be opened. */
function head(path: Buffer, n = 16): Buffer | null {
  try {
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(n);
      return b.subarray(0, readSync(fd, b, 0, n, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** Why a file is not a report, judged by its name and its first bytes; null when it is one. */
export function notAReport(name: string, bytes: Buffer): string | null {
  const ext = extname(name).toLowerCase();
  if (!REPORT_EXTENSIONS.has(ext)) return ext ? `not a report format (${ext})` : 'not a report format (no extension)';
  for (const [what, sig] of NOT_REPORTS) if (sig.every((b, i) => bytes[i] === b)) return `${what}, not a report, despite its name`;
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip && ext !== '.docx') return 'a ZIP archive, not a report, despite its name';
  // Text, HTML and legacy Word may contain anything else; a NUL in a text file's first bytes is binary (UTF-16 has a BOM).
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if ((ext === '.txt' || ext === '.text') && !bom16 && bytes.subarray(0, 16).includes(0) && !(bytes[0] === 0x25 && bytes[1] === 0x50)) return 'binary data, not text, despite its name';
  return null;
}

/** Every entry below `dir`, in code-unit order of the shown path (the same on every machine). */
export function scanFolder(dir: string): FolderEntry[] {
  const root = realpathSync(dir);
  const out: FolderEntry[] = [];
  const inside = (p: string) => p === root || p.startsWith(root + sep);
  const walk = (relRaw: Buffer[], relShown: string[]) => {
    const here = Buffer.concat([Buffer.from(dir + sep), ...relRaw.flatMap((r) => [r, Buffer.from(sep)])]);
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(here, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      out.push({ path: `${relShown.join('/')}/`, fsPath: here, kind: 'unreadable', reason: `folder cannot be listed (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    for (const e of entries) {
      const name = nameOf(e.name);
      const shown = [...relShown, name].join('/');
      const fsPath = Buffer.concat([here, e.name]);
      const add = (kind: EntryKind, reason?: string) => out.push({ path: shown, fsPath, kind, ...(reason ? { reason } : {}) });
      if (name.startsWith('.')) {
        add('ignored', e.isDirectory() ? 'hidden folder' : 'hidden file');
        continue;
      }
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(fsPath).toString();
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          add('unreadable', code === 'ELOOP' ? 'a link that loops' : code === 'ENOENT' ? 'a link to nothing (dangling)' : `a link that cannot be followed (${code})`);
          continue;
        }
        if (!inside(target)) {
          add('ignored', 'a link to outside the reports folder (not followed)');
          continue;
        }
        isDir = statSync(target).isDirectory();
        if (isDir) {
          add('ignored', 'a linked folder (not followed)');
          continue;
        }
      }
      if (isDir) {
        walk([...relRaw, e.name], [...relShown, name]);
        continue;
      }
      if (!e.isFile() && !e.isSymbolicLink()) {
        add('ignored', 'not a regular file');
        continue;
      }
      if (name.endsWith('.meta.yaml')) add('sidecar');
      else if (name === FOLDER_META) add('folder-meta');
      else if (shown === REGISTRY_FILE) add('registry');
      else if (shown === RECORD_FILE) add('record');
      else if (shown === SITE_CONFIG) add('config');
      else {
        let size = 0;
        try {
          size = statSync(fsPath).size;
        } catch (err) {
          add('unreadable', `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
          continue;
        }
        const bytes = head(fsPath);
        if (!bytes) add('unreadable', 'cannot be opened (permission denied?)');
        else if (size > (TEXT_EXTENSIONS.has(extname(name).toLowerCase()) ? MAX_TEXT_BYTES : MAX_DOCUMENT_BYTES)) {
          const limit = TEXT_EXTENSIONS.has(extname(name).toLowerCase()) ? MAX_TEXT_BYTES : MAX_DOCUMENT_BYTES;
          add('unreadable', `too large to be one report (${(size / 1024 / 1024).toFixed(1)} MB; the limit for this format is ${limit / 1024 / 1024} MB): split it, or keep the report's own text only`);
        }
        else {
          const why = notAReport(name, bytes);
          if (why) add('ignored', why);
          else add('report');
        }
      }
    }
  };
  walk([], []);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
