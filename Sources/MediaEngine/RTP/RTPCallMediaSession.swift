import Foundation
import MediaCore
import NIOCore
import SDP
import Synchronization

/// One call's RTP session: the sockets, the 20 ms media clock and the pipeline, all on the
/// call's own media loop (a thread, `MediaLoop`). The async methods hop onto the loop; audio
/// devices with threads of their own are opened and closed off it.
public final class RTPCallMediaSession: CallMediaSession {
    public let capabilities: LocalMediaCapabilities
    public let events: AsyncStream<CallMediaEvent>
    let continuation: AsyncStream<CallMediaEvent>.Continuation
    let sockets: MediaSockets
    let loop: MediaLoop
    private let deviceChoice: DeviceChoice
    /// How the factory turns a `CallAudio` into a device (for `switchAudio`).
    private let makeDeviceChoice: @Sendable (CallAudio) -> DeviceChoice
    private let pipelineConfiguration: MediaPipeline.Configuration
    let dtlsSetup: DTLSSetup?
    let state: MediaLoopBound<State>
    /// What the queries answer once `stop` has ended the loop (the figures stay readable).
    private let final = Mutex<FinalFigures?>(nil)

    struct FinalFigures: Sendable {
        var summary: CallMediaSummary
        var diagnostics: (srtpFailures: Int, malformed: Int, packetsReceived: Int)
        var playout: JitterBuffer.Statistics?
    }

    /// Loop-only state.
    final class State {
        var pipeline: MediaPipeline?
        var device: (any AudioDevice)?
        /// Monotonic nanoseconds (`MediaLoop.now()`).
        var nextTick: UInt64?
        var tickTimer: MediaLoop.TimerID?
        var nextReport: UInt64?
        /// Kept here too so a pipeline rebuilt by a re-INVITE goes on recording.
        var recorder: CallRecorder?
        var muted = false
        var stopped = false
        /// DTLS-SRTP (RTPCallMediaSession+DTLS.swift): the handshake, and what came before it could start.
        var dtls: DTLSMediaHandshake?
        var earlyDTLS: [([UInt8], SocketAddress)] = []
    }

    /// RTCP every ~5 s (RFC 3550 §6.2's minimum for a two-party call), randomised ±50 % (§6.3.1)
    /// so two phones started together do not report in lockstep.
    static let reportInterval: UInt64 = 5_000_000_000
    static let frame: UInt64 = 20_000_000
    /// Frames run back to back after a stall at most (200 ms): beyond that the audio is lost anyway.
    static let maximumCatchUp = 10

