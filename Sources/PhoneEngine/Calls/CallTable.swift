/// The engine's calls: by our id, by SIP Call-ID (for requests from peers), in creation order.
struct CallTable {
    var calls: [CallID: Call] = [:]
    var bySIPCallID: [String: CallID] = [:]
    var order: [CallID] = []
    private var next = 0

    mutating func add(_ call: Call) {
        calls[call.id] = call
        order.append(call.id)
    }

    mutating func newID() -> CallID {
        next += 1
        return CallID("c\(next)")
    }

    mutating func remove(_ id: CallID, sipCallID: String?) {
        calls[id] = nil
        order.removeAll { $0 == id }
        if let sipCallID, bySIPCallID[sipCallID] == id { bySIPCallID[sipCallID] = nil }
    }

    func call(sipCallID: String) -> Call? {
        bySIPCallID[sipCallID].flatMap { calls[$0] }
    }
}

/// Why a call or message could not be started.
public enum CallError: Error, Sendable, Hashable, CustomStringConvertible {
    case notStarted
    case noSuchAccount(String?)
    case invalidTarget(String)
    case noRoute(String)
    case noSuchCall(CallID)
    /// No account is configured and the target is not a full SIP address.
    case needsAccount(String)
    case recordingFailed(String)

    public var description: String {
        switch self {
        case .notStarted: "the engine is not started"
        case .noSuchAccount(let name?): "no account named \(name)"
        case .noSuchAccount(nil): "no enabled account"
        case .invalidTarget(let text): "cannot call \(text): not a number, user or SIP URI"
        case .noRoute(let reason): "no route: \(reason)"
        case .noSuchCall(let id): "no call \(id)"
        case .needsAccount(let target):
            "no account is configured: \(target) needs one (without one, call a full SIP address such as sip:user@host, or echo)"
        case .recordingFailed(let reason): "cannot record: \(reason)"
        }
    }
}
