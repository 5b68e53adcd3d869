import { describe, expect, it } from 'vitest';
import { stripForEdit } from './strip-for-edit';

const GOT = `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "1"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"Deployment"}
  creationTimestamp: "2025-01-15T09:00:00Z"
  generation: 1
  labels:
    app: web
  name: web
  namespace: default
  resourceVersion: "612"
  uid: 0b5c3f0e-1111-2222-3333-444455556666
spec:
  replicas: 3
  template:
    spec:
      containers:
      - image: nginx
        name: nginx
status:
  availableReplicas: 3
  conditions:
  - type: Available
`;

describe('stripForEdit', () => {
  it.each([
    {
      name: 'drops status, server metadata and the last-applied annotation',
      input: GOT,
      want: `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "1"
  labels:
    app: web
  name: web
  namespace: default
spec:
  replicas: 3
  template:
    spec:
      containers:
      - image: nginx
        name: nginx
`,
    },
    {
      name: 'drops annotations left empty',
      input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {}\n  name: p\nspec:\n  containers: []\n',
      want: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n',
    },
  ])('$name', ({ input, want }) => {
    expect(stripForEdit(input)).toBe(want);
  });
});