    init(capabilities: LocalMediaCapabilities, sockets: MediaSockets, loop: MediaLoop,
         device: DeviceChoice, pipeline: MediaPipeline.Configuration, dtls: DTLSSetup?,
         makeDeviceChoice: @escaping @Sendable (CallAudio) -> DeviceChoice = { _ in .null }) {
        self.capabilities = capabilities
        self.sockets = sockets
        self.loop = loop
        self.deviceChoice = device
        self.makeDeviceChoice = makeDeviceChoice
        self.pipelineConfiguration = pipeline
        self.dtlsSetup = dtls
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(256))
        state = MediaLoopBound(State(), loop: loop)
        // Weak: the loop's thread outlives nothing it need not; a session dropped without
        // `stop` ends its loop in `deinit`.
        loop.execute { [weak self] in
            loop.watch(sockets.rtp) { bytes, source in self?.received(bytes, from: source, isRTCPSocket: false) }
            loop.watch(sockets.rtcp) { bytes, source in self?.received(bytes, from: source, isRTCPSocket: true) }
        }
    }

    deinit {
        loop.shutdown()
    }

    /// Media time from the monotonic clock the media loop schedules with.
    static func now() -> MediaTime { MediaTime(microseconds: Int64(MediaLoop.now() / 1000)) }

    public func apply(_ media: NegotiatedMedia) async throws(CallMediaError) {
        let existing = try await onLoop { (state) throws(CallMediaError) -> Bool in
            guard !state.stopped else { throw CallMediaError.unsupported("session stopped") }
            guard let pipeline = state.pipeline, pipeline.canUpdate(to: media) else { return false }
            pipeline.update(media, now: Self.now())
            return true
        }
        if existing { return }
        // A new codec, address or keys: a new pipeline (same device, same RTP numbering when the clock allows).
        let device = try await openDevice(codecRate: try codecRate(media))
        try await onLoop { (state) throws(CallMediaError) in
            let previous = state.pipeline
            let pipeline = try MediaPipeline(
                media: media, device: device, configuration: self.pipelineConfiguration, now: Self.now(),
                previousSender: previous?.sender)
            pipeline.muted = state.muted
            pipeline.recorder = state.recorder
            pipeline.ntpClock = Self.makeNTPClock()
            state.pipeline = pipeline
            if case .dtls(let keying) = media.security {
                try self.startDTLS(keying, state: state)
            } else {
                state.dtls?.cancelTimers(on: self.loop)
                state.dtls = nil
            }
            self.startClock(state)
        }
    }

    private func codecRate(_ media: NegotiatedMedia) throws(CallMediaError) -> Int {
        do { return try pipelineConfiguration.codecs.make(media.codec).sampleRate } catch { throw .unsupported(error.description) }
    }

    private func openDevice(codecRate: Int) async throws(CallMediaError) -> any AudioDevice {
        if let device = try await onLoop({ $0.device }) { return device }
        let device = deviceChoice.device(codecRate: codecRate)
        try await Blocking.run { () throws(CallMediaError) in try device.start() }
        let kept = try await onLoop { state -> Bool in
            guard state.device == nil, !state.stopped else { return false }
            state.device = device
            return true
        }
        if !kept {
            await Blocking.run { device.stop() }
            if let device = try await onLoop({ $0.device }) { return device }
            throw .unsupported("session stopped")
        }
        return device
    }

    /// Wall-clock anchor read once; RTCP's NTP times follow the monotonic clock from it.
    private static func makeNTPClock() -> (MediaTime) -> NTPTimestamp? {
        let start = now()
        let unix = Date().timeIntervalSince1970 + 2_208_988_800  // NTP epoch is 1900
        let anchor = NTPTimestamp(seconds: UInt32(truncatingIfNeeded: Int64(unix)), fraction: UInt32((unix - unix.rounded(.down)) * 4_294_967_296))
        return { anchor.adding($0 - start) }
    }

    /// Opens the new device first (a wrong name fails here and the call keeps its sound), swaps
    /// it in on the media clock's loop, then closes the old one.
    public func switchAudio(to audio: CallAudio) async throws(CallMediaError) {
        let rate = try await onLoop { state -> Int in state.device?.sampleRate ?? 48000 }
        let device = makeDeviceChoice(audio).device(codecRate: rate)
        try await Blocking.run { () throws(CallMediaError) in try device.start() }
        let old: (any AudioDevice)?
        do {
            old = try await onLoop { (state) throws(CallMediaError) -> (any AudioDevice)? in
                guard !state.stopped else { throw CallMediaError.unsupported("session stopped") }
                try state.pipeline?.replaceDevice(device)
                let old = state.device
                state.device = device
                return old
            }
        } catch {
            await Blocking.run { device.stop() }
            throw error
        }
        if let old { await Blocking.run { old.stop() } }
    }

    public func sendDTMF(_ digits: String) async -> Bool {
        (try? await onLoop { $0.pipeline?.sendDTMF(digits) ?? false }) ?? false
    }

    public func setMuted(_ muted: Bool) async {
        try? await onLoop { state in
            state.muted = muted
            state.pipeline?.muted = muted
        }
    }

    public func startRecording(to path: String, layout: RecordingLayout) async throws(CallMediaError) {
        let rate = try await onLoop { state in state.device?.sampleRate ?? 48000 }
        // Opening the file is disk work: off the loop.
        let recorder = try await Blocking.run { () throws(CallMediaError) in try CallRecorder(path: path, sampleRate: rate, layout: layout) }
        let replaced = try await onLoop { state -> CallRecorder? in
            let previous = state.recorder
            state.recorder = recorder
            state.pipeline?.recorder = recorder
            return previous
        }
        if let replaced { _ = await Blocking.run { replaced.finish() } }
    }

    public func stopRecording() async {
        let recorder = try? await onLoop { state -> CallRecorder? in
            defer {
                state.recorder = nil
                state.pipeline?.recorder = nil
            }
            return state.recorder
        }
        // Flushed off the loop; a failure here has no one to report to but the log.
        if let recorder = recorder ?? nil { _ = await Blocking.run { recorder.finish() } }
    }

    public func stop() async -> CallMediaSummary {
        await stopRecording()
        let result = try? await onLoop { state -> (CallMediaSummary, (any AudioDevice)?) in
            state.stopped = true
            if let timer = state.tickTimer { self.loop.cancel(timer) }
            state.tickTimer = nil
            state.dtls?.cancelTimers(on: self.loop)
            let pipeline = state.pipeline
            if let pipeline, let bye = pipeline.makeReport(at: Self.now(), ntp: pipeline.ntpClock(Self.now()) ?? NTPTimestamp(seconds: 0, fraction: 0), goodbye: true) {
                self.send(bye)
            }
            let statistics = pipeline?.statistics()
            if let statistics { self.continuation.yield(.statistics(statistics)) }
            let summary = CallMediaSummary(codec: pipeline?.media.codec.encodingName, encryption: pipeline?.encryptionDescription ?? "none",
                                           statistics: statistics)
            let figures = FinalFigures(summary: summary, diagnostics: Self.diagnostics(state), playout: pipeline?.jitterBuffer.statistics)
            self.final.withLock { $0 = figures }
            return (summary, state.device)
        }
        continuation.finish()
        if let device = result?.1 { await Blocking.run { device.stop() } }
        // The loop closes the sockets as it ends: the ports are free when `stop` returns.
        loop.shutdown()
        await loop.waitUntilEnded()
        return result?.0 ?? final.withLock { $0?.summary } ?? CallMediaSummary(codec: nil, encryption: "none", statistics: nil)
    }

    /// Counters for tests and the debug pane: SRTP authentication failures, malformed packets.
    public func diagnostics() async -> (srtpFailures: Int, malformed: Int, packetsReceived: Int) {
        (try? await onLoop { Self.diagnostics($0) }) ?? final.withLock { $0?.diagnostics } ?? (0, 0, 0)
    }

    private static func diagnostics(_ state: State) -> (srtpFailures: Int, malformed: Int, packetsReceived: Int) {
        let counters = state.pipeline?.counters
        return (counters?.srtpFailures ?? 0, counters?.malformed ?? 0, state.pipeline?.statistics().packetsReceived ?? 0)
    }

    /// The jitter buffer's counters (late, reordered, concealed, …): how the receive side
    /// coped with the network, for tests and the debug pane. Nil before media is applied.
    public func playoutStatistics() async -> JitterBuffer.Statistics? {
        do {
            return try await onLoop { state in state.pipeline?.jitterBuffer.statistics }
        } catch {
            return final.withLock { $0?.playout }
        }
    }

    /// Runs `body` on the loop with its state.
    private func onLoop<T: Sendable>(_ body: @escaping @Sendable (State) throws(CallMediaError) -> T) async throws(CallMediaError) -> T {
        do {
            return try await loop.submit { try body(self.state.value) }
        } catch let error as CallMediaError {
            throw error
        } catch MediaLoop.Failure.shutDown {
            throw .unsupported("session stopped")
        } catch {
            throw .unsupported("\(error)")
        }
    }
}

