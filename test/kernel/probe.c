/* The probe the kernel suite runs inside every container, as uid 1000. Installed twice in the
 * rootfs: setuid-root (/suid) and with the file capability cap_net_bind_service=ep (/fcap). It
 * prints what the kernel granted at its execve: the effective uid and the effective capability
 * mask, so the test reads the answer from the kernel, not from any runtime's configuration. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  char line[256];
  unsigned long long eff = 0;
  FILE *status = fopen("/proc/self/status", "r");
  if (status != NULL) {
    while (fgets(line, sizeof line, status) != NULL)
      if (strncmp(line, "CapEff:", 7) == 0) sscanf(line + 7, "%llx", &eff);
    fclose(status);
  }
  printf("%s euid=%d capeff=%llx\n", argc > 0 ? argv[0] : "?", (int)geteuid(), eff);
  return 0;
}
