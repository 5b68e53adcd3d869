// Bad values as Go's fmt %#v prints the internal types validation reports: maps, []string,
// metav1.LabelSelector, intstr.IntOrString, core.ServicePort, core.Taint. errors.go ErrorBody falls
// back to %#v for every value that is not a string, number, bool or fmt.Stringer (v0.32 does not
// look for String() on a pointer receiver, so IntOrString and LabelSelector print as structs).
// Models fmt/print.go printValue (maps print with sorted keys).
import { GoSyntax, goQuote } from '../field';
import type { LabelSelector } from '../types';

/** %#v of map[string]string: `map[string]string{"a":"b"}`; nil maps print `map[string]string(nil)`. */
export function goStringMapText(m: Readonly<Record<string, string>> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k])}`).join(', ')}}`;
}

/** %#v of []string: `[]string{"a", "b"}`; nil slices print `[]string(nil)`. */
export function goStringSliceText(a: readonly string[] | undefined | null): string {
  if (a === undefined || a === null) return '[]string(nil)';
  return `[]string{${a.map((x) => goQuote(x)).join(', ')}}`;
}

/** A map bad value. */
export const goStringMap = (m: Readonly<Record<string, string>> | undefined | null) => new GoSyntax(goStringMapText(m));
/** A []string bad value that may be nil. */
export const goStringSlice = (a: readonly string[] | undefined | null) => new GoSyntax(goStringSliceText(a));

/** %#v of metav1.LabelSelector (the struct, as a dereferenced pointer prints). */
export function goLabelSelectorText(sel: LabelSelector): string {
  const exprs = sel.matchExpressions;
  const me = exprs === undefined || exprs === null
    ? '[]v1.LabelSelectorRequirement(nil)'
    : `[]v1.LabelSelectorRequirement{${exprs.map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, `
      + `Operator:${goQuote(e.operator)}, Values:${goStringSliceText(e.values)}}`).join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMapText(sel.matchLabels)}, MatchExpressions:${me}}`;
}

/** A LabelSelector bad value (nil prints as null, like a nil pointer). */
export const goLabelSelector = (sel: LabelSelector | undefined | null) =>
  (sel === undefined || sel === null ? null : new GoSyntax(goLabelSelectorText(sel)));

/** %#v of intstr.IntOrString: `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}`. */
export function goIntOrStringText(v: number | string | undefined | null): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}

/** An IntOrString bad value. */
export const goIntOrString = (v: number | string | undefined | null) => new GoSyntax(goIntOrStringText(v));

/** %#v of the core.ServicePort key used for duplicate (protocol, port) checks. */
export function goServicePortKey(protocol: string, port: number): GoSyntax {
  return new GoSyntax(`core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, `
    + 'TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}');
}

/** %#v of a core.Taint. TimeAdded prints as a typed nil; a set time prints as a pointer upstream. */
export function goTaint(t: { key?: string; value?: string; effect?: string; timeAdded?: string }): GoSyntax {
  const time = t.timeAdded ? '(*v1.Time)(0xc000000000)' : '(*v1.Time)(nil)';
  return new GoSyntax(`core.Taint{Key:${goQuote(t.key ?? '')}, Value:${goQuote(t.value ?? '')}, `
    + `Effect:${goQuote(t.effect ?? '')}, TimeAdded:${time}}`);
}

const pascal = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);

/**
 * An approximation of %#v for a whole object given as JSON: `core.PodTemplateSpec{Spec:core.PodSpec{…}}`.
 * Deviation: upstream prints every field of the internal struct (zero values too) and pointer
 * addresses; we print the fields that are set, in JSON order, with Go-looking names.
 */
export function goStructText(typeName: string, v: unknown): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]${typeName.replace(/^\[\]/, '')}{${v.map((x) => goStructText('', x)).join(', ')}}`;
  const o = v as Record<string, unknown>;
  const fields = Object.keys(o).map((k) => `${pascal(k)}:${goStructText('', o[k])}`);
  return `${typeName}{${fields.join(', ')}}`;
}

/** A whole-struct bad value (see goStructText for how it differs from Go). */
export const goStruct = (typeName: string, v: unknown) => new GoSyntax(goStructText(typeName, v));
