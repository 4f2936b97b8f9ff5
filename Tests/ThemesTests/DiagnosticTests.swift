import Foundation
import TestSupport
import Testing
@testable import Themes

/// One broken document and the single diagnostic it must produce.
struct BrokenCase: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String
    let line: Int?
    let keyPath: [String]
    let problem: ThemeProblem
    var testDescription: String { label }
}

private let header = "name = \"t\"\n\n[roles]\n"  // lines 1-3; entries start on line 4

@Suite struct DiagnosticTests {
    static let cases: [BrokenCase] = [
        BrokenCase(label: "unknown role", text: header + "\"prompt\" = {}\n\"call.ringin\" = { fg = \"red\" }\n",
                   line: 5, keyPath: ["roles", "call.ringin"], problem: .unknownRole("call.ringin", suggestion: "call.ringing")),
        BrokenCase(label: "unknown role, no suggestion", text: header + "\"sidebar\" = { fg = \"red\" }\n",
                   line: 4, keyPath: ["roles", "sidebar"], problem: .unknownRole("sidebar", suggestion: nil)),
        BrokenCase(label: "unknown colour", text: header + "\"call.talking\" = { fg = \"gren\" }\n",
                   line: 4, keyPath: ["roles", "call.talking", "fg"], problem: .unknownColor("gren", suggestion: "green")),
        BrokenCase(label: "bad hex, short", text: header + "\n\"call.on_hold\" = { bg = \"#12345\" }\n",
                   line: 5, keyPath: ["roles", "call.on_hold", "bg"], problem: .badHex("#12345")),
        BrokenCase(label: "bad hex, not hex", text: header + "\"call.on_hold\" = { fg = \"#12345g\" }\n",
                   line: 4, keyPath: ["roles", "call.on_hold", "fg"], problem: .badHex("#12345g")),
        BrokenCase(label: "index out of range", text: header + "\"status_bar\" = { fg = \"color1\" }\n\"call.encrypted\" = { bg = \"color256\" }\n",
                   line: 5, keyPath: ["roles", "call.encrypted", "bg"], problem: .colorIndexOutOfRange("color256")),
        BrokenCase(label: "unknown attribute", text: header + "\"prompt\" = { attrs = [\"bold\", \"blnk\"] }\n",
                   line: 4, keyPath: ["roles", "prompt", "attrs"], problem: .unknownAttribute("blnk", suggestion: "blink")),
        BrokenCase(label: "colour of wrong type", text: header + "\"history.missed\" = { fg = 1 }\n",
                   line: 4, keyPath: ["roles", "history.missed", "fg"], problem: .wrongType(expected: "string", found: "integer")),
        BrokenCase(label: "attrs of wrong type", text: header + "\"list.selected\" = { attrs = \"bold\" }\n",
                   line: 4, keyPath: ["roles", "list.selected", "attrs"], problem: .wrongType(expected: "array of strings", found: "string")),
        BrokenCase(label: "attr element of wrong type", text: header + "\"list.selected\" = { attrs = [true] }\n",
                   line: 4, keyPath: ["roles", "list.selected", "attrs"], problem: .wrongType(expected: "string", found: "bool")),
        BrokenCase(label: "role of wrong type", text: header + "\"debug.request\" = \"cyan\"\n",
                   line: 4, keyPath: ["roles", "debug.request"], problem: .wrongType(expected: "inline table", found: "string")),
        BrokenCase(label: "roles of wrong type", text: "name = \"t\"\nroles = 3\n",
                   line: 2, keyPath: ["roles"], problem: .wrongType(expected: "table", found: "integer")),
        BrokenCase(label: "name of wrong type", text: "\n\nname = [\"dark\"]\n[roles]\n",
                   line: 3, keyPath: ["name"], problem: .wrongType(expected: "string", found: "array")),
        BrokenCase(label: "missing name", text: "[roles]\n\"prompt\" = { attrs = [\"bold\"] }\n",
                   line: nil, keyPath: [], problem: .missingName),
        BrokenCase(label: "empty name", text: "name = \"\"\n[roles]\n",
                   line: 1, keyPath: ["name"], problem: .missingName),
        BrokenCase(label: "unknown field in a role", text: header + "\"status_bar\" = { fg = \"red\", bgg = \"blue\" }\n",
                   line: 4, keyPath: ["roles", "status_bar", "bgg"], problem: .unknownKey("bgg", suggestion: "bg")),
        BrokenCase(label: "unknown top-level key", text: "name = \"t\"\ncolours = 256\n",
                   line: 2, keyPath: ["colours"], problem: .unknownKey("colours", suggestion: nil)),
        BrokenCase(label: "role as a standard table", text: "name = \"t\"\n[roles.\"call.ringing\"]\nattrs = [\"bold\"]\nfg = \"colour3\"\n",
                   line: 4, keyPath: ["roles", "call.ringing", "fg"], problem: .unknownColor("colour3", suggestion: nil)),
        BrokenCase(label: "dotted key at top level", text: "name = \"t\"\nroles.'call.talking'.fg = \"#GGGGGG\"\n",
                   line: 2, keyPath: ["roles", "call.talking", "fg"], problem: .badHex("#GGGGGG")),
        BrokenCase(label: "key-like text in a multi-line string is not indexed",
                   text: "name = \"t\"\nnote = \"\"\"\n[roles]\n\"prompt\" = 1\n\"\"\"\n[roles]\n\"prompt\" = { fg = \"pink\" }\n",
                   line: 7, keyPath: ["roles", "prompt", "fg"], problem: .unknownColor("pink", suggestion: nil)),
    ]

