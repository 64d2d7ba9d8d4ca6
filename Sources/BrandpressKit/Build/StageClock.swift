import Foundation

/// Times a build's stages for `--verbose`: each with the CPU time all threads spent in it (on two
/// cores up to twice the wall time) and the process's peak memory when it ended.
struct StageClock {
    private let start = DispatchTime.now()
    private var stageStart: DispatchTime
    private var stageStartCPU: Double
    private(set) var stages: [(String, Double)] = []

    init() {
        stageStart = start
        stageStartCPU = Self.usage().cpuSeconds
    }

    /// Seconds since the clock was made.
    var elapsed: Double {
        Self.seconds(from: start, to: DispatchTime.now())
    }

    /// Ends the stage that began when the last one ended (or the clock was made).
    mutating func end(_ name: String) {
        let now = DispatchTime.now()
        let usage = Self.usage()
        let cpu = String(format: "%.3f", usage.cpuSeconds - stageStartCPU)
        stages.append(("\(name) (\(cpu) s CPU, peak \(usage.peakMiB) MiB)", Self.seconds(from: stageStart, to: now)))
        stageStart = now
        stageStartCPU = usage.cpuSeconds
    }

    private static func usage() -> (cpuSeconds: Double, peakMiB: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss / 1024)
    }

    private static func seconds(from start: DispatchTime, to end: DispatchTime) -> Double {
        Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
