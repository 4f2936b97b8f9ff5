import ArgumentParser

@main
struct Dialtone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dialtone")
}
