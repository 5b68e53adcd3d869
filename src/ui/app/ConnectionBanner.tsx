// Says plainly when the simulator failed and what happened next: restarting, restarted (with the
// reason, until dismissed), or failing repeatedly (offer a reload). The rest of the page stays usable.
import { useEffect, useState } from 'react';
import { useCluster } from '../store';
import { Icon } from '../components';

/** The restart notice under the header. */
export function ConnectionBanner() {
  const connection = useCluster((s) => s.connection);
  const booted = useCluster((s) => s.booted);
  const [restarted, setRestarted] = useState<string | undefined>();
  useEffect(() => {
    if (connection.state === 'restarting') setRestarted(connection.reason);
  }, [connection]);
  if (connection.state === 'failed') {
    return (
      <div className="banner banner-error" role="alert">
        <Icon.Warning />
        <span>{connection.reason} The simulator keeps failing, so it was stopped. Your files are still shown; reload the page to start again.</span>
        <button className="button" onClick={() => location.reload()}>Reload</button>
      </div>
    );
  }
  if (connection.state === 'restarting' && !booted) {
    return (
      <div className="banner banner-warn" role="status">
        <Icon.Warning /><span>{connection.reason} Starting a fresh cluster…</span>
      </div>
    );
  }
  if (restarted && booted) {
    return (
      <div className="banner banner-warn" role="status" data-testid="restart-banner">
        <Icon.Warning />
        <span>{restarted} A fresh cluster is running; your files were kept.</span>
        <button className="link-button" onClick={() => setRestarted(undefined)}>Dismiss</button>
      </div>
    );
  }
  return null;
}
