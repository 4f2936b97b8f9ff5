import Foundation

/// Writes SIP messages as a libpcap capture Wireshark and tshark decode as SIP: the classic
/// file format (https://www.tcpdump.org/manpages/pcap-savefile.5.html) with LINKTYPE_RAW, each
/// message inside a synthesised IPv4 or IPv6 header and a UDP or TCP header carrying the real
/// addresses and ports. Pure: returns the file's bytes.
///
/// TLS messages are written as TCP: the engine records them decrypted, and a capture of the
/// ciphertext would be useless for troubleshooting. TCP sequence numbers run on per direction
/// so Wireshark's stream reassembly sees a continuous byte stream.
public enum PcapWriter {
    /// `LINKTYPE_RAW`: the packet starts with the IP header (version from its first nibble).
    static let linkTypeRaw: UInt32 = 101
    static let snapshotLength: UInt32 = 65535
    /// The most payload one synthesised packet can carry (IPv4 total length is 16 bits).
    static let maximumPayload = 65535 - 20 - 20

    public static func encode(_ records: [TraceRecord]) -> [UInt8] {
        var out = ByteWriter()
        // Global header, little-endian: magic a1b2c3d4 (microsecond timestamps), version 2.4.
        out.u32le(0xa1b2_c3d4)
        out.u16le(2)
        out.u16le(4)
        out.u32le(0)  // thiszone: timestamps are UTC
        out.u32le(0)  // sigfigs
        out.u32le(snapshotLength)
        out.u32le(linkTypeRaw)
        var streams = TCPStreams()
        var identification: UInt16 = 1
        for record in records {
            let packet = self.packet(for: record, streams: &streams, identification: identification)
            identification &+= 1
            let micros = Int64((record.time.timeIntervalSince1970 * 1_000_000).rounded())
            let (seconds, fraction) = micros.quotientAndRemainder(dividingBy: 1_000_000)
            out.u32le(UInt32(truncatingIfNeeded: max(0, seconds)))
            out.u32le(UInt32(truncatingIfNeeded: max(0, fraction)))
            out.u32le(UInt32(packet.count))
            out.u32le(UInt32(packet.count))
            out.bytes += packet
        }
        return out.bytes
    }

    /// The IP packet for one message. Addresses that do not parse, or whose families differ,
    /// become TEST-NET placeholders (RFC 5737) so the message is still in the file.
    static func packet(for record: TraceRecord, streams: inout TCPStreams, identification: UInt16) -> [UInt8] {
        var source = SocketAddressText(record.source)
        var destination = SocketAddressText(record.destination)
        if source == nil || destination == nil || source?.isIPv6 != destination?.isIPv6 {
            source = SocketAddressText(address: [192, 0, 2, 1], port: source?.port ?? 5060)
            destination = SocketAddressText(address: [192, 0, 2, 2], port: destination?.port ?? 5060)
        }
        guard let source, let destination else { return [] }
        let payload = Array(record.text.utf8.prefix(maximumPayload))
        let isStream = record.transport.uppercased() != "UDP"
        let proto: UInt8 = isStream ? 6 : 17
        let segment = isStream
            ? TransportHeaders.tcp(payload, from: source, to: destination, streams: &streams)
            : TransportHeaders.udp(payload, from: source, to: destination)
        return IPHeaders.wrap(segment, protocol: proto, from: source.address, to: destination.address, identification: identification)
    }
}

/// Per-direction TCP sequence numbers, so each flow's bytes follow on from the last segment.
struct TCPStreams {
    private var next: [String: UInt32] = [:]

    /// The sequence number for `length` bytes from `source` to `destination`, and the
    /// acknowledgement of everything the other side has sent so far.
    mutating func take(_ length: Int, from source: SocketAddressText, to destination: SocketAddressText) -> (seq: UInt32, ack: UInt32) {
        let forward = key(source, destination)
        let backward = key(destination, source)
        let seq = next[forward] ?? 1
        next[forward] = seq &+ UInt32(length)
        return (seq, next[backward] ?? 1)
    }

    private func key(_ a: SocketAddressText, _ b: SocketAddressText) -> String {
        "\(a.address):\(a.port)>\(b.address):\(b.port)"
    }
}

