/** The web app's name for the shared number formatting (moved to `src/shared` for the PDF export's charts). */
export * from '#shared/format/format-number';
