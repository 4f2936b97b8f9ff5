import Glibc

/// A file the user named for `record on file=PATH`. Recording must never destroy an existing
/// file (a typo could overwrite last week's recording), and the media layer creates its file by
/// truncating, so the path is claimed first with `O_CREAT | O_EXCL`: the check and the creation
/// are one atomic step, with no window in which another file can appear (open(2)).
public enum RecordingFile {
    public enum Reservation: Sendable, Hashable {
        /// An empty file now exists at this path and is ours.
        case reserved(String)
        /// Nothing was created; the text says why, for the notice.
        case refused(String)
    }

    public static func reserve(_ path: String) -> Reservation {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { return .refused("not recording: \(path) already exists (choose another file=)") }
            return .refused("not recording: cannot create \(path): \(String(cString: strerror(code)))")
        }
        close(descriptor)
        return .reserved(path)
    }

    /// Removes a reserved file that recording never used (the call had ended, say).
    public static func release(_ path: String) {
        unlink(path)
    }
}
