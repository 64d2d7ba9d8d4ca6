import Ccmark

/// Placeholder until GFM pipe tables land: leaves the tree unchanged.
enum PipeTableTransform {
    static func apply(to document: OpaquePointer, source: String, renderCell: (String, Int) -> String) {}
}
