/**
 * The host side of the kernel suite: may it run here, the rootfs it puts in every container, and
 * reading the probe's answer. Everything it creates lives under one temp dir that
 * {@link removeScratch} deletes.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** The uid the container process runs as: not root, so only exec can raise its privileges. */
export const PROBE_UID = 1000

/** The shell line every container runs: the kernel's flag, then the two privileged execs. */
export const PROBE_COMMAND: ReadonlyArray<string> = [
  '/bin/busybox',
  'sh',
  '-c',
  '/bin/busybox grep NoNewPrivs /proc/self/status; /suid; /fcap',
]

/** CAP_NET_BIND_SERVICE (bit 10): the capability /fcap carries as a file capability. */
const NET_BIND_SERVICE = 1n << 10n

/** What the kernel did, read inside one container. */
export interface KernelAnswer {
  /** `NoNewPrivs:` of /proc/self/status in the container. */
  readonly noNewPrivs: boolean
  /** The setuid-root binary ran with euid 0. */
  readonly setuidGranted: boolean
  /** The file-capability binary ran with CAP_NET_BIND_SERVICE effective. */
  readonly fileCapabilityGranted: boolean
}

/** Why the suite cannot run here, or `null` when it can. */
export interface Gate {
  readonly blocked: string | null
  /** CI (or NNP_KERNEL_REQUIRED=1): a blocked suite fails instead of skipping. */
  readonly required: boolean
}

/** The `NoNewPrivs:` value of a /proc/PID/status text, `null` when the line is missing. */
export function noNewPrivsOf(status: string): boolean | null {
  const match = /^NoNewPrivs:\s*(\d)/m.exec(status)
  return match === null ? null : match[1] === '1'
}

const TOOLS = ['runc', 'crun', 'dockerd', 'unshare', 'gcc', 'setcap', 'tar'] as const

function onPath(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0
}

/**
 * May the suite run? Root is needed (runtimes, setuid, setcap). The suite must not itself run
 * with no_new_privs: the flag is inherited by every child, so every `false` case would fail for
 * a reason that has nothing to do with our writers.
 */
export function gate(): Gate {
  const required = process.env['NNP_KERNEL_REQUIRED'] === '1'
  if (process.getuid?.() !== 0) {
    return { blocked: `not root (uid ${String(process.getuid?.())}): the kernel suite needs root to start runtimes, setuid and setcap`, required }
  }
  const own = noNewPrivsOf(readFileSync('/proc/self/status', 'utf8'))
  if (own !== false) {
    return {
      blocked: own === true
        ? 'this test process runs with no_new_privs already (inherited from its parent): every container would inherit it, so the noNewPrivs=false cases cannot be tested; run the suite from a shell without it'
        : 'no NoNewPrivs line in /proc/self/status: the kernel is too old to test against',
      required: true,
    }
  }
  const missing = TOOLS.filter((tool) => !onPath(tool))
  if (missing.length > 0) {
    return { blocked: `missing ${missing.join(', ')}: apt-get install runc crun docker.io busybox-static libcap2-bin gcc`, required }
  }
  return { blocked: null, required }
}

/** Runs a command, throwing with its stderr: a setup step that fails must say why. */
export function run(command: string, args: ReadonlyArray<string>, options: { readonly input?: string } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', input: options.input, timeout: 60_000 })
  if (result.error !== undefined) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`)
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${String(result.status)}: ${result.stderr.trim() || result.stdout.trim()}`)
  }
  return result.stdout
}

/** A fresh scratch dir for one test file. */
export function makeScratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `nnp-kernel-${name}-`))
}

/** Mounts still under `dir` (there must be none when a suite ends). */
export function mountsUnder(dir: string): ReadonlyArray<string> {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((point) => point === dir || point.startsWith(`${dir}/`))
}

/** Deletes a scratch dir; returns what could not be cleaned (lazy-unmounted mounts included). */
export function removeScratch(dir: string): ReadonlyArray<string> {
  const left = mountsUnder(dir)
  for (const point of [...left].reverse()) spawnSync('umount', ['-l', point])
  rmSync(dir, { recursive: true, force: true })
  return left.map((point) => `mount left behind: ${point}`)
}

/**
 * The rootfs every container runs: busybox, and the probe compiled statically twice — setuid
 * root at /suid, with `cap_net_bind_service=ep` at /fcap.
 */
export function buildRootfs(scratch: string): string {
  const rootfs = join(scratch, 'rootfs')
  for (const dir of ['bin', 'proc', 'dev', 'sys', 'etc', 'tmp']) mkdirSync(join(rootfs, dir), { recursive: true })
  copyFileSync(run('sh', ['-c', 'command -v busybox']).trim(), join(rootfs, 'bin', 'busybox'))
  chmodSync(join(rootfs, 'bin', 'busybox'), 0o755)
  const probe = join(scratch, 'probe')
  run('gcc', ['-static', '-O2', '-o', probe, join(here, 'probe.c')])
  copyFileSync(probe, join(rootfs, 'suid'))
  chmodSync(join(rootfs, 'suid'), 0o4755)
  copyFileSync(probe, join(rootfs, 'fcap'))
  chmodSync(join(rootfs, 'fcap'), 0o755)
  run('setcap', ['cap_net_bind_service=ep', join(rootfs, 'fcap')])
  return rootfs
}

/** Reads the probe's three lines; throws with the whole output when one is missing. */
export function parseProbe(output: string): KernelAnswer {
  const noNewPrivs = noNewPrivsOf(output)
  const suid = /^\/suid euid=(\d+) capeff=([0-9a-f]+)$/m.exec(output)
  const fcap = /^\/fcap euid=(\d+) capeff=([0-9a-f]+)$/m.exec(output)
  if (noNewPrivs === null || suid === null || fcap === null) throw new Error(`the probe did not answer: ${JSON.stringify(output)}`)
  return {
    noNewPrivs,
    setuidGranted: suid[1] === '0',
    fileCapabilityGranted: (BigInt(`0x${fcap[2] ?? '0'}`) & NET_BIND_SERVICE) !== 0n,
  }
}

/** What the kernel must show for a decision: all three follow the one flag. */
export function expectedAnswer(noNewPrivs: boolean): KernelAnswer {
  return { noNewPrivs, setuidGranted: !noNewPrivs, fileCapabilityGranted: !noNewPrivs }
}
