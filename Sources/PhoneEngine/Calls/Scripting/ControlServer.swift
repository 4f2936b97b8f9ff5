#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// The agent's control socket: a Unix-domain stream socket (mode 0600, never TCP) taking one
/// JSON command per line and streaming every engine event to every connected client as JSON
/// lines, with a `reply` line per command.
final class ControlServer: Sendable {
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup
    private let clients: ControlClients
    let path: String

    init(path: String, engine: PhoneEngine) throws {
        self.path = path
        unlink(path)
        let clients = ControlClients()
        self.clients = clients
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ControlConnection(engine: engine, clients: clients))
                }
            }
        // The socket is created with no permissions for others (umask), then set to 0600.
        let previous = umask(0o177)
        defer { umask(previous) }
        channel = try bootstrap.bind(unixDomainSocketPath: path).wait()
        chmod(path, 0o600)
    }

    func broadcast(_ event: EngineEvent) {
        clients.broadcast(event)
    }

    func close() async {
        try? await channel.close()
        clients.closeAll()
        try? await group.shutdownGracefully()
        unlink(path)
    }
}

/// The connected clients, each with its own JSON encoder (registration changes are per reader).
final class ControlClients: Sendable {
    private let list = Mutex<[ObjectIdentifier: (channel: any Channel, encoder: EngineEventJSON)]>([:])

    func add(_ channel: any Channel) {
        list.withLock { $0[ObjectIdentifier(channel)] = (channel, EngineEventJSON()) }
    }

    func remove(_ channel: any Channel) {
        _ = list.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func broadcast(_ event: EngineEvent) {
        let lines = list.withLock { list -> [(any Channel, String)] in
            var out: [(any Channel, String)] = []
            for key in list.keys {
                guard var entry = list[key] else { continue }
                if let line = entry.encoder.line(for: event) { out.append((entry.channel, line)) }
                list[key] = entry
            }
            return out
        }
        for (channel, line) in lines { channel.writeAndFlush(ByteBuffer(string: line + "\n"), promise: nil) }
    }

    func closeAll() {
        let channels = list.withLock { list in list.values.map(\.channel) }
        for channel in channels { channel.close(promise: nil) }
    }
}

/// One client: splits input into lines (at most 64 KiB each) and runs them as commands one at a
/// time, in the order they were sent — a script may send `dial` and `hangup` in one write and
/// rely on the second seeing the first's call. Replies come back in the same order; a request's
/// `"id"` (string or number) is echoed in its reply so clients can match them up.
final class ControlConnection: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    private let engine: PhoneEngine
    private let clients: ControlClients
    private let pending = Mutex<[UInt8]>([])
    private let commands: AsyncStream<String>
    private let queue: AsyncStream<String>.Continuation

    init(engine: PhoneEngine, clients: ControlClients) {
        self.engine = engine
        self.clients = clients
        (commands, queue) = AsyncStream.makeStream(of: String.self)
    }

    func channelActive(context: ChannelHandlerContext) {
        clients.add(context.channel)
        let channel = context.channel
        let engine = engine
        let commands = commands
        Task {
            for await line in commands {
                let reply = await Self.reply(to: line, engine: engine)
                try? await channel.writeAndFlush(ByteBuffer(string: reply + "\n"))
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        clients.remove(context.channel)
        queue.finish()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let lines = pending.withLock { pending -> [String]? in
            pending += buffer.readableBytesView
            var lines: [String] = []
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
            return pending.count > 65536 ? nil : lines
        }
        guard let lines else {
            context.channel.close(promise: nil)
            return
        }
        for line in lines where !line.trimmingSpaces.isEmpty { queue.yield(line) }
    }

    static func reply(to line: String, engine: PhoneEngine) async -> String {
        let request = ControlCommand.request(line)
        let reply = switch request.command {
        case .success(let command): await engine.execute(command)
        case .failure(let error): JSONLine.render([("event", .string("reply")), ("ok", .bool(false)), ("error", .string(error.description))])
        }
        guard let id = request.id, reply.hasPrefix("{") else { return reply }
        return "{\"id\":" + JSONLine.text(id) + (reply == "{}" ? "}" : "," + reply.dropFirst())
    }
}
