import Testing
@testable import SIPServerLocation

/// RFC 3263 §4.1 NAPTR filtering with RFC 3403 §4.1 ordering.
@Suite struct NAPTRSelectionTests {
    let all: [SIPTransport] = [.tls, .tcp, .udp]

    func chosen(_ records: [NAPTRRecord], _ scheme: SIPScheme = .sip, _ transports: [SIPTransport]? = nil)
        -> [SIPTransport] {
        NAPTRSelection.select(records, scheme: scheme, transports: transports ?? all).choices.map(\.transport)
    }

    @Test func sortedByOrderThenPreferenceWhateverTheAnswerOrder() {
        let records = [
            naptrRecord(10, 30, "SIP+D2U", "_sip._udp.example.test"),
            naptrRecord(10, 10, "SIPS+D2T", "_sips._tcp.example.test"),
            naptrRecord(10, 20, "SIP+D2T", "_sip._tcp.example.test"),
        ]
        #expect(chosen(records) == [.tls, .tcp, .udp])
        #expect(chosen(records.reversed()) == [.tls, .tcp, .udp])
    }

    @Test func unsupportedServicesAreIgnoredEvenWithALowerOrder() {
        let records = [
            naptrRecord(5, 10, "SIP+D2S", "_sip._sctp.example.test"),
            naptrRecord(6, 10, "SIPS+D2W", "_sips._ws.example.test"),
            naptrRecord(7, 10, "E2U+sip", "_sip._udp.example.test"),
            naptrRecord(10, 10, "sip+d2t", "_sip._tcp.example.test"),
        ]
        let result = NAPTRSelection.select(records, scheme: .sip, transports: all)
        #expect(result.choices.map(\.transport) == [.tcp])
        #expect(result.rules.map(\.description) == [
            "ignore NAPTR SIP+D2S order 5 pref 10: unsupported service",
            "ignore NAPTR SIPS+D2W order 6 pref 10: unsupported service",
            "ignore NAPTR E2U+sip order 7 pref 10: unsupported service",
            "use NAPTR sip+d2t order 10 pref 10 → TCP via SRV _sip._tcp.example.test",
        ])
    }

    @Test func onceAnOrderMatchedHigherOrdersAreNotConsidered() {
        let records = [
            naptrRecord(10, 10, "SIP+D2T", "_sip._tcp.example.test"),
            naptrRecord(20, 10, "SIP+D2U", "_sip._udp.example.test"),
        ]
        let result = NAPTRSelection.select(records, scheme: .sip, transports: all)
        #expect(result.choices.map(\.transport) == [.tcp])
        #expect(result.rules.last == .naptrIgnored(records[1], .differentOrder(matched: 10)))
    }

    @Test func aHigherOrderIsUsedWhenNothingInTheLowerOneIsUsable() {
        let records = [
            naptrRecord(10, 10, "SIP+D2U", "_sip._udp.example.test"),
            naptrRecord(20, 10, "SIP+D2T", "_sip._tcp.example.test"),
        ]
        #expect(chosen(records, .sip, [.tcp]) == [.tcp])
    }

    @Test func sipsURIDiscardsEverythingButSIPS() {
        let records = [
            naptrRecord(10, 10, "SIP+D2U", "_sip._udp.example.test"),
            naptrRecord(10, 20, "SIPS+D2T", "_sips._tcp.example.test"),
            naptrRecord(10, 30, "SIP+D2T", "_sip._tcp.example.test"),
        ]
        #expect(chosen(records, .sips) == [.tls])
        #expect(chosen(records, .sip) == [.udp, .tls, .tcp])
        #expect(chosen(records, .sip, [.udp, .tcp]) == [.udp, .tcp])
    }

    @Test func onlyTerminalSRecordsWithEmptyRegexpAndAReplacementAreFollowed() {
        let records = [
            naptrRecord(10, 10, "SIP+D2U", "_sip._udp.example.test", flags: "A"),
            NAPTRRecord(order: 10, preference: 20, flags: "S", service: "SIP+D2T",
                        regexp: "!^.*$!sip:x@example.test!", replacement: "_sip._tcp.example.test", ttl: 60),
            naptrRecord(10, 30, "SIP+D2T", "."),
            naptrRecord(10, 40, "SIPS+D2T", "_sips._tcp.example.test", flags: "s"),
        ]
        let result = NAPTRSelection.select(records, scheme: .sip, transports: all)
        #expect(result.choices.map(\.record.preference) == [40])
        #expect(result.rules.prefix(3).allSatisfy { rule in
            if case .naptrIgnored(_, .notAnSRVPointer) = rule { true } else { false }
        })
    }
}

/// RFC 2782 ordering: priority first, then weighted random selection within a priority.
@Suite struct SRVOrderingTests {
    func record(_ priority: UInt16, _ weight: UInt16, _ target: String) -> SRVRecord {
        SRVRecord(priority: priority, weight: weight, port: 5060, target: target, ttl: 60)
    }

    @Test func lowerPriorityValuesComeFirst() {
        var random = SeededRandom(seed: 1)
        let picks = SRVOrdering.order(
            [record(30, 0, "c"), record(10, 0, "a"), record(20, 0, "b")], using: &random)
        #expect(picks.map(\.record.target) == ["a", "b", "c"])
        #expect(picks.map(\.selection) == [.sole(priorityRank: 0), .sole(priorityRank: 1), .sole(priorityRank: 2)])
    }

    @Test func weights60And40GiveAbout60PercentFirstPlaces() {
        var random = SeededRandom(seed: 42)
        let records = [record(10, 60, "sixty"), record(10, 40, "forty"), record(20, 0, "backup")]
        var firsts = 0
        for _ in 0..<10_000 {
            let picks = SRVOrdering.order(records, using: &random)
            #expect(picks.last?.record.target == "backup")
            if picks[0].record.target == "sixty" { firsts += 1 }
        }
        // Draws 0...60 of 0...100 pick "sixty": expected 6040, σ ≈ 49, so the range is five
        // sigmas wide each way; a selection ignoring weights would give 5000.
        #expect((5750...6250).contains(firsts))
    }

    @Test func weightZeroKeepsASmallChanceAndGoesFirstInTheRunningSum() {
        var random = SeededRandom(seed: 7)
        let records = [record(10, 100, "heavy"), record(10, 0, "zero")]
        var zeroFirst = 0
        for _ in 0..<10_000 where SRVOrdering.order(records, using: &random)[0].record.target == "zero" {
            zeroFirst += 1
        }
        // RFC 2782: a weight-0 record is chosen only when the draw is 0: 1 in 101.
        #expect((50...150).contains(zeroFirst))
    }

    @Test func weightedPicksRecordTheWeightAndTheRemainingTotal() {
        var random = SeededRandom(seed: 3)
        let picks = SRVOrdering.order([record(10, 60, "a"), record(10, 40, "b")], using: &random)
        guard case .weighted(0, let firstWeight, 100) = picks[0].selection,
              case .weighted(0, let secondWeight, let remaining) = picks[1].selection
        else { Issue.record("unexpected selections \(picks)"); return }
        #expect(firstWeight + secondWeight == 100)
        #expect(Int(secondWeight) == remaining)
    }

    @Test func sameSeedSameOrder() {
        let records = (0..<6).map { record(10, UInt16(10 * $0 + 1), "t\($0)") }
        var first = SeededRandom(seed: 99)
        var second = SeededRandom(seed: 99)
        #expect(SRVOrdering.order(records, using: &first) == SRVOrdering.order(records, using: &second))
    }
}
