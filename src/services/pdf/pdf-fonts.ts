/**
 * The fonts of Tandem's PDFs (review and report exports, issue 8). pdfkit's standard fonts
 * (Helvetica) cover Western European text only: an assistant named Анна or Ελένη, or a comment in
 * Vietnamese, would come out as garbage. Noto Sans (SIL Open Font License, shipped as TTF by
 * @expo-google-fonts/noto-sans, see docs/dependencies.md) covers Latin, Greek, Cyrillic and
 * Vietnamese; it is always embedded, and pdfkit subsets it to the glyphs used. CJK and other
 * scripts Noto Sans lacks still fall outside it (a CJK font would add ~15 MB).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const ROOT = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));

/** The names the PDF code writes with. */
export const PDF_FONT = 'Tandem-Regular';
export const PDF_FONT_BOLD = 'Tandem-Bold';

/** Registers the regular and bold faces on a document and makes the regular one current. */
export function usePdfFonts(doc: InstanceType<typeof PDFDocument>): void {
  doc.registerFont(PDF_FONT, join(ROOT, '400Regular', 'NotoSans_400Regular.ttf'));
  doc.registerFont(PDF_FONT_BOLD, join(ROOT, '700Bold', 'NotoSans_700Bold.ttf'));
  doc.font(PDF_FONT);
}
