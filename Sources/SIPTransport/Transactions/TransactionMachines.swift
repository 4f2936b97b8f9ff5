import SIPProtocol
import SIPSyntax

/// Either client transaction machine, so one table holds both (RFC 3261 §17.1).
enum ClientMachine: Sendable {
    case invite(InviteClientTransaction)
    case nonInvite(NonInviteClientTransaction)

    static func start(
        _ request: SIPRequest, key: TransactionKey, reliability: TransportReliability, timers: TransactionTimers
    ) throws(TransactionError) -> (ClientMachine, [ClientTransactionAction]) {
        if request.method == .invite {
            let (machine, actions) = try InviteClientTransaction.start(request, key: key, reliability: reliability, timers: timers)
            return (.invite(machine), actions)
        }
        let (machine, actions) = try NonInviteClientTransaction.start(request, key: key, reliability: reliability, timers: timers)
        return (.nonInvite(machine), actions)
    }

    mutating func apply(_ event: (inout InviteClientTransaction) -> [ClientTransactionAction],
                        _ other: (inout NonInviteClientTransaction) -> [ClientTransactionAction]) -> [ClientTransactionAction] {
        switch self {
        case .invite(var machine):
            let actions = event(&machine)
            self = .invite(machine)
            return actions
        case .nonInvite(var machine):
            let actions = other(&machine)
            self = .nonInvite(machine)
            return actions
        }
    }
}

/// Either server transaction machine (RFC 3261 §17.2).
enum ServerMachine: Sendable {
    case invite(InviteServerTransaction)
    case nonInvite(NonInviteServerTransaction)

    static func start(
        _ request: SIPRequest, key: TransactionKey, reliability: TransportReliability, timers: TransactionTimers
    ) throws(TransactionError) -> (ServerMachine, [ServerTransactionAction]) {
        if request.method == .invite {
            let (machine, actions) = try InviteServerTransaction.start(request, key: key, reliability: reliability, timers: timers)
            return (.invite(machine), actions)
        }
        let (machine, actions) = try NonInviteServerTransaction.start(request, key: key, reliability: reliability, timers: timers)
        return (.nonInvite(machine), actions)
    }

    mutating func apply(_ event: (inout InviteServerTransaction) -> [ServerTransactionAction],
                        _ other: (inout NonInviteServerTransaction) -> [ServerTransactionAction]) -> [ServerTransactionAction] {
        switch self {
        case .invite(var machine):
            let actions = event(&machine)
            self = .invite(machine)
            return actions
        case .nonInvite(var machine):
            let actions = other(&machine)
            self = .nonInvite(machine)
            return actions
        }
    }
}
