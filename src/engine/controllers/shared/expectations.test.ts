import { describe, expect, it } from 'vitest';
import { SimClock } from '../../clock';
import { Expectations, EXPECTATIONS_TIMEOUT_MS } from './expectations';

describe('Expectations', () => {
  it('is satisfied without expectations, and once every creation is observed', () => {
    const e = new Expectations(new SimClock({ start: 0 }));
    expect(e.satisfied('ns/rs')).toBe(true);
    e.expectCreations('ns/rs', 2);
    expect(e.satisfied('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.get('ns/rs')).toEqual({ add: 1, del: 0 });
    expect(e.satisfied('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(true);
  });

  it('counts a UID-tracked deletion once, whether seen as an update or as a delete', () => {
    const e = new Expectations(new SimClock({ start: 0 }));
    e.expectDeletions('ns/rs', ['ns/a', 'ns/b']);
    e.deletionObserved('ns/rs', 'ns/a'); // deletionTimestamp set
    e.deletionObserved('ns/rs', 'ns/a'); // then gone
    e.deletionObserved('ns/rs', 'ns/other'); // never expected
    expect(e.get('ns/rs')).toEqual({ add: 0, del: 1 });
    e.deletionObserved('ns/rs', 'ns/b');
    expect(e.satisfied('ns/rs')).toBe(true);
  });

  it('expires after the TTL so a lost watch event cannot stall a controller', () => {
    const clock = new SimClock({ start: 0 });
    const e = new Expectations(clock);
    e.expectCreations('k', 5);
    clock.advance(EXPECTATIONS_TIMEOUT_MS);
    expect(e.satisfied('k')).toBe(false);
    clock.advance(1);
    expect(e.satisfied('k')).toBe(true);
  });

  it('forgets everything on delete', () => {
    const e = new Expectations(new SimClock({ start: 0 }));
    e.expectDeletions('k', ['a']);
    e.delete('k');
    expect(e.get('k')).toBeUndefined();
    expect(e.satisfied('k')).toBe(true);
    e.deletionObserved('k', 'a');
    expect(e.get('k')).toBeUndefined();
  });
});
