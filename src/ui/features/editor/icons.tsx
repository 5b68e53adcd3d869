// Icons of the editor, the inspector and the browser pane, in the style of components/icons.tsx
// (16px strokes in currentColor, inline).
import type { ReactNode } from 'react';

function Svg({ children }: { children: ReactNode }) {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {children}
    </svg>
  );
}

/** Icons by name. */
export const EditorIcon = {
  Pencil: () => <Svg><path d="M10.5 2.5l3 3-8 8H2.5v-3z" /><path d="M9 4l3 3" /></Svg>,
  Trash: () => <Svg><path d="M2.5 4.5h11M6 4.5V2.5h4v2M4 4.5l.7 9h6.6l.7-9" /></Svg>,
  Apply: () => <Svg><path d="M3 8.5l3 3 7-7" /></Svg>,
  Globe: () => <Svg><circle cx="8" cy="8" r="6" /><path d="M2 8h12M8 2c2 2 2 10 0 12M8 2c-2 2-2 10 0 12" /></Svg>,
  Refresh: () => <Svg><path d="M13 8a5 5 0 11-1.5-3.5M13 2.5v3h-3" /></Svg>,
  Code: () => <Svg><path d="M5.5 4.5L2 8l3.5 3.5M10.5 4.5L14 8l-3.5 3.5" /></Svg>,
  Shell: () => <Svg><path d="M3 4.5l3.5 3.5L3 11.5M8 12h5" /></Svg>,
};
