/*
 * A stand-in for libnvidia-ml.so.1 used by the energy-monitor tests. It exports the versioned NVML
 * symbols greenband binds, with the real struct layouts, and a few fake_nvml_* control functions that
 * tests call through JNA to script counters, power, return codes and process lists.
 */
#include <stddef.h>
#include <string.h>
#include <stdio.h>

typedef int nvmlReturn_t;
typedef struct fake_device *nvmlDevice_t;

typedef struct { unsigned int gpu; unsigned int memory; } nvmlUtilization_t;

/* nvmlProcessInfo_v2_t: 24 bytes, as written by nvmlDeviceGetComputeRunningProcesses_v3. */
typedef struct {
    unsigned int pid;
    unsigned long long usedGpuMemory;
    unsigned int gpuInstanceId;
    unsigned int computeInstanceId;
} nvmlProcessInfo_t;

/* nvmlProcessUtilizationSample_t: 32 bytes, as written by nvmlDeviceGetProcessUtilization. */
typedef struct {
    unsigned int pid;
    unsigned long long timeStamp;
    unsigned int smUtil;
    unsigned int memUtil;
    unsigned int encUtil;
    unsigned int decUtil;
} nvmlProcessUtilizationSample_t;

enum { RC_ENERGY, RC_POWER, RC_LIMIT, RC_UTIL, RC_PROCS, RC_HANDLE, RC_UUID, RC_MIG, RC_PUTIL, RC_COUNT };

#define MAX_DEVICES 4
#define MAX_PROCS 16
#define MAX_SAMPLES 64

struct fake_device {
    char uuid[96];
    char name[96];
    unsigned long long energy_mj;
    unsigned int power_mw;
    unsigned int limit_mw;
    unsigned int util_gpu;
    unsigned int mig;
    int rc[RC_COUNT];
    unsigned int proc_count;
    nvmlProcessInfo_t procs[MAX_PROCS];
    unsigned int sample_count;
    nvmlProcessUtilizationSample_t samples[MAX_SAMPLES];
};

static struct fake_device devices[MAX_DEVICES];
static unsigned int device_count;
static int init_rc;
static int initialised;
static int init_calls;
static int shutdown_calls;
static int power_calls;

static int rc_index(const char *what) {
    static const char *names[RC_COUNT] = {"energy", "power", "limit", "util", "procs", "handle", "uuid", "mig", "putil"};
    for (int i = 0; i < RC_COUNT; i++) {
        if (strcmp(names[i], what) == 0) {
            return i;
        }
    }
    return -1;
}

/* ---- control functions (not part of NVML) ---- */

void fake_nvml_reset(unsigned int count) {
    memset(devices, 0, sizeof devices);
    device_count = count > MAX_DEVICES ? MAX_DEVICES : count;
    init_rc = 0;
    initialised = 0;
    init_calls = 0;
    shutdown_calls = 0;
    power_calls = 0;
    for (unsigned int i = 0; i < MAX_DEVICES; i++) {
        snprintf(devices[i].uuid, sizeof devices[i].uuid, "GPU-00000000-fake-0000-0000-00000000000%u", i);
        snprintf(devices[i].name, sizeof devices[i].name, "Fake GPU %u", i);
        devices[i].power_mw = 100000;
        devices[i].limit_mw = 300000;
        devices[i].util_gpu = 50;
    }
}

void fake_nvml_set_init_rc(int rc) { init_rc = rc; }
void fake_nvml_set_energy(unsigned int i, unsigned long long mj) { devices[i].energy_mj = mj; }
void fake_nvml_set_power(unsigned int i, unsigned int mw) { devices[i].power_mw = mw; }
void fake_nvml_set_util(unsigned int i, unsigned int pct) { devices[i].util_gpu = pct; }
void fake_nvml_set_mig(unsigned int i, unsigned int on) { devices[i].mig = on; }
int fake_nvml_init_calls(void) { return init_calls; }
int fake_nvml_shutdown_calls(void) { return shutdown_calls; }
int fake_nvml_power_calls(void) { return power_calls; }

int fake_nvml_set_rc(unsigned int i, const char *what, int rc) {
    int k = rc_index(what);
    if (k < 0 || i >= MAX_DEVICES) {
        return -1;
    }
    devices[i].rc[k] = rc;
    return 0;
}

void fake_nvml_set_process(unsigned int i, unsigned int slot, unsigned int pid, unsigned long long mem) {
    if (slot >= MAX_PROCS) {
        return;
    }
    devices[i].procs[slot].pid = pid;
    devices[i].procs[slot].usedGpuMemory = mem;
    devices[i].procs[slot].gpuInstanceId = 0xFFFFFFFFu;
    devices[i].procs[slot].computeInstanceId = 0xFFFFFFFFu;
    if (slot + 1 > devices[i].proc_count) {
        devices[i].proc_count = slot + 1;
    }
}

void fake_nvml_clear_processes(unsigned int i) { devices[i].proc_count = 0; }

/* Scripts one per-process utilization sample; nvmlDeviceGetProcessUtilization returns those newer than asked. */
void fake_nvml_add_process_util(unsigned int i, unsigned int pid, unsigned long long ts, unsigned int sm) {
    struct fake_device *d = &devices[i];
    if (d->sample_count >= MAX_SAMPLES) {
        return;
    }
    nvmlProcessUtilizationSample_t *s = &d->samples[d->sample_count++];
    s->pid = pid;
    s->timeStamp = ts;
    s->smUtil = sm;
    s->memUtil = sm / 2;
    s->encUtil = 0;
    s->decUtil = 0;
}

