import CAres

/// `ares_library_init` must run once per process before the first channel, and is not
/// thread-safe itself. A `static let` is initialised exactly once under the runtime's own
/// lock (`swift_once`), so this is the "once" without any mutable global of ours.
enum CAresLibrary {
    private static let initStatus: Int32 = ares_library_init(ARES_LIB_INIT_ALL)

    /// Initialises c-ares if no one has yet; the status of that one initialisation.
    static func ensureInitialized() -> CAresStatus? {
        initStatus == ARES_SUCCESS ? nil : CAresStatus(initStatus)
    }
}