/// UDP (RFC 768) and TCP (RFC 9293 §3.1) headers with their checksums.
enum TransportHeaders {
    static func udp(_ payload: [UInt8], from source: SocketAddressText, to destination: SocketAddressText) -> [UInt8] {
        var out = ByteWriter()
        out.u16be(source.port)
        out.u16be(destination.port)
        out.u16be(UInt16(8 + payload.count))
        out.u16be(0)
        out.bytes += payload
        var checksum = Checksum.transport(out.bytes, protocol: 17, from: source.address, to: destination.address)
        if checksum == 0 { checksum = 0xffff }  // RFC 768: zero means "no checksum"
        out.set16be(checksum, at: 6)
        return out.bytes
    }

    static func tcp(
        _ payload: [UInt8], from source: SocketAddressText, to destination: SocketAddressText, streams: inout TCPStreams
    ) -> [UInt8] {
        let (seq, ack) = streams.take(payload.count, from: source, to: destination)
        var out = ByteWriter()
        out.u16be(source.port)
        out.u16be(destination.port)
        out.u32be(seq)
        out.u32be(ack)
        out.bytes += [5 << 4, 0x18]  // data offset 5 words; PSH|ACK
        out.u16be(65535)  // window
        out.u16be(0)  // checksum, filled in below
        out.u16be(0)  // urgent pointer
        out.bytes += payload
        out.set16be(Checksum.transport(out.bytes, protocol: 6, from: source.address, to: destination.address), at: 16)
        return out.bytes
    }
}

/// IPv4 (RFC 791) and IPv6 (RFC 8200) headers around a transport segment.
enum IPHeaders {
    static func wrap(_ segment: [UInt8], protocol proto: UInt8, from source: [UInt8], to destination: [UInt8], identification: UInt16) -> [UInt8] {
        var out = ByteWriter()
        if source.count == 16 {
            out.u32be(0x6000_0000)
            out.u16be(UInt16(segment.count))
            out.bytes += [proto, 64]
        } else {
            out.bytes += [0x45, 0]
            out.u16be(UInt16(20 + segment.count))
            out.u16be(identification)
            out.u16be(0x4000)  // don't fragment
            out.bytes += [64, proto]
            out.u16be(0)
        }
        out.bytes += source + destination
        if source.count == 4 { out.set16be(Checksum.finish(Checksum.sum(out.bytes)), at: 10) }
        return out.bytes + segment
    }
}

/// The Internet checksum (RFC 1071) and the transport pseudo-headers (RFC 768, RFC 8200 §8.1).
enum Checksum {
    static func sum(_ bytes: [UInt8], into initial: UInt32 = 0) -> UInt32 {
        var total = initial
        var index = 0
        while index + 1 < bytes.count {
            total &+= UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            index += 2
        }
        if index < bytes.count { total &+= UInt32(bytes[index]) << 8 }
        return total
    }

    static func finish(_ sum: UInt32) -> UInt16 {
        var folded = sum
        while folded > 0xffff { folded = (folded & 0xffff) + (folded >> 16) }
        return ~UInt16(folded)
    }

    static func transport(_ segment: [UInt8], protocol proto: UInt8, from source: [UInt8], to destination: [UInt8]) -> UInt16 {
        var pseudo = ByteWriter()
        pseudo.bytes += source + destination
        if source.count == 16 {
            pseudo.u32be(UInt32(segment.count))
            pseudo.bytes += [0, 0, 0, proto]
        } else {
            pseudo.bytes += [0, proto]
            pseudo.u16be(UInt16(segment.count))
        }
        return finish(sum(segment, into: sum(pseudo.bytes)))
    }
}

/// Appends integers in a chosen byte order.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u16be(_ value: UInt16) { bytes += [UInt8(value >> 8), UInt8(value & 0xff)] }
    mutating func u32be(_ value: UInt32) { u16be(UInt16(value >> 16)); u16be(UInt16(value & 0xffff)) }
    mutating func u16le(_ value: UInt16) { bytes += [UInt8(value & 0xff), UInt8(value >> 8)] }
    mutating func u32le(_ value: UInt32) { u16le(UInt16(value & 0xffff)); u16le(UInt16(value >> 16)) }

    mutating func set16be(_ value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(value & 0xff)
    }
}
