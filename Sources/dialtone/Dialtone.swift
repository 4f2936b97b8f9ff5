import ArgumentParser

@main
struct Dialtone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dialtone",
        abstract: "A full-screen terminal softphone for SIP.",
        subcommands: [HistoryCommand.self]
    )
}
