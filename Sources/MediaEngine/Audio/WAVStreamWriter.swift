import Foundation

/// A WAV file written while the audio arrives, for call recordings and `--record`: the header
/// goes first and its two sizes are rewritten after every chunk, so the file on disk is a
/// complete, playable WAV up to the last second even if Dialtone is killed, and a long call
/// costs no memory beyond one chunk. All file work runs on the writer's own serial queue:
/// `append` never waits for the disk, so a media event loop can call it every 20 ms.
public final class WAVStreamWriter: @unchecked Sendable {
    public let path: String
    public let sampleRate: Int
    public let channels: Int
    /// Interleaved samples buffered since the last flush (touched by the appending thread only).
    private var pending: [Int16] = []
    private let flushThreshold: Int
    private let queue: DispatchQueue
    /// Owned by `queue`.
    private var descriptor: Int32
    private var dataBytes = 0
    private var failure: String?

    /// Creates (or truncates) `path` and writes the header. `flushEvery` is how much audio is
    /// buffered before it is written.
    public init(path: String, sampleRate: Int, channels: Int = 1, flushEvery: Duration = .seconds(1)) throws(CallMediaError) {
        self.path = path
        self.sampleRate = sampleRate
        self.channels = channels
        let milliseconds = Int(flushEvery.components.seconds * 1000 + flushEvery.components.attoseconds / 1_000_000_000_000_000)
        flushThreshold = max(sampleRate * channels * max(milliseconds, 1) / 1000, 1)
        queue = DispatchQueue(label: "dialtone.wav-writer")
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .file(path: path, reason: String(cString: strerror(errno))) }
        let header = WAVFile(sampleRate: sampleRate, channels: channels, samples: []).serialized()
        guard Self.write(descriptor, header) else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .file(path: path, reason: reason)
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Queues interleaved samples; a full chunk is handed to the writer's queue.
    public func append(_ samples: [Int16]) {
        pending += samples
        if pending.count >= flushThreshold { flush() }
    }

    /// Hands what is buffered to the writer's queue.
    public func flush() {
        guard !pending.isEmpty else { return }
        let chunk = pending
        pending.removeAll(keepingCapacity: true)
        queue.async { self.write(chunk) }
    }

    /// Hands over what is buffered and waits until it is on disk (tests; the recording stays open).
    public func waitUntilWritten() {
        flush()
        queue.sync {}
    }

    /// Writes what is left and closes the file; blocks until it is on disk (call it off any
    /// event loop). Returns why writing failed, if it did.
    @discardableResult
    public func finish() -> String? {
        flush()
        return queue.sync {
            if descriptor >= 0 {
                if fsync(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
                close(descriptor)
                descriptor = -1
            }
            return failure
        }
    }

    /// On `queue`: the samples, then the RIFF and data sizes (offsets 4 and 40).
    private func write(_ chunk: [Int16]) {
        guard descriptor >= 0, failure == nil else { return }
        var bytes = [UInt8](repeating: 0, count: chunk.count * 2)
        for (index, sample) in chunk.enumerated() {
            let value = UInt16(bitPattern: sample)
            bytes[2 * index] = UInt8(value & 0xFF)
            bytes[2 * index + 1] = UInt8(value >> 8)
        }
        guard Self.write(descriptor, bytes) else {
            failure = String(cString: strerror(errno))
            return
        }
        dataBytes += bytes.count
        // A WAV's sizes are 32-bit: past 4 GiB the header keeps its maximum and readers take
        // what is there (WAVFile.parse does).
        let data = UInt32(clamping: dataBytes)
        let riff = UInt32(clamping: dataBytes + 36)
        _ = Self.writeAt(descriptor, Self.le32(riff), offset: 4)
        _ = Self.writeAt(descriptor, Self.le32(data), offset: 40)
    }

    private static func write(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    private static func writeAt(_ descriptor: Int32, _ bytes: [UInt8], offset: off_t) -> Bool {
        bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, offset) } == bytes.count
    }

    private static func le32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
