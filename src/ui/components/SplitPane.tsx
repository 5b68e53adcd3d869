// Two panes side by side or stacked, one of a size the user drags (or sets with the arrow keys on
// the separator), the other taking the rest.
import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

/** Props of a split. */
export interface SplitPaneProps {
  /** 'row': panes side by side; 'column': stacked. */
  direction: 'row' | 'column';
  /** Which pane has the set size. */
  fixed: 'start' | 'end';
  /** The fixed pane's size in px. */
  size: number;
  min: number;
  /** The other pane never gets smaller than this. */
  minRest: number;
  onResize(px: number): void;
  /** Hides the fixed pane (and the separator). */
  collapsed?: boolean;
  /** What the separator resizes, for screen readers ("Resize the terminal"). */
  label: string;
  className?: string;
  children: [ReactNode, ReactNode];
}

const STEP = 24;

/** A resizable split. */
export function SplitPane({ direction, fixed, size, min, minRest, onResize, collapsed, label, className, children }: SplitPaneProps) {
  const box = useRef<HTMLDivElement>(null);
  const row = direction === 'row';
  const clamp = (px: number) => {
    const total = box.current ? (row ? box.current.clientWidth : box.current.clientHeight) : Infinity;
    return Math.max(min, Math.min(px, total - minRest));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const rect = box.current!.getBoundingClientRect();
    const move = (ev: globalThis.PointerEvent) => {
      const at = row ? ev.clientX - rect.left : ev.clientY - rect.top;
      const total = row ? rect.width : rect.height;
      onResize(clamp(fixed === 'start' ? at : total - at));
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      document.body.classList.remove('is-resizing');
    };
    document.body.classList.add('is-resizing');
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const grow = row ? (fixed === 'start' ? 'ArrowRight' : 'ArrowLeft') : (fixed === 'start' ? 'ArrowDown' : 'ArrowUp');
    const shrink = row ? (fixed === 'start' ? 'ArrowLeft' : 'ArrowRight') : (fixed === 'start' ? 'ArrowUp' : 'ArrowDown');
    if (e.key === grow) onResize(clamp(size + STEP));
    else if (e.key === shrink) onResize(clamp(size - STEP));
    else return;
    e.preventDefault();
  };
  const fixedPane = <div className="split-fixed" style={{ flexBasis: size }} hidden={collapsed}>{fixed === 'start' ? children[0] : children[1]}</div>;
  const restPane = <div className="split-rest">{fixed === 'start' ? children[1] : children[0]}</div>;
  const sep = collapsed ? null : (
    <div className="split-separator" role="separator" tabIndex={0} aria-label={label}
      aria-orientation={row ? 'vertical' : 'horizontal'} aria-valuenow={Math.round(size)} aria-valuemin={min}
      onPointerDown={onPointerDown} onKeyDown={onKeyDown} />
  );
  return (
    <div ref={box} className={`split split-${direction} ${className ?? ''}`}>
      {fixed === 'start' ? <>{fixedPane}{sep}{restPane}</> : <>{restPane}{sep}{fixedPane}</>}
    </div>
  );
}
