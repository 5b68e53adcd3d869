// Containers and init containers (sidecars): names, image, ports, env, mounts, probes, lifecycle,
// resources, security context.
// Models pkg/apis/core/validation/validation.go validateContainers, validateInitContainers,
// validateContainerCommon, validateContainerPorts, ValidateEnv, ValidateEnvFrom, ValidateVolumeMounts,
// ValidateVolumeDevices, validateProbe, validateHandler, validatePullPolicy, ValidateSecurityContext,
// AccumulateUniqueHostPorts.
// Deviation: resizePolicy is not checked — InPlacePodVerticalScaling is off in v1.32, so the registry
// drops the field before validation.
import { FieldError, FieldPath, forbidden, invalid, notSupported, required, duplicate, notFound, tooLong, GoSyntax } from '../field';
import type { Container, EnvVar, EnvFromSource, Probe, Volume } from '../types';
import type { Lifecycle, LifecycleHandler, SecurityContext } from 'kubernetes-types/core/v1';
import { isConfigMapKey, isDNS1123Label, isHTTPHeaderName, isRelaxedEnvVarName, isValidGroupID, isValidPortName,
  isValidPortNum, isValidUserID, nameIsDNSSubdomain } from './names';
import { validateNonnegativeField } from './objectmeta';
import { validateContainerResourceRequirements } from './resources';
import { ENV_FIELD_PATHS, validateLocalDescendingPath, validateObjectFieldSelector, validateResourceFieldSelector } from './volumes';
import { goStructText } from './go-syntax';

