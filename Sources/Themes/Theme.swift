/// A named mapping from roles to styles. Screens ask `style(for:)` and never see colour names,
/// so switching themes (or honouring `NO_COLOR`) touches no screen code.
public struct Theme: Sendable, Hashable {
    /// The theme's `name` key, shown in settings.
    public var name: String
    /// The style of each role; a role absent here draws as `Style.plain`.
    public var roles: [Role: Style]

    public init(name: String, roles: [Role: Style]) {
        self.name = name
        self.roles = roles
    }

    /// The style for `role`, `Style.plain` when the theme leaves it out, so drawing never fails.
    public func style(for role: Role) -> Style {
        roles[role] ?? .plain
    }

    /// This theme with every colour reduced to what a terminal of `depth` can show; done once at
    /// start-up rather than per draw.
    public func downgraded(to depth: ColorDepth) -> Theme {
        Theme(name: name, roles: roles.mapValues { $0.downgraded(to: depth) })
    }
}
