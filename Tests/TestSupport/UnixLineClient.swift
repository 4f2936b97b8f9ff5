import Foundation

/// A blocking JSON-lines client for a Unix-domain socket (the agent's control socket). Use it
/// through `OffPool`: reads wait up to the socket's receive timeout.
public final class UnixLineClient: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []

    public init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackSocketError(host: path, reason: "socket failed") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw LoopbackSocketError(host: path, reason: "path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw LoopbackSocketError(host: path, reason: "connect failed")
        }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    public func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// The next line, or nil when none came within `limit`.
    public func readLine(within limit: Duration) -> String? {
        let end = ContinuousClock.now + limit
        while ContinuousClock.now < end {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 { buffer += chunk[..<count] } else if count == 0 { return nil }
        }
        return nil
    }

    /// Reads lines until one is a JSON object for which `matches` holds; nil on timeout. Values
    /// come back as text (`true`, `486`, `c1`) so the result can cross tasks.
    public func waitFor(within limit: Duration = .seconds(30), _ matches: ([String: String]) -> Bool) -> [String: String]? {
        let end = ContinuousClock.now + limit
        while ContinuousClock.now < end {
            guard let line = readLine(within: .seconds(1)) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            var text: [String: String] = [:]
            for (key, value) in object {
                if let flag = value as? Bool {
                    text[key] = flag ? "true" : "false"
                } else {
                    text[key] = "\(value)"
                }
            }
            if matches(text) { return text }
        }
        return nil
    }

    /// Every JSON line read until one matches `last` (included); what came before a timeout.
    public func lines(within limit: Duration = .seconds(30), until last: ([String: String]) -> Bool) -> [[String: String]] {
        var seen: [[String: String]] = []
        _ = waitFor(within: limit) { object in
            seen.append(object)
            return last(object)
        }
        return seen
    }
}
