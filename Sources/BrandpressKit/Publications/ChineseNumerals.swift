/// 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五: chapter numbers as a Chinese book prints them.
enum ChineseNumerals {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func string(_ number: Int) -> String {
        guard number > 0 else { return digits[0] }
        guard number < 1000 else { return String(number) }
        let hundreds = number / 100, tens = (number / 10) % 10, ones = number % 10
        var text = ""
        if hundreds > 0 { text += digits[hundreds] + "百" }
        if tens > 0 {
            text += (tens == 1 && hundreds == 0 ? "" : digits[tens]) + "十"
        } else if hundreds > 0 && ones > 0 {
            text += "零"
        }
        if ones > 0 { text += digits[ones] }
        return text
    }
}