void fake_nvml_clear_process_util(unsigned int i) { devices[i].sample_count = 0; }

/* ---- NVML ---- */

#define CHECK_INIT() do { if (!initialised) return 1; } while (0)
#define DEV_RC(d, k) do { if ((d) == NULL) return 2; if ((d)->rc[k] != 0) return (d)->rc[k]; } while (0)

nvmlReturn_t nvmlInit_v2(void) {
    init_calls++;
    if (init_rc != 0) {
        return init_rc;
    }
    initialised = 1;
    return 0;
}

nvmlReturn_t nvmlShutdown(void) {
    shutdown_calls++;
    CHECK_INIT();
    initialised = 0;
    return 0;
}

const char *nvmlErrorString(nvmlReturn_t r) {
    switch (r) {
        case 0: return "Success";
        case 3: return "Not Supported";
        case 4: return "Insufficient Permissions";
        case 9: return "Driver Not Loaded";
        case 15: return "GPU is lost";
        default: return "Unknown Error";
    }
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
    CHECK_INIT();
    snprintf(version, length, "%s", "999.99.99-fake");
    return 0;
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) {
    CHECK_INIT();
    *count = device_count;
    return 0;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    CHECK_INIT();
    if (index >= device_count) {
        return 2;
    }
    if (devices[index].rc[RC_HANDLE] != 0) {
        return devices[index].rc[RC_HANDLE];
    }
    *device = &devices[index];
    return 0;
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t d, char *uuid, unsigned int length) {
    CHECK_INIT();
    DEV_RC(d, RC_UUID);
    snprintf(uuid, length, "%s", d->uuid);
    return 0;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t d, char *name, unsigned int length) {
    CHECK_INIT();
    if (d == NULL) return 2;
    snprintf(name, length, "%s", d->name);
    return 0;
}

nvmlReturn_t nvmlDeviceGetArchitecture(nvmlDevice_t d, unsigned int *arch) {
    CHECK_INIT();
    if (d == NULL) return 2;
    *arch = 9;
    return 0;
}

nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t d, unsigned long long *energy) {
    CHECK_INIT();
    DEV_RC(d, RC_ENERGY);
    *energy = d->energy_mj;
    return 0;
}

nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t d, unsigned int *power) {
    CHECK_INIT();
    power_calls++;
    DEV_RC(d, RC_POWER);
    *power = d->power_mw;
    return 0;
}

nvmlReturn_t nvmlDeviceGetEnforcedPowerLimit(nvmlDevice_t d, unsigned int *limit) {
    CHECK_INIT();
    DEV_RC(d, RC_LIMIT);
    *limit = d->limit_mw;
    return 0;
}

nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t d, nvmlUtilization_t *u) {
    CHECK_INIT();
    DEV_RC(d, RC_UTIL);
    if (d->mig) return 3;
    u->gpu = d->util_gpu;
    u->memory = d->util_gpu / 2;
    return 0;
}

nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t d, unsigned int *current, unsigned int *pending) {
    CHECK_INIT();
    DEV_RC(d, RC_MIG);
    *current = d->mig;
    *pending = d->mig;
    return 0;
}

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t d, unsigned int *count,
                                                      nvmlProcessInfo_t *infos) {
    CHECK_INIT();
    DEV_RC(d, RC_PROCS);
    if (*count < d->proc_count) {
        unsigned int needed = d->proc_count;
        *count = needed;
        return needed == 0 ? 0 : 7;
    }
    if (d->proc_count > 0 && infos == NULL) {
        return 2;
    }
    for (unsigned int i = 0; i < d->proc_count; i++) {
        infos[i] = d->procs[i];
    }
    *count = d->proc_count;
    return 0;
}

nvmlReturn_t nvmlDeviceGetProcessUtilization(nvmlDevice_t d, nvmlProcessUtilizationSample_t *utilization,
                                              unsigned int *count, unsigned long long lastSeen) {
    CHECK_INIT();
    DEV_RC(d, RC_PUTIL);
    if (count == NULL) return 2;
    unsigned int n = 0;
    for (unsigned int i = 0; i < d->sample_count; i++) {
        if (d->samples[i].timeStamp > lastSeen) n++;
    }
    if (n == 0) {
        *count = 0;
        return 6; /* NVML_ERROR_NOT_FOUND: no samples since lastSeen */
    }
    if (utilization == NULL || *count < n) {
        *count = n;
        return 7;
    }
    unsigned int k = 0;
    for (unsigned int i = 0; i < d->sample_count; i++) {
        if (d->samples[i].timeStamp > lastSeen) utilization[k++] = d->samples[i];
    }
    *count = k;
    return 0;
}

/* The legacy unversioned export with the 16-byte v1 layout; greenband must never bind it. */
typedef struct { unsigned int pid; unsigned long long usedGpuMemory; } nvmlProcessInfo_v1_t;

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses(nvmlDevice_t d, unsigned int *count, nvmlProcessInfo_v1_t *infos) {
    CHECK_INIT();
    if (d == NULL) return 2;
    if (*count < d->proc_count) {
        *count = d->proc_count;
        return d->proc_count == 0 ? 0 : 7;
    }
    for (unsigned int i = 0; i < d->proc_count; i++) {
        infos[i].pid = d->procs[i].pid;
        infos[i].usedGpuMemory = d->procs[i].usedGpuMemory;
    }
    *count = d->proc_count;
    return 0;
}
