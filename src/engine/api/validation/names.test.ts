// The string checks of apimachinery util/validation, and how bad values print.
import { describe, expect, it } from 'vitest';
import { FieldPath, GoSyntax, formatBadValue, invalid } from '../field';
import { isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isQualifiedName, isRelaxedEnvVarName,
  isValidPercent, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNSSubdomain, validatePathSegmentName,
  isCIdentifier } from './names';
import { parseIP, parseCIDR, validateNonSpecialIP } from './ip';
import { goIntOrString, goLabelSelector, goStringMap } from './go-syntax';
import { cmpDiff } from './cmp-diff';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, DNS1035_LABEL, NAME_PART } from './test-messages';

describe('string checks', () => {
  it.each([
    { name: 'label ok', got: isDNS1123Label('my-name'), want: [] },
    { name: 'label with capitals', got: isDNS1123Label('My'), want: [DNS1123_LABEL] },
    { name: 'label with dots', got: isDNS1123Label('a.b'), want: ['must not contain dots'] },
    { name: 'label too long', got: isDNS1123Label('a'.repeat(64)), want: ['must be no more than 63 characters'] },
    { name: 'subdomain ok', got: isDNS1123Subdomain('example.com'), want: [] },
    { name: 'subdomain ending in a dash', got: isDNS1123Subdomain('web-'), want: [DNS1123_SUBDOMAIN] },
    { name: 'subdomain too long', got: isDNS1123Subdomain(`${'a'.repeat(254)}`), want: ['must be no more than 253 characters'] },
    { name: '1035 label starting with a digit', got: isDNS1035Label('1a'), want: [DNS1035_LABEL] },
    { name: 'qualified name with two slashes', got: isQualifiedName('a/b/c'), want: ['a qualified name must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\') with an optional DNS subdomain prefix and \'/\' (e.g. \'example.com/MyName\')'] },
    { name: 'qualified name with empty prefix', got: isQualifiedName('/a'), want: ['prefix part must be non-empty'] },
    { name: 'qualified name empty', got: isQualifiedName(''), want: ['name part must be non-empty', NAME_PART] },
    { name: 'port name too long', got: isValidPortName('a-very-long-port-name'), want: ['must be no more than 15 characters'] },
    { name: 'port name with double dash', got: isValidPortName('a--b'), want: ['must not contain consecutive hyphens'] },
    { name: 'port name ending in dash', got: isValidPortName('web-'), want: ['must not begin or end with a hyphen'] },
    { name: 'port number 0', got: isValidPortNum(0), want: ['must be between 1 and 65535, inclusive'] },
    { name: 'percent', got: isValidPercent('5'), want: ['a valid percent string must be a numeric string followed by an ending \'%\' (e.g. \'1%\',  or \'93%\', regex used for validation is \'[0-9]+%\')'] },
    { name: 'config key ok', got: isConfigMapKey('.env'), want: [] },
    { name: 'config key starting with ..', got: isConfigMapKey('..data'), want: ['must not start with \'..\''] },
    { name: 'strict env var name', got: isEnvVarName('1ABC'), want: ['a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit (e.g. \'my.env-name\',  or \'MY_ENV.NAME\',  or \'MyEnvName1\', regex used for validation is \'[-._a-zA-Z][-._a-zA-Z0-9]*\')'] },
    { name: 'relaxed env var name allows a digit first', got: isRelaxedEnvVarName('1ABC'), want: [] },
    { name: 'relaxed env var name rejects non-ASCII', got: isRelaxedEnvVarName('café'), want: ['a valid environment variable name must consist only of printable ASCII characters other than \'=\''] },
    { name: 'C identifier', got: isCIdentifier('a-b'), want: ['a valid C identifier must start with alphabetic character or \'_\', followed by a string of alphanumeric characters or \'_\' (e.g. \'my_name\',  or \'MY_NAME\',  or \'MyName\', regex used for validation is \'[A-Za-z_][A-Za-z0-9_]*\')'] },
    { name: 'wildcard ok', got: isWildcardDNS1123Subdomain('*.example.com'), want: [] },
    { name: 'generateName may end in a dash', got: nameIsDNSSubdomain('web-', true), want: [] },
    { name: 'path segment', got: validatePathSegmentName('..', false), want: ['may not be \'..\''] },
  ])('$name', ({ got, want }) => {
    expect(got).toEqual(want);
  });
});

