import Foundation
import Glibc
import Synchronization

/// A bare HTTP/1.1 client over a socket: it sends the request path exactly as given (no
/// normalisation of `..`, `%2e` or backslashes, unlike URLSession), which the path-safety tests need.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Runs on a dispatch thread, so the blocking socket calls never hold the server's threads.
    static func get(_ path: String, port: UInt16) async -> Response? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: blockingGet(path, port: port)) }
        }
    }

    static func blockingGet(_ path: String, port: UInt16) -> Response? {
        guard let socket = connectLoopback(port: port) else { return nil }
        defer { close(socket) }
        send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = Data()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard let chunk = receive(socket) else { break }
            if chunk.isEmpty { continue }
            data.append(chunk)
            if let response = parse(data), let length = response.headers["content-length"].flatMap(Int.init), response.body.count >= length {
                return response
            }
        }
        return parse(data)
    }

    static func parse(_ data: Data) -> Response? {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first?.split(separator: " "), statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[split.upperBound...]))
    }

    static func connectLoopback(port: UInt16) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// nil at the end of the stream, empty when nothing came within the socket's timeout.
    static func receive(_ socket: Int32) -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &buffer, buffer.count, 0)
        if count > 0 { return Data(buffer[..<count]) }
        if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return Data() }
        return nil
    }
}

/// Keeps reading a server-sent-events response in the background, so a test can wait for a message.
final class EventStreamReader: Sendable {
    private let received = Mutex("")
    private let done = Mutex(false)

    init?(port: UInt16, path: String) {
        guard let socket = RawHTTP.connectLoopback(port: port) else { return nil }
        RawHTTP.send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        Thread.detachNewThread { [self] in
            defer { close(socket) }
            while !done.withLock({ $0 }) {
                guard let chunk = RawHTTP.receive(socket) else { break }
                if !chunk.isEmpty { received.withLock { $0 += String(decoding: chunk, as: UTF8.self) } }
            }
        }
    }

    var text: String { received.withLock { $0 } }

    /// Waits until the text received after `offset` contains `needle`; returns the text after `offset`.
    func wait(for needle: String, after offset: Int = 0, timeout: TimeInterval = 30) async -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = self.text
            let tail = String(text.dropFirst(offset))
            if tail.contains(needle) { return tail }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func stop() {
        done.withLock { $0 = true }
    }
}
