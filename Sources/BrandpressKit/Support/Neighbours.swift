extension Array {
    /// The elements either side of `position`: previous and next in a reading order.
    func neighbours(of position: Int?) -> (previous: Element?, next: Element?) {
        guard let position else { return (nil, nil) }
        return (position > 0 ? self[position - 1] : nil, position + 1 < count ? self[position + 1] : nil)
    }
}
