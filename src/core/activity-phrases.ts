import type { ActivityKind } from './lead';

/** How each activity reads in the "why" text, singular and plural. */
export const activityNouns: Record<ActivityKind, readonly [string, string]> = {
  demo_request: ['demo request', 'demo requests'],
  pricing_page_view: ['pricing page view', 'pricing page views'],
  content_download: ['content download', 'content downloads'],
  webinar: ['webinar', 'webinars'],
  form_submission: ['form submission', 'form submissions'],
  page_view: ['page view', 'page views'],
};

/** What the lead did, as the end of "VP Sales at a 120-person company who …". */
export function activityDeed(kind: ActivityKind, count: number): string {
  switch (kind) {
    case 'demo_request':
      return 'requested a demo';
    case 'pricing_page_view':
      return 'viewed pricing';
    case 'content_download':
      return count > 1 ? `downloaded ${count} pieces of content` : 'downloaded content';
    case 'webinar':
      return count > 1 ? `attended ${count} webinars` : 'attended a webinar';
    case 'form_submission':
      return `submitted ${count} form${count === 1 ? '' : 's'}`;
    case 'page_view':
      return `viewed ${count} pages`;
  }
}
