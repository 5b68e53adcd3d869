// The events on the simulated time axis: one mark per event (Warnings taller and amber), the axis
// spanning the cluster's life so far; a click on a mark selects its object.
import { useEffect, useRef } from 'react';
import { axisBottom, scaleTime, select } from 'd3';
import { eventTime, type EventLike } from './explain-event';

interface Props {
  events: readonly EventLike[];
  from: number;
  to: number;
  width: number;
  onPick(e: EventLike): void;
  /** The event whose row is hovered (highlighted on the axis). */
  focus: string | undefined;
}

const H = 40;

/** The axis strip. */
export function TimeAxis({ events, from, to, width, onPick, focus }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!ref.current || width <= 0) return;
    const x = scaleTime().domain([new Date(from), new Date(Math.max(to, from + 60_000))]).range([12, width - 12]);
    const svg = select(ref.current);
    svg.selectAll<SVGGElement, null>('g.axis').data([null]).join('g').attr('class', 'axis').attr('transform', `translate(0,${H - 16})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickSizeOuter(0));
    svg.selectAll<SVGRectElement, EventLike>('rect.mark').data(events, (e) => e.metadata?.uid ?? e.metadata?.name ?? '')
      .join('rect')
      .attr('class', (e) => `mark${e.type === 'Warning' ? ' is-warning' : ''}${focus && e.metadata?.uid === focus ? ' is-focus' : ''}`)
      .attr('x', (e) => x(new Date(eventTime(e))) - 1.5).attr('width', 3)
      .attr('y', (e) => (e.type === 'Warning' ? 3 : 9)).attr('height', (e) => (e.type === 'Warning' ? 20 : 14))
      .on('click', (_ev, e) => onPick(e))
      .selectAll('title').data((e) => [e]).join('title')
      .text((e) => `${new Date(eventTime(e)).toLocaleTimeString()} ${e.reason}: ${e.involvedObject?.kind}/${e.involvedObject?.name}`);
  }, [events, from, to, width, onPick, focus]);
  return <svg ref={ref} className="time-axis" width={width} height={H} role="img" aria-label="Events over simulated time" />;
}
