import Foundation
import Testing
@testable import BrandpressKit

/// Issue 8: emphasis next to CJK punctuation, per the markdown-cjk-friendly specification
/// (github.com/tats-u/markdown-cjk-friendly, `testcases/*.md`; expected HTML from its markdown-it snapshots).
@Suite struct CJKFriendlyEmphasisTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var markdown: String
        var html: String
        init(_ markdown: String, _ html: String) {
            self.markdown = markdown
            self.html = html
        }
        var testDescription: String { markdown }
    }

    static let site = MarkdownOptions(unsafeHTML: true, siteExtensions: true, cjkFriendlyEmphasis: true)
    static let siteWithoutPass = MarkdownOptions(unsafeHTML: true, siteExtensions: true, cjkFriendlyEmphasis: false)

    static func render(_ markdown: String, _ options: MarkdownOptions = site) -> String {
        MarkdownRenderer.render(markdown, options: options).html
    }

    // MARK: - The specification's test cases, one paragraph each
    //
    // Site mode turns on smart punctuation, so the snapshot's `&quot;こんにちわ&quot;` reads “こんにちわ” here.
    // Left out: `gfm-strikethrough.md` and `gfm-non-cjk.md` (cmark has no `~~` strikethrough) and
    // `commonmark.json` (the CommonMark examples, covered by `latinTextIsUnchanged` below).
    //
    // cmark 0.30 implements CommonMark 0.30, whose "Unicode punctuation" is general category P only; 0.31,
    // which the specification amends, adds the symbols (S). brandpress keeps 0.30's definition so that Latin
    // text renders exactly as before, which changes the expectation of the cases about symbols:
    // in `non-bmp.md`, `∇` and `𝜵` (Sm) are letters to cmark, so `a**a∇**a` is emphasis, as without the pass;
    // in the three emoji files, `🈯 ⭕ ❌` (So) likewise, so every case is emphasis (again as without the pass),
    // where the snapshots, counting symbols as punctuation, keep the asterisks around the emoji.

    static let strong: [Example] = [
        Example("これは**私のやりたかったこと。**だからするの。", "<p>これは<strong>私のやりたかったこと。</strong>だからするの。</p>\n"),
        Example("**[製品ほげ](./product-foo)**と**[製品ふが](./product-bar)**をお試しください", "<p><strong><a href=\"./product-foo\">製品ほげ</a></strong>と<strong><a href=\"./product-bar\">製品ふが</a></strong>をお試しください</p>\n"),
        Example("単語と**[単語と](word-and)**単語", "<p>単語と<strong><a href=\"word-and\">単語と</a></strong>単語</p>\n"),
        Example("**これは太字になりません。**ご注意ください。", "<p><strong>これは太字になりません。</strong>ご注意ください。</p>\n"),
        Example("カッコに注意**（太字にならない）**文が続く場合に要警戒。", "<p>カッコに注意<strong>（太字にならない）</strong>文が続く場合に要警戒。</p>\n"),
        Example("**[リンク](https://example.com)**も注意。（画像も同様）", "<p><strong><a href=\"https://example.com\">リンク</a></strong>も注意。（画像も同様）</p>\n"),
        Example("先頭の**\\`コード\\`も注意。**", "<p>先頭の<strong>`コード`も注意。</strong></p>\n"),
        Example("**末尾の\\`コード\\`**も注意。", "<p><strong>末尾の`コード`</strong>も注意。</p>\n"),
        Example("税込**¥10,000**で入手できます。", "<p>税込<strong>¥10,000</strong>で入手できます。</p>\n"),
        Example("正解は**④**です。", "<p>正解は<strong>④</strong>です。</p>\n"),
        Example("太郎は**「こんにちわ」**といった", "<p>太郎は<strong>「こんにちわ」</strong>といった</p>\n"),
        Example("太郎は**\"こんにちわ\"**といった", "<p>太郎は<strong>“こんにちわ”</strong>といった</p>\n"),
        Example("太郎は**こんにちわ**といった", "<p>太郎は<strong>こんにちわ</strong>といった</p>\n"),
        Example("太郎は**「Hello」**といった", "<p>太郎は<strong>「Hello」</strong>といった</p>\n"),
        Example("太郎は**\"Hello\"**といった", "<p>太郎は<strong>“Hello”</strong>といった</p>\n"),
        Example("太郎は**Hello**といった", "<p>太郎は<strong>Hello</strong>といった</p>\n"),
        Example("太郎は**「Oh my god」**といった", "<p>太郎は<strong>「Oh my god」</strong>といった</p>\n"),
        Example("太郎は**\"Oh my god\"**といった", "<p>太郎は<strong>“Oh my god”</strong>といった</p>\n"),
        Example("太郎は**Oh my god**といった", "<p>太郎は<strong>Oh my god</strong>といった</p>\n"),
        Example("**C#**や**F#**は**「.NET」**というプラットフォーム上で動作します。", "<p><strong>C#</strong>や<strong>F#</strong>は<strong>「.NET」</strong>というプラットフォーム上で動作します。</p>\n"),
        Example("IDが**001号**になります。", "<p>IDが<strong>001号</strong>になります。</p>\n"),
        Example("IDが**００１号**になります。", "<p>IDが<strong>００１号</strong>になります。</p>\n"),
        Example("Go**「初心者」**を対象とした記事です。", "<p>Go<strong>「初心者」</strong>を対象とした記事です。</p>\n"),
        Example("**[リンク](https://example.com)**も注意。", "<p><strong><a href=\"https://example.com\">リンク</a></strong>も注意。</p>\n"),
        Example("**⻲田太郎**と申します", "<p><strong>⻲田太郎</strong>と申します</p>\n"),
        Example("・**㋐**:選択肢１つ目", "<p>・<strong>㋐</strong>:選択肢１つ目</p>\n"),
        Example("**真，**她", "<p><strong>真，</strong>她</p>\n"),
        Example("**真。**她", "<p><strong>真。</strong>她</p>\n"),
        Example("**真、**她", "<p><strong>真、</strong>她</p>\n"),
        Example("**真；**她", "<p><strong>真；</strong>她</p>\n"),
        Example("**真：**她", "<p><strong>真：</strong>她</p>\n"),
        Example("**真？**她", "<p><strong>真？</strong>她</p>\n"),
        Example("**真！**她", "<p><strong>真！</strong>她</p>\n"),
        Example("**真“**她", "<p><strong>真“</strong>她</p>\n"),
        Example("**真”**她", "<p><strong>真”</strong>她</p>\n"),
        Example("**真‘**她", "<p><strong>真‘</strong>她</p>\n"),
        Example("**真’**她", "<p><strong>真’</strong>她</p>\n"),
        Example("**真（**她", "<p><strong>真（</strong>她</p>\n"),
        Example("真**（她**", "<p>真<strong>（她</strong></p>\n"),
        Example("**真）**她", "<p><strong>真）</strong>她</p>\n"),
        Example("**真【**她", "<p><strong>真【</strong>她</p>\n"),
        Example("真**【她**", "<p>真<strong>【她</strong></p>\n"),
        Example("**真】**她", "<p><strong>真】</strong>她</p>\n"),
        Example("**真《**她", "<p><strong>真《</strong>她</p>\n"),
        Example("真**《她**", "<p>真<strong>《她</strong></p>\n"),
        Example("**真》**她", "<p><strong>真》</strong>她</p>\n"),
        Example("**真—**她", "<p><strong>真—</strong>她</p>\n"),
        Example("**真～**她", "<p><strong>真～</strong>她</p>\n"),
        Example("**真…**她", "<p><strong>真…</strong>她</p>\n"),
        Example("**真·**她", "<p><strong>真·</strong>她</p>\n"),
        Example("**真〃**她", "<p><strong>真〃</strong>她</p>\n"),
        Example("**真-**她", "<p><strong>真-</strong>她</p>\n"),
        Example("**真々**她", "<p><strong>真々</strong>她</p>\n"),
        Example("**真**她", "<p><strong>真</strong>她</p>\n"),
        Example("**真，** 她", "<p><strong>真，</strong> 她</p>\n"),
        Example("**真**，她", "<p><strong>真</strong>，她</p>\n"),
        Example("**真，**&ZeroWidthSpace;她", "<p><strong>真，</strong>\u{200B}她</p>\n"),
        Example("私は**⻲田太郎**と申します", "<p>私は<strong>⻲田太郎</strong>と申します</p>\n"),
        Example("選択肢**㋐**: 1つ目の選択肢", "<p>選択肢<strong>㋐</strong>: 1つ目の選択肢</p>\n"),
        Example("**さようなら︙**と太郎はいった。", "<p><strong>さようなら︙</strong>と太郎はいった。</p>\n"),
        Example(".NET**（.NET Frameworkは不可）**では、", "<p>.NET<strong>（.NET Frameworkは不可）</strong>では、</p>\n"),
        Example("「禰\u{E0100}」の偏は示ではなく**礻**です。", "<p>「禰\u{E0100}」の偏は示ではなく<strong>礻</strong>です。</p>\n"),
        Example("Git**（注：不是GitHub）**", "<p>Git<strong>（注：不是GitHub）</strong></p>\n"),
        Example("太郎は**「こんにちわ」**といった。", "<p>太郎は<strong>「こんにちわ」</strong>といった。</p>\n"),
        Example("𰻞𰻞**（ビャンビャン）**麺", "<p>𰻞𰻞<strong>（ビャンビャン）</strong>麺</p>\n"),
        Example("𰻞𰻞**(ビャンビャン)**麺", "<p>𰻞𰻞<strong>(ビャンビャン)</strong>麺</p>\n"),
        Example("ハイパーテキストコーヒーポット制御プロトコル**(HTCPCP)**", "<p>ハイパーテキストコーヒーポット制御プロトコル<strong>(HTCPCP)</strong></p>\n"),
        Example("﨑**(崎)**", "<p>﨑<strong>(崎)</strong></p>\n"),
        Example("国際規格**[ECMA-262](https://tc39.es/ecma262/)**", "<p>国際規格<strong><a href=\"https://tc39.es/ecma262/\">ECMA-262</a></strong></p>\n"),
        Example("㐧**(第の俗字)**", "<p>㐧<strong>(第の俗字)</strong></p>\n"),
        Example("𠮟**(こちらが正式表記)**", "<p>𠮟<strong>(こちらが正式表記)</strong></p>\n"),
        Example("𪜈**(トモの合略仮名)**", "<p>𪜈<strong>(トモの合略仮名)</strong></p>\n"),
        Example("𫠉**(馬の俗字)**", "<p>𫠉<strong>(馬の俗字)</strong></p>\n"),
        Example("谺𬤲**(こだま)**石神社", "<p>谺𬤲<strong>(こだま)</strong>石神社</p>\n"),
        Example("石𮧟**(いしただら)**", "<p>石𮧟<strong>(いしただら)</strong></p>\n"),
        Example("**推荐几个框架：**React、Vue等前端框架。", "<p><strong>推荐几个框架：</strong>React、Vue等前端框架。</p>\n"),
        Example("葛\u{E0100}**(こちらが正式表記)**城市", "<p>葛\u{E0100}<strong>(こちらが正式表記)</strong>城市</p>\n"),
        Example("禰\u{E0100}**(こちらが正式表記)**豆子", "<p>禰\u{E0100}<strong>(こちらが正式表記)</strong>豆子</p>\n"),
        Example("𱟛**(U+317DB)**", "<p>𱟛<strong>(U+317DB)</strong></p>\n"),
        Example("阿寒湖アイヌシアターイコㇿ**(Akanko Ainu Theater Ikor)**", "<p>阿寒湖アイヌシアターイコㇿ<strong>(Akanko Ainu Theater Ikor)</strong></p>\n"),
        Example("あ𛀙**(か)**よろし", "<p>あ𛀙<strong>(か)</strong>よろし</p>\n"),
        Example("𮹝**(simplified form of 龘 in China)**", "<p>𮹝<strong>(simplified form of 龘 in China)</strong></p>\n"),
        Example("大塚\u{FE00}**(U+585A U+FE00)** 大塚**(U+FA10)**", "<p>大塚\u{FE00}<strong>(U+585A U+FE00)</strong> 大塚<strong>(U+FA10)</strong></p>\n"),
        Example("〽\u{FE0E}**(庵点)**は、", "<p>〽\u{FE0E}<strong>(庵点)</strong>は、</p>\n"),
        Example("**“\u{FE01}Git”\u{FE01}**Hub", "<p><strong>“\u{FE01}Git”\u{FE01}</strong>Hub</p>\n"),
    ]

    static let korean: [Example] = [
        Example("**이 [링크](https://example.kr/)**만을 강조하고 싶다.", "<p><strong>이 <a href=\"https://example.kr/\">링크</a></strong>만을 강조하고 싶다.</p>\n"),
        Example("**스크립트(script)**라고", "<p><strong>스크립트(script)</strong>라고</p>\n"),
        Example("패키지를 발행하려면 **`npm publish`**를 실행하십시오.", "<p>패키지를 발행하려면 <strong><code>npm publish</code></strong>를 실행하십시오.</p>\n"),
        Example("**안녕(hello)**하세요.", "<p><strong>안녕(hello)</strong>하세요.</p>\n"),
        Example("ᅡ**(a)**", "<p>ᅡ<strong>(a)</strong></p>\n"),
        Example("**(k)**ᄏ", "<p><strong>(k)</strong>ᄏ</p>\n"),
    ]

    static let pseudoEmoji: [Example] = [
        Example("a**〰**a", "<p>a<strong>〰</strong>a</p>\n"),
        Example("a**〽**a", "<p>a<strong>〽</strong>a</p>\n"),
        Example("a**🈂**a", "<p>a<strong>🈂</strong>a</p>\n"),
        Example("a**🈷**a", "<p>a<strong>🈷</strong>a</p>\n"),
        Example("a**㊗**a", "<p>a<strong>㊗</strong>a</p>\n"),
        Example("a**㊙**a", "<p>a<strong>㊙</strong>a</p>\n"),
    ]

    static let nonBMP: [Example] = [
        Example("a**a«**a", "<p>a**a«**a</p>\n"),
        Example("a**»a**a", "<p>a**»a**a</p>\n"),
        Example("a**a∇**a", "<p>a<strong>a∇</strong>a</p>\n"),
        Example("a**∇a**a", "<p>a<strong>∇a</strong>a</p>\n"),
        Example("a**a𝜵**a", "<p>a<strong>a𝜵</strong>a</p>\n"),
        Example("a**𝜵a**a", "<p>a<strong>𝜵a</strong>a</p>\n"),
        Example("a**𐬻a**a", "<p>a**𐬻a**a</p>\n"),
        Example("a**a𐬻**a", "<p>a**a𐬻**a</p>\n"),
    ]

    static let underscoreCJKPunctuation: [Example] = [
        Example("__注意__：注意事項", "<p><strong>注意</strong>：注意事項</p>\n"),
        Example("注意：__注意事項__", "<p>注意：<strong>注意事項</strong></p>\n"),
        Example("正體字。\u{FE01}_Traditional._", "<p>正體字。\u{FE01}<em>Traditional.</em></p>\n"),
        Example("正體字。\u{FE01}__Hong Kong and Taiwan.__", "<p>正體字。\u{FE01}<strong>Hong Kong and Taiwan.</strong></p>\n"),
        Example("简体字 / 新字体。\u{FE00}_Simplified._", "<p>简体字 / 新字体。\u{FE00}<em>Simplified.</em></p>\n"),
        Example("简体字 / 新字体。\u{FE00}__Mainland China or Japan.__", "<p>简体字 / 新字体。\u{FE00}<strong>Mainland China or Japan.</strong></p>\n"),
    ]

    static let emojiDefaultPresentation: [Example] = [
        Example("a**🈯a**a", "<p>a<strong>🈯a</strong>a</p>\n"),
        Example("a**a🈯**a", "<p>a<strong>a🈯</strong>a</p>\n"),
        Example("a**⭕a**a", "<p>a<strong>⭕a</strong>a</p>\n"),
        Example("a**a⭕**a", "<p>a<strong>a⭕</strong>a</p>\n"),
        Example("a**❌a**a", "<p>a<strong>❌a</strong>a</p>\n"),
        Example("a**a❌**a", "<p>a<strong>a❌</strong>a</p>\n"),
        Example("a**🈯\u{FE0F}a**a", "<p>a<strong>🈯\u{FE0F}a</strong>a</p>\n"),
        Example("a**⭕\u{FE0F}a**a", "<p>a<strong>⭕\u{FE0F}a</strong>a</p>\n"),
        Example("a**❌\u{FE0F}a**a", "<p>a<strong>❌\u{FE0F}a</strong>a</p>\n"),
    ]

    static let emojiPresentationSequence: [Example] = [
        Example("a**〰\u{FE0F}a**a", "<p>a<strong>〰\u{FE0F}a</strong>a</p>\n"),
        Example("a**〽\u{FE0F}a**a", "<p>a<strong>〽\u{FE0F}a</strong>a</p>\n"),
        Example("a**🈂\u{FE0F}a**a", "<p>a<strong>🈂\u{FE0F}a</strong>a</p>\n"),
        Example("a**🈷\u{FE0F}a**a", "<p>a<strong>🈷\u{FE0F}a</strong>a</p>\n"),
        Example("a**㊗\u{FE0F}a**a", "<p>a<strong>㊗\u{FE0F}a</strong>a</p>\n"),
        Example("a**㊙\u{FE0F}a**a", "<p>a<strong>㊙\u{FE0F}a</strong>a</p>\n"),
    ]

    static let textPresentationSequence: [Example] = [
        Example("a**〰\u{FE0E}a**a", "<p>a<strong>〰\u{FE0E}a</strong>a</p>\n"),
        Example("a**〽\u{FE0E}a**a", "<p>a<strong>〽\u{FE0E}a</strong>a</p>\n"),
        Example("a**🈂\u{FE0E}a**a", "<p>a<strong>🈂\u{FE0E}a</strong>a</p>\n"),
        Example("a**🈷\u{FE0E}a**a", "<p>a<strong>🈷\u{FE0E}a</strong>a</p>\n"),
        Example("a**㊗\u{FE0E}a**a", "<p>a<strong>㊗\u{FE0E}a</strong>a</p>\n"),
        Example("a**㊙\u{FE0E}a**a", "<p>a<strong>㊙\u{FE0E}a</strong>a</p>\n"),
        Example("a**a〰\u{FE0E}**a", "<p>a<strong>a〰\u{FE0E}</strong>a</p>\n"),
        Example("a**a〽\u{FE0E}**a", "<p>a<strong>a〽\u{FE0E}</strong>a</p>\n"),
        Example("a**a🈂\u{FE0E}**a", "<p>a<strong>a🈂\u{FE0E}</strong>a</p>\n"),
        Example("a**a🈷\u{FE0E}**a", "<p>a<strong>a🈷\u{FE0E}</strong>a</p>\n"),
        Example("a**a㊗\u{FE0E}**a", "<p>a<strong>a㊗\u{FE0E}</strong>a</p>\n"),
        Example("a**a㊙\u{FE0E}**a", "<p>a<strong>a㊙\u{FE0E}</strong>a</p>\n"),
        Example("a**🈯\u{FE0E}a**a", "<p>a<strong>🈯\u{FE0E}a</strong>a</p>\n"),
        Example("a**a🈯\u{FE0E}**a", "<p>a<strong>a🈯\u{FE0E}</strong>a</p>\n"),
        Example("a**⭕\u{FE0E}a**", "<p>a<strong>⭕\u{FE0E}a</strong></p>\n"),
        Example("a**a⭕\u{FE0E}**a", "<p>a<strong>a⭕\u{FE0E}</strong>a</p>\n"),
        Example("a**❌\u{FE0E}a**a", "<p>a<strong>❌\u{FE0E}a</strong>a</p>\n"),
        Example("a**a❌\u{FE0E}**a", "<p>a<strong>a❌\u{FE0E}</strong>a</p>\n"),
    ]

    static let readmeExample: [Example] = [
        Example("**このアスタリスクは強調記号として認識されず、そのまま表示されます。**この文のせいで。", "<p><strong>このアスタリスクは強調記号として認識されず、そのまま表示されます。</strong>この文のせいで。</p>\n"),
        Example("**该星号不会被识别，而是直接显示。**这是因为它没有被识别为强调符号。", "<p><strong>该星号不会被识别，而是直接显示。</strong>这是因为它没有被识别为强调符号。</p>\n"),
        Example("**이 별표는 강조 표시로 인식되지 않고 그대로 표시됩니다(이 괄호 때문에)**이 문장 때문에.", "<p><strong>이 별표는 강조 표시로 인식되지 않고 그대로 표시됩니다(이 괄호 때문에)</strong>이 문장 때문에.</p>\n"),
    ]
    static let specificationExamples: [Example] = strong + korean + pseudoEmoji + nonBMP + underscoreCJKPunctuation
        + emojiDefaultPresentation + emojiPresentationSequence + textPresentationSequence + readmeExample

    @Test(arguments: specificationExamples)
    func specificationExample(_ example: Example) {
        #expect(Self.render(example.markdown) == example.html)
    }

    // MARK: - brandpress cases

    static let chineseExamples: [Example] = [
        Example("我们的**《党建工作指导手册》**出版了。", "<p>我们的<strong>《党建工作指导手册》</strong>出版了。</p>\n"),
        Example("这是**“品牌”**的意思。", "<p>这是<strong>“品牌”</strong>的意思。</p>\n"),
        Example("这是**品牌**的意思。", "<p>这是<strong>品牌</strong>的意思。</p>\n"),
        Example("**“同·兴”**党建品牌", "<p><strong>“同·兴”</strong>党建品牌</p>\n"),
        Example("*《手册》*", "<p><em>《手册》</em></p>\n"),
        Example("这是*「品牌」*的", "<p>这是<em>「品牌」</em>的</p>\n"),
        Example("__《手册》__", "<p><strong>《手册》</strong></p>\n"),
        // `_` between two letters stays literal (rule 2): a CJK character counts as a letter.
        Example("这是__《手册》__的意思", "<p>这是__《手册》__的意思</p>\n"),
        Example("注意：__注意事项__", "<p>注意：<strong>注意事项</strong></p>\n"),
        // The soft break between two Chinese characters disappears as usual.
        Example("我们的**《党建\n工作手册》**出版了。", "<p>我们的<strong>《党建工作手册》</strong>出版了。</p>\n"),
        Example("\\*\\*《手册》\\*\\*", "<p>**《手册》**</p>\n"),
        // The escaped `*` is the run's neighbour, not part of it.
        Example("我们的\\***《手册》**出版了。", "<p>我们的*<strong>《手册》</strong>出版了。</p>\n"),
        // Rule of 3: both runs can open and close, and 1 + 2 is a multiple of 3.
        Example("我们的\\**《手册》**出版了。", "<p>我们的**《手册》**出版了。</p>\n"),
        Example("我们的&#42;&#42;《手册》&#42;&#42;出版了。", "<p>我们的**《手册》**出版了。</p>\n"),
        Example("请看[我们的**《手册》**第二版](/book)。", "<p>请看<a href=\"/book\">我们的<strong>《手册》</strong>第二版</a>。</p>\n"),
        Example("请看**[《手册》](/book)**。", "<p>请看<strong><a href=\"/book\">《手册》</a></strong>。</p>\n"),
        Example("这是**`code`**的", "<p>这是<strong><code>code</code></strong>的</p>\n"),
        Example("`我们的**《手册》**出版`", "<p><code>我们的**《手册》**出版</code></p>\n"),
        // cmark alone pairs the second and third runs: `**《手册》<strong>和</strong>品牌**`.
        Example("**《手册》**和**品牌**", "<p><strong>《手册》</strong>和<strong>品牌</strong></p>\n"),
        Example("> 我们的**《手册》**和**品牌**出\\*\\*&#42;", "<blockquote>\n<p>我们的<strong>《手册》</strong>和<strong>品牌</strong>出***</p>\n</blockquote>\n"),
        Example("- 我们的**《手册》**出版了\n- 第二**“品牌”**项", "<ul>\n<li>我们的<strong>《手册》</strong>出版了</li>\n<li>第二<strong>“品牌”</strong>项</li>\n</ul>\n"),
        Example("***《手册》***出版", "<p><em><strong>《手册》</strong></em>出版</p>\n"),
        Example("品牌**English**品牌 and **Latin**", "<p>品牌<strong>English</strong>品牌 and <strong>Latin</strong></p>\n"),
        Example("我们的**《手册》**\n\n    代码**《手册》**内", "<p>我们的<strong>《手册》</strong></p>\n<pre><code>代码**《手册》**内\n</code></pre>\n"),
        Example("[我们的**《手册》**][ref]\n\n[ref]: /u \"标题**《手册》**\"", "<p><a href=\"/u\" title=\"标题**《手册》**\">我们的<strong>《手册》</strong></a></p>\n"),
        // A document holding one of the marker characters is left to plain cmark.
        Example("\u{2E19}我们的**《手册》**", "<p>\u{2E19}我们的**《手册》**</p>\n"),
    ]

    @Test(arguments: chineseExamples)
    func chineseText(_ example: Example) {
        #expect(Self.render(example.markdown) == example.html)
    }

    @Test func headingGetsEmphasisAndItsID() {
        let rendered = MarkdownRenderer.render("## 我们的**《手册》**出版", options: Self.site)
        #expect(rendered.html == "<h2 id=\"我们的手册出版\">我们的<strong>《手册》</strong>出版</h2>\n")
        #expect(rendered.headings.map(\.text) == ["我们的《手册》出版"])
    }

    @Test func markersNeverReachTheOutput() {
        let markers: Set<Unicode.Scalar> = ["\u{2E19}", "\u{1680}", Unicode.Scalar(UInt32(0xFDD0))!]
        for example in Self.specificationExamples + Self.chineseExamples.dropLast() {
            let rendered = MarkdownRenderer.render(example.markdown, options: Self.site)
            for text in [rendered.html, rendered.plainText, rendered.firstParagraph ?? ""] {
                #expect(!text.unicodeScalars.contains { markers.contains($0) }, "\(example.markdown)")
            }
        }
    }

    /// The looked-up blocks give the runtime's categories, at their edges and everywhere inside.
    @Test func generalCategoriesOfCommonBlocksAreTheRuntimes() {
        let scalars = (0x1FFF...0x2070).map { UInt32($0) } + (0x2FFF...0x3040).map { UInt32($0) } + (0xFEFF...0xFFF0).map { UInt32($0) } + [0x41, 0x4E2D, 0x1F600]
        for value in scalars {
            let scalar = Unicode.Scalar(value)!
            #expect(CJKFriendlyEmphasisClass.generalCategory(of: scalar) == scalar.properties.generalCategory, "U+\(String(value, radix: 16))")
        }
    }

    /// The classes the flanking rules use, short cuts included (ASCII, the CJK ideographs), agree
    /// with their definitions in the runtime's terms.
    @Test func characterClassesFollowTheirDefinitions() {
        let punctuation: Set<Unicode.GeneralCategory> = [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                                         .initialPunctuation, .finalPunctuation, .otherPunctuation]
        let symbols: Set<Unicode.GeneralCategory> = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        let values = Array(0...0x7F) + Array(0xA0...0x2FF) + Array(0x1680...0x1681) + Array(0x2000...0x2E7F) + Array(0x3000...0x30FF)
            + Array(stride(from: 0x4DF0, through: 0xA010, by: 7)) + [0x4E00, 0x9FFF, 0xFDD0] + Array(0xFE00...0xFFFD) + [0x1F600, 0x20000, 0xE0100]
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let category = scalar.properties.generalCategory
            let found = CJKFriendlyEmphasisClass(scalar)
            // cmark: ASCII punctuation is every printable ASCII character that is no letter, digit or space (categories P and S).
            let isPunctuation = scalar.isASCII ? punctuation.union(symbols).contains(category) : punctuation.contains(category)
            let isWhitespace = [0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(value) || category == .spaceSeparator
            #expect(found == CJKFriendlyEmphasisClass(isWhitespace: isWhitespace, isPunctuation: isPunctuation, isCJK: CJKCharacters.isCJK(scalar)),
                    "U+\(String(value, radix: 16))")
        }
        #expect(CJKFriendlyEmphasisClass(nil) == CJKFriendlyEmphasisClass(isWhitespace: true, isPunctuation: false, isCJK: false))
    }

    @Test func passIsOffOutsideSiteMode() {
        #expect(Self.render("我们的**《手册》**出版了。", .commonMark) == "<p>我们的**《手册》**出版了。</p>\n")
        #expect(Self.render("我们的**《手册》**出版了。", Self.siteWithoutPass) == "<p>我们的**《手册》**出版了。</p>\n")
    }

    // MARK: - Latin text is unchanged

    struct SpecExample: Decodable {
        var markdown: String
        var example: Int
    }

    static func commonMarkExamples() throws -> [SpecExample] {
        let url = try #require(Bundle.module.url(forResource: "spec-0.30", withExtension: "json", subdirectory: "Fixtures/commonmark"))
        return try JSONDecoder().decode([SpecExample].self, from: Data(contentsOf: url))
    }

    static func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { CJKCharacters.isCJK($0) }
    }

    @Test func latinTextIsUnchanged() throws {
        let examples = try Self.commonMarkExamples()
        let latin = examples.filter { !Self.hasCJK($0.markdown) }
        #expect(examples.count == 652)
        #expect(latin.count > 640)
        for example in latin {
            let with = Self.render(example.markdown, Self.site)
            let without = Self.render(example.markdown, Self.siteWithoutPass)
            #expect(with == without, "CommonMark example \(example.example)")
        }
    }

    @Test func latinRunsNeverGetMarkers() throws {
        for example in try Self.commonMarkExamples() where !Self.hasCJK(example.markdown) {
            #expect(CJKFriendlyEmphasisPlanner.markedSource(example.markdown) == nil, "CommonMark example \(example.example)")
        }
    }
}
