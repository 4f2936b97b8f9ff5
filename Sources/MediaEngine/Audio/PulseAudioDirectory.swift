import CPulse

/// One sink or source the sound server offers.
public struct AudioDeviceInfo: Sendable, Hashable {
    /// What `PulseAudioDevice.Configuration` and the config's device keys take.
    public var name: String
    /// The human name ("Built-in Audio Analog Stereo").
    public var description: String
    /// A sink's `.monitor` source (records what the sink plays), not a microphone.
    public var isMonitor: Bool

    public init(name: String, description: String, isMonitor: Bool = false) {
        self.name = name
        self.description = description
        self.isMonitor = isMonitor
    }
}

/// The sound server's devices, for the device list and selection by name (issue 6).
public struct AudioDeviceList: Sendable, Hashable {
    public var sinks: [AudioDeviceInfo]
    public var sources: [AudioDeviceInfo]
    public var defaultSink: String?
    public var defaultSource: String?

    public init(sinks: [AudioDeviceInfo] = [], sources: [AudioDeviceInfo] = [], defaultSink: String? = nil, defaultSource: String? = nil) {
        self.sinks = sinks
        self.sources = sources
        self.defaultSink = defaultSink
        self.defaultSource = defaultSource
    }
}

/// Lists the server's sinks and sources with libpulse's asynchronous API on a private main
/// loop (pa_simple has no introspection). Blocking: call it off the media clock and off
/// Swift's cooperative pool.
public enum PulseAudioDirectory {
    public static func list(server: String? = nil, applicationName: String = "Dialtone") throws(CallMediaError) -> AudioDeviceList {
        guard let mainloop = pa_mainloop_new() else { throw .audioDevice("cannot create a PulseAudio main loop") }
        defer { pa_mainloop_free(mainloop) }
        guard let context = pa_context_new(pa_mainloop_get_api(mainloop), applicationName) else {
            throw .audioDevice("cannot create a PulseAudio context")
        }
        defer { pa_context_unref(context) }
        guard pa_context_connect(context, server, PA_CONTEXT_NOFLAGS, nil) >= 0 else {
            throw .audioDevice("connecting to \(server ?? "the default server"): \(String(cString: pa_strerror(pa_context_errno(context))))")
        }
        defer { pa_context_disconnect(context) }
        try iterate(mainloop, context) { pa_context_get_state(context) == PA_CONTEXT_READY }
        let collector = DeviceCollector()
        let userdata = Unmanaged.passUnretained(collector).toOpaque()
        let operations = [
            pa_context_get_sink_info_list(context, { _, info, eol, userdata in
                DeviceCollector.from(userdata).sink(info, eol: eol)
            }, userdata),
            pa_context_get_source_info_list(context, { _, info, eol, userdata in
                DeviceCollector.from(userdata).source(info, eol: eol)
            }, userdata),
            pa_context_get_server_info(context, { _, info, userdata in
                DeviceCollector.from(userdata).server(info)
            }, userdata),
        ]
        defer { for case let operation? in operations { pa_operation_unref(operation) } }
        try iterate(mainloop, context) { collector.pending == 0 }
        return collector.list
    }

    /// Runs the main loop until `done`, or throws when the connection fails.
    private static func iterate(_ mainloop: OpaquePointer, _ context: OpaquePointer, until done: () -> Bool) throws(CallMediaError) {
        while !done() {
            let state = pa_context_get_state(context)
            if state == PA_CONTEXT_FAILED || state == PA_CONTEXT_TERMINATED {
                throw .audioDevice("PulseAudio: \(String(cString: pa_strerror(pa_context_errno(context))))")
            }
            guard pa_mainloop_iterate(mainloop, 1, nil) >= 0 else { throw .audioDevice("PulseAudio main loop failed") }
        }
    }
}

/// Gathers the callbacks' answers; lives on the listing thread only.
private final class DeviceCollector {
    var list = AudioDeviceList()
    /// Sink list, source list, server info.
    var pending = 3

    /// libpulse hands back the pointer `list` passed, never nil.
    static func from(_ userdata: UnsafeMutableRawPointer?) -> DeviceCollector {
        guard let userdata else { preconditionFailure("libpulse callback without its userdata") }
        return Unmanaged<DeviceCollector>.fromOpaque(userdata).takeUnretainedValue()
    }

    func sink(_ info: UnsafePointer<pa_sink_info>?, eol: Int32) {
        guard eol == 0, let info = info?.pointee else { return finishOne() }
        list.sinks.append(AudioDeviceInfo(name: Self.text(info.name), description: Self.text(info.description)))
    }

    func source(_ info: UnsafePointer<pa_source_info>?, eol: Int32) {
        guard eol == 0, let info = info?.pointee else { return finishOne() }
        list.sources.append(AudioDeviceInfo(
            name: Self.text(info.name), description: Self.text(info.description), isMonitor: info.monitor_of_sink != UInt32.max))  // UInt32.max: PA_INVALID_INDEX
    }

    func server(_ info: UnsafePointer<pa_server_info>?) {
        if let info = info?.pointee {
            list.defaultSink = info.default_sink_name.map { String(cString: $0) }
            list.defaultSource = info.default_source_name.map { String(cString: $0) }
        }
        finishOne()
    }

    private func finishOne() { pending -= 1 }

    private static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
