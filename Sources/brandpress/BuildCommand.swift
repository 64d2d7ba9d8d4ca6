import ArgumentParser
import BrandpressKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Builds Content/ into Output/.")
    func run() throws {}
}