/** The pod-level facts container checks need. */
export interface ContainerContext {
  vols: ReadonlyMap<string, Volume>;
  podClaimNames: ReadonlySet<string>;
  gracePeriod: number | undefined;
  hostUsers: boolean;
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function validateContainerPorts(ports: Container['ports'], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = path.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(p.child('name'), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(p.child('name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(p.child('containerPort'), ''));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalid(p.child('containerPort'), port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(p.child('hostPort'), port.hostPort, m));
    if (!port.protocol) errs.push(required(p.child('protocol'), ''));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(p.child('protocol'), port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateKeySelector(s: { name?: string; key: string }, path: FieldPath): FieldError[] {
  const errs = nameIsDNSSubdomain(s.name ?? '', false).map((m) => invalid(path.child('name'), s.name ?? '', m));
  if (!s.key) errs.push(required(path.child('key'), ''));
  else for (const m of isConfigMapKey(s.key)) errs.push(invalid(path.child('key'), s.key, m));
  return errs;
}

/** ValidateEnv, with the relaxed name rule v1.32 applies. */
export function validateEnv(vars: readonly EnvVar[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const p = path.index(i);
    if (!ev.name) errs.push(required(p.child('name'), ''));
    else for (const m of isRelaxedEnvVarName(ev.name)) errs.push(invalid(p.child('name'), ev.name, m));
    const vf = ev.valueFrom;
    if (!vf) return;
    const vp = p.child('valueFrom');
    let n = 0;
    if (vf.fieldRef) { n++; errs.push(...validateObjectFieldSelector(vf.fieldRef, ENV_FIELD_PATHS, vp.child('fieldRef'))); }
    if (vf.resourceFieldRef) { n++; errs.push(...validateResourceFieldSelector(vf.resourceFieldRef, vp.child('resourceFieldRef'), false)); }
    if (vf.configMapKeyRef) { n++; errs.push(...validateKeySelector(vf.configMapKeyRef, vp.child('configMapKeyRef'))); }
    if (vf.secretKeyRef) { n++; errs.push(...validateKeySelector(vf.secretKeyRef, vp.child('secretKeyRef'))); }
    if (n === 0) errs.push(invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (ev.value) errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
    else if (n > 1) errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

/** ValidateEnvFrom. */
export function validateEnvFrom(vars: readonly EnvFromSource[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const p = path.index(i);
    if (ev.prefix) for (const m of isRelaxedEnvVarName(ev.prefix)) errs.push(invalid(p.child('prefix'), ev.prefix, m));
    let n = 0;
    for (const [key, src] of [['configMapRef', ev.configMapRef], ['secretRef', ev.secretRef]] as const) {
      if (!src) continue;
      n++;
      const np = p.child(key, 'name');
      if (!src.name) errs.push(required(np, ''));
      else for (const m of nameIsDNSSubdomain(src.name, true)) errs.push(invalid(np, src.name, m));
    }
    if (n === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

/** ValidateVolumeMounts. Sub-path errors name the list, not the item: upstream uses fldPath there. */
function validateVolumeMounts(c: Container, vols: ReadonlyMap<string, Volume>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const devices = new Map((c.volumeDevices ?? []).map((d) => [d.name, d.devicePath]));
  const devicePaths = new Set(devices.values());
  const mountPoints = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = path.index(i);
    if (!m.name) errs.push(required(p.child('name'), ''));
    if (!vols.has(m.name)) errs.push(notFound(p.child('name'), m.name));
    if (!m.mountPath) errs.push(required(p.child('mountPath'), ''));
    if (mountPoints.has(m.mountPath)) errs.push(invalid(p.child('mountPath'), m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath);
    if (devices.has(m.name)) errs.push(invalid(p.child('name'), m.name, 'must not already exist in volumeDevices'));
    if (devicePaths.has(m.mountPath)) errs.push(invalid(p.child('mountPath'), m.mountPath, 'must not already exist as a path in volumeDevices'));
    if ((vols.get(m.name) as { image?: unknown } | undefined)?.image) {
      if (m.subPath) errs.push(invalid(p.child('subPath'), m.subPath, 'not allowed in image volume sources'));
      if (m.subPathExpr) errs.push(invalid(p.child('subPathExpr'), m.subPathExpr, 'not allowed in image volume sources'));
    }
    if (m.subPath) errs.push(...validateLocalDescendingPath(m.subPath, path.child('subPath')));
    if (m.subPathExpr) {
      if (m.subPath) errs.push(invalid(p.child('subPathExpr'), m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(m.subPathExpr, path.child('subPathExpr')));
    }
    if (m.mountPropagation !== undefined) {
      const mp = path.child('mountPropagation');
      if (!['Bidirectional', 'HostToContainer', 'None'].includes(m.mountPropagation)) {
        errs.push(notSupported(mp, m.mountPropagation, ['Bidirectional', 'HostToContainer', 'None']));
      }
      if (m.mountPropagation === 'Bidirectional' && c.securityContext?.privileged !== true) {
        errs.push(forbidden(mp, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
    if (m.recursiveReadOnly !== undefined) {
      const rp = path.child('recursiveReadOnly');
      if (m.recursiveReadOnly === 'Enabled' || m.recursiveReadOnly === 'IfPossible') {
        if (!m.readOnly) errs.push(forbidden(rp, 'may only be specified when readOnly is true'));
        if (m.mountPropagation && m.mountPropagation !== 'None') errs.push(forbidden(rp, 'may only be specified when mountPropagation is None or not specified'));
      } else if (m.recursiveReadOnly !== 'Disabled') {
        errs.push(notSupported(rp, m.recursiveReadOnly, ['Disabled', 'Enabled', 'IfPossible']));
      }
    }
  });
  return errs;
}

function validateHandler(h: LifecycleHandler & { grpc?: { port: number } }, sleepAllowed: boolean, gracePeriod: number | undefined,
  path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  const kinds: [string, unknown][] = [['exec', h.exec], ['httpGet', h.httpGet], ['tcpSocket', h.tcpSocket], ['grpc', h.grpc],
    ['sleep', sleepAllowed ? h.sleep : undefined]];
  for (const [kind, v] of kinds) {
    if (!v) continue;
    const p = path.child(kind);
    if (n > 0) { errs.push(forbidden(p, 'may not specify more than 1 handler type')); continue; }
    n++;
    if (kind === 'exec' && !(h.exec!.command ?? []).length) errs.push(required(p.child('command'), ''));
    if (kind === 'httpGet') {
      const g = h.httpGet!;
      if (!g.path) errs.push(required(p.child('path'), ''));
      errs.push(...validatePortNumOrName(g.port, p.child('port')));
      if (!['HTTP', 'HTTPS'].includes(g.scheme ?? '')) errs.push(notSupported(p.child('scheme'), g.scheme ?? '', ['HTTP', 'HTTPS']));
      for (const hd of g.httpHeaders ?? []) for (const m of isHTTPHeaderName(hd.name)) errs.push(invalid(p.child('httpHeaders'), hd.name, m));
    }
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(h.tcpSocket!.port, p.child('port')));
    if (kind === 'grpc') for (const m of isValidPortNum(h.grpc!.port)) errs.push(invalid(p.child('port'), h.grpc!.port, m));
    if (kind === 'sleep' && gracePeriod !== undefined) {
      const s = h.sleep!.seconds;
      if (s <= 0 || s > gracePeriod) {
        errs.push(invalid(p, s, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`));
      }
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

/** ValidatePortNumOrName: an int must be a port, a string a port name. */
export function validatePortNumOrName(port: number | string | undefined, path: FieldPath): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  const n = port ?? 0;
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}

function validateProbe(probe: Probe | undefined, kind: 'liveness' | 'readiness' | 'startup', gracePeriod: number | undefined,
  path: FieldPath): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe as LifecycleHandler, false, gracePeriod, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...validateNonnegativeField(probe[f] ?? 0, path.child(f)));
  }
  const tgp = probe.terminationGracePeriodSeconds;
  if (tgp !== undefined && tgp <= 0) errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgp, 'must be greater than 0'));
  if (kind !== 'readiness' && probe.successThreshold !== 1) errs.push(invalid(path.child('successThreshold'), probe.successThreshold ?? 0, 'must be 1'));
  if (kind === 'readiness' && tgp !== undefined) errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgp, 'must not be set for readinessProbes'));
  return errs;
}

function validateLifecycleAndProbes(c: Container, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const lc: Lifecycle | undefined = c.lifecycle;
  if (lc?.postStart) errs.push(...validateHandler(lc.postStart, true, gracePeriod, path.child('lifecycle', 'postStart')));
  if (lc?.preStop) errs.push(...validateHandler(lc.preStop, true, gracePeriod, path.child('lifecycle', 'preStop')));
  errs.push(...validateProbe(c.livenessProbe, 'liveness', gracePeriod, path.child('livenessProbe')));
  errs.push(...validateProbe(c.readinessProbe, 'readiness', gracePeriod, path.child('readinessProbe')));
  errs.push(...validateProbe(c.startupProbe, 'startup', gracePeriod, path.child('startupProbe')));
  return errs;
}

/**
 * ValidateSecurityContext of a container. Privileged containers are allowed: minikube and kubeadm start
 * the API server with --allow-privileged=true.
 */
function validateSecurityContext(sc: SecurityContext | undefined, hostUsers: boolean, path: FieldPath): FieldError[] {
  if (!sc) return [];
  const errs: FieldError[] = [];
  if (sc.runAsUser !== undefined) for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(path.child('runAsUser'), sc.runAsUser, m));
  if (sc.runAsGroup !== undefined) for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(path.child('runAsGroup'), sc.runAsGroup, m));
  if (sc.procMount !== undefined) {
    if (!['Default', 'Unmasked'].includes(sc.procMount)) errs.push(notSupported(path.child('procMount'), sc.procMount, ['Default', 'Unmasked']));
    if (hostUsers && sc.procMount === 'Unmasked') errs.push(invalid(path.child('procMount'), sc.procMount, '`hostUsers` must be false to use `Unmasked`'));
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, path.child('seccompProfile')));
  if (sc.allowPrivilegeEscalation === false) {
    const shown = new GoSyntax(goStructText('core.SecurityContext', sc));
    if (sc.privileged === true) errs.push(invalid(path, shown, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    for (const cap of sc.capabilities?.add ?? []) {
      if (cap === 'CAP_SYS_ADMIN') errs.push(invalid(path, shown, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
    }
  }
  errs.push(...validateAppArmorProfile(sc.appArmorProfile, path.child('appArmorProfile')));
  return errs;
}

/** validateSeccompProfileField (pod and container). */
export function validateSeccompProfile(sp: { type: string; localhostProfile?: string } | undefined, path: FieldPath): FieldError[] {
  if (!sp) return [];
  const errs: FieldError[] = [];
  const types = ['Localhost', 'RuntimeDefault', 'Unconfined'];
  if (!sp.type) errs.push(required(path.child('type'), 'type is required when seccompProfile is set'));
  else if (!types.includes(sp.type)) errs.push(notSupported(path.child('type'), sp.type, types));
  if (sp.type === 'Localhost') {
    if (sp.localhostProfile === undefined) errs.push(required(path.child('localhostProfile'), 'must be set when seccomp type is Localhost'));
    else errs.push(...validateLocalDescendingPath(sp.localhostProfile, path.child('localhostProfile')));
  } else if (sp.localhostProfile !== undefined) {
    errs.push(invalid(path.child('localhostProfile'), new GoSyntax(goStructText('core.SeccompProfile', sp)), 'can only be set when seccomp type is Localhost'));
  }
  return errs;
}

/** ValidateAppArmorProfileField (pod and container). */
export function validateAppArmorProfile(p: { type: string; localhostProfile?: string } | undefined, path: FieldPath): FieldError[] {
  if (!p) return [];
  const lp = path.child('localhostProfile');
  switch (p.type) {
    case 'Localhost': {
      if (p.localhostProfile === undefined) return [required(lp, 'must be set when AppArmor type is Localhost')];
      const errs: FieldError[] = [];
      const trimmed = p.localhostProfile.trim();
      if (trimmed !== p.localhostProfile) errs.push(invalid(lp, p.localhostProfile, 'must not be padded with whitespace'));
      else if (trimmed === '') errs.push(required(lp, 'must be set when AppArmor type is Localhost'));
      if (p.localhostProfile.length > 4095) errs.push(tooLong(lp, '', 4095));
      return errs;
    }
    case 'RuntimeDefault': case 'Unconfined':
      return p.localhostProfile !== undefined ? [invalid(lp, p.localhostProfile, 'can only be set when AppArmor type is Localhost')] : [];
    case '': case undefined:
      return [required(path.child('type'), 'type is required when appArmorProfile is set')];
    default:
      return [notSupported(path.child('type'), p.type, ['Localhost', 'RuntimeDefault', 'Unconfined'])];
  }
}

/** validateContainerCommon: what regular, init and ephemeral containers share. */
export function validateContainerCommon(c: Container, ctx: ContainerContext, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(path.child('name'), ''));
  else for (const m of isDNS1123Label(c.name)) errs.push(invalid(path.child('name'), c.name, m));
  if (!c.image) errs.push(required(path.child('image'), ''));
  const tmp = c.terminationMessagePolicy ?? '';
  if (tmp === '') errs.push(required(path.child('terminationMessagePolicy'), ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(c.ports, path.child('ports')));
  errs.push(...validateEnv(c.env, path.child('env')));
  errs.push(...validateEnvFrom(c.envFrom, path.child('envFrom')));
  errs.push(...validateVolumeMounts(c, ctx.vols, path.child('volumeMounts')));
  errs.push(...validateVolumeDevices(c, ctx.vols, path.child('volumeDevices')));
  const pp = c.imagePullPolicy ?? '';
  if (pp === '') errs.push(required(path.child('imagePullPolicy'), ''));
  else if (!PULL_POLICIES.includes(pp)) errs.push(notSupported(path.child('imagePullPolicy'), pp, PULL_POLICIES));
  errs.push(...validateContainerResourceRequirements(c.resources, ctx.podClaimNames, path.child('resources')));
  errs.push(...validateSecurityContext(c.securityContext, ctx.hostUsers, path.child('securityContext')));
  return errs;
}

function validateVolumeDevices(c: Container, vols: ReadonlyMap<string, Volume>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const mounts = new Map((c.volumeMounts ?? []).map((m) => [m.name, m.mountPath]));
  const mountPaths = new Set(mounts.values());
  const names = new Set<string>();
  const paths = new Set<string>();
  (c.volumeDevices ?? []).forEach((d, i) => {
    const p = path.index(i);
    const vol = vols.get(d.name);
    if (!d.name) errs.push(required(p.child('name'), ''));
    if (names.has(d.name)) errs.push(invalid(p.child('name'), d.name, 'must be unique'));
    if (vol && !vol.persistentVolumeClaim && !vol.ephemeral) {
      errs.push(invalid(p.child('name'), d.name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    }
    if (!vol) errs.push(notFound(p.child('name'), d.name));
    if (!d.devicePath) errs.push(required(p.child('devicePath'), ''));
    if (paths.has(d.devicePath)) errs.push(invalid(p.child('devicePath'), d.devicePath, 'must be unique'));
    if (d.devicePath && d.devicePath.split('/').includes('..')) errs.push(invalid(p.child('devicePath'), d.devicePath, 'can not contain backsteps (\'..\')'));
    else paths.add(d.devicePath);
    if (mounts.has(d.name)) errs.push(invalid(p.child('name'), d.name, 'must not already exist in volumeMounts'));
    if (mountPaths.has(d.devicePath)) errs.push(invalid(p.child('devicePath'), d.devicePath, 'must not already exist as a path in volumeMounts'));
    if (d.name) names.add(d.name);
  });
  return errs;
}

/** AccumulateUniqueHostPorts: "<protocol>/<hostIP>/<hostPort>" must not repeat. */
function checkHostPortConflicts(containers: readonly Container[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => (c.ports ?? []).forEach((port, pi) => {
    if (!port.hostPort) return;
    const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
    if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
    else seen.add(key);
  }));
  return errs;
}

/** validateContainers: the regular containers of a pod spec. */
export function validateContainers(containers: readonly Container[] | undefined, ctx: ContainerContext, path: FieldPath): FieldError[] {
  if (!containers || containers.length === 0) return [required(path, '')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(c, ctx, p));
    if (names.has(c.name)) errs.push(duplicate(p.child('name'), c.name));
    else names.add(c.name);
    errs.push(...validateLifecycleAndProbes(c, ctx.gracePeriod, p));
    if ((c as { restartPolicy?: string }).restartPolicy !== undefined) errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  return errs.concat(checkHostPortConflicts(containers, path));
}

/** validateInitContainers: init containers, and sidecars (restartPolicy: Always). */
export function validateInitContainers(inits: readonly Container[] | undefined, regular: readonly Container[] | undefined,
  ctx: ContainerContext, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(c, ctx, p));
    const rp = (c as { restartPolicy?: string }).restartPolicy;
    if (rp !== undefined && rp !== 'Always') errs.push(notSupported(p.child('restartPolicy'), rp, ['Always']));
    if (names.has(c.name)) errs.push(duplicate(p.child('name'), c.name));
    else if (c.name) names.add(c.name);
    // Init containers run one at a time, so host ports only clash within one; upstream reports index 0.
    errs.push(...checkHostPortConflicts([c], path));
    if (rp === 'Always') errs.push(...validateLifecycleAndProbes(c, ctx.gracePeriod, p));
    else {
      const msg = 'may not be set for init containers without restartPolicy=Always';
      if (c.lifecycle) errs.push(forbidden(p.child('lifecycle'), msg));
      if (c.livenessProbe) errs.push(forbidden(p.child('livenessProbe'), msg));
      if (c.readinessProbe) errs.push(forbidden(p.child('readinessProbe'), msg));
      if (c.startupProbe) errs.push(forbidden(p.child('startupProbe'), msg));
    }
  });
  return errs;
}

/** validateContainersOnlyForPod: a Pod's images may not carry leading or trailing whitespace. */
export function validateContainersOnlyForPod(containers: readonly Container[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (containers ?? []).forEach((c, i) => {
    if ((c.image ?? '').length !== (c.image ?? '').trim().length) {
      errs.push(invalid(path.index(i).child('image'), c.image, 'must not have leading or trailing whitespace'));
    }
  });
  return errs;
}
