import fs from 'node:fs';

/** Clock ticks per second for /proc times; 100 on every Linux this runs on. */
const CLK_TCK = 100;

/** User and system CPU seconds a process has used so far (Linux /proc). */
function cpuTimes(pid: number): { user: number; system: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces and parentheses: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return { user: Number(fields[11]) / CLK_TCK, system: Number(fields[12]) / CLK_TCK };
}

/** User + system CPU seconds a process has used so far. */
export function cpuSeconds(pid: number): number {
  const { user, system } = cpuTimes(pid);
  return user + system;
}

/** System CPU seconds alone: the kernel's share (socket writes, and on loopback the receivers' TCP work too). */
export function systemCpuSeconds(pid: number): number {
  return cpuTimes(pid).system;
}

function statusKiB(pid: number, key: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`${key} missing in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Resident set size now, in bytes. */
export function rssBytes(pid: number): number {
  return statusKiB(pid, 'VmRSS') * 1024;
}

/** Peak resident set size over the process's life, in bytes. */
export function peakRssBytes(pid: number): number {
  return statusKiB(pid, 'VmHWM') * 1024;
}

/** CPU seconds the whole machine has been busy (all cores, everything but idle and iowait). */
export function machineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / CLK_TCK;
}

/** Write-family system calls a process has made so far (Linux /proc/<pid>/io `syscw`). */
export function writeSyscalls(pid: number): number {
  const match = /^syscw:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'));
  if (!match) throw new Error(`syscw missing in /proc/${pid}/io`);
  return Number(match[1]);
}
