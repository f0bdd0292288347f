/**
 * A private dockerd for the kernel suite: its own data root, exec root, pidfile, socket and empty
 * config file under the suite's scratch dir; no bridge and no iptables, so the host network is
 * untouched; never the system daemon. Spoken to through the Engine API on its unix socket.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { openSync, writeFileSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'

export interface EngineResponse {
  readonly status: number
  readonly body: Buffer
}

export interface Dockerd {
  readonly socket: string
  readonly api: (method: string, path: string, body?: unknown, contentType?: string) => Promise<EngineResponse>
  readonly stop: () => Promise<ReadonlyArray<string>>
}

function engine(socket: string, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<EngineResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body))
    const req = request(
      { socketPath: socket, method, path, headers: payload === undefined ? {} : { 'Content-Type': contentType, 'Content-Length': payload.length } },
      (res) => {
        const chunks: Array<Buffer> = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Pids of processes whose command line mentions `dir` (dockerd's containerd and shims). */
function processesUnder(dir: string): ReadonlyArray<number> {
  const out = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout
  return out
    .split('\n')
    .filter((line) => line.includes(dir) && !line.includes('ps -eo'))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid)
}

/**
 * Starts dockerd under `dir`; rejects with the end of its log when it does not answer `_ping`
 * within 30 s (after stopping whatever it started).
 */
export async function startDockerd(dir: string, extra: ReadonlyArray<string> = []): Promise<Dockerd> {
  const socket = join(dir, 'docker.sock')
  const log = join(dir, 'dockerd.log')
  writeFileSync(join(dir, 'daemon.json'), '{}\n')
  const args = [
    '--config-file', join(dir, 'daemon.json'),
    '--data-root', join(dir, 'data'),
    '--exec-root', join(dir, 'exec'),
    '--pidfile', join(dir, 'dockerd.pid'),
    '-H', `unix://${socket}`,
    '--bridge=none', '--iptables=false', '--ip-forward=false', '--ip-masq=false',
    ...extra,
  ]
  const out = openSync(log, 'a')
  const child: ChildProcess = spawn('dockerd', args, { stdio: ['ignore', out, out] })
  const stop = async (): Promise<ReadonlyArray<string>> => {
    const left: Array<string> = []
    if (child.pid !== undefined && alive(child.pid)) {
      child.kill('SIGTERM')
      for (let i = 0; i < 150 && alive(child.pid); i++) await sleep(100)
      if (alive(child.pid)) {
        left.push(`dockerd ${child.pid} ignored SIGTERM for 15 s: killed`)
        child.kill('SIGKILL')
      }
    }
    for (let i = 0; i < 50 && processesUnder(dir).length > 0; i++) await sleep(100)
    for (const pid of processesUnder(dir)) {
      left.push(`process ${pid} outlived dockerd: killed`)
      process.kill(pid, 'SIGKILL')
    }
    return left
  }
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break
    const ping = await engine(socket, 'GET', '/_ping').catch(() => null)
    if (ping?.status === 200) return { socket, api: (m, p, b, c) => engine(socket, m, p, b, c), stop }
    await sleep(100)
  }
  await stop()
  const tail = readFileSync(log, 'utf8').split('\n').slice(-15).join('\n')
  throw new Error(`dockerd ${args.join(' ')} did not start (exit ${String(child.exitCode)}):\n${tail}`)
}

/** The container's stdout and stderr from a non-TTY logs stream (8-byte frame headers). */
export function demultiplex(stream: Buffer): string {
  let text = ''
  for (let at = 0; at + 8 <= stream.length; ) {
    const size = stream.readUInt32BE(at + 4)
    text += stream.subarray(at + 8, at + 8 + size).toString('utf8')
    at += 8 + size
  }
  return text
}
