/**
 * An assistant's role (the SPEC §9 templates) as select options. Its own module, so that a screen
 * filtering by role (the overview) does not load the assistant form with its date picker.
 */
import { ROLE_TEMPLATES } from '#core/kpis/role-templates';

export const ROLE_OPTIONS = Object.values(ROLE_TEMPLATES).map((t) => ({ value: t.id, label: t.name }));
