import Foundation
import Testing
import TestSupport
@testable import TerminalUI

/// Trace export: the pcap bytes are read back field by field (and by tshark when it is
/// installed), the text export is read as a person would.
@Suite struct TraceExportTests {
    static let register = "REGISTER sip:example.test SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK1\r\n"
        + "From: <sip:alice@example.test>;tag=1\r\nTo: <sip:alice@example.test>\r\nCall-ID: reg-1\r\nCSeq: 1 REGISTER\r\n"
        + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
    static let unauthorized = "SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK1\r\n"
        + "From: <sip:alice@example.test>;tag=1\r\nTo: <sip:alice@example.test>;tag=2\r\nCall-ID: reg-1\r\nCSeq: 1 REGISTER\r\n"
        + "Content-Length: 0\r\n\r\n"

    static func records(transport: String = "UDP", local: String = "127.0.0.1:40000", remote: String = "127.0.0.2:5060") -> [TraceRecord] {
        [
            TraceRecord(time: sampleNow, direction: .sent, transport: transport, local: local, remote: remote, text: register),
            TraceRecord(
                time: sampleNow.addingTimeInterval(0.012_345), direction: .received, transport: transport, local: local,
                remote: remote, text: unauthorized),
        ]
    }

    @Test func pcapHasTheGlobalHeaderAndOneRecordPerMessage() throws {
        let file = PcapReader(PcapWriter.encode(Self.records()))
        #expect(file.u32le(0) == 0xa1b2_c3d4)
        #expect(file.u16le(4) == 2 && file.u16le(6) == 4)
        #expect(file.u32le(20) == 101)
        let packets = try file.packets()
        #expect(packets.count == 2)
        #expect(packets[0].seconds == UInt32(sampleNow.timeIntervalSince1970))
        #expect(packets[1].microseconds == 12_345)
    }

    @Test func udpOverIPv4CarriesTheAddressesPortsAndText() throws {
        let packets = try PcapReader(PcapWriter.encode(Self.records())).packets()
        let sent = packets[0].bytes
        #expect(sent[0] == 0x45)
        #expect(sent[9] == 17)
        #expect(Array(sent[12..<16]) == [127, 0, 0, 1])
        #expect(Array(sent[16..<20]) == [127, 0, 0, 2])
        #expect(Checksum.finish(Checksum.sum(Array(sent[0..<20]))) == 0, "IPv4 header checksum verifies")
        #expect(be16(sent, 20) == 40000 && be16(sent, 22) == 5060)
        #expect(String(decoding: sent[28...], as: UTF8.self) == Self.register)
        #expect(Checksum.transport(Array(sent[20...]), protocol: 17, from: [127, 0, 0, 1], to: [127, 0, 0, 2]) == 0)
        let received = packets[1].bytes
        #expect(Array(received[12..<16]) == [127, 0, 0, 2], "a received message comes from the remote")
        #expect(be16(received, 20) == 5060 && be16(received, 22) == 40000)
    }

    @Test func tcpOverIPv6NumbersTheStreamContinuously() throws {
        var records = Self.records(transport: "TLS", local: "[::1]:40000", remote: "[::1]:5061")
        records.append(TraceRecord(
            time: sampleNow.addingTimeInterval(1), direction: .sent, transport: "TLS", local: "[::1]:40000", remote: "[::1]:5061",
            text: Self.register))
        let packets = try PcapReader(PcapWriter.encode(records)).packets()
        let first = packets[0].bytes, reply = packets[1].bytes, second = packets[2].bytes
        #expect(first[0] >> 4 == 6)
        #expect(first[6] == 6, "next header TCP")
        #expect(Int(be16(first, 4)) == 20 + Self.register.utf8.count)
        let loopback: [UInt8] = Array(repeating: 0, count: 15) + [1]
        #expect(Checksum.transport(Array(first[40...]), protocol: 6, from: loopback, to: loopback) == 0)
        #expect(be32(second, 44) == be32(first, 44) + UInt32(Self.register.utf8.count), "sequence continues")
        #expect(be32(second, 48) == be32(reply, 44) + UInt32(Self.unauthorized.utf8.count), "acknowledges the reply")
        #expect(String(decoding: first[60...], as: UTF8.self) == Self.register)
    }

