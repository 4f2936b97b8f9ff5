#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a file so that readers (vdirsyncer, khard, another Dialtone) see either the old or the
/// new content, never a torn one, and a crash or power cut leaves one of the two on disk:
/// write a temporary file in the same directory, fsync it, move it into place, fsync the
/// directory (the rename is only durable once the directory entry is).
///
/// The temporary name starts with a dot and does not end in `.vcf`, so no vdir reader picks it up.
enum AtomicFileWriter {
    enum Mode {
        /// Replace whatever is at the destination (`rename(2)`).
        case replace
        /// Fail with `changedOnDisk` if the destination exists (`link(2)` refuses to clobber, so
        /// a file created by another program in the meantime is never overwritten).
        case createNew
    }

    static func write(_ bytes: [UInt8], to url: URL, mode: Mode) throws(ContactStoreError) {
        let name = url.lastPathComponent
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(name).\(getpid()).tmp")
        try writeSynced(bytes, to: temporary, name: name)
        defer { unlink(temporary.path) }
        switch mode {
        case .replace:
            guard rename(temporary.path, url.path) == 0 else { throw .io(file: name, operation: "rename", errno: errno) }
        case .createNew:
            try linkWithoutClobbering(temporary, to: url)
        }
        try syncDirectory(of: url)
    }

    /// Removes a file and makes the removal durable.
    static func remove(_ url: URL) throws(ContactStoreError) {
        if unlink(url.path) != 0, errno != ENOENT {
            throw .io(file: url.lastPathComponent, operation: "unlink", errno: errno)
        }
        try syncDirectory(of: url)
    }

    private static func writeSynced(_ bytes: [UInt8], to temporary: URL, name: String) throws(ContactStoreError) {
        var descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0, errno == EEXIST {
            // Left behind by a crash of this process id: it is ours to replace.
            unlink(temporary.path)
            descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        }
        guard descriptor >= 0 else { throw .io(file: name, operation: "create temporary file", errno: errno) }
        var failure: (String, Int32)?
        var offset = 0
        while offset < bytes.count, failure == nil {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno != EINTR { failure = ("write", errno) } else if written > 0 { offset += written }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = ("fsync", errno) }
        if close(descriptor) != 0, failure == nil { failure = ("close", errno) }
        if let (operation, code) = failure {
            unlink(temporary.path)
            throw .io(file: name, operation: operation, errno: code)
        }
    }

    /// `link` fails with EEXIST rather than replacing; file systems without hard links fall back
    /// to a check and a rename, which leaves a window of microseconds instead of none.
    private static func linkWithoutClobbering(_ temporary: URL, to url: URL) throws(ContactStoreError) {
        let name = url.lastPathComponent
        if link(temporary.path, url.path) == 0 { return }
        switch errno {
        case EEXIST:
            throw .changedOnDisk(file: name)
        case EPERM, EOPNOTSUPP, EXDEV, EMLINK:
            guard access(url.path, F_OK) != 0 else { throw .changedOnDisk(file: name) }
            guard rename(temporary.path, url.path) == 0 else { throw .io(file: name, operation: "rename", errno: errno) }
        case let code:
            throw .io(file: name, operation: "link", errno: code)
        }
    }

    private static func syncDirectory(of url: URL) throws(ContactStoreError) {
        let directory = url.deletingLastPathComponent()
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(file: directory.path, operation: "open directory", errno: errno) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0, errno != EINVAL {
            throw .io(file: directory.path, operation: "fsync directory", errno: errno)
        }
    }
}

/// `write(2)`, reachable from inside `AtomicFileWriter`, whose own `write` hides it.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
