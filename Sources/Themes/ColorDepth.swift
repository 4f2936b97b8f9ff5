/// How many colours a terminal can show, from `tput colors` or `COLORTERM`.
public enum ColorDepth: Sendable, Hashable, CaseIterable {
    case colors8, colors16, colors256, trueColor
}

/// Reducing a colour to a terminal's depth.
///
/// The formula, so results are predictable and testable:
/// - The reference RGB of palette entries is xterm's: ANSI 0–15 as in `ThemeColor.ansiRGB`;
///   16–231 a 6×6×6 cube `16 + 36r + 6g + b` with levels 0, 95, 135, 175, 215, 255;
///   232–255 a grey ramp `8 + 10i`.
/// - RGB → 256: each channel goes to its nearest cube level; the nearest grey-ramp entry is also
///   computed; whichever is nearer (squared RGB distance, cube on a tie) wins. ANSI 0–15 are not
///   candidates because terminals redefine them.
/// - RGB or 256 → 16: the nearest of the 16 reference ANSI colours by squared RGB distance
///   (lowest index on a tie); palette entries 0–15 map to themselves.
/// - → 8: ANSI 8–15 drop to their base colour (n − 8), as bright-less terminals show them;
///   RGB and 16–255 go to the nearest of ANSI 0–7.
/// - `.default` never changes.
extension ThemeColor {
    /// xterm's default RGB for ANSI 0–15.
    public static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six channel levels of the 256-colour cube.
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// This colour as a terminal of `depth` can show it.
    public func downgraded(to depth: ColorDepth) -> ThemeColor {
        switch (self, depth) {
        case (.default, _), (_, .trueColor):
            return self
        case (.ansi(let n), .colors8) where n < 16:
            return .ansi(n % 8)
        case (.ansi(let n), _) where n < 16:
            return self
        case (.ansi(let n), .colors256), (.indexed(let n), .colors256):
            return .indexed(n)
        case (.rgb(let r, let g, let b), .colors256):
            return .indexed(ThemeColor.nearest256(Int(r), Int(g), Int(b)))
        case (.ansi(let n), _), (.indexed(let n), _):
            if n < 16 { return ThemeColor.ansi(n).downgraded(to: depth) }
            let (r, g, b) = ThemeColor.rgbOfIndex(n)
            return .ansi(ThemeColor.nearestANSI(Int(r), Int(g), Int(b), count: depth == .colors8 ? 8 : 16))
        case (.rgb(let r, let g, let b), _):
            return .ansi(ThemeColor.nearestANSI(Int(r), Int(g), Int(b), count: depth == .colors8 ? 8 : 16))
        }
    }

    /// The reference RGB of 256-palette entry `n` (also what a direct-colour terminal is sent
    /// for a palette colour).
    public static func rgbOfIndex(_ n: UInt8) -> (UInt8, UInt8, UInt8) {
        if n < 16 { return ansiRGB[Int(n)] }
        if n >= 232 { let v = UInt8(8 + 10 * (Int(n) - 232)); return (v, v, v) }
        let c = Int(n) - 16
        return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[c / 6 % 6]), UInt8(cubeLevels[c % 6]))
    }

    /// The nearest cube or grey-ramp entry (16–255) to an RGB colour.
    static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> UInt8 {
        func level(_ v: Int) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) } ?? 0
        }
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let cube = 16 + 36 * lr + 6 * lg + lb
        let cubeDistance = distance((cubeLevels[lr], cubeLevels[lg], cubeLevels[lb]), (r, g, b))
        let grey = min(23, max(0, ((r + g + b) / 3 - 8 + 5) / 10))
        let greyValue = 8 + 10 * grey
        let greyDistance = distance((greyValue, greyValue, greyValue), (r, g, b))
        return UInt8(greyDistance < cubeDistance ? 232 + grey : cube)
    }

    /// The index of the nearest of the first `count` ANSI reference colours.
    static func nearestANSI(_ r: Int, _ g: Int, _ b: Int, count: Int) -> UInt8 {
        let best = (0..<count).min { lhs, rhs in
            let a = ansiRGB[lhs], c = ansiRGB[rhs]
            let dl = distance((Int(a.0), Int(a.1), Int(a.2)), (r, g, b))
            let dr = distance((Int(c.0), Int(c.1), Int(c.2)), (r, g, b))
            return dl < dr || (dl == dr && lhs < rhs)
        }
        return UInt8(best ?? 0)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
