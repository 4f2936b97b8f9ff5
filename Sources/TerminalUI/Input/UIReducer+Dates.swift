import Foundation

extension UIReducer {
    /// `dates FROM [TO]`: the history lists calls from the start of FROM to the end of TO (or
    /// on, without TO), days in the UI's time zone, and the history is shown. A bare `dates`
    /// lists every date again.
    func applyDates(from: DaySpec?, to: DaySpec?, _ state: inout UIState) {
        var filter = state.historyFilter
        if let from {
            guard let since = from.start(now: state.now, timeZone: state.timeZone) else {
                state.notice = "dates: there is no day \(from)"
                return
            }
            var until: Date?
            if let to {
                guard let end = to.end(now: state.now, timeZone: state.timeZone) else {
                    state.notice = "dates: there is no day \(to)"
                    return
                }
                guard end > since else {
                    state.notice = "dates: \(to) is before \(from)"
                    return
                }
                until = end
            }
            filter.since = since
            filter.until = until
            filter.dateLabel = to.map { "\(from)…\($0)" } ?? "since \(from)"
        } else {
            filter.since = nil
            filter.until = nil
            filter.dateLabel = nil
        }
        state.historyFilter = filter
        state.tab = .history
    }
}
