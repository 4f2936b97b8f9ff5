import Contacts
import Foundation
import SDP
import SIPSyntax

// Throughput figures for the protocol core, one core, release mode (scripts/bench.sh).
// Usage: DialtoneBenchmarks FIXTURES_DIR [SECONDS_PER_BENCHMARK]

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: DialtoneBenchmarks FIXTURES_DIR [SECONDS]\n".utf8))
    exit(2)
}
let corpus = try BenchmarkCorpus(fixtures: URL(fileURLWithPath: arguments[1]))
let duration = Duration.seconds(arguments.count > 2 ? Int(arguments[2]) ?? 2 : 2)

print("Dialtone benchmarks (release, single core, \(duration) each)")
print("typical INVITE: \(corpus.typicalInvite.count) bytes, \(corpus.typicalInviteHeaderCount) header fields, SDP body")
print("corpus: \(corpus.validMessages.count) valid messages (RFC 4475, RFC 5118, real devices)")
print("")

let typicalMessage = try SIPMessageParser.parse(datagram: corpus.typicalInvite)
// Re-serialized, because some fixtures carry octets past their Content-Length (dblreq.dat).
let streamMessages = try corpus.validMessages.filter(\.hasContentLength).map {
    try SIPMessageParser.parse(datagram: $0.bytes).serialized()
}
let stream = Array(streamMessages.joined())
let streamMessageCount = streamMessages.count

let benchmarks = [
    Benchmark(name: "SIP parse, typical INVITE", operationsPerCall: 1) {
        _ = try SIPMessageParser.parse(datagram: corpus.typicalInvite)
    },
    Benchmark(name: "SIP parse + validate (typed mandatory headers), typical INVITE", operationsPerCall: 1) {
        try SIPMessageValidator.validate(try SIPMessageParser.parse(datagram: corpus.typicalInvite))
    },
    Benchmark(name: "SIP serialize, typical INVITE", operationsPerCall: 1) {
        _ = typicalMessage.serialized()
    },
    Benchmark(name: "SIP parse + serialize, typical INVITE", operationsPerCall: 1) {
        _ = try SIPMessageParser.parse(datagram: corpus.typicalInvite).serialized()
    },
    Benchmark(name: "SIP parse, whole valid corpus", operationsPerCall: corpus.validMessages.count) {
        for message in corpus.validMessages { _ = try SIPMessageParser.parse(datagram: message.bytes) }
    },
    Benchmark(name: "SIP parse + serialize, whole valid corpus", operationsPerCall: corpus.validMessages.count) {
        for message in corpus.validMessages {
            _ = try SIPMessageParser.parse(datagram: message.bytes).serialized()
        }
    },
    Benchmark(name: "SIP stream framing (TCP), valid corpus as one stream", operationsPerCall: streamMessageCount) {
        var framer = SIPStreamFramer()
        framer.append(stream)
        while try framer.next() != nil {}
    },
    Benchmark(name: "SDP parse, typical audio offer", operationsPerCall: 1) {
        _ = try SessionDescription.parse(corpus.typicalSDP)
    },
]

for benchmark in benchmarks {
    print(try benchmark.run(minimumDuration: duration).line)
}
print("")
print("Contacts (10,000):")
print(ContactIndexBenchmark.run(count: 10_000))
