#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What identifies a file's version cheaply: modification time to the nanosecond and size.
/// Used to notice changes by listing the directory, without reading any file.
struct FileStamp: Hashable, Sendable {
    var seconds: Int
    var nanoseconds: Int
    var size: Int
}

/// The file-system operations of the contact store, in POSIX terms because Foundation offers
/// neither fsync nor a no-clobber create.
enum ContactFiles {
    /// Regular files named `*.vcf` (any case) that do not start with a dot, with their stamps.
    /// A directory that does not exist is empty: nothing has been saved yet.
    static func listing(of directory: URL) throws(ContactStoreError) -> [String: FileStamp] {
        var listed: [String]?
        // Twice at most: a directory created between a failed listing and the `stat` (the
        // watcher makes it at start) is listed on the second try rather than reported as
        // unreadable.
        for _ in 0..<2 {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
                listed = names
                break
            }
            var status = stat()
            if stat(directory.path, &status) != 0 {
                if errno == ENOENT { return [:] }
                throw .io(file: directory.path, operation: "list", errno: errno)
            }
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .io(file: directory.path, operation: "list", errno: ENOTDIR) }
        }
        guard let names = listed else { throw .io(file: directory.path, operation: "list", errno: EACCES) }
        var listing: [String: FileStamp] = [:]
        for name in names where isContactFileName(name) {
            if let stamp = stamp(of: directory.appendingPathComponent(name)) { listing[name] = stamp }
        }
        return listing
    }

    static func isContactFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.lowercased().hasSuffix(".vcf")
    }

    /// The stamp of a regular file, or nil if there is none.
    static func stamp(of url: URL) -> FileStamp? {
        var status = stat()
        guard stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec), size: Int(status.st_size))
    }

    /// The file's bytes, or nil if it does not exist.
    static func contents(of url: URL) throws(ContactStoreError) -> [UInt8]? {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw .io(file: url.lastPathComponent, operation: "open", errno: errno)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(file: url.lastPathComponent, operation: "read", errno: errno)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// FNV-1a, 64 bit: tells whether a file's content changed. Not cryptographic; it only has to
    /// notice edits, not resist an attacker who can already write the directory.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Creates the directory (and parents), private to the user: contacts are personal data.
    static func createDirectory(_ directory: URL) throws(ContactStoreError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .io(file: directory.path, operation: "create directory", errno: errno == 0 ? EACCES : errno)
        }
    }
}
