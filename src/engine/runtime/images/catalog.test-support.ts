// Test helper: the executables an image's distribution provides.
import { defaultCatalog } from './catalog';
import { osBase } from './distro';

/** Path → program id of the distro under an image reference. */
export function distroBinsFor(ref: string): Record<string, string> {
  const r = defaultCatalog().resolve(ref);
  if ('error' in r) throw new Error(r.error);
  return osBase(r.image.os).bins;
}
