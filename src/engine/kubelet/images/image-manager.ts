// Makes sure a container's image is on the node before it starts. Models
// pkg/kubelet/images/image_manager.go (EnsureImageExists, v1.32) and puller.go (serialImagePuller:
// serializeImagePulls defaults to true, so a node pulls one image at a time, in request order).
import type { Container, Pod } from '../../api/types';
import type { Clock } from '../../clock';
import type { ContainerRuntime, ImageInfo } from '../../runtime/cri';
import { events } from '../container';
import { goDuration, type Backoff } from '../util';

/** Records an event on the container (type, reason, message). */
export type ContainerEventFn = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

/** The outcome of EnsureImageExists: the image, or the waiting reason and message for the status. */
export type EnsureResult = { ok: true; image: ImageInfo } | { ok: false; reason: string; message: string };

/** parsers.ParseImageName's complaint about a reference it cannot parse, or undefined when it is fine. */
export function imageNameError(image: string): string | undefined {
  if (!image) return 'invalid reference format';
  const noDigest = image.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const repo = colon > lastSlash ? noDigest.slice(0, colon) : noDigest;
  if (/[A-Z]/.test(repo)) {
    const first = repo.split('/')[0];
    const hasDomain = repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
    const path = hasDomain ? repo.slice(first.length + 1) : repo.includes('/') ? repo : `library/${repo}`;
    return `invalid reference format: repository name (${path}) must be lowercase`;
  }
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*(?::[0-9]+)?/.test(repo) || /\s/.test(image)) {
    return 'invalid reference format';
  }
  return undefined;
}

interface PullRequest {
  ref: string;
  done: (r: { image: ImageInfo; pullMs: number } | { error: string }) => void;
}

/** One node's image manager. */
export class ImageManager {
  private readonly queue: PullRequest[] = [];
  private pulling = false;

  constructor(private readonly runtime: ContainerRuntime, private readonly clock: Clock, private readonly backOff: Backoff) {}

  /**
   * EnsureImageExists: honours imagePullPolicy, the pull back-off, and records Pulling / Pulled /
   * Failed / BackOff / ErrImageNeverPull events as upstream words them. Calls `done` once.
   */
  ensureImageExists(pod: Pod, c: Container, event: ContainerEventFn, done: (r: EnsureResult) => void): void {
    const img = c.image ?? '';
    const bad = imageNameError(img);
    if (bad) {
      const msg = `Failed to apply default image tag "${img}": couldn't parse image name "${img}": ${bad}`;
      event('Warning', events.FAILED_TO_INSPECT_IMAGE, msg);
      return done({ ok: false, reason: events.ERR_INVALID_IMAGE_NAME, message: msg });
    }
    const present = this.runtime.imagePresent(img);
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    const shouldPull = policy === 'Always' || (policy === 'IfNotPresent' && !present);
    if (!shouldPull) {
      if (present) {
        event('Normal', events.PULLED_IMAGE, `Container image "${img}" already present on machine`);
        return done({ ok: true, image: present });
      }
      const msg = `Container image "${img}" is not present with pull policy of Never`;
      event('Warning', events.ERR_IMAGE_NEVER_PULL_POLICY, msg);
      return done({ ok: false, reason: events.ERR_IMAGE_NEVER_PULL, message: msg });
    }
    const key = `${pod.metadata?.uid}_${img}`;
    const now = this.clock.now();
    if (this.backOff.isInBackOffSinceUpdate(key, now)) {
      const msg = `Back-off pulling image "${img}"`;
      event('Normal', events.BACK_OFF_PULL_IMAGE, msg);
      return done({ ok: false, reason: events.ERR_IMAGE_PULL_BACK_OFF, message: msg });
    }
    event('Normal', events.PULLING_IMAGE, `Pulling image "${img}"`);
    const start = now;
    this.enqueue({ ref: img, done: (r) => {
      if ('error' in r) {
        event('Warning', events.FAILED_TO_PULL_IMAGE, `Failed to pull image "${img}": ${r.error}`);
        this.backOff.next(key, this.clock.now());
        return done({ ok: false, reason: events.ERR_IMAGE_PULL, message: r.error });
      }
      const total = this.clock.now() - start;
      event('Normal', events.PULLED_IMAGE, `Successfully pulled image "${img}" in ${goDuration(r.pullMs)} (${goDuration(total)} including waiting). Image size: ${r.image.sizeBytes} bytes.`);
      this.backOff.gc();
      done({ ok: true, image: r.image });
    } });
  }

  /** How many pulls wait behind the current one. */
  queued(): number {
    return this.queue.length;
  }

  /** Drops queued pulls (the kubelet stopped); a pull in flight completes into the void. */
  reset(): void {
    this.queue.length = 0;
  }

  private enqueue(req: PullRequest): void {
    this.queue.push(req);
    if (!this.pulling) this.pullNext();
  }

  private pullNext(): void {
    const req = this.queue.shift();
    if (!req) {
      this.pulling = false;
      return;
    }
    this.pulling = true;
    this.runtime.pull(req.ref, (r) => {
      if ('error' in r) req.done({ error: r.error.message });
      else req.done({ image: r.image, pullMs: Math.round(r.pullMs) });
      this.pullNext();
    });
  }
}
