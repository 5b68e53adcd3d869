// Job and CronJob messages, including the schedule parser's.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types';
import { createMessage, updateMessage } from './testing';
import { parseCronStandard, goParseDurationError } from './cron';

const UID = '6d3f2a10-0000-4000-8000-000000000001';

const job = (spec: string, restart = '      restartPolicy: Never\n') => `
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
${spec}  template:
    spec:
      containers:
      - name: pi
        image: perl
${restart}`;

const cron = (schedule: string, extra = '', name = 'hello', restart = '          restartPolicy: OnFailure\n') => `
apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "${schedule}"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
${restart}`;

const CASES: { name: string; yaml: string; want: string }[] = [
  { name: 'Job restartPolicy left to default (Always)', yaml: job('', ''),
    want: 'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"' },
  { name: 'Job restartPolicy unknown', yaml: job('', '      restartPolicy: Sometimes\n'),
    want: 'Job.batch "pi" is invalid: [spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never", spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"]' },
  { name: 'Job negative completions', yaml: job('  completions: -1\n'),
    want: 'Job.batch "pi" is invalid: spec.completions: Invalid value: -1: must be greater than or equal to 0' },
  { name: 'Job negative parallelism and backoffLimit', yaml: job('  parallelism: -2\n  backoffLimit: -1\n'),
    want: 'Job.batch "pi" is invalid: [spec.parallelism: Invalid value: -2: must be greater than or equal to 0, spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0]' },
  { name: 'Job manualSelector without a selector', yaml: job('  manualSelector: true\n'),
    want: 'Job.batch "pi" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`]' },
  { name: 'Job template carrying a foreign controller-uid label', yaml: job('').replace('  template:\n    spec:', '  template:\n    metadata:\n      labels:\n        controller-uid: wrong\n    spec:'),
    want: `Job.batch "pi" is invalid: spec.template.metadata.labels[controller-uid]: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${UID}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"wrong", "job-name":"pi"}: must be '${UID}'` },
  { name: 'Indexed Job without completions', yaml: job('  completionMode: Indexed\n  parallelism: 2\n'),
    want: 'Job.batch "pi" is invalid: spec.completions: Required value: when completion mode is Indexed' },
  { name: 'CronJob with four fields', yaml: cron('* * * *'),
    want: 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]' },
  { name: 'CronJob minute out of range', yaml: cron('61 * * * *'),
    want: 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61' },
  { name: 'CronJob unknown descriptor', yaml: cron('@every5m'),
    want: 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "@every5m": unrecognized descriptor: @every5m' },
  { name: 'CronJob zero step', yaml: cron('*/0 * * * *'),
    want: 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "*/0 * * * *": step of range should be a positive number: */0' },
  { name: 'CronJob day name in the month field', yaml: cron('0 0 * mon *'),
    want: 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "0 0 * mon *": failed to parse int from mon: strconv.Atoi: parsing "mon": invalid syntax' },
  { name: 'CronJob TZ in the schedule', yaml: cron('TZ=UTC 0 * * * *'),
    want: 'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead' },
  { name: 'CronJob unknown time zone', yaml: cron('0 * * * *', '  timeZone: Mars/Olympus\n'),
    want: 'CronJob.batch "hello" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus' },
  { name: 'CronJob concurrencyPolicy', yaml: cron('0 * * * *', '  concurrencyPolicy: Sometimes\n'),
    want: 'CronJob.batch "hello" is invalid: spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"' },
  { name: 'CronJob name too long for its Jobs', yaml: cron('0 * * * *', '', 'a'.repeat(53)),
    want: `CronJob.batch "${'a'.repeat(53)}" is invalid: metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters` },
  { name: 'CronJob job template restartPolicy', yaml: cron('0 * * * *', '', 'hello', ''),
    want: 'CronJob.batch "hello" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"' },
];

describe('batch on create', () => {
  it.each(CASES)('$name', ({ yaml, want }) => {
    expect(createMessage(yaml)).toBe(want);
  });

  it.each(['@hourly', '@daily', '@every 1h30m', '*/5 * * * *', '0 9 * * mon-fri', '30 2 1 jan,jul *'])('schedule %s is valid', (s) => {
    expect(createMessage(cron(s))).toBe('');
  });

  it('a time zone by IANA name is valid', () => {
    expect(createMessage(cron('0 * * * *', '  timeZone: Europe/Paris\n'))).toBe('');
  });
});

describe('batch on update', () => {
  it('a Job template is immutable', () => {
    const msg = updateMessage(job(''), (o) => {
      ((o.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]).image = 'perl:5.34';
    });
    expect(msg.startsWith('Job.batch "pi" is invalid: spec.template: Invalid value: core.PodTemplateSpec{')).toBe(true);
    expect(msg.endsWith('}: field is immutable')).toBe(true);
  });

  it('a suspended, never started Job may change its node selector', () => {
    const suspended = job('  suspend: true\n');
    expect(updateMessage(suspended, (o: KubeObject) => {
      (o.spec as { template: { spec: Record<string, unknown> } }).template.spec.nodeSelector = { disk: 'ssd' };
    })).toBe('');
  });

  it('a Job may not change completions', () => {
    expect(updateMessage(job('  completions: 3\n'), (o) => { (o.spec as { completions: number }).completions = 5; }))
      .toBe('Job.batch "pi" is invalid: spec.completions: Invalid value: 5: field is immutable');
  });
});

describe('parseCronStandard', () => {
  it.each([
    { name: 'empty', spec: '', want: 'empty spec string' },
    { name: 'six fields', spec: '0 * * * * *', want: 'expected exactly 5 fields, found 6: [0 * * * * *]' },
    { name: 'day of week 7', spec: '0 0 * * 7', want: 'end of range (7) above maximum (6): 7' },
    { name: 'reversed range', spec: '0 5-2 * * *', want: 'beginning of range (5) beyond end of range (2): 5-2' },
    { name: 'day of month 0', spec: '0 0 0 * *', want: 'beginning of range (0) below minimum (1): 0' },
    { name: 'two slashes', spec: '*/2/3 * * * *', want: 'too many slashes: */2/3' },
    { name: 'bad duration', spec: '@every 5', want: 'failed to parse duration @every 5: time: missing unit in duration "5"' },
    { name: 'unknown unit', spec: '@every 5x', want: 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"' },
  ])('$name', ({ spec, want }) => {
    expect(parseCronStandard(spec)).toBe(want);
  });

  it('accepts Go durations', () => {
    expect(goParseDurationError('1h30m')).toBeUndefined();
    expect(goParseDurationError('1.5h')).toBeUndefined();
    expect(goParseDurationError('h')).toBe('time: invalid duration "h"');
  });
});
