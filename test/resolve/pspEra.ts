import type { ResolveOptions } from '../../src/resolve/types.js'

/**
 * The options of a test written for a cluster that still has PodSecurityPolicy: SPEC §5.1 ends
 * PSP at v1.24 and the default version is `latest`, so tests of policy admission under the
 * `kubernetes` semantics name v1.24. The Pod Security version stays what the test gave (default
 * `latest`, as before versions existed) instead of following the cluster's.
 */
export function pspEra(options: ResolveOptions = {}): ResolveOptions {
  const podSecurity = options.podSecurity
  return {
    kubernetesVersion: 'v1.24',
    ...options,
    ...(podSecurity === undefined ? {} : { podSecurity: { version: 'latest', ...podSecurity } }),
  }
}
