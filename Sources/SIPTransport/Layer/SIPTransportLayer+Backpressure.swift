extension SIPTransportLayer {
    /// A connection's reading paused or resumed (`StreamReadWindow`), reported as an overload:
    /// the first pause at most once a second across connections (a flood would otherwise flood
    /// the reports), and the resumption of each pause that was reported. The actor learns of a
    /// pause when it takes a message while the window is still paused.
    func report(_ reading: StreamReadWindow.AfterTaking, on entry: SocketEntry) {
        guard let flow = entry.connectedFlow else { return }
        switch reading {
        case .reading:
            return
        case .paused:
            guard !reportedPauses.contains(entry.id) else { return }
            let now = clock.now()
            if let last = lastPauseReport, now - last < .seconds(1) { return }
            lastPauseReport = now
            reportedPauses.insert(entry.id)
            eventSink.yield(.overloaded(
                reason: "reading paused: too many received messages are waiting to be handled; TCP holds the sender back",
                MessageOrigin(flow: flow)))
        case .resumed:
            guard reportedPauses.remove(entry.id) != nil else { return }
            eventSink.yield(.overloaded(reason: "reading resumed: the waiting messages were handled", MessageOrigin(flow: flow)))
        }
    }
}
