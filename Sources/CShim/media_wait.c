#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "cshim.h"

int dt_wake_descriptor(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

void dt_wake(int descriptor) {
    uint64_t one = 1;
    // EAGAIN only when the counter is full: it is readable then anyway.
    ssize_t written = write(descriptor, &one, sizeof one);
    (void)written;
}

void dt_wake_clear(int descriptor) {
    uint64_t value;
    ssize_t got = read(descriptor, &value, sizeof value);
    (void)got;
}

int dt_wait_nanoseconds(void *descriptors, unsigned long count, int64_t timeout_nanoseconds) {
    if (timeout_nanoseconds < 0) return ppoll((struct pollfd *)descriptors, (nfds_t)count, NULL, NULL);
    struct timespec timeout = { .tv_sec = timeout_nanoseconds / 1000000000, .tv_nsec = timeout_nanoseconds % 1000000000 };
    return ppoll((struct pollfd *)descriptors, (nfds_t)count, &timeout, NULL);
}

int dt_socket_take_error(int descriptor) {
    int error = 0;
    socklen_t length = sizeof error;
    if (getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length) != 0) return errno;
    return error;
}
