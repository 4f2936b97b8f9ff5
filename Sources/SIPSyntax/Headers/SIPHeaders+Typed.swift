/// Typed views of the headers the stack interprets, parsed on access (liberal mode) so a
/// message costs nothing for headers nobody reads. Absent headers give nil (or an empty list);
/// malformed ones throw `SIPParseError` whose column is a position in the value.
/// Single-valued headers read their first field; `SIPMessageValidator` rejects duplicates.
extension SIPHeaders {
    /// Every Via value in order, across fields (RFC 3261 §20.42): the top one is `via.first`.
    public var via: [SIPVia] {
        get throws(SIPParseError) { try list(.via) { v throws(SIPParseError) in try SIPVia.parseList(v) } }
    }

    public var from: SIPAddress? {
        get throws(SIPParseError) { try single(.from) { v throws(SIPParseError) in try SIPAddress.parse(v, header: "From") } }
    }

    public var to: SIPAddress? {
        get throws(SIPParseError) { try single(.to) { v throws(SIPParseError) in try SIPAddress.parse(v, header: "To") } }
    }

    public var cseq: SIPCSeq? {
        get throws(SIPParseError) { try single(.cseq) { v throws(SIPParseError) in try SIPCSeq.parse(v) } }
    }

    public var callID: String? {
        get throws(SIPParseError) { try single(.callID) { v throws(SIPParseError) in try SIPScalarGrammar.callID(v) } }
    }

    public var maxForwards: Int? {
        get throws(SIPParseError) { try single(.maxForwards) { v throws(SIPParseError) in try SIPScalarGrammar.maxForwards(v) } }
    }

    public var contentLength: Int? {
        get throws(SIPParseError) { try single(.contentLength) { v throws(SIPParseError) in try SIPScalarGrammar.contentLength(v) } }
    }

    public var expires: UInt32? {
        get throws(SIPParseError) { try single(.expires) { v throws(SIPParseError) in try SIPScalarGrammar.deltaSeconds(v, header: "Expires") } }
    }

    public var minExpires: UInt32? {
        get throws(SIPParseError) { try single(.minExpires) { v throws(SIPParseError) in try SIPScalarGrammar.deltaSeconds(v, header: "Min-Expires") } }
    }

    /// All Contact fields combined; `*` must stand alone (RFC 3261 §10.2.2).
    public var contact: SIPContactValue? {
        get throws(SIPParseError) {
            let values = values(.contact)
            guard !values.isEmpty else { return nil }
            return try SIPContactValue.parse(values.joined(separator: ", "))
        }
    }

    public var route: [SIPAddress] {
        get throws(SIPParseError) { try list(.route) { v throws(SIPParseError) in try SIPAddress.parseList(v, header: "Route", nameAddrOnly: true) } }
    }

    public var recordRoute: [SIPAddress] {
        get throws(SIPParseError) { try list(.recordRoute) { v throws(SIPParseError) in try SIPAddress.parseList(v, header: "Record-Route", nameAddrOnly: true) } }
    }

    public var contentType: SIPMediaType? {
        get throws(SIPParseError) { try single(.contentType) { v throws(SIPParseError) in try SIPMediaType.parse(v) } }
    }

    public var require: [String] {
        get throws(SIPParseError) { try list(.require) { v throws(SIPParseError) in try SIPScalarGrammar.optionTags(v, header: "Require") } }
    }

    public var proxyRequire: [String] {
        get throws(SIPParseError) { try list(.proxyRequire) { v throws(SIPParseError) in try SIPScalarGrammar.optionTags(v, header: "Proxy-Require") } }
    }

    public var supported: [String] {
        get throws(SIPParseError) { try list(.supported) { v throws(SIPParseError) in try SIPScalarGrammar.optionTags(v, header: "Supported", allowEmpty: true) } }
    }

    public var unsupported: [String] {
        get throws(SIPParseError) { try list(.unsupported) { v throws(SIPParseError) in try SIPScalarGrammar.optionTags(v, header: "Unsupported") } }
    }

    public var allow: [SIPMethod] {
        get throws(SIPParseError) { try list(.allow) { v throws(SIPParseError) in try SIPScalarGrammar.methods(v) } }
    }

    public var event: SIPEventHeader? {
        get throws(SIPParseError) { try single(.event) { v throws(SIPParseError) in try SIPEventHeader.parse(v) } }
    }

    public var subscriptionState: SIPSubscriptionState? {
        get throws(SIPParseError) { try single(.subscriptionState) { v throws(SIPParseError) in try SIPSubscriptionState.parse(v) } }
    }

    public var rack: SIPRAck? {
        get throws(SIPParseError) { try single(.rack) { v throws(SIPParseError) in try SIPRAck.parse(v) } }
    }

    public var rseq: UInt32? {
        get throws(SIPParseError) { try single(.rseq) { v throws(SIPParseError) in try SIPScalarGrammar.rseq(v) } }
    }

    public var referTo: SIPAddress? {
        get throws(SIPParseError) { try single(.referTo) { v throws(SIPParseError) in try SIPAddress.parse(v, header: "Refer-To") } }
    }

    private func single<T>(_ name: SIPHeaderName, _ parse: (String) throws(SIPParseError) -> T) throws(SIPParseError) -> T? {
        guard let value = self[name] else { return nil }
        return try parse(value)
    }

    private func list<T>(_ name: SIPHeaderName, _ parse: (String) throws(SIPParseError) -> [T]) throws(SIPParseError) -> [T] {
        var all: [T] = []
        for value in values(name) { all += try parse(value) }
        return all
    }
}

extension SIPMessage {
    public var via: [SIPVia] { get throws(SIPParseError) { try headers.via } }
    public var from: SIPAddress? { get throws(SIPParseError) { try headers.from } }
    public var to: SIPAddress? { get throws(SIPParseError) { try headers.to } }
    public var cseq: SIPCSeq? { get throws(SIPParseError) { try headers.cseq } }
    public var callID: String? { get throws(SIPParseError) { try headers.callID } }
}