describe('bad values print as Go prints them', () => {
  it.each([
    { name: 'string', v: 'a"b', want: '"a\\"b"' },
    { name: 'string with a newline', v: 'a\nb', want: '"a\\nb"' },
    { name: 'non-ASCII printable', v: 'café', want: '"café"' },
    { name: 'int', v: 42, want: '42' },
    { name: 'nil', v: null, want: 'null' },
    { name: '[]string', v: ['a', 'b'], want: '[]string{"a", "b"}' },
    { name: 'map', v: goStringMap({ b: '2', a: '1' }), want: 'map[string]string{"a":"1", "b":"2"}' },
    { name: 'nil map', v: goStringMap(undefined), want: 'map[string]string(nil)' },
    { name: 'IntOrString', v: goIntOrString('25%'), want: 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}' },
    { name: 'LabelSelector', v: goLabelSelector({ matchLabels: { app: 'web' } }),
      want: 'v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}' },
    { name: 'pre-rendered', v: new GoSyntax('core.X{}'), want: 'core.X{}' },
  ])('$name', ({ v, want }) => {
    expect(formatBadValue(v)).toBe(want);
  });

  it('a Required error hides its value, an Invalid one shows it', () => {
    expect(invalid(FieldPath.root('spec').child('x'), 'v', 'bad').toString()).toBe('spec.x: Invalid value: "v": bad');
  });
});

describe('IP parsing (ParseIPSloppy)', () => {
  it.each([
    { s: '10.0.0.1', ok: true }, { s: '010.000.000.001', ok: true }, { s: '256.0.0.1', ok: false }, { s: '1.2.3', ok: false },
    { s: '::1', ok: true }, { s: 'fe80::1', ok: true }, { s: '2001:db8::ffff:1.2.3.4', ok: true }, { s: 'fe80::1%eth0', ok: false },
    { s: '1::2::3', ok: false }, { s: 'web', ok: false },
  ])('$s', ({ s, ok }) => {
    expect(parseIP(s) !== undefined).toBe(ok);
  });

  it('parses CIDRs', () => {
    expect(parseCIDR('10.0.0.0/8')?.bits).toBe(8);
    expect(parseCIDR('10.0.0.0/33')).toBeUndefined();
    expect(parseCIDR('2001:db8::/64')?.ip.v4).toBe(false);
  });

  it('rejects special addresses for endpoints', () => {
    expect(validateNonSpecialIP('169.254.1.1', FieldPath.root('ip')).map(String))
      .toEqual(['ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)']);
    expect(validateNonSpecialIP('0.0.0.0', FieldPath.root('ip')).map(String))
      .toEqual(['ip: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)']);
  });
});

describe('cmpDiff', () => {
  it('marks removed and added values in go-cmp style', () => {
    expect(cmpDiff('core.PodSpec', { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' }, { restartPolicy: 'Never', dnsPolicy: 'ClusterFirst' }))
      .toBe('  core.PodSpec{\n- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",\n  \tDNSPolicy:     "ClusterFirst",\n  }\n');
  });

  it('follows Go field order and folds identical fields beyond two of context', () => {
    const oldSpec = { containers: [{ name: 'web', image: 'nginx' }], restartPolicy: 'Always', terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' };
    const diff = cmpDiff('core.PodSpec', oldSpec, { ...oldSpec, dnsPolicy: 'Default' }, 'core.v1.PodSpec');
    expect(diff).toBe('  core.PodSpec{\n  \t... // 5 identical fields\n  \tTerminationGracePeriodSeconds: 30,\n'
      + '  \tActiveDeadlineSeconds:         nil,\n- \tDNSPolicy:                     "ClusterFirst",\n'
      + '+ \tDNSPolicy:                     "Default",\n  \tNodeSelector:                  nil,\n'
      + '  \tServiceAccountName:            "",\n  \t... // 24 identical fields\n  }\n');
  });

  it('is empty for equal values', () => {
    expect(cmpDiff('core.PodSpec', { a: 1 }, { a: 1 })).toBe('');
  });
});
