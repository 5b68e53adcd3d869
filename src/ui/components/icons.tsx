// The few icons the app uses, inline (no icon font, no request): 16px strokes in currentColor.
import type { ReactNode } from 'react';

function Svg({ children, size = 16, title }: { children: ReactNode; size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden={title ? undefined : true} role={title ? 'img' : undefined}>
      {title && <title>{title}</title>}
      {children}
    </svg>
  );
}

/** Icons by name. */
export const Icon = {
  Plus: () => <Svg><path d="M8 3v10M3 8h10" /></Svg>,
  Close: () => <Svg size={12}><path d="M4 4l8 8M12 4l-8 8" /></Svg>,
  Pause: () => <Svg><path d="M5.5 3.5v9M10.5 3.5v9" /></Svg>,
  Play: () => <Svg><path d="M5 3.5l7 4.5-7 4.5z" fill="currentColor" /></Svg>,
  Step: () => <Svg><path d="M4 3.5l6 4.5-6 4.5zM12 3.5v9" /></Svg>,
  Sun: () => <Svg><circle cx="8" cy="8" r="3" /><path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" /></Svg>,
  Moon: () => <Svg><path d="M13 9.5A5.5 5.5 0 016.5 3a5.5 5.5 0 106.5 6.5z" /></Svg>,
  Terminal: () => <Svg><path d="M2.5 3.5h11v9h-11z" /><path d="M5 6.5l2 1.5-2 1.5M8.5 10h2.5" /></Svg>,
  Files: () => <Svg><path d="M4 2.5h5l3 3v8H4z" /><path d="M9 2.5v3h3" /></Svg>,
  Inspector: () => <Svg><path d="M2.5 3.5h11v9h-11zM9.5 3.5v9" /></Svg>,
  Accessibility: () => <Svg><circle cx="8" cy="3" r="1.2" /><path d="M3 5.5l5 1 5-1M8 6.5v3.5l-2.5 4M8 10l2.5 4" /></Svg>,
  Warning: () => <Svg><path d="M8 2l6.5 11.5h-13zM8 6.5v3M8 11.5v.5" /></Svg>,
  Kube: () => (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 1.8l8.9 4.3 2.2 9.6-6.2 7.7H7.1L.9 15.7l2.2-9.6z" fill="#326ce5" />
      <g stroke="#fff" strokeWidth="1.4" strokeLinecap="round" fill="none">
        <circle cx="12" cy="12.5" r="3.6" />
        <path d="M12 5.2v3.7M12 16.1v3.6M5.3 9.8l3.4 1.3M15.3 13.9l3.4 1.3M7.4 17.6l2.4-2.5M14.2 9.9l2.4-2.5M7.4 7.4l2.4 2.5M14.2 15.1l2.4 2.5" />
      </g>
    </svg>
  ),
};
