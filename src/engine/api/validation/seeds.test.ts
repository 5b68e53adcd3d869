// The seed tutorials' manifests must validate cleanly, as they do on a real v1.32 cluster.
import { describe, expect, it } from 'vitest';
import { createMessage } from './testing';
import * as seed from '../../../../tests/fixtures';

const SEEDS: { name: string; yaml: string }[] = [
  { name: 'Pod test-app-pod', yaml: seed.TEST_APP_POD },
  { name: 'Pod webapp-with-db', yaml: seed.WEBAPP_WITH_DB_POD },
  { name: 'Service webapp-service', yaml: seed.WEBAPP_SERVICE },
  { name: 'ConfigMap webapp-config', yaml: seed.WEBAPP_CONFIG },
  { name: 'Secret db-credentials', yaml: seed.DB_CREDENTIALS },
  { name: 'PersistentVolumeClaim database-pvc', yaml: seed.DATABASE_PVC },
  { name: 'Deployment webapp-deployment', yaml: seed.WEBAPP_DEPLOYMENT },
  { name: 'StatefulSet database-statefulset', yaml: seed.DATABASE_STATEFULSET },
  { name: 'CronJob hello', yaml: seed.HELLO_CRONJOB },
  { name: 'Ingress webapp-ingress', yaml: seed.WEBAPP_INGRESS },
];

describe('seed manifests are valid', () => {
  it.each(SEEDS)('$name', ({ yaml }) => {
    expect(createMessage(yaml)).toBe('');
  });
});
