// The real kubectl v1.32 as the oracle: see harness.ts and cases.ts.
import { expect } from 'vitest';
import { ERROR_CASES } from './cases';
import { oracleSuite } from './suite';

oracleSuite('oracle: kubectl errors', ERROR_CASES, (ours, real) => expect(ours).toEqual(real));
