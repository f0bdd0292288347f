/**
 * From a decision to each runtime's `no_new_privs` switch, and back (README: "Runtimes: from a decision to the switch, and back"): Docker's
 * `HostConfig.SecurityOpt`, the OCI spec's `process.noNewPrivileges`, CRI's
 * `LinuxContainerSecurityContext.no_new_privs` and the rkt/appc isolator
 * `os/linux/no-new-privileges`.
 *
 * @packageDocumentation
 */
export type {
  Runtime,
  RuntimeDecision,
  RuntimeReading,
  RuntimeSwitchError,
  RuntimeSwitchErrorCode,
} from './types.js'
export { goBoolSpellings, goParseBool } from './goBool.js'
export {
  DOCKER_NO_NEW_PRIVILEGES,
  dockerSecurityOpt,
  parseDockerSecurityOpt,
  parseDockerSecurityOpts,
} from './docker.js'
export type { DockerDaemonOptions, DockerSecurityOpt } from './docker.js'
export { ociSpecWithNoNewPrivileges, parseOciNoNewPrivileges } from './oci.js'
export type { OciSpecWithNoNewPrivileges } from './oci.js'
export { criSecurityContextWithNoNewPrivs, parseCriNoNewPrivs } from './cri.js'
export type { CriSecurityContextWithNoNewPrivs } from './cri.js'
export {
  RKT_NO_NEW_PRIVILEGES,
  parseRktNoNewPrivileges,
  rktIsolatorsWithNoNewPrivileges,
} from './rkt.js'
export type { RktNoNewPrivilegesIsolator } from './rkt.js'
