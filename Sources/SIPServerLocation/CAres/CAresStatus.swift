import CAres

/// A c-ares status code (`ARES_E…`) that did not yield an answer.
struct CAresStatus: Error, Sendable, Hashable, CustomStringConvertible {
    let code: Int32

    init(_ code: Int32) {
        self.code = code
    }

    /// c-ares' own text for the code, e.g. "Timeout while contacting DNS servers".
    var description: String {
        guard let text = ares_strerror(code) else { return "c-ares status \(code)" }
        return String(cString: text) + " (c-ares status \(code))"
    }
}

extension DNSError {
    /// Maps a c-ares status to what it says about the name: NXDOMAIN and NODATA are answers
    /// (c-ares turns RCODE 3 into `ARES_ENOTFOUND` and an empty NOERROR answer into
    /// `ARES_ENODATA`); the rest are the ways of not getting one.
    init(_ status: CAresStatus, _ question: DNSQuestion, servers: [DNSServerAddress]) {
        switch status.code {
        case ARES_ENOTFOUND: self = .nameNotFound(question.name)
        case ARES_ENODATA: self = .noRecords(question)
        case ARES_ETIMEOUT: self = .timeout(question, servers: servers)
        case ARES_ECONNREFUSED: self = .connectionRefused(question, servers: servers)
        case ARES_EREFUSED: self = .refused(question)
        case ARES_ESERVFAIL: self = .serverFailure(question)
        case ARES_ENOTIMP: self = .notImplemented(question)
        case ARES_EFORMERR, ARES_EBADRESP: self = .malformedResponse(question, detail: status.description)
        default: self = .clientFailure(question, detail: status.description)
        }
    }
}
