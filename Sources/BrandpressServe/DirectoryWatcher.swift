import Foundation
import Glibc
import Synchronization

/// Watches folders and everything below them with inotify, one watch per folder (inotify is not
/// recursive), adding watches for folders created or moved in later. Calls `onChange` after the
/// events have been quiet for `debounce`, with the paths the events named since the last call
/// (`changedPaths`): each below one of the folders, spelled as it was given, or the folder itself.
public final class DirectoryWatcher: Sendable {
    private static let mask: UInt32 = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB)

    private struct State {
        var folders: [Int32: String] = [:]
        var generation: UInt64 = 0
        var stopped = false
        /// Since the last call of `onChange`; nil once an event could not be placed (the kernel's
        /// queue overflowed, or a watch it names is no longer known).
        var changedPaths: Set<String>? = []
        /// Folders that could not be watched (the system's limit of watches was reached): changes
        /// in them go unseen, so no call names paths any more.
        var unwatched: [String] = []
    }

    private let descriptor: Int32
    private let queue = DispatchQueue(label: "brandpress.watcher")
    private let debounce: DispatchTimeInterval
    private let onChange: @Sendable (_ changedPaths: Set<String>?) -> Void
    private let state = Mutex(State())
    // Dispatch sources are thread-safe; the type is just not marked Sendable.
    nonisolated(unsafe) private let source: any DispatchSourceRead

    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(folders: [URL], debounce: DispatchTimeInterval = .milliseconds(50), onChange: @escaping @Sendable (_ changedPaths: Set<String>?) -> Void) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw StartError(description: "cannot watch for changes: inotify_init1 failed (\(String(cString: strerror(errno))))")
        }
        self.debounce = debounce
        self.onChange = onChange
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        for folder in folders { addWatches(below: folder.path) }
        source.setEventHandler { [weak self] in self?.readEvents() }
        source.setCancelHandler { [descriptor] in close(descriptor) }
        source.resume()
    }

    deinit {
        stop()
    }

    public func stop() {
        let wasStopped = state.withLock { state in
            defer { state.stopped = true }
            return state.stopped
        }
        if !wasStopped { source.cancel() }
    }

    /// How many folders are watched now (for tests).
    public var watchedFolderCount: Int {
        state.withLock { $0.folders.count }
    }

    /// Folders that could not be watched, mostly because the system's limit of watches was reached:
    /// changes in them start no build.
    public var unwatchedFolders: [String] {
        state.withLock { $0.unwatched }
    }

    private func addWatches(below path: String) {
        let watch = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else {
            // A folder that vanished since it was listed is no loss; any other failure leaves it unwatched.
            if errno != ENOENT && errno != ENOTDIR { state.withLock { $0.unwatched.append(path) } }
            return
        }
        state.withLock { $0.folders[watch] = path }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            let child = path + "/" + name
            var isDirectory: ObjCBool = false
            // Symlinked folders are not followed: they may lead anywhere, even into a loop.
            if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue,
               (try? FileManager.default.destinationOfSymbolicLink(atPath: child)) == nil {
                addWatches(below: child)
            }
        }
    }

    private func readEvents() {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        var changed = false
        while true {
            let count = read(descriptor, buffer, capacity)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                handle(event, name: name)
                changed = true
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
            }
        }
        if changed { scheduleChange() }
    }

    private func handle(_ event: inotify_event, name: String) {
        let isDirectory = event.mask & UInt32(IN_ISDIR) != 0
        let arrived = event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
        let left = event.mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0
        let path: String? = state.withLock { state in
            // The watch is gone: its folder was deleted or moved, which an event on its parent named.
            if event.mask & UInt32(IN_IGNORED) != 0 {
                state.folders.removeValue(forKey: event.wd)
                return nil
            }
            let known = state.folders[event.wd]
            // The same, from a watch already let go when its parent's event came.
            if known == nil, event.mask & UInt32(IN_MOVE_SELF | IN_DELETE_SELF) != 0 { return nil }
            guard event.mask & UInt32(IN_Q_OVERFLOW) == 0, let folder = known else {
                state.changedPaths = nil
                return nil
            }
            let path = name.isEmpty ? folder : folder + "/" + name
            state.changedPaths?.insert(path)
            if isDirectory, left {
                // A folder moved away keeps its watches, which would go on naming paths below its old place.
                for (watch, watched) in state.folders where watched == path || watched.hasPrefix(path + "/") {
                    state.folders.removeValue(forKey: watch)
                    inotify_rm_watch(descriptor, watch)
                }
            }
            return path
        }
        if let path, isDirectory, arrived { addWatches(below: path) }
    }

    private func scheduleChange() {
        let generation = state.withLock { state in
            state.generation += 1
            return state.generation
        }
        queue.asyncAfter(deadline: .now() + debounce) { [weak self] in
            guard let self else { return }
            let changes: Set<String>?? = self.state.withLock { state in
                guard state.generation == generation, !state.stopped else { return .none }
                defer { state.changedPaths = [] }
                return .some(state.unwatched.isEmpty ? state.changedPaths : nil)
            }
            // Only watches that went away (`IN_IGNORED`): nothing to build.
            guard case .some(let changedPaths) = changes, changedPaths != [] else { return }
            self.onChange(changedPaths)
        }
    }
}
