import Foundation

/// Times a build's stages for `--verbose`, each with the process's peak memory when it ended.
struct StageClock {
    private let start = DispatchTime.now()
    private var stageStart: DispatchTime
    private(set) var stages: [(String, Double)] = []

    init() {
        stageStart = start
    }

    /// Seconds since the clock was made.
    var elapsed: Double {
        Self.seconds(from: start, to: DispatchTime.now())
    }

    /// Ends the stage that began when the last one ended (or the clock was made).
    mutating func end(_ name: String) {
        let now = DispatchTime.now()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        stages.append(("\(name) (peak \(usage.ru_maxrss / 1024) MiB)", Self.seconds(from: stageStart, to: now)))
        stageStart = now
    }

    private static func seconds(from start: DispatchTime, to end: DispatchTime) -> Double {
        Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
