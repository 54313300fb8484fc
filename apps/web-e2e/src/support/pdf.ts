import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHOTS } from './pages';

/**
 * The first page of a PDF as a PNG beside the screenshots, when poppler's pdftoppm is installed
 * (it is only needed to refresh the README's picture; the api's own tests read the PDF's text).
 */
export function savePdfPicture(pdf: Buffer, name: string): void {
  const folder = mkdtempSync(join(tmpdir(), 'kepai-pdf-'));
  try {
    writeFileSync(join(folder, 'document.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      join(folder, 'document.pdf'),
      join(SHOTS, name),
    ]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
