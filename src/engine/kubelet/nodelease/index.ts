export { NodeLeaseController, LEASE_DURATION_SECONDS, LEASE_RENEW_INTERVAL_MS, NODE_LEASE_NAMESPACE } from './controller';