extension RTPCallMediaSession {
    /// Starts the 20 ms clock once. Ticks are scheduled at absolute deadlines so timing errors
    /// do not accumulate. After a short stall (a busy machine) the missed ticks run back to
    /// back, so the RTP timeline keeps pace with real time and the capture queue is drained;
    /// after a long one (over `maximumCatchUp` frames) the clock resynchronises instead.
    private func startClock(_ state: State) {
        guard state.tickTimer == nil else { return }
        let now = MediaLoop.now()
        state.nextTick = now
        state.nextReport = now + UInt64.random(in: 500...1500) * 1_000_000
        scheduleTick(state)
    }

    private func scheduleTick(_ state: State) {
        guard !state.stopped, let deadline = state.nextTick else { return }
        state.tickTimer = loop.schedule(at: deadline) { [weak self] in self?.ticked(deadline: deadline) }
    }

    private func ticked(deadline: UInt64) {
        let state = self.state.value
        var next = deadline
        var ticks = 0
        while next <= MediaLoop.now(), ticks < Self.maximumCatchUp {
            tick(state)
            next += Self.frame
            ticks += 1
        }
        let now = MediaLoop.now()
        if now > next, now - next > Self.frame { next = now + Self.frame }
        state.nextTick = next
        scheduleTick(state)
    }

    private func tick(_ state: State) {
        guard let pipeline = state.pipeline, !state.stopped else { return }
        let now = Self.now()
        let (datagram, events) = pipeline.tick(at: now)
        if let datagram { send(datagram) }
        events.forEach { continuation.yield($0) }
        if let due = state.nextReport, MediaLoop.now() >= due {
            if let ntp = pipeline.ntpClock(now), let report = pipeline.makeReport(at: now, ntp: ntp) { send(report) }
            if let statistics = pipeline.lastStatistics { continuation.yield(.statistics(statistics)) }
            let jitter = Int64.random(in: -2500...2500) * 1_000_000
            state.nextReport = UInt64(Int64(MediaLoop.now() + Self.reportInterval) + jitter)
        }
    }

    private func send(_ datagram: OutgoingDatagram) {
        (datagram.fromRTCPSocket ? sockets.rtcp : sockets.rtp).send(datagram.bytes, to: datagram.destination)
    }

    private func received(_ buffer: UnsafeMutableRawBufferPointer, from source: SocketAddress, isRTCPSocket: Bool) {
        let state = self.state.value
        guard !state.stopped else { return }
        if RTPDemux.classify(UnsafeRawBufferPointer(buffer)) == .dtls {
            if !isRTCPSocket { receivedDTLS([UInt8](buffer), from: source, state: state) }
            return
        }
        guard let pipeline = state.pipeline else { return }
        pipeline.receive(buffer, from: source, at: Self.now()).forEach { continuation.yield($0) }
    }
}
