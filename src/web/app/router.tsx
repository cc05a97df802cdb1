/**
 * Every screen and its address. Screens load on demand (route-level code splitting), so the
 * first screen's JavaScript stays small (bench/web.bench.ts). Workspace screens live under
 * /w/$ws so that a link names the workspace it is about.
 */
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { prefetchOverview } from '../api/overview-queries.ts';
import { queryClient } from '../api/query-client.ts';
import { sessionQuery } from '../api/session.ts';
import { RootLayout } from './RootLayout.tsx';
import { RouteError } from './RouteError.tsx';
import { pickStrings } from './search-params.ts';

const rootRoute = createRootRoute({
  component: RootLayout,
  notFoundComponent: lazyRouteComponent(() => import('../pages/NotFoundPage.tsx'), 'NotFoundPage'),
});

const startRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../pages/StartPage.tsx'), 'StartPage'),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['next'] as const),
  component: lazyRouteComponent(() => import('../pages/auth/SignInPage.tsx'), 'SignInPage'),
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: lazyRouteComponent(() => import('../pages/auth/SetupPage.tsx'), 'SetupPage'),
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite',
  component: lazyRouteComponent(
    () => import('../pages/auth/AcceptInvitationPage.tsx'),
    'AcceptInvitationPage',
  ),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('../pages/auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage'),
});

const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/set-password',
  component: lazyRouteComponent(() => import('../pages/auth/SetPasswordPage.tsx'), 'SetPasswordPage'),
});

export const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$ws',
  // Asked for while the frame's code loads, not once it has: the frame waits for the session.
  loader: () => {
    void queryClient.prefetchQuery(sessionQuery);
  },
  component: lazyRouteComponent(() => import('../pages/WorkspaceLayout.tsx'), 'WorkspaceLayout'),
});

const onboardingRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/onboarding',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['step', 'assistant'] as const),
  component: lazyRouteComponent(() => import('../pages/onboarding/OnboardingPage.tsx'), 'OnboardingPage'),
});

const homeRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/home',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['assistant'] as const),
  component: lazyRouteComponent(() => import('../pages/home/AssistantHomePage.tsx'), 'AssistantHomePage'),
});

export const overviewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/overview',
  validateSearch: (s: Record<string, unknown>) =>
    pickStrings(s, ['client', 'coach', 'role', 'sort'] as const),
  // The grid's data is asked for in parallel with the screen's code and the session; the loader
  // does not wait for it, so the screen shows its own loading state as before.
  loader: ({ params }) => {
    prefetchOverview(queryClient, params.ws);
  },
  component: lazyRouteComponent(() => import('../pages/overview/OverviewPage.tsx'), 'OverviewPage'),
});

const kpiRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/kpis/$kpiId',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['point'] as const),
  component: lazyRouteComponent(() => import('../pages/kpi/KpiDetailPage.tsx'), 'KpiDetailPage'),
});

const importsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/data/imports',
  component: lazyRouteComponent(() => import('../pages/data/ImportsPage.tsx'), 'ImportsPage'),
});

const eventsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/data/events',
  validateSearch: (s: Record<string, unknown>) =>
    pickStrings(s, ['type', 'assistant', 'client', 'from', 'to'] as const),
  component: lazyRouteComponent(() => import('../pages/data/EventsPage.tsx'), 'EventsPage'),
});

const entryRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/data/entry',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['form', 'assistant'] as const),
  component: lazyRouteComponent(() => import('../pages/data/QuickEntryPage.tsx'), 'QuickEntryPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/settings',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['section'] as const),
  component: lazyRouteComponent(() => import('../pages/settings/SettingsPage.tsx'), 'SettingsPage'),
});

// SPEC §8: check-ins and monthly reviews of one assistant (`?assistant=`; a review by `?review=`).
const checkinsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/checkins',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['assistant'] as const),
  component: lazyRouteComponent(() => import('../pages/reviews/CheckinsPage.tsx'), 'CheckinsPage'),
});

const reviewsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/reviews',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['assistant', 'review'] as const),
  component: lazyRouteComponent(() => import('../pages/reviews/ReviewPage.tsx'), 'ReviewPage'),
});

// SPEC §8 "Training and development": one assistant's skill gaps and plans (`?assistant=`).
const developmentRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/development',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['assistant'] as const),
  component: lazyRouteComponent(() => import('../pages/reviews/DevelopmentPage.tsx'), 'DevelopmentPage'),
});

// SPEC §8 reports for management: scope, id, range and period in the address.
const reportsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/reports',
  validateSearch: (s: Record<string, unknown>) =>
    pickStrings(s, ['scope', 'id', 'from', 'to', 'period'] as const),
  component: lazyRouteComponent(() => import('../pages/reports/ReportsPage.tsx'), 'ReportsPage'),
});

// Quality sampling (issue 8): one assistant's weekly sample (`?assistant=`).
const qualityRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/quality',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['assistant'] as const),
  component: lazyRouteComponent(() => import('../pages/reviews/QualityPage.tsx'), 'QualityPage'),
});

// SPEC §8 quarterly relevance review of one assistant.
const quarterlyRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/quarterly',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['assistant'] as const),
  component: lazyRouteComponent(
    () => import('../pages/reviews/QuarterlyReviewPage.tsx'),
    'QuarterlyReviewPage',
  ),
});

// SPEC §8 client surveys: an assistant's survey links, and the public page a client answers on.
const surveysRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/surveys',
  validateSearch: (s: Record<string, unknown>) => pickStrings(s, ['assistant'] as const),
  component: lazyRouteComponent(() => import('../pages/surveys/SurveysPage.tsx'), 'SurveysPage'),
});

const surveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/s/$token',
  component: lazyRouteComponent(() => import('../pages/surveys/SurveyPage.tsx'), 'SurveyPage'),
});

const routeTree = rootRoute.addChildren([
  startRoute,
  signInRoute,
  setupRoute,
  invitationRoute,
  forgotPasswordRoute,
  setPasswordRoute,
  surveyRoute,
  workspaceRoute.addChildren([
    onboardingRoute,
    homeRoute,
    overviewRoute,
    kpiRoute,
    importsRoute,
    eventsRoute,
    entryRoute,
    settingsRoute,
    checkinsRoute,
    reviewsRoute,
    developmentRoute,
    qualityRoute,
    reportsRoute,
    surveysRoute,
    quarterlyRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  scrollRestoration: true,
  defaultErrorComponent: RouteError,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