    @Test func unparsableAddressesStillExportTheMessage() throws {
        let records = [TraceRecord(time: sampleNow, direction: .sent, transport: "UDP", local: "nowhere", remote: "[::1]:5060", text: "OPTIONS")]
        let packet = try #require(try PcapReader(PcapWriter.encode(records)).packets().first).bytes
        #expect(Array(packet[12..<16]) == [192, 0, 2, 1])
        #expect(String(decoding: packet[28...], as: UTF8.self) == "OPTIONS")
    }

    @Test func textExportShowsTimeDirectionAndAddresses() {
        let text = TextTrace.render(Self.records())
        #expect(text.contains("2024-05-01 14:03:00.000000 UTC sent UDP 127.0.0.1:40000 → 127.0.0.2:5060\nREGISTER sip:example.test SIP/2.0\n"))
        #expect(text.contains("2024-05-01 14:03:00.012345 UTC received UDP 127.0.0.2:5060 → 127.0.0.1:40000\nSIP/2.0 401 Unauthorized\n"))
        #expect(!text.contains("\r"))
    }

    /// Wireshark's dissector is the real judge; run when tshark is installed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tshark")))
    func tsharkDecodesTheExportAsSIP() async throws {
        let directory = try TemporaryDirectory(prefix: "pcap")
        var records = Self.records()
        records += Self.records(transport: "TCP", local: "[::1]:40001", remote: "[::1]:5060")
        let path = directory.file("trace.pcap")
        try Data(PcapWriter.encode(records)).write(to: URL(fileURLWithPath: path))
        let output = try await OffPool.run { () -> String in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/tshark")
            process.arguments = ["-r", path, "-Y", "sip", "-T", "fields", "-e", "sip.CSeq.method", "-e", "sip.Status-Code", "-e", "sip.Call-ID"]
            process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let lines = output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == 4, "\(output)")
        #expect(lines.filter { $0.first == "REGISTER" && $0.last == "reg-1" }.count == 4, "\(output)")
        #expect(lines.filter { $0.count > 1 && $0[1] == "401" }.count == 2, "\(output)")
    }
}

private func be16(_ bytes: [UInt8], _ offset: Int) -> UInt16 { UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1]) }
private func be32(_ bytes: [UInt8], _ offset: Int) -> UInt32 { UInt32(be16(bytes, offset)) << 16 | UInt32(be16(bytes, offset + 2)) }

/// Reads a classic little-endian pcap file back: the test's own parser, independent of the writer.
struct PcapReader {
    struct Packet {
        var seconds: UInt32
        var microseconds: UInt32
        var bytes: [UInt8]
    }

    struct Truncated: Error {}

    let data: [UInt8]
    init(_ data: [UInt8]) { self.data = data }

    func u16le(_ offset: Int) -> UInt16 { UInt16(data[offset]) | UInt16(data[offset + 1]) << 8 }
    func u32le(_ offset: Int) -> UInt32 { UInt32(u16le(offset)) | UInt32(u16le(offset + 2)) << 16 }

    func packets() throws -> [Packet] {
        var offset = 24
        var packets: [Packet] = []
        while offset < data.count {
            guard offset + 16 <= data.count else { throw Truncated() }
            let length = Int(u32le(offset + 8))
            guard u32le(offset + 12) == UInt32(length), offset + 16 + length <= data.count else { throw Truncated() }
            packets.append(Packet(seconds: u32le(offset), microseconds: u32le(offset + 4), bytes: Array(data[(offset + 16)..<(offset + 16 + length)])))
            offset += 16 + length
        }
        return packets
    }
}