    @Test(arguments: cases)
    func reportsLineKeyAndProblem(_ broken: BrokenCase) {
        let result = load(broken.text)
        let relevant = result.diagnostics.filter { $0.problem != .unknownKey("note", suggestion: nil) }
        #expect(relevant.count == 1)
        let diagnostic = relevant.first
        #expect(diagnostic?.file == "t.toml")
        #expect(diagnostic?.line == broken.line)
        #expect(diagnostic?.keyPath == broken.keyPath)
        #expect(diagnostic?.problem == broken.problem)
    }

    @Test func syntaxErrorGivesLineColumnAndTheFallback() {
        let result = load("name = \"t\"\n[roles]\n\"call.ringing\" = { fg = \"red\"\n")
        #expect(result.diagnostics.count == 1)
        let diagnostic = result.diagnostics.first
        guard case .syntax = diagnostic?.problem else {
            Issue.record("expected a syntax error, got \(String(describing: diagnostic))")
            return
        }
        #expect(diagnostic?.line == 3)
        #expect(diagnostic?.column != nil)
        #expect(result.theme == Theme.builtinDefault)
        #expect(result.defaultedRoles == Role.all)
    }

    @Test func duplicateRoleIsASyntaxErrorOnTheSecondLine() {
        let result = load(header + "\"prompt\" = {}\n\"prompt\" = {}\n")
        #expect(result.diagnostics.map(\.line) == [5])
        #expect(result.theme == Theme.builtinDefault)
    }

    @Test func reportsEveryProblemInLineOrder() {
        let text = header + "\"call.talking\" = { fg = \"gren\", bg = \"#1\" }\n\"nope\" = {}\n\"prompt\" = { attrs = [\"x\"] }\n"
        let result = load(text)
        #expect(result.diagnostics.map(\.line) == [4, 4, 5, 6])
        #expect(result.diagnostics.map(\.key) == [
            #"roles."call.talking".bg"#, #"roles."call.talking".fg"#, "roles.nope", "roles.prompt.attrs",
        ])
    }

    @Test func descriptionNamesFileLineKeyAndProblem() {
        let file = Fixtures.url("themes/broken.toml")
        let result = ThemeLoader.load(file: file)
        #expect(result.diagnostics.map(\.description) == [
            "\(file.path):6: roles.\"call.talking\".fg: unknown colour \"magneta\" (did you mean \"magenta\"?)",
        ])
        #expect(result.theme.name == "broken")
    }

    @Test func syntaxErrorFixtureFromFile() {
        let result = ThemeLoader.load(file: Fixtures.url("themes/syntax-error.toml"))
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.line == 3)
        #expect(result.diagnostics.first?.file.hasSuffix("themes/syntax-error.toml") == true)
    }

    @Test func unreadableFileYieldsTheFallback() throws {
        let missing = ThemeLoader.load(file: Fixtures.url("themes/does-not-exist.toml"))
        #expect(missing.theme == Theme.builtinDefault)
        guard case .unreadable = missing.diagnostics.first?.problem else {
            Issue.record("expected unreadable, got \(missing.diagnostics)")
            return
        }
        let directory = try TemporaryDirectory(prefix: "themes-test")
        let latin1 = URL(fileURLWithPath: directory.file("latin1.toml"))
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x3D, 0x22, 0xE9, 0x22]).write(to: latin1)
        let notUTF8 = ThemeLoader.load(file: latin1, fallback: .builtinMonochrome)
        #expect(notUTF8.theme == Theme.builtinMonochrome)
        #expect(notUTF8.diagnostics.map(\.problem) == [.unreadable(reason: "not UTF-8 text")])
    }
}
