/// Writes wire bytes in two passes over the same code: a measuring pass that only counts (or,
/// through `skip`, bounds) the bytes, then a writing pass into storage of that size. Strings are
/// copied from their UTF-8 storage in one block each, so serializing a message costs one
/// allocation and no per-byte work. Writing past the measured size traps rather than corrupts.
struct SIPWireWriter {
    /// nil while measuring.
    private let base: UnsafeMutablePointer<UInt8>?
    private let capacity: Int
    /// Bytes counted (measuring) or written so far.
    private(set) var count = 0

    var isMeasuring: Bool { base == nil }

    /// A writer that only counts.
    static var measuring: SIPWireWriter { SIPWireWriter(base: nil, capacity: .max) }

    /// A writer into `buffer`, which must hold what a measuring pass counted.
    init(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.init(base: buffer.baseAddress, capacity: buffer.count)
    }

    private init(base: UnsafeMutablePointer<UInt8>?, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// The bytes of `write` as an array, sized by measuring first. They are written to scratch
    /// space and copied once: `Array(unsafeUninitializedCapacity:)` is not specialized for
    /// `UInt8` on Linux and looks up generic metadata on every call, which costs more than
    /// copying a message.
    static func bytes(_ write: (inout SIPWireWriter) -> Void) -> [UInt8] {
        var measure = SIPWireWriter.measuring
        write(&measure)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: measure.count) { scratch in
            var out = SIPWireWriter(into: scratch)
            write(&out)
            return Array(UnsafeBufferPointer(rebasing: scratch[..<out.count]))
        }
    }

    /// The bytes of `write` as a String (they are UTF-8: only strings and ASCII go in).
    static func text(_ write: (inout SIPWireWriter) -> Void) -> String {
        var measure = SIPWireWriter.measuring
        write(&measure)
        return String(unsafeUninitializedCapacity: measure.count) { buffer in
            var out = SIPWireWriter(into: buffer)
            write(&out)
            return out.count
        }
    }

    /// `value`'s wire form as bytes (a message's serialization).
    static func bytes(of value: some SIPWireWritable) -> [UInt8] {
        bytes { value.write(to: &$0) }
    }

    /// `value`'s wire form as a String, for `description`s.
    static func text(of value: some SIPWireWritable) -> String {
        text { value.write(to: &$0) }
    }

    /// Where the next `length` bytes go (nil while measuring), counting them either way.
    @inline(__always)
    private mutating func reserve(_ length: Int) -> UnsafeMutablePointer<UInt8>? {
        precondition(length <= capacity &- count, "wire writer overrun: measuring and writing disagree")
        let target = base.map { $0 + count }
        count &+= length
        return target
    }

    /// Counts `length` bytes, at least what the writing pass will write here, without producing
    /// them (measuring only).
    mutating func skip(_ length: Int) {
        precondition(isMeasuring, "skip(_:) is for measuring passes")
        count += length
    }

    @inline(__always)
    mutating func write(_ text: String) {
        let utf8 = text.utf8, length = utf8.count
        guard let target = reserve(length), length > 0 else { return }
        let copied: Void? = utf8.withContiguousStorageIfAvailable { source in
            target.initialize(from: source.baseAddress!, count: Swift.min(length, source.count))
        }
        if copied == nil {  // a non-contiguous (bridged) string
            _ = UnsafeMutableBufferPointer(start: target, count: length).initialize(from: utf8)
        }
    }

    @inline(__always)
    mutating func write(_ bytes: [UInt8]) {
        guard let target = reserve(bytes.count), !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { target.initialize(from: $0.baseAddress!, count: $0.count) }
    }

    @inline(__always)
    mutating func write(_ byte: UInt8) {
        reserve(1)?.pointee = byte
    }

    @inline(__always)
    mutating func write(_ first: UInt8, _ second: UInt8) {
        guard let target = reserve(2) else { return }
        target[0] = first
        target[1] = second
    }

    @inline(__always)
    mutating func writeCRLF() { write(0x0D, 0x0A) }

    /// `value` in decimal, as `String(value)` spells it (status codes, ports).
    mutating func write(decimal value: Int) {
        guard value >= 0 else { return write(String(value)) }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        repeat {
            write(UInt8(truncatingIfNeeded: rest / divisor) &+ 0x30)
            rest %= divisor
            divisor /= 10
        } while divisor > 0
    }
}

/// A value with one wire spelling, written by the serializer and reused by its `description`.
protocol SIPWireWritable {
    func write(to out: inout SIPWireWriter)
}
