// The volume plugins kube-controller-manager gives its PersistentVolume controller, reduced to the
// answers the controller needs. Models pkg/volume/plugins.go (FindProvisionablePluginByName,
// FindDeletablePluginBySpec and their errors), pkg/volume/hostpath (the deleter only takes /tmp/.+;
// provisioning is off without --enable-hostpath-provisioner), and the CSI migration of in-tree
// provisioner names (pkg/volume/csimigration, k8s.io/csi-translation-lib).
import type { PersistentVolume } from '../../../api';

/** The in-tree hostPath plugin's name. */
export const HOST_PATH_PLUGIN = 'kubernetes.io/host-path';

/** In-tree provisioners migrated to CSI in v1.32 (their claims go to the CSI driver). */
export const MIGRATED_PROVISIONERS: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
};

/** How a class's provisioner is served. */
export type ProvisionerLookup =
  | { kind: 'external'; name: string }
  | { kind: 'in-tree'; plugin: string; newProvisionerError: string }
  | { kind: 'error'; message: string };

/**
 * findProvisionablePlugin for a class's provisioner: a name outside "kubernetes.io/" is an external
 * provisioner; migrated in-tree names go to their CSI driver; the hostPath plugin exists but its
 * provisioning is disabled; any other in-tree name has no plugin.
 */
export function lookupProvisioner(provisioner: string): ProvisionerLookup {
  const migrated = MIGRATED_PROVISIONERS[provisioner];
  if (migrated) return { kind: 'external', name: migrated };
  if (provisioner === HOST_PATH_PLUGIN) {
    return { kind: 'in-tree', plugin: HOST_PATH_PLUGIN, newProvisionerError: `provisioning in volume plugin "${HOST_PATH_PLUGIN}" is disabled` };
  }
  if (!provisioner.startsWith('kubernetes.io/')) return { kind: 'external', name: provisioner };
  return { kind: 'error', message: `no volume plugin matched name: ${provisioner}` };
}

/** What deleting a released volume means for the PV controller. */
export type DeleterLookup =
  | { kind: 'external' }
  | { kind: 'hostPath'; path: string }
  | { kind: 'error'; message: string };

/** findDeletablePlugin: the provisioning plugin, else a plugin that supports the volume's source. */
export function lookupDeleter(pv: PersistentVolume): DeleterLookup {
  const by = pv.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'];
  if (by) {
    if (!by.startsWith('kubernetes.io/')) return { kind: 'external' };
    if (by !== HOST_PATH_PLUGIN) return { kind: 'error', message: `error getting deleter volume plugin for volume "${pv.metadata?.name}": no volume plugin matched name: ${by}` };
  }
  if (pv.metadata?.annotations?.['pv.kubernetes.io/migrated-to'] || pv.spec?.csi) return { kind: 'external' };
  if (pv.spec?.hostPath) return { kind: 'hostPath', path: pv.spec.hostPath.path };
  const why = pv.spec?.nfs ? 'no deletable volume plugin matched' : 'no volume plugin matched';
  return { kind: 'error', message: `error getting deleter volume plugin for volume "${pv.metadata?.name}": ${why}` };
}

/** hostPathDeleter.Delete: only paths under /tmp/ may be deleted. */
export function hostPathDeleteError(path: string): string | undefined {
  return /\/tmp\/.+/.test(path) ? undefined : `host_path deleter only supports /tmp/.+ but received provided ${path}`;
}

/** Whether a volume has a recycler (hostPath and NFS do). */
export function hasRecycler(pv: PersistentVolume): boolean {
  return !!(pv.spec?.hostPath || pv.spec?.nfs);
}
