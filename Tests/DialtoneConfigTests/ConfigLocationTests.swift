import Testing
@testable import DialtoneConfig

@Suite struct ConfigLocationTests {
    @Test func explicitPathWins() {
        #expect(ConfigLocation.resolve(explicit: "/etc/d.toml", environment: ["XDG_CONFIG_HOME": "/x"]) == "/etc/d.toml")
        #expect(ConfigLocation.resolve(explicit: "rel.toml", environment: [:]) == "rel.toml")
    }

    @Test func xdgConfigHomeThenHome() {
        #expect(ConfigLocation.resolve(explicit: nil, environment: ["XDG_CONFIG_HOME": "/cfg/", "HOME": "/h"])
            == "/cfg/dialtone/config.toml")
        #expect(ConfigLocation.resolve(explicit: nil, environment: ["HOME": "/home/u"]) == "/home/u/.config/dialtone/config.toml")
        #expect(ConfigLocation.resolve(explicit: "", environment: ["HOME": "/home/u/"]) == "/home/u/.config/dialtone/config.toml")
    }

    /// The XDG spec: an empty or relative XDG_CONFIG_HOME is ignored.
    @Test func invalidXDGValuesAreIgnored() {
        #expect(ConfigLocation.resolve(explicit: nil, environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"])
            == "/h/.config/dialtone/config.toml")
        #expect(ConfigLocation.resolve(explicit: nil, environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/h"])
            == "/h/.config/dialtone/config.toml")
    }

    @Test func dataHome() {
        #expect(ConfigLocation.dataHome(["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d")
        #expect(ConfigLocation.dataHome(["XDG_DATA_HOME": "d", "HOME": "/h"]) == "/h/.local/share")
    }
}
