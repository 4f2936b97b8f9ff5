import Testing
@testable import PhoneEngine

/// The runners' waits are woken by changes rather than polling; a change must never be missed.
@Suite struct ChangeSignalTests {
    @Test func aChangeBeforeTheWaitIsNotMissed() async {
        let signal = ChangeSignal()
        let seen = signal.generation
        signal.signal()
        await signal.wait(after: seen)  // returns at once: the generation has moved on
        #expect(signal.generation == seen + 1)
    }

    @Test func everyWaiterWakesOnASignal() async {
        let signal = ChangeSignal()
        let seen = signal.generation
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<5 { group.addTask { await signal.wait(after: seen) } }
            group.addTask { signal.signal() }
            await group.waitForAll()
        }
        #expect(signal.generation == seen + 1)
    }

    @Test func aStopRequestWakesItsWaitersAndTheSignalsItForwardsTo() async {
        let stop = StopRequest()
        let events = ChangeSignal()
        stop.forward(to: events)
        let seen = events.generation
        #expect(!stop.isRequested)
        async let stopped: Void = stop.wait()
        async let woken: Void = events.wait(after: seen)
        stop.request()
        _ = await (stopped, woken)
        #expect(stop.isRequested)
        // Forwarding after the request signals at once.
        let late = ChangeSignal()
        let lateSeen = late.generation
        stop.forward(to: late)
        #expect(late.generation == lateSeen + 1)
    }
}
