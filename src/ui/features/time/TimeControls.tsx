// Simulated time: pause, 1×, 10×, 60×, step to the next event, and the cluster's clock. The
// buttons send requests to the worker; what they show comes back from it (the mirror's clock).
import { getConnection, useCluster, useSimNow } from '../../store';
import { SPEEDS, type Speed } from '../../../worker';
import { Icon } from '../../components';
import { clockText, elapsedText, speedLabel } from './format';

/** The time controls of the header. */
export function TimeControls() {
  const speed = useCluster((s) => s.clock.speed);
  const lagging = useCluster((s) => s.clock.lagging);
  const bootedAt = useCluster((s) => s.bootedAt);
  const booted = useCluster((s) => s.booted);
  const now = useSimNow(250);
  const conn = getConnection();
  const set = (s: Speed) => conn.setSpeed(s);
  return (
    <div className="time-controls" role="group" aria-label="Simulated time">
      <div className="segmented" role="radiogroup" aria-label="Speed">
        {SPEEDS.map((s) => (
          <button key={s} role="radio" aria-checked={speed === s} className={speed === s ? 'is-on' : ''} disabled={!booted}
            title={s === 0 ? 'Pause simulated time' : `Run simulated time at ${s}× wall time`} onClick={() => set(s)}>
            {s === 0 ? <><Icon.Pause /><span className="sr-only">Pause</span></> : speedLabel(s)}
          </button>
        ))}
      </div>
      <button className="icon-button" disabled={!booted} title="Step: pause and advance to the next scheduled event"
        aria-label="Step to the next event" onClick={() => conn.step()}><Icon.Step /></button>
      <div className="sim-clock" aria-live="off" title="Simulated cluster time (time since the cluster started)">
        <span className="sim-clock-time" data-testid="sim-clock">{booted ? clockText(now) : '--:--:--'}</span>
        <span className="sim-clock-elapsed">{booted && bootedAt !== undefined ? elapsedText(now - bootedAt) : ''}</span>
        {speed === 0 && booted && <span className="badge">paused</span>}
        {lagging && speed !== 0 && <span className="badge badge-warn" title="The cluster cannot keep up with this speed">slower</span>}
      </div>
    </div>
  );
}
