// The real kubectl v1.32 as the oracle: see harness.ts and cases.ts.
import { expect } from 'vitest';
import { CONFIG_AUTH_EVENTS_CASES } from './cases';
import { oracleSuite } from './suite';

oracleSuite('oracle: kubectl config-auth-events', CONFIG_AUTH_EVENTS_CASES, (ours, real) => expect(ours).toEqual(real));
