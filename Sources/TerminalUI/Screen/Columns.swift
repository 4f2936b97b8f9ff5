import Themes

/// A table's column widths, computed once per width so every row lines up: fixed columns keep
/// their width, flexible ones share what is left (at least their minimum), and columns that
/// do not fit at all are dropped from the right.
public struct Columns: Sendable, Hashable {
    public struct Spec: Sendable, Hashable {
        public var minimum: Int
        public var isFlexible: Bool
        public var alignment: TextLayout.Alignment

        public static func fixed(_ width: Int, _ alignment: TextLayout.Alignment = .left) -> Spec {
            Spec(minimum: width, isFlexible: false, alignment: alignment)
        }

        public static func flexible(minimum: Int, _ alignment: TextLayout.Alignment = .left) -> Spec {
            Spec(minimum: minimum, isFlexible: true, alignment: alignment)
        }
    }

    public let specs: [Spec]
    /// The width of each column; 0 for a column that did not fit.
    public let widths: [Int]
    public static let gap = 1

    public init(_ specs: [Spec], totalWidth: Int) {
        self.specs = specs
        var widths = specs.map(\.minimum)
        func used(_ widths: [Int]) -> Int {
            let shown = widths.filter { $0 > 0 }
            return shown.reduce(0, +) + max(0, shown.count - 1) * Columns.gap
        }
        var index = widths.count - 1
        while used(widths) > totalWidth, index > 0 {
            widths[index] = 0
            index -= 1
        }
        if used(widths) > totalWidth, !widths.isEmpty { widths[0] = max(0, totalWidth) }
        let flexible = specs.indices.filter { specs[$0].isFlexible && widths[$0] > 0 }
        let spare = totalWidth - used(widths)
        if spare > 0, !flexible.isEmpty {
            for (n, column) in flexible.enumerated() {
                widths[column] += spare / flexible.count + (n < spare % flexible.count ? 1 : 0)
            }
        }
        self.widths = widths
    }

    /// Draws one row of `values` starting at column `x`; missing values are blank. `roles`
    /// colours single columns (a call's state); `role` is the default for the others.
    public func draw(
        _ values: [String], into buffer: inout ScreenBuffer, x: Int, y: Int, role: Role? = nil, roles: [Int: Role] = [:]
    ) {
        var column = x
        for (index, width) in widths.enumerated() where width > 0 {
            let value = index < values.count ? values[index] : ""
            let rect = Rect(x: column, y: y, width: width, height: 1)
            buffer.write(value, in: rect, role: roles[index] ?? role, alignment: specs[index].alignment)
            column += width + Columns.gap
        }
    }
}
