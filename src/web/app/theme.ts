/**
 * The visual language: calm teal, generous spacing, system fonts; status colours never red for
 * people. Shades are chosen for WCAG AA contrast (4.5:1) on white and on the light grey page:
 * the primary shade is teal 9 and "dimmed" text is a darker grey than Mantine's default.
 */
import { type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  respectReducedMotion: true,
  primaryShade: 9,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    // Clear buttons are icons: give them a name for screen readers.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Close' } },
      styles: { description: { color: 'var(--mantine-color-gray-8)' } },
    },
    Select: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } },
    FileInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear file' } } },
    DatePickerInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear dates' } } },
    DateTimePicker: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear date and time' } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#57606a',
    '--mantine-color-placeholder': '#6a737d',
    // Text of light and subtle variants (badges, light buttons, active links), dark enough for
    // 4.5:1 on their own tinted and hovered backgrounds; Mantine's shade 9 is not, for some colours.
    '--mantine-color-teal-light-color': '#05583f',
    '--mantine-color-orange-light-color': '#8a3108',
    '--mantine-color-yellow-light-color': '#6e4a00',
    '--mantine-color-blue-light-color': '#17457a',
    '--mantine-color-gray-light-color': '#343a40',
    '--mantine-color-red-light-color': '#9b1c1c',
    '--mantine-color-green-light-color': '#1e5e2f',
  },
  dark: {},
});
