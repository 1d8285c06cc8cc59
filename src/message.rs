//! The words of every problem message, as data: a [`Msg`] names the kind of
//! message and holds its arguments (ids, names, numbers, what was found and
//! what was expected); [`Msg::text`] writes it in English or Japanese. A
//! [`crate::Diagnostic`] keeps its message this way, so the language is chosen
//! when it is shown, and the English text (the JSON and library contract) and
//! the Japanese one come from the same place.

use crate::model::Lang;
use crate::model::date::{DateError, DateProblem};
use crate::model::rule::Period;

/// `format!` in the language asked for.
macro_rules! say {
    ($lang:expr, $en:literal, $ja:literal) => {
        match $lang {
            Lang::En => format!($en),
            Lang::Ja => format!($ja),
        }
    };
}

macro_rules! fixed {
    ($($(#[$doc:meta])* $name:ident => $en:literal, $ja:literal;)*) => {
        /// Messages without arguments: one sentence in each language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[cfg_attr(not(feature = "cli"), allow(dead_code))] // some are the CLI's own
        pub(crate) enum Fixed {
            $($(#[$doc])* $name,)*
        }
        impl Fixed {
            /// Every fixed message (for the test that each has both texts).
            #[cfg(test)]
            pub const ALL: &'static [Fixed] = &[$(Fixed::$name,)*];
            fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Fixed::$name, Lang::En) => $en,
                      (Fixed::$name, Lang::Ja) => $ja,)*
                }
            }
        }
    };
}

fixed! {
    // ---- help lines and short sentences of the loader
    WriteBilingual => "write it as `{en: ..., ja: ...}`",
        "`{en: ..., ja: ...}` の形で書く";
    FactNameForm => "use lower-case words joined by `_`, grouped with dots: `conflict.ceasefire`",
        "小文字の語を `_` でつなぎ、ドットで区切って書く（例：`conflict.ceasefire`）";
    SplitRuleset => "a ruleset this large is not a statute: split it, or share parts as terms",
        "法律の規則集としては大きすぎる：分けるか、共通の部分を用語にまとめる";
    TermTakesName => "`term` takes the name of a term", "`term` には用語の名前を書く";
    FactTakesName => "`fact` takes a fact name", "`fact` には事実の名前を書く";
    RuleTakesId => "`rule` takes a rule id", "`rule` には規則IDを書く";
    TermChains => "define terms directly in facts rather than through long chains",
        "用語を長く連ねず、事実を使って直接定義する";
    ReadingTestForm => "a reading test needs `is: <option>` or `in: [<options>]`",
        "解釈の判定には `is: <option>` か `in: [<options>]` が必要";
    RuleRefForm => "a rule reference needs `is: <outcome>` or `in: [<outcomes>]`",
        "規則の参照には `is: <outcome>` か `in: [<outcomes>]` が必要";
    OutcomesAre => "outcomes are `pass`, `fail`, `undetermined`, `not_applicable`, `not_in_force`",
        "結果は `pass`、`fail`、`undetermined`、`not_applicable`、`not_in_force` のいずれか";
    ValuesMapping => "`values` must map each value to its description",
        "`values` は各値からその説明へのマッピングで書く";
    TooManyValues => "at most 64 values per fact", "一つの事実の値は64個まで";
    DefaultByReading => "`values` maps each option of the reading to a value",
        "`values` には解釈の各選択肢からその値へのマッピングを書く";
    OptionsList => "`options` must be a list of 2 to 64 options",
        "`options` は2個から64個までの選択肢のリストで書く";
    PrincipleNumber => "`number` must be a whole number from 1 to 99",
        "`number` は1から99までの整数で書く";
    RulesetValuesHelp => "a statute's rules hold some thousands of values: is this the right folder?",
        "法律の規則集の値は数千個程度：フォルダーを取り違えていないか確認する";
    NoDateFact => "the ruleset declares no `date` fact of type `date`; it selects the law version",
        "規則集に型 `date` の事実 `date` が宣言されていない（法の版を選ぶのに使う）";
    NoLawVersions => "the ruleset declares no `law_versions`; at least one is needed to date the law",
        "規則集に `law_versions` が宣言されていない（法の日付を定めるには一つ以上必要）";
    RuleUnreadable => "a rule could not be read", "読めない規則がある";
    OwnRuleId => "give each rule its own id; use `versions:` for the same rule over time",
        "規則ごとに別のIDを付ける（同じ規則の時期ごとの違いは `versions:` で書く）";
    UsedIfFactsOnly => "`used_if` may test facts and readings only, not rules (nor terms that test rules)",
        "`used_if` で判定できるのは事実と解釈だけ（規則や、規則を判定する用語は使えない）";
    RulesFolderHelp => "give the folder of rule files to `--rules` (e.g. `--rules rules/`) and scenario files as arguments",
        "規則ファイルのフォルダーは `--rules` に（例：`--rules rules/`）、シナリオファイルは引数に渡す";
    ScenarioFileHelp => "rule files are read with `--rules DIR`; a scenario names the mission (`name:`) and states its facts (`peacecoop schema` describes them)",
        "規則ファイルは `--rules DIR` で読む。シナリオには活動の名前（`name:`）と事実を書く（事実の一覧は `peacecoop schema`）";
    LiteralBrace => "write `{{` for a literal brace", "波括弧そのものは `{{` と書く";
    LastCaseWhen => "only the last explanation case may omit `when`",
        "`when` を省けるのは説明の最後の場合だけ";
    CitesList => "`cites` must be a list", "`cites` はリストで書く";
    CiteForm => "write it as `{article: {en: ..., ja: ...}, source: <id>}`",
        "`{article: {en: ..., ja: ...}, source: <id>}` の形で書く";
    AddSource => "add `source: <id>` from `sources:`", "`sources:` にあるIDで `source: <id>` を加える";
    RuleKinds => "expected one of `general`, `pillar`, `principle`, `task`, `procedure`",
        "`general`、`pillar`、`principle`、`task`、`procedure` のいずれかを書く";
    KindWord => "`kind` must be a word", "`kind` は語で書く";
    OwnInForce => "give each version its own `in_force`, and drop the rule-level one",
        "版ごとに `in_force` を書き、規則全体の `in_force` は削る";
    VersionsList => "`versions` must be a list", "`versions` はリストで書く";
    OneVersion => "give at least one version, or drop `versions` and write the rule directly",
        "版を一つ以上書くか、`versions` を削って規則を直接書く";
    EndEarlier => "end the earlier version with `until:` the day before the later one starts",
        "前の版を、後の版の始まる前日の `until:` で終える";
    AddCites => "add `cites:` with the article it encodes", "規則が表す条文を `cites:` に加える";
    IsSetTrue => "`is_set` takes `true` (write `not:` around it for the opposite)",
        "`is_set` には `true` を書く（逆の意味なら `not:` で囲む）";
    TooManyNames => "too many distinct names for one text fact (64 at most)",
        "一つの文字列の事実に使える名前は64個まで";
    NumberOrDate => "expected a number or a date", "数か日付を書く";
    UnsupportedTest => "unsupported test", "使えない判定";
    // ---- scenarios
    NoScenario => "the file holds no scenario (it is empty or null)",
        "ファイルにシナリオがない（空か `null`）";
    ScenarioShape => "a scenario is a mapping with at least `name:` and `operation:`",
        "シナリオは少なくとも `name:` と `operation:` を持つマッピング";
    NoName => "the scenario has no `name`", "シナリオに `name` がない";
    AddName => "add a line such as `name: UNTAC, Cambodia`",
        "`name: UNTAC, Cambodia` のような行を加える";
    OnceEach => "give each fact once, either dotted (`a.b: x`) or nested (`a: {b: x}`)",
        "各事実は一度だけ、ドット区切り（`a.b: x`）か入れ子（`a: {b: x}`）のどちらかで書く";
    WholeNumber => "a whole number without fraction or exponent, within range",
        "範囲内の整数を、小数点や指数を使わずに書く";
    ForeignScenario => "the scenario was read with another ruleset, whose facts differ",
        "このシナリオは事実の異なる別の規則集で読み込まれた";
    SameRuleset => "read the scenario with the ruleset that analyses it (`RuleSet::parse_scenario`)",
        "分析する規則集でシナリオを読み込む（`RuleSet::parse_scenario`）";
    ReadingsListed => "`peacecoop readings` lists them", "一覧は `peacecoop readings` で見られる";
    FixReadings => "fix some readings with `--reading ID=OPTION`",
        "`--reading ID=OPTION` でいくつかの解釈を固定する";
    // ---- files
    DanglingLink => "skipped: a link to a file that does not exist",
        "読み飛ばした：存在しないファイルへのリンク";
    NotAFile => "skipped: not a regular file (a pipe, socket or device)",
        "読み飛ばした：通常のファイルではない（パイプ、ソケット、デバイス）";
    RuleFileHelp => "a rule file is a few hundred kilobytes at most: split it into several files",
        "規則ファイルは大きくても数百キロバイト：複数のファイルに分ける";
    ScenarioSizeHelp => "a scenario is a few hundred bytes; raise the limit with --max-size if this is intended",
        "シナリオは数百バイト程度：意図したものなら `--max-size` で上限を上げる";
    NotUtf8 => "the file is not UTF-8 text (found invalid bytes)",
        "ファイルが UTF-8 の文字列ではない（不正なバイトがある）";
    NoRuleFiles => "the directory holds no *.yaml or *.yml rule files",
        "フォルダーに規則ファイル（`*.yaml`、`*.yml`）がない";
    RulesFolder => "pass the folder that holds the rule files, e.g. `--rules rules/`",
        "規則ファイルのあるフォルダーを渡す（例：`--rules rules/`）";
    RuleBytesHelp => "a statute's rules take well under a megabyte: is this the right folder?",
        "法律の規則集は1メガバイトに遠く及ばない：フォルダーを取り違えていないか確認する";
    NoScenarioFiles => "the directory holds no *.yaml or *.yml scenario files",
        "フォルダーにシナリオファイル（`*.yaml`、`*.yml`）がない";
    // ---- the command line
    MermaidOne => "`--format mermaid` draws one scenario, but several were given (or a folder)",
        "`--format mermaid` で描けるシナリオは一つだけだが、複数（またはフォルダー）が渡された";
    MermaidHelp => "give one scenario file, or use `--format summary` for a batch",
        "シナリオファイルを一つ渡すか、まとめて見るには `--format summary` を使う";
    RulesListed => "`peacecoop rules` lists the rule ids", "規則IDの一覧は `peacecoop rules` で見られる";
    PrinciplesListed => "`peacecoop rules` lists the principles as headings",
        "原則の一覧は `peacecoop rules` の見出しで見られる";
    NothingTested => "no scenario here states an expectation (`expect:`), so nothing was tested",
        "想定（`expect:`）を書いたシナリオがないため、何も検証していない";
    AddExpect => "add `expect: eligible` (or not_eligible, undetermined) to a scenario, or run `peacecoop evaluate`",
        "シナリオに `expect: eligible`（または `not_eligible`、`undetermined`）を加えるか、`peacecoop evaluate` を使う";
    NameAFact => "name at least one fact to vary", "変える事実を一つ以上指定する";
    ReadingForm => "write ID=OPTION, e.g. `parties-gone-before-2016=text`",
        "ID=OPTION の形で書く（例：`parties-gone-before-2016=text`）";
    BadCommandLine => "the command line cannot be read", "コマンドラインを読めない";
    // ---- YAML
    SecondDocument => "a second YAML document starts here (after `---` or `...`); a file holds one document",
        "ここから二つ目の YAML 文書が始まる（`---` か `...` の後）：一つのファイルには一つの文書だけを書く";
    KeyMissing => "a key is missing before `:`", "`:` の前にキーがない";
    MergeKey => "found a merge key `<<`, which YAML 1.2 does not have: write the keys out in full",
        "YAML 1.2 にないマージキー `<<` がある：キーをすべて書き出す";
    EofList => "the file ends inside a `[…]` list: close it with `]`",
        "`[…]` のリストの途中でファイルが終わっている：`]` で閉じる";
    EofMap => "the file ends inside a `{…}` mapping: close it with `}`",
        "`{…}` のマッピングの途中でファイルが終わっている：`}` で閉じる";
    StrayClose => "found a closing bracket that closes nothing: remove it, or quote the text",
        "対応する開き括弧のない閉じ括弧がある：削るか、文字列を引用符で囲む";
    FlowMapSep => "expected `,` or `}` here, to continue or close the `{…}` mapping",
        "ここには `{…}` のマッピングを続ける `,` か閉じる `}` が必要";
    FlowListSep => "expected `,` or `]` here, to continue or close the `[…]` list",
        "ここには `[…]` のリストを続ける `,` か閉じる `]` が必要";
    UnclosedQuote => "this quoted text is never closed: add the closing quote",
        "引用符で始めた文字列が閉じられていない：閉じる引用符を加える";
    StrayColon => "found `:` where no key can start: check this line's indentation, or quote a text that contains `: `",
        "キーを置けない場所に `:` がある：この行の字下げを確かめるか、`: ` を含む文字列を引用符で囲む";
    ExpectedKeyLine => "expected a `key: value` line at this indentation: check the indentation",
        "この字下げには `key: value` の行が必要：字下げを確かめる";
    ExpectedItem => "expected a list item (`- …`) at this indentation: check the indentation",
        "この字下げにはリストの項目（`- …`）が必要：字下げを確かめる";
    ItemHere => "a list item (`- …`) cannot start here: put it on its own line, indented under its key",
        "ここからリストの項目（`- …`）は始められない：キーの下に字下げして別の行に書く";
    DashInFlow => "found `-` inside `[…]` or `{…}`: separate items with `,` instead",
        "`[…]` や `{…}` の中に `-` がある：項目は `,` で区切る";
    SpaceAfterDash => "write a space after the `-` of a list item", "リストの項目の `-` の後に空白を書く";
    SpaceAfterColon => "write a space after the `:` of a key", "キーの `:` の後に空白を書く";
    KeyCannotStart => "found a key where none can start: quote the text if the `:` or `?` belongs to it",
        "キーを置けない場所にキーがある：`:` や `?` が文字列の一部なら引用符で囲む";
    OneLineKey => "a key must be on one line and followed by `:`", "キーは一行に書き、後に `:` を付ける";
    ExpectedValue => "expected a value here", "ここには値が必要";
    TabIndent => "found a tab used for indentation: indent with spaces",
        "字下げにタブが使われている：空白で字下げする";
    Underindented => "this line is not indented enough for the value it continues",
        "この行は続きの値としては字下げが足りない";
    Bom => "found a byte-order mark (U+FEFF) inside the text: remove it",
        "文中にバイト順マーク（U+FEFF）がある：削る";
    Backquote => "a value cannot start with a backquote (YAML reserves it): put the text in quotes",
        "値をバッククォートで始めることはできない（YAML の予約文字）：文字列を引用符で囲む";
    CommentSpace => "write a space before a `#` comment, or after an indicator such as `-`, `:` or `?`",
        "`#` のコメントの前や、`-`・`:`・`?` などの記号の後に空白を書く";
    CommentInside => "a comment interrupts a text that continues on the next line: move the comment",
        "次の行に続く文字列の途中にコメントがある：コメントを移す";
    AfterQuote => "found more text after the closing quote: quote the whole value",
        "閉じる引用符の後にも文字がある：値全体を引用符で囲む";
    BadEscape => "found an invalid `\\` escape in double-quoted text: write `\\\\` for a backslash, or use single quotes",
        "二重引用符の文字列に不正な `\\` エスケープがある：バックスラッシュは `\\\\` と書くか、一重引用符を使う";
    MarkerInQuote => "found `---` or `...` at the start of a line inside quoted text: indent that line",
        "引用符の中の行頭に `---` か `...` がある：その行を字下げする";
    AfterDocEnd => "found more text after the end-of-document marker `...`",
        "文書の終わりの印 `...` の後にも文字がある";
    BlockScalar => "a `|` or `>` text block must have its text on the following lines",
        "`|` や `>` の文字列ブロックは、次の行から文字列を書く";
    CannotStart => "found text that cannot start a value here: put it in quotes",
        "ここでは値を始められない文字がある：引用符で囲む";
    AnchorName => "`&` or `*` must be followed by a name (an anchor or alias): put the text in quotes if it is text",
        "`&` や `*` の後には名前（アンカーかエイリアス）が必要：文字列なら引用符で囲む";
    TagMark => "found a tag (`!…`), but tags are not supported: remove it (quote the text if `!` belongs to it)",
        "タグ（`!…`）は使えない：削る（`!` が文字列の一部なら引用符で囲む）";
    OtherVersion => "the file declares a YAML version other than 1.2: remove the `%YAML` line",
        "ファイルが 1.2 以外の YAML の版を宣言している：`%YAML` の行を削る";
    DirectiveStart => "a `%` directive line must be followed by `---`, at the start of the file: remove it (none is needed)",
        "`%` の指令行はファイルの先頭に置き、後に `---` が必要：削る（指令行は要らない）";
    BadDirective => "this `%` directive line is not valid: remove it (none is needed)",
        "この `%` の指令行は不正：削る（指令行は要らない）";
    Unreadable => "found text YAML cannot read here", "ここに YAML として読めない文字がある";
    // ---- advice on tags
    TagStr => "remove it, and put the value in quotes to make it text",
        "削って、文字列にするなら値を引用符で囲む";
    TagScalar => "remove it, and write the value without quotes", "削って、値を引用符なしで書く";
    TagBinary => "remove it (binary data cannot be read)", "削る（バイナリーデータは読めない）";
    TagRemove => "remove it", "削る";
    TagOther => "remove it (nothing named in a file is ever executed, fetched or included)",
        "削る（ファイルに書かれたものを実行、取得、読み込みすることはない）";
}

/// What a YAML value is, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Null,
    Bool,
    Int,
    Number,
    Str,
    List,
    Map,
}

impl Shape {
    /// The shape of a value of the tree.
    pub fn of(v: &crate::tree::Value) -> Shape {
        use crate::tree::Value as Y;
        match v {
            Y::Null => Shape::Null,
            Y::Bool(_) => Shape::Bool,
            Y::Int(_) => Shape::Int,
            Y::Float(_) => Shape::Number,
            Y::Str(_) => Shape::Str,
            Y::Seq(_) => Shape::List,
            Y::Map(_) => Shape::Map,
        }
    }
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Shape::Null, Lang::En) => "null",
            (Shape::Bool, Lang::En) => "a boolean",
            (Shape::Int, Lang::En) => "an integer",
            (Shape::Number, Lang::En) => "a number",
            (Shape::Str, Lang::En) => "a string",
            (Shape::List, Lang::En) => "a list",
            (Shape::Map, Lang::En) => "a mapping",
            (Shape::Null, Lang::Ja) => "空の値",
            (Shape::Bool, Lang::Ja) => "真偽値",
            (Shape::Int, Lang::Ja) => "整数",
            (Shape::Number, Lang::Ja) => "数値",
            (Shape::Str, Lang::Ja) => "文字列",
            (Shape::List, Lang::Ja) => "リスト",
            (Shape::Map, Lang::Ja) => "マッピング",
        }
    }
}

/// What was written where something else was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// A value as written: `` `x` `` in English, 「x」 in Japanese.
    Value(String),
    /// A value as written, unquoted in English.
    Bare(String),
    /// A list, a mapping, null, …
    Shape(Shape),
    /// A quoted `"true"` given for a boolean.
    QuotedText(String),
    /// An item of a list.
    InList(Box<Found>),
    /// A bilingual name without `en`.
    NoEn,
}

impl Found {
    /// A value of the tree: scalars as written, collections by their shape.
    pub fn of(v: &crate::tree::Value) -> Found {
        use crate::tree::Value as Y;
        match v {
            Y::Str(s) => Found::Value(s.clone()),
            Y::Int(i) => Found::Value(i.to_string()),
            Y::Float(x) => Found::Value(x.clone()),
            Y::Bool(b) => Found::Value(b.to_string()),
            other => Found::Shape(Shape::of(other)),
        }
    }
    /// A value of the tree as written, unquoted in English (collections by their shape).
    pub fn bare(v: &crate::tree::Value) -> Found {
        use crate::tree::Value as Y;
        match v {
            Y::Seq(_) | Y::Map(_) | Y::Null => Found::Shape(Shape::of(v)),
            other => Found::Bare(other.to_string()),
        }
    }
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Found::Value(s), Lang::En) => format!("`{s}`"),
            (Found::Value(s) | Found::Bare(s), Lang::Ja) => format!("「{s}」"),
            (Found::Bare(s), Lang::En) => s.clone(),
            (Found::Shape(s), _) => s.text(lang).to_owned(),
            (Found::QuotedText(s), Lang::En) => format!("the text `\"{s}\"`"),
            (Found::QuotedText(s), Lang::Ja) => format!("文字列「\"{s}\"」"),
            (Found::InList(f), Lang::En) => format!("{} in the list", f.text(lang)),
            (Found::InList(f), Lang::Ja) => format!("リストの項目に{}", f.text(lang)),
            (Found::NoEn, Lang::En) => "no `en`".to_owned(),
            (Found::NoEn, Lang::Ja) => "`en` のないもの".to_owned(),
        }
    }
}

/// What may be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expected {
    Bool,
    /// One of these (in backticks, joined).
    OneOf(Names),
    ListOf(Names),
    Int {
        min: i64,
        max: i64,
    },
    Date,
    Text,
    NonEmptyText,
    TextOrPair,
    ExpectMapping,
    Verdict,
    Outcome,
}

impl Expected {
    /// What a fact of type `ty` takes.
    pub fn of(ty: &crate::model::facts::FactType) -> Expected {
        use crate::model::facts::FactType as T;
        let names =
            |v: &[crate::model::facts::EnumValue]| ticks_of(v.iter().map(|v| v.name.as_str()));
        match ty {
            T::Bool => Expected::Bool,
            T::Enum(v) => Expected::OneOf(names(v)),
            T::List(v) => Expected::ListOf(names(v)),
            T::Int { min, max } => Expected::Int {
                min: *min,
                max: *max,
            },
            T::Date => Expected::Date,
            T::Text => Expected::Text,
        }
    }
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Expected::Bool, Lang::En) => "`true` or `false`".into(),
            (Expected::Bool, Lang::Ja) => "`true` か `false` のどちらか".into(),
            (Expected::OneOf(n), Lang::En) => format!("one of {}", n.text(lang)),
            (Expected::OneOf(n), Lang::Ja) => format!("{} のいずれか", n.text(lang)),
            (Expected::ListOf(n), Lang::En) => format!("a list of {}", n.text(lang)),
            (Expected::ListOf(n), Lang::Ja) => format!("{} のリスト", n.text(lang)),
            (Expected::Int { min, max }, Lang::En) => {
                format!("a whole number from {min} to {max}")
            }
            (Expected::Int { min, max }, Lang::Ja) => format!("{min}から{max}までの整数"),
            (Expected::Date, Lang::En) => "a date written YYYY-MM-DD".into(),
            (Expected::Date, Lang::Ja) => "YYYY-MM-DD の形の日付".into(),
            (Expected::Text, Lang::En) => "a text".into(),
            (Expected::Text, Lang::Ja) => "文字列".into(),
            (Expected::NonEmptyText, Lang::En) => "a non-empty text".into(),
            (Expected::NonEmptyText, Lang::Ja) => "空でない文字列".into(),
            (Expected::TextOrPair, Lang::En) => "a text, or `{en: ..., ja: ...}`".into(),
            (Expected::TextOrPair, Lang::Ja) => "文字列か `{en: ..., ja: ...}`".into(),
            (Expected::ExpectMapping, Lang::En) => {
                "a mapping with `verdict`, `rules` and `readings`".into()
            }
            (Expected::ExpectMapping, Lang::Ja) => {
                "`verdict`、`rules`、`readings` を持つマッピング".into()
            }
            (Expected::Verdict, Lang::En) => "one of `eligible`, `not_eligible`, `undetermined`, or a mapping with `verdict` and `rules`".into(),
            (Expected::Verdict, Lang::Ja) => "`eligible`、`not_eligible`、`undetermined` のいずれか、または `verdict` と `rules` を持つマッピング".into(),
            (Expected::Outcome, Lang::En) => {
                "one of `pass`, `fail`, `undetermined`, `not_applicable`, `not_in_force`".into()
            }
            (Expected::Outcome, Lang::Ja) => {
                "`pass`、`fail`、`undetermined`、`not_applicable`、`not_in_force` のいずれか".into()
            }
        }
    }
}

/// The part of a rule file a message is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    RuleFile,
    Term,
    FactDecl,
    Source,
    Reading,
    ReadingOption,
    LawVersion,
    Principle,
    Explanation,
    ExplanationCase,
    Citation,
    Period,
    Rule,
    RuleVersion,
    AllAny,
    NotCond,
    TermCond,
    ReadingTest,
    FactTest,
    RuleRef,
    ReadingDefault,
    /// The description of an enum or list value.
    ValueDescription(String),
    /// A key, shown in backticks.
    Key(String),
}

impl Part {
    fn text(&self, lang: Lang) -> String {
        let (en, ja) = match self {
            Part::RuleFile => ("a rule file", "規則ファイル"),
            Part::Term => ("a term", "用語"),
            Part::FactDecl => ("a fact declaration", "事実の宣言"),
            Part::Source => ("a source", "出典"),
            Part::Reading => ("a reading", "解釈"),
            Part::ReadingOption => ("an option", "選択肢"),
            Part::LawVersion => ("a law version", "法の版"),
            Part::Principle => ("a principle", "原則"),
            Part::Explanation => ("an explanation", "説明"),
            Part::ExplanationCase => ("an explanation case", "説明の場合分け"),
            Part::Citation => ("a citation", "引用"),
            Part::Period => ("an in-force period", "施行期間"),
            Part::Rule => ("a rule", "規則"),
            Part::RuleVersion => ("a rule version", "規則の版"),
            Part::AllAny => ("an `all`/`any` condition", "`all`・`any` の条件"),
            Part::NotCond => ("a `not` condition", "`not` の条件"),
            Part::TermCond => ("a `term` condition", "`term` の条件"),
            Part::ReadingTest => ("a reading test", "解釈の判定"),
            Part::FactTest => ("a fact test", "事実の判定"),
            Part::RuleRef => ("a rule reference", "規則の参照"),
            Part::ReadingDefault => ("a default chosen by a reading", "解釈で選ぶ既定値"),
            Part::ValueDescription(v) => {
                return say!(lang, "the description of value `{v}`", "値 `{v}` の説明");
            }
            Part::Key(k) => return format!("`{k}`"),
        };
        match lang {
            Lang::En => en.to_owned(),
            Lang::Ja => ja.to_owned(),
        }
    }
}

/// Things declared once and named by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    Fact,
    Term,
    Rule,
    Reading,
    Source,
    RuleKind,
    FactType,
    SourceKind,
    Side,
    LawVersion,
    Principle,
}

impl Named {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Named::Fact, Lang::En) => "fact",
            (Named::Term, Lang::En) => "term",
            (Named::Rule, Lang::En) => "rule",
            (Named::Reading, Lang::En) => "reading",
            (Named::Source, Lang::En) => "source",
            (Named::RuleKind, Lang::En) => "rule kind",
            (Named::FactType, Lang::En) => "fact type",
            (Named::SourceKind, Lang::En) => "kind of source",
            (Named::Side, Lang::En) => "side",
            (Named::LawVersion, Lang::En) => "law version",
            (Named::Principle, Lang::En) => "principle",
            (Named::Fact, Lang::Ja) => "事実",
            (Named::Term, Lang::Ja) => "用語",
            (Named::Rule, Lang::Ja) => "規則",
            (Named::Reading, Lang::Ja) => "解釈",
            (Named::Source, Lang::Ja) => "出典",
            (Named::RuleKind, Lang::Ja) => "規則の種類",
            (Named::FactType, Lang::Ja) => "事実の型",
            (Named::SourceKind, Lang::Ja) => "出典の種類",
            (Named::Side, Lang::Ja) => "側",
            (Named::LawVersion, Lang::Ja) => "法の版",
            (Named::Principle, Lang::Ja) => "原則",
        }
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum IoReason {
    NotFound,
    Denied,
    IsDir,
    TooLong,
    /// No space left on the device (the system's own words in English).
    Full(String),
    /// The system's own words.
    Other(String),
}

impl IoReason {
    /// The reason of an I/O error.
    pub fn of(e: &std::io::Error) -> IoReason {
        use std::io::ErrorKind::*;
        match e.kind() {
            NotFound => IoReason::NotFound,
            PermissionDenied => IoReason::Denied,
            IsADirectory => IoReason::IsDir,
            InvalidFilename => IoReason::TooLong,
            StorageFull => IoReason::Full(e.to_string()),
            _ => IoReason::Other(e.to_string()),
        }
    }
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (IoReason::NotFound, Lang::En) => "no such file or directory".into(),
            (IoReason::Denied, Lang::En) => "permission denied".into(),
            (IoReason::IsDir, Lang::En) => "it is a directory".into(),
            (IoReason::TooLong, Lang::En) => "the path, or a name in it, is too long".into(),
            (IoReason::NotFound, Lang::Ja) => "ファイルもフォルダーもない".into(),
            (IoReason::Denied, Lang::Ja) => "読む権限がない".into(),
            (IoReason::IsDir, Lang::Ja) => "フォルダーである".into(),
            (IoReason::TooLong, Lang::Ja) => "パスかその中の名前が長すぎる".into(),
            (IoReason::Full(_), Lang::Ja) => "ディスクに空きがない".into(),
            (IoReason::Full(s) | IoReason::Other(s), _) => s.clone(),
        }
    }
}

/// The choices an unknown scenario key could have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Choices {
    /// These keys.
    List(Names),
    /// The keys of a group.
    Under {
        parent: String,
        list: Names,
    },
    NoReadings,
    RuleIds,
}

impl Choices {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Choices::List(n), _) => n.text(lang),
            (Choices::Under { parent, list }, Lang::En) => {
                format!("under `{parent}` one of {}", list.text(lang))
            }
            (Choices::Under { parent, list }, Lang::Ja) => {
                format!("`{parent}` の下の{}", list.text(lang))
            }
            (Choices::NoReadings, Lang::En) => "nothing: the ruleset declares no readings".into(),
            (Choices::NoReadings, Lang::Ja) => "なし：規則集に解釈が宣言されていない".into(),
            (Choices::RuleIds, Lang::En) => "the rule ids listed by `peacecoop rules`".into(),
            (Choices::RuleIds, Lang::Ja) => "`peacecoop rules` の示す規則ID".into(),
        }
    }
}

/// Which language of a bilingual text a placeholder problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InLangs {
    /// The text is not bilingual: nothing said.
    Plain,
    Both,
    English,
    Japanese,
}

impl InLangs {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (InLangs::Plain, _) => "",
            (InLangs::Both, Lang::En) => " (in the English and the Japanese text)",
            (InLangs::English, Lang::En) => " (in the English text)",
            (InLangs::Japanese, Lang::En) => " (in the Japanese text)",
            (InLangs::Both, Lang::Ja) => "（英語と日本語の文）",
            (InLangs::English, Lang::Ja) => "（英語の文）",
            (InLangs::Japanese, Lang::Ja) => "（日本語の文）",
        }
    }
}

/// The facts a test works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TestOn {
    EnumText,
    IntDate,
    List,
}

/// One message: its kind and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(feature = "cli"), allow(dead_code))] // some are the CLI's own
pub(crate) enum Msg {
    /// A sentence without arguments.
    Fixed(Fixed),
    // ---- suggestions
    DidYouMean {
        name: String,
    },
    OneOf {
        list: Names,
    },
    DeclareUnder {
        section: &'static str,
    },
    Options {
        list: Names,
        its: bool,
    },
    // ---- the shape of what was written
    ExpectedMapping {
        part: Part,
        found: Shape,
    },
    UnknownKeyIn {
        key: String,
        part: Part,
    },
    NoJapanese {
        part: Part,
        ja_key: bool,
    },
    NotAText {
        part: Part,
        found: Shape,
    },
    MissingKey {
        key: String,
    },
    MustBeText {
        key: String,
        found: Shape,
        non_empty: bool,
    },
    MustBeList {
        key: String,
        found: Shape,
    },
    NotKebab {
        id: String,
        rule: bool,
    },
    KebabFix {
        fix: String,
    },
    DateOf {
        part: Part,
        problem: Box<Msg>,
    },
    DateExpected {
        part: Part,
        found: Shape,
    },
    ExpectedId {
        of: Named,
        found: Shape,
    },
    Unknown {
        of: Named,
        name: String,
    },
    NoOption {
        reading: String,
        option: String,
    },
    Twice {
        of: Named,
        name: String,
    },
    OptionTwice {
        reading: String,
        option: String,
    },
    // ---- conditions
    ConditionParts {
        max: usize,
    },
    ExpectedCondition {
        found: Shape,
    },
    ConditionForms {
        heads: Names,
    },
    OneHead {
        heads: Names,
        found: usize,
    },
    TakesList {
        head: String,
        found: Shape,
    },
    TermCycle {
        chain: String,
    },
    TermTooDeep {
        max: usize,
        term: String,
    },
    FactTestOne {
        tests: Names,
    },
    Takes {
        key: String,
        one: bool,
    },
    ExpectedOutcome {
        found: Found,
    },
    RuleCycle {
        id: String,
    },
    IsOnList {
        name: String,
    },
    WorksOn {
        test: String,
        on: TestOn,
        name: String,
        ty: &'static str,
    },
    NotAValueOf {
        value: String,
        fact: String,
        suggestion: Option<String>,
    },
    ValueOfExpected {
        fact: String,
        found: Shape,
    },
    // ---- facts
    BadFactName {
        name: String,
    },
    Reserved {
        name: String,
    },
    GroupClash {
        a: String,
        b: String,
    },
    ValuesOnlyFor {
        ty: String,
    },
    SideWord {
        found: Shape,
    },
    TooMany {
        of: Named,
        max: usize,
    },
    MustBeInteger {
        key: String,
    },
    MinAboveMax {
        min: i64,
        max: i64,
    },
    NeedsValues {
        ty: String,
    },
    DefaultGap {
        fact: String,
        option: String,
        reading: String,
    },
    BadDefault {
        fact: String,
        found: Found,
        expected: Expected,
    },
    // ---- law, readings, principles
    DefaultNotOption {
        default: String,
        reading: String,
    },
    DefaultId {
        found: Shape,
    },
    SameDay {
        a: String,
        b: String,
        date: String,
    },
    // ---- the ruleset as a whole
    RulesetValues {
        max: usize,
    },
    InvalidYaml {
        problem: Box<Msg>,
    },
    TooManyRules {
        n: usize,
        max: usize,
    },
    LooksLikeScenario {
        key: &'static str,
        sections: Names,
        more: usize,
    },
    LooksLikeRules {
        key: String,
        scenario_key: &'static str,
    },
    // ---- rules
    Unclosed {
        langs: InLangs,
    },
    UnknownPlaceholder {
        name: String,
        langs: InLangs,
    },
    ExpectedExplanation {
        found: Shape,
    },
    CitationNoSource {
        article: String,
    },
    EmptyPeriod {
        from: String,
        until: String,
    },
    NoKind {
        id: String,
    },
    NotAPrinciple {
        declared: String,
        found: Found,
    },
    PrincipleUnnamed {
        id: String,
    },
    InForceBoth {
        id: String,
    },
    EmptyVersions {
        id: String,
    },
    TooManyVersions {
        id: String,
        n: usize,
    },
    Overlap {
        id: String,
        a: Period,
        b: Period,
    },
    NoCitation {
        id: String,
    },
    NoExplanation {
        id: String,
        pass: bool,
    },
    ProcedureRequire {
        id: String,
    },
    NoRequire {
        id: String,
    },
    // ---- scenarios and values
    NotAMapping {
        under: Option<String>,
        found: Found,
    },
    InvalidValue {
        key: String,
        found: Found,
        expected: Expected,
    },
    UnknownKey {
        key: String,
        choices: Choices,
    },
    GivenTwice {
        key: String,
        first_line: Option<u32>,
    },
    QuotedBool {
        word: String,
    },
    YamlBool {
        word: &'static str,
    },
    WriteList {
        item: String,
    },
    OutOfRange {
        n: i64,
        bound: i64,
        below: bool,
    },
    NoFraction {
        n: i64,
    },
    WriteDate {
        date: String,
    },
    Radix {
        written: String,
        radix: u32,
        n: String,
    },
    LeadingZero {
        n: i64,
        written: String,
    },
    NoPlus {
        n: i64,
    },
    QuotedNumber {
        n: i64,
    },
    NoSeparators {
        plain: String,
    },
    TakesText {
        fact: String,
    },
    NeedsValue {
        fact: String,
    },
    LiteralValue {
        fact: String,
        found: Found,
        expected: Expected,
        hint: Option<Box<Msg>>,
    },
    // ---- dates
    DateShape {
        text: String,
    },
    YearZero {
        text: String,
    },
    MonthRange {
        text: String,
        month: u32,
    },
    NoSuchDay {
        text: String,
        year: i32,
        month: u32,
        day: u32,
    },
    YearRange {
        year: i32,
    },
    MonthInvalid {
        month: u32,
    },
    DayInvalid {
        day: u32,
    },
    // ---- analyses
    Combinations {
        max: usize,
    },
    TooManyCombinations {
        id: String,
    },
    VersionNeverApplies {
        id: String,
        period: Period,
    },
    NeverApplies {
        id: String,
    },
    NeverFails {
        id: String,
    },
    WorkLimit {
        id: String,
        more: usize,
        max: u64,
    },
    UnusedFact {
        name: String,
    },
    UnusedTerm {
        name: String,
    },
    UnusedReading {
        id: String,
    },
    Undistinguished {
        reading: String,
        a: String,
        b: String,
    },
    // ---- files
    FolderTooDeep {
        max: usize,
    },
    TooManyEntries {
        max: usize,
    },
    CannotRead {
        reason: IoReason,
        file: bool,
    },
    FileTooLarge {
        size: Option<u64>,
        max: u64,
    },
    RuleBytes {
        max: u64,
    },
    // ---- YAML
    DeclaredYaml {
        major: u64,
        minor: u64,
    },
    ValuesOverBudget {
        max: usize,
    },
    NullKey {
        key: String,
    },
    DuplicateKey {
        key: String,
        line: u32,
        column: u32,
    },
    CollectionKey {
        map: bool,
    },
    AliasKey {
        alias: String,
    },
    TooManyAliases {
        max: usize,
    },
    SelfAlias {
        name: String,
    },
    Tag {
        tag: String,
        advice: Fixed,
    },
    NestedTooDeep {
        max: usize,
    },
    NoAnchor {
        name: String,
    },
    NeverClosed {
        open: char,
        close: char,
    },
    ClosedBy {
        open: char,
        close: char,
        want: char,
    },
    ReservedStart {
        c: char,
    },
    BlockInFlow {
        c: char,
    },
    ControlChar {
        code: u32,
    },
    // ---- the command line
    ErrorCount {
        n: usize,
    },
    RulesNotDir {
        dir: String,
    },
    NoPrinciple {
        n: u8,
    },
    ProblemsFound {
        n: usize,
    },
    MoreProblems {
        n: usize,
        same_file: bool,
    },
    CannotWrite {
        why: IoReason,
    },
    Vary {
        problem: Box<Msg>,
    },
    WholeList {
        name: String,
        example: String,
    },
    MatrixTooLarge {
        rows: usize,
        limit: usize,
    },
    VaryTwice {
        name: String,
    },
    NoValues {
        name: String,
    },
    ArgValue {
        arg: String,
        value: String,
    },
    UnknownArgument {
        arg: String,
    },
    UnknownCommand {
        name: String,
    },
    MissingArguments {
        args: Names,
    },
    ArgConflict {
        arg: String,
        other: String,
    },
    ArgTwice {
        arg: String,
    },
    ArgNeedsValue {
        arg: String,
    },
    SeeHelp {
        command: String,
    },
    ArgRange {
        min: i64,
        max: i64,
    },
    ValidValues {
        list: Names,
    },
    CheckOk {
        source: Option<String>,
        facts: usize,
        rules: usize,
        laws: usize,
        readings: usize,
        files: usize,
    },
}

impl From<Fixed> for Msg {
    fn from(f: Fixed) -> Msg {
        Msg::Fixed(f)
    }
}

/// Names to list in backticks: `` `a`, `b` `` in English, `` `a`、`b` `` in Japanese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Names(Vec<String>);

impl Names {
    fn text(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::En => ", ",
            Lang::Ja => "、",
        };
        self.0
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(sep)
    }
}

/// The names, to be listed in backticks.
pub(crate) fn ticks_of<'a>(words: impl IntoIterator<Item = &'a str>) -> Names {
    Names(words.into_iter().map(str::to_owned).collect())
}

impl Msg {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Msg::*;
        let l = lang;
        match self {
            Fixed(f) => f.text(l).to_owned(),
            DidYouMean { name } => say!(l, "did you mean `{name}`?", "もしかして `{name}`？"),
            OneOf { list } => {
                let list = list.text(l);
                say!(l, "expected one of {list}", "次のいずれかを書く：{list}")
            }
            DeclareUnder { section } => {
                say!(
                    l,
                    "declare it under `{section}:`",
                    "`{section}:` の下で宣言する"
                )
            }
            Options { list, its } => {
                let list = list.text(l);
                match (l, its) {
                    (Lang::En, true) => format!("its options are {list}"),
                    (Lang::En, false) => format!("options: {list}"),
                    (Lang::Ja, true) => format!("選択肢は {list}"),
                    (Lang::Ja, false) => format!("選択肢：{list}"),
                }
            }
            ExpectedMapping { part, found } => {
                let (part, found) = (part.text(l), found.text(l));
                say!(
                    l,
                    "expected {part} (a mapping), found {found}",
                    "{part}はマッピングで書く（{found}が書かれている）"
                )
            }
            UnknownKeyIn { key, part } => {
                let part = part.text(l);
                say!(
                    l,
                    "unknown key `{key}` in {part}",
                    "{part}に未知のキー `{key}` がある"
                )
            }
            NoJapanese { part, ja_key } => {
                let part = part.text(l);
                match (l, ja_key) {
                    (Lang::En, false) => format!("{part} has no Japanese text"),
                    (Lang::En, true) => format!("{part} has no Japanese text (`ja`)"),
                    (Lang::Ja, false) => format!("{part}に日本語の文がない"),
                    (Lang::Ja, true) => format!("{part}に日本語の文（`ja`）がない"),
                }
            }
            NotAText { part, found } => {
                let (part, found) = (part.text(l), found.text(l));
                say!(
                    l,
                    "{part} must be a text or `{{en: ..., ja: ...}}`, found {found}",
                    "{part}は文字列か `{{en: ..., ja: ...}}` で書く（{found}が書かれている）"
                )
            }
            MissingKey { key } => say!(l, "missing `{key}`", "`{key}` がない"),
            MustBeText {
                key,
                found,
                non_empty,
            } => {
                let found = found.text(l);
                match (l, non_empty) {
                    (Lang::En, true) => format!("`{key}` must be a non-empty text, found {found}"),
                    (Lang::En, false) => format!("`{key}` must be a text, found {found}"),
                    (Lang::Ja, true) => {
                        format!("`{key}` は空でない文字列で書く（{found}が書かれている）")
                    }
                    (Lang::Ja, false) => format!("`{key}` は文字列で書く（{found}が書かれている）"),
                }
            }
            MustBeList { key, found } => {
                let found = found.text(l);
                say!(
                    l,
                    "`{key}` must be a list, found {found}",
                    "`{key}` はリストで書く（{found}が書かれている）"
                )
            }
            NotKebab { id, rule } => match (l, rule) {
                (Lang::En, false) => format!("id `{id}` is not kebab-case"),
                (Lang::En, true) => format!("rule id `{id}` is not kebab-case"),
                (Lang::Ja, false) => format!("ID `{id}` が小文字と `-` の形ではない"),
                (Lang::Ja, true) => format!("規則ID `{id}` が小文字と `-` の形ではない"),
            },
            KebabFix { fix } => say!(
                l,
                "write lower-case words joined by `-`, e.g. `{fix}`",
                "小文字の語を `-` でつないで書く（例：`{fix}`）"
            ),
            DateOf { part, problem } => {
                let (part, problem) = (part.text(l), problem.text(l));
                say!(l, "{part}: {problem}", "{part}：{problem}")
            }
            DateExpected { part, found } => {
                let (part, found) = (part.text(l), found.text(l));
                say!(
                    l,
                    "{part}: expected a date YYYY-MM-DD, found {found}",
                    "{part}：YYYY-MM-DD の形の日付を書く（{found}が書かれている）"
                )
            }
            ExpectedId { of, found } => {
                let (of, found) = (of.text(l), found.text(l));
                say!(
                    l,
                    "expected a {of} id, found {found}",
                    "{of}IDを書く（{found}が書かれている）"
                )
            }
            Unknown { of, name } => {
                let of = of.text(l);
                say!(l, "unknown {of} `{name}`", "`{name}` という{of}はない")
            }
            NoOption { reading, option } => say!(
                l,
                "reading `{reading}` has no option `{option}`",
                "解釈 `{reading}` に選択肢 `{option}` はない"
            ),
            Twice { of, name } => {
                let what = of.text(l);
                match (l, of) {
                    (Lang::En, Named::Term) => format!("term `{name}` is defined twice"),
                    (Lang::En, Named::Rule) => format!("rule id `{name}` is used twice"),
                    (Lang::En, Named::Principle) => format!("principle {name} is declared twice"),
                    (Lang::En, _) => format!("{what} `{name}` is declared twice"),
                    (Lang::Ja, Named::Term) => format!("用語 `{name}` が二度定義されている"),
                    (Lang::Ja, Named::Rule) => format!("規則ID `{name}` が二度使われている"),
                    (Lang::Ja, Named::Principle) => format!("原則{name}が二度宣言されている"),
                    (Lang::Ja, _) => format!("{what} `{name}` が二度宣言されている"),
                }
            }
            OptionTwice { reading, option } => say!(
                l,
                "reading `{reading}` has option `{option}` twice",
                "解釈 `{reading}` に選択肢 `{option}` が二度ある"
            ),
            ConditionParts { max } => say!(
                l,
                "the ruleset's conditions hold more than {max} parts",
                "規則集の条件が全体で{max}個の要素を超える"
            ),
            ExpectedCondition { found } => {
                let found = found.text(l);
                say!(
                    l,
                    "expected a condition, found {found}",
                    "条件を書く（{found}が書かれている）"
                )
            }
            ConditionForms { heads } => {
                let heads = heads.text(l);
                say!(
                    l,
                    "a condition is `true`, `false` or a mapping starting with one of {heads}",
                    "条件は `true`、`false`、または {heads} のいずれかで始まるマッピング"
                )
            }
            OneHead { heads, found } => {
                let heads = heads.text(l);
                say!(
                    l,
                    "a condition needs exactly one of {heads}, found {found}",
                    "条件には {heads} のうち一つだけを書く（{found}個ある）"
                )
            }
            TakesList { head, found } => {
                let found = found.text(l);
                say!(
                    l,
                    "`{head}` takes a list of conditions, found {found}",
                    "`{head}` には条件のリストを書く（{found}が書かれている）"
                )
            }
            TermCycle { chain } => say!(
                l,
                "terms refer to each other in a cycle: {chain}",
                "用語が循環して互いを参照している：{chain}"
            ),
            TermTooDeep { max, term } => say!(
                l,
                "terms nest more than {max} deep (at `{term}`)",
                "用語の入れ子が{max}段を超える（`{term}` で）"
            ),
            FactTestOne { tests } => {
                let tests = tests.text(l);
                say!(
                    l,
                    "a fact test needs exactly one of {tests}",
                    "事実の判定には {tests} のうち一つだけを書く"
                )
            }
            Takes { key, one: true } => {
                say!(l, "`{key}` takes one value", "`{key}` には値を一つ書く")
            }
            Takes { key, one: false } => {
                say!(
                    l,
                    "`{key}` takes a list of values",
                    "`{key}` には値のリストを書く"
                )
            }
            ExpectedOutcome { found } => {
                let found = found.text(l);
                say!(
                    l,
                    "expected an outcome, found {found}",
                    "結果を書く（{found}が書かれている）"
                )
            }
            RuleCycle { id } => say!(
                l,
                "rule `{id}` depends on itself through rule references",
                "規則 `{id}` が規則の参照を通じて自分自身に依存している"
            ),
            IsOnList { name } => say!(
                l,
                "`{name}` is a list: use `contains`, `contains_any` or `contains_all`",
                "`{name}` はリスト：`contains`、`contains_any`、`contains_all` のいずれかを使う"
            ),
            WorksOn { test, on, name, ty } => match (l, on) {
                (Lang::En, TestOn::EnumText) => {
                    format!("`{test}` works on enum and text facts; `{name}` is {ty}")
                }
                (Lang::En, TestOn::IntDate) => {
                    format!("`{test}` compares integers and dates; `{name}` is {ty}")
                }
                (Lang::En, TestOn::List) => {
                    format!("`{test}` works on list facts; `{name}` is {ty}")
                }
                (Lang::Ja, TestOn::EnumText) => {
                    format!("`{test}` は型 `enum` と `text` の事実に使う（`{name}` の型は `{ty}`）")
                }
                (Lang::Ja, TestOn::IntDate) => {
                    format!("`{test}` は整数と日付を比べる（`{name}` の型は `{ty}`）")
                }
                (Lang::Ja, TestOn::List) => {
                    format!("`{test}` は型 `list` の事実に使う（`{name}` の型は `{ty}`）")
                }
            },
            NotAValueOf {
                value,
                fact,
                suggestion,
            } => match (l, suggestion) {
                (Lang::En, None) => format!("`{value}` is not a value of `{fact}`"),
                (Lang::En, Some(s)) => {
                    format!("`{value}` is not a value of `{fact}` (did you mean `{s}`?)")
                }
                (Lang::Ja, None) => format!("`{value}` は `{fact}` の値ではない"),
                (Lang::Ja, Some(s)) => {
                    format!("`{value}` は `{fact}` の値ではない（もしかして `{s}`？）")
                }
            },
            ValueOfExpected { fact, found } => {
                let found = found.text(l);
                say!(
                    l,
                    "expected a value of `{fact}`, found {found}",
                    "`{fact}` の値を書く（{found}が書かれている）"
                )
            }
            BadFactName { name } => say!(
                l,
                "`{name}` is not a valid fact name",
                "`{name}` は事実の名前として使えない"
            ),
            Reserved { name } => say!(
                l,
                "`{name}` is reserved for scenario metadata",
                "`{name}` はシナリオの付帯情報のために予約されている"
            ),
            GroupClash { a, b } => say!(
                l,
                "`{a}` and `{b}` cannot both be facts: one would be a group of the other",
                "`{a}` と `{b}` を両方とも事実にはできない（一方が他方のまとまりになる）"
            ),
            ValuesOnlyFor { ty } => say!(
                l,
                "`values` only belongs to enum and list facts, not {ty}",
                "`values` を書けるのは型 `enum` と `list` の事実だけ（この事実は `{ty}`）"
            ),
            SideWord { found } => {
                let found = found.text(l);
                say!(
                    l,
                    "`side` must be a word, found {found}",
                    "`side` は語で書く（{found}が書かれている）"
                )
            }
            TooMany { of, max } => {
                let what = of.text(l);
                say!(
                    l,
                    "at most {max} {what}s can be declared",
                    "宣言できる{what}は{max}個まで"
                )
            }
            MustBeInteger { key } => say!(l, "`{key}` must be an integer", "`{key}` は整数で書く"),
            MinAboveMax { min, max } => say!(
                l,
                "`min` {min} is above `max` {max}",
                "`min`（{min}）が `max`（{max}）より大きい"
            ),
            NeedsValues { ty } => say!(
                l,
                "an {ty} fact needs `values`",
                "型 `{ty}` の事実には `values` が必要"
            ),
            DefaultGap {
                fact,
                option,
                reading,
            } => say!(
                l,
                "the default of `{fact}` gives no value for option `{option}` of reading `{reading}`",
                "`{fact}` の既定値に、解釈 `{reading}` の選択肢 `{option}` の値がない"
            ),
            BadDefault {
                fact,
                found,
                expected,
            } => {
                let (found, expected) = (found.text(l), expected.text(l));
                say!(
                    l,
                    "default of `{fact}`: found {found}, expected {expected}",
                    "`{fact}` の既定値：{expected}を書く（{found}が書かれている）"
                )
            }
            DefaultNotOption { default, reading } => say!(
                l,
                "the default `{default}` is not an option of reading `{reading}`",
                "既定の `{default}` は解釈 `{reading}` の選択肢ではない"
            ),
            DefaultId { found } => {
                let found = found.text(l);
                say!(
                    l,
                    "`default` must be an option id, found {found}",
                    "`default` には選択肢のIDを書く（{found}が書かれている）"
                )
            }
            SameDay { a, b, date } => say!(
                l,
                "law versions `{a}` and `{b}` both come into force on {date}",
                "法の版 `{a}` と `{b}` がどちらも{date}に施行される"
            ),
            RulesetValues { max } => say!(
                l,
                "the rule files hold more than {max} values in all (reading stopped at this file)",
                "規則ファイルの値が全体で{max}個を超える（このファイルで読むのをやめた）"
            ),
            InvalidYaml { problem } => {
                let p = problem.text(l);
                say!(l, "invalid YAML: {p}", "YAML として読めない：{p}")
            }
            TooManyRules { n, max } => {
                let this = max + 1;
                say!(
                    l,
                    "the ruleset has {n} rules, more than the limit of {max} (this is rule {this})",
                    "規則集の規則が{n}個あり、上限の{max}個を超える（これが{this}個目）"
                )
            }
            LooksLikeScenario {
                key,
                sections,
                more,
            } => {
                let sections = sections.text(l);
                let also = match (l, more) {
                    (_, 0) => String::new(),
                    (Lang::En, 1) => " (and 1 more file here looks like a scenario)".into(),
                    (Lang::En, n) => format!(" (and {n} more files here look like scenarios)"),
                    (Lang::Ja, n) => format!("（ほかに{n}個のファイルもシナリオに見える）"),
                };
                say!(
                    l,
                    "looks like a scenario, not a rule file: it has `{key}:` and none of the sections of a rule file ({sections}){also}",
                    "規則ファイルではなくシナリオに見える：`{key}:` があり、規則ファイルの節（{sections}）が一つもない{also}"
                )
            }
            LooksLikeRules { key, scenario_key } => say!(
                l,
                "looks like a rule file, not a scenario: it has `{key}:` and no `{scenario_key}:`",
                "シナリオではなく規則ファイルに見える：`{key}:` があり、`{scenario_key}:` がない"
            ),
            Unclosed { langs } => {
                let langs = langs.text(l);
                say!(
                    l,
                    "an explanation has `{{` without a closing `}}`{langs}",
                    "説明の `{{` に対応する `}}` がない{langs}"
                )
            }
            UnknownPlaceholder { name, langs } => {
                let langs = langs.text(l);
                say!(
                    l,
                    "explanation placeholder `{{{name}}}` names no fact{langs}",
                    "説明の差し込み `{{{name}}}` にあたる事実がない{langs}"
                )
            }
            ExpectedExplanation { found } => {
                let found = found.text(l);
                say!(
                    l,
                    "expected an explanation text or a list of `when`/`text` cases, found {found}",
                    "説明の文か、`when`・`text` の場合分けのリストを書く（{found}が書かれている）"
                )
            }
            CitationNoSource { article } => say!(
                l,
                "citation `{article}` names no source",
                "引用 `{article}` に出典がない"
            ),
            EmptyPeriod { from, until } => say!(
                l,
                "the period starts ({from}) after it ends ({until})",
                "期間の始め（{from}）が終わり（{until}）より後になっている"
            ),
            NoKind { id } => say!(
                l,
                "rule `{id}` has no `kind`",
                "規則 `{id}` に `kind` がない"
            ),
            NotAPrinciple { declared, found } => {
                let found = found.text(l);
                say!(
                    l,
                    "`principle` must be the number of a declared principle ({declared}), found {found}",
                    "`principle` には宣言された原則の番号（{declared}）を書く（{found}が書かれている）"
                )
            }
            PrincipleUnnamed { id } => say!(
                l,
                "rule `{id}` is of kind `principle` but names no `principle`",
                "規則 `{id}` は種類が `principle` なのに `principle` を示していない"
            ),
            InForceBoth { id } => say!(
                l,
                "rule `{id}` has both `in_force` and `versions`",
                "規則 `{id}` に `in_force` と `versions` の両方がある"
            ),
            EmptyVersions { id } => say!(
                l,
                "rule `{id}` has an empty `versions` list",
                "規則 `{id}` の `versions` のリストが空"
            ),
            TooManyVersions { id, n } => say!(
                l,
                "rule `{id}` has {n} versions; at most 255",
                "規則 `{id}` に版が{n}個ある（255個まで）"
            ),
            Overlap { id, a, b } => {
                let (a, b) = (period(a, l), period(b, l));
                say!(
                    l,
                    "two versions of rule `{id}` are in force at once ({a} and {b})",
                    "規則 `{id}` の二つの版が同時に施行されている（{a}と{b}）"
                )
            }
            NoCitation { id } => say!(
                l,
                "rule `{id}` cites no source",
                "規則 `{id}` が出典を引用していない"
            ),
            NoExplanation { id, pass: true } => say!(
                l,
                "rule `{id}` has no `explain.pass`",
                "規則 `{id}` に `explain.pass` がない"
            ),
            NoExplanation { id, pass: false } => say!(
                l,
                "rule `{id}` has no `explain.fail`",
                "規則 `{id}` に `explain.fail` がない"
            ),
            ProcedureRequire { id } => say!(
                l,
                "procedural rule `{id}` must not have `require`: procedures never decide the verdict",
                "手続の規則 `{id}` に `require` は書けない（手続は判定を左右しない）"
            ),
            NoRequire { id } => say!(
                l,
                "rule `{id}` has no `require`",
                "規則 `{id}` に `require` がない"
            ),
            NotAMapping { under: None, found } => {
                let found = found.text(l);
                say!(
                    l,
                    "expected a mapping of keys to values, found {found}",
                    "キーと値のマッピングを書く（{found}が書かれている）"
                )
            }
            NotAMapping {
                under: Some(key),
                found,
            } => {
                let found = found.text(l);
                say!(
                    l,
                    "expected a mapping of keys to values under `{key}`, found {found}",
                    "`{key}` の下にはキーと値のマッピングを書く（{found}が書かれている）"
                )
            }
            InvalidValue {
                key,
                found,
                expected,
            } => {
                let (found, expected) = (found.text(l), expected.text(l));
                say!(
                    l,
                    "invalid value for `{key}`: found {found}, expected {expected}",
                    "`{key}` の値が不正：{expected}を書く（{found}が書かれている）"
                )
            }
            UnknownKey { key, choices } => {
                let choices = choices.text(l);
                say!(
                    l,
                    "unknown key `{key}`; expected one of {choices}",
                    "未知のキー `{key}`（使えるのは{choices}）"
                )
            }
            GivenTwice { key, first_line } => match (l, first_line) {
                (Lang::En, None) => format!("`{key}` is given twice"),
                (Lang::En, Some(n)) => format!("`{key}` is given twice (first at line {n})"),
                (Lang::Ja, None) => format!("`{key}` が二度書かれている"),
                (Lang::Ja, Some(n)) => format!("`{key}` が二度書かれている（最初は{n}行目）"),
            },
            QuotedBool { word } => say!(
                l,
                "the value is quoted, so it is text: write `{word}` without quotes",
                "値が引用符で囲まれているので文字列になる：`{word}` と引用符なしで書く"
            ),
            YamlBool { word } => say!(
                l,
                "YAML 1.2 booleans are `true` and `false` only: write `{word}`",
                "YAML 1.2 の真偽値は `true` と `false` だけ：`{word}` と書く"
            ),
            WriteList { item } => say!(
                l,
                "write a list, even of one item: `[{item}]`",
                "項目が一つでもリストで書く：`[{item}]`"
            ),
            OutOfRange {
                n,
                bound,
                below: true,
            } => say!(
                l,
                "{n} is below the minimum, {bound}",
                "{n}は最小値の{bound}を下回る"
            ),
            OutOfRange {
                n,
                bound,
                below: false,
            } => say!(
                l,
                "{n} is above the maximum, {bound}",
                "{n}は最大値の{bound}を上回る"
            ),
            NoFraction { n } => say!(
                l,
                "write `{n}`, without a fraction or exponent",
                "小数点や指数を使わずに `{n}` と書く"
            ),
            WriteDate { date } => say!(l, "write `{date}`", "`{date}` と書く"),
            Radix { written, radix, n } => {
                let name = match (l, radix) {
                    (Lang::En, 16) => "hexadecimal",
                    (Lang::En, 8) => "octal",
                    (Lang::En, _) => "binary",
                    (Lang::Ja, 16) => "16進数",
                    (Lang::Ja, 8) => "8進数",
                    (Lang::Ja, _) => "2進数",
                };
                say!(
                    l,
                    "`{written}` is {name}, which YAML readers disagree on: write it in decimal, `{n}`",
                    "`{written}` は{name}で、YAML の読み手によって解釈が分かれる：10進数で `{n}` と書く"
                )
            }
            LeadingZero { n, written } => say!(
                l,
                "write `{n}` without the leading zero (older YAML reads `{written}` as octal)",
                "先頭の0を付けずに `{n}` と書く（古い YAML は `{written}` を8進数として読む）"
            ),
            NoPlus { n } => say!(
                l,
                "write `{n}`, without the `+`",
                "`+` を付けずに `{n}` と書く"
            ),
            QuotedNumber { n } => say!(
                l,
                "the number is quoted, so it is text: write `{n}` without quotes",
                "数が引用符で囲まれているので文字列になる：`{n}` と引用符なしで書く"
            ),
            NoSeparators { plain } => say!(
                l,
                "write the number without separators: `{plain}`",
                "区切り記号を付けずに数を書く：`{plain}`"
            ),
            TakesText { fact } => say!(l, "`{fact}` takes a text", "`{fact}` には文字列を書く"),
            NeedsValue { fact } => say!(
                l,
                "a test on `{fact}` needs a value, not null",
                "`{fact}` の判定には空でない値が必要"
            ),
            LiteralValue {
                fact,
                found,
                expected,
                hint,
            } => {
                let (found, expected) = (found.text(l), expected.text(l));
                let hint = hint.as_ref().map(|h| h.text(l));
                match (l, hint) {
                    (Lang::En, None) => {
                        format!("invalid value for `{fact}`: found {found}, expected {expected}")
                    }
                    (Lang::En, Some(h)) => format!(
                        "invalid value for `{fact}`: found {found}, expected {expected} ({h})"
                    ),
                    (Lang::Ja, None) => {
                        format!("`{fact}` の値が不正：{expected}を書く（{found}が書かれている）")
                    }
                    (Lang::Ja, Some(h)) => format!(
                        "`{fact}` の値が不正：{expected}を書く（{found}が書かれている。{h}）"
                    ),
                }
            }
            DateShape { text } => say!(
                l,
                "`{text}` is not a date in the form YYYY-MM-DD",
                "`{text}` は YYYY-MM-DD の形の日付ではない"
            ),
            YearZero { text } => say!(
                l,
                "`{text}` has year 0; years run from 1 to 9999",
                "`{text}` の年が0になっている（年は1から9999まで）"
            ),
            MonthRange { text, month } => say!(
                l,
                "`{text}` has month {month}; months run 1 to 12",
                "`{text}` の月が{month}になっている（月は1から12まで）"
            ),
            NoSuchDay {
                text,
                year,
                month,
                day,
            } => say!(
                l,
                "`{text}` does not exist: {year:04}-{month:02} has no day {day}",
                "`{text}` という日はない（{year}年{month}月に{day}日はない）"
            ),
            YearRange { year } => say!(l, "year {year} is out of range", "{year}年は範囲外"),
            MonthInvalid { month } => say!(l, "month {month} is invalid", "{month}月は不正"),
            DayInvalid { day } => say!(l, "day {day} is invalid", "{day}日は不正"),
            Combinations { max } => say!(
                l,
                "more than {max} combinations of readings",
                "解釈の組み合わせが{max}通りを超える"
            ),
            TooManyCombinations { id } => say!(
                l,
                "rule `{id}`: not analysed: too many combinations to enumerate",
                "規則 `{id}`：組み合わせが多すぎて列挙できないため分析していない"
            ),
            VersionNeverApplies { id, period } => {
                let p = self::period(period, l);
                say!(
                    l,
                    "the version of rule `{id}` in force {p} can never apply: no facts satisfy `applies_if` in its period",
                    "規則 `{id}` の{p}の版は適用されることがない（その期間に `applies_if` を満たす事実がない）"
                )
            }
            NeverApplies { id } => say!(
                l,
                "rule `{id}` can never apply",
                "規則 `{id}` は適用されることがない"
            ),
            NeverFails { id } => say!(
                l,
                "rule `{id}` can never fail: whatever the facts, it passes or does not apply",
                "規則 `{id}` は満たされないことがない（事実がどうであれ、充足か対象外になる）"
            ),
            WorkLimit { id, more, max } => {
                let more_text = match (l, more) {
                    (_, 0) => String::new(),
                    (Lang::En, 1) => " and 1 more rule version".into(),
                    (Lang::En, n) => format!(" and {n} more rule versions"),
                    (Lang::Ja, n) => format!("ほか{n}個の規則の版"),
                };
                say!(
                    l,
                    "rule `{id}`{more_text}: not analysed: the analysis of the whole ruleset reached its limit of {max} steps",
                    "規則 `{id}`{more_text}：規則集全体の分析が上限の{max}手順に達したため分析していない"
                )
            }
            UnusedFact { name } => say!(
                l,
                "fact `{name}` is declared but no rule reads it",
                "事実 `{name}` は宣言されているが、どの規則も使っていない"
            ),
            UnusedTerm { name } => say!(
                l,
                "term `{name}` is defined but nothing uses it",
                "用語 `{name}` は定義されているが、どこでも使われていない"
            ),
            UnusedReading { id } => say!(
                l,
                "reading `{id}` is declared but no rule consults it",
                "解釈 `{id}` は宣言されているが、どの規則も参照していない"
            ),
            Undistinguished { reading, a, b } => say!(
                l,
                "reading `{reading}`: no rule tells option `{a}` apart from `{b}`",
                "解釈 `{reading}`：選択肢 `{a}` と `{b}` を区別する規則がない"
            ),
            FolderTooDeep { max } => say!(
                l,
                "skipped: the folder is more than {max} folders deep",
                "読み飛ばした：フォルダーの階層が{max}段を超える"
            ),
            TooManyEntries { max } => say!(
                l,
                "stopped: more than {max} entries below the folder",
                "中止した：フォルダーの下の項目が{max}個を超える"
            ),
            CannotRead { reason, file } => {
                let r = reason.text(l);
                match (l, file) {
                    (Lang::En, true) => format!("cannot read the file: {r}"),
                    (Lang::En, false) => format!("cannot read: {r}"),
                    (Lang::Ja, true) => format!("ファイルを読めない：{r}"),
                    (Lang::Ja, false) => format!("読めない：{r}"),
                }
            }
            FileTooLarge {
                size: Some(size),
                max,
            } => say!(
                l,
                "the file is {size} bytes, over the limit of {max} bytes",
                "ファイルが{size}バイトあり、上限の{max}バイトを超える"
            ),
            FileTooLarge { size: None, max } => say!(
                l,
                "the file holds more than the limit of {max} bytes",
                "ファイルが上限の{max}バイトを超える"
            ),
            RuleBytes { max } => say!(
                l,
                "the rule files hold more than {max} bytes in all",
                "規則ファイルが全体で{max}バイトを超える"
            ),
            DeclaredYaml { major, minor } => say!(
                l,
                "the file declares `%YAML {major}.{minor}`, but it is read as YAML 1.2: remove the `%YAML` line",
                "ファイルは `%YAML {major}.{minor}` を宣言しているが、YAML 1.2 として読む：`%YAML` の行を削る"
            ),
            ValuesOverBudget { max } => say!(
                l,
                "the document holds more than {max} values once aliases are expanded (an alias bomb, or far more data than a scenario or rule file needs)",
                "エイリアスを展開すると文書の値が{max}個を超える（エイリアス爆弾か、シナリオや規則ファイルに要るよりはるかに多いデータ）"
            ),
            NullKey { key } => say!(
                l,
                "found the key `{key}`, which is null: a key must be a name",
                "キー `{key}` は空の値になる：キーには名前を書く"
            ),
            DuplicateKey { key, line, column } => say!(
                l,
                "duplicate key `{key}` (first given on line {line}, column {column}): each key may appear only once in a mapping",
                "キー `{key}` が重複している（最初は{line}行{column}列）：一つのマッピングに同じキーは一度だけ書ける"
            ),
            CollectionKey { map } => {
                let what = Shape::text(if *map { Shape::Map } else { Shape::List }, l);
                say!(
                    l,
                    "found {what} used as a key: a key must be a name",
                    "{what}がキーとして使われている：キーには名前を書く"
                )
            }
            AliasKey { alias } => say!(
                l,
                "found the alias `{alias}` used as a key: write the key itself",
                "エイリアス `{alias}` がキーとして使われている：キーそのものを書く"
            ),
            TooManyAliases { max } => say!(
                l,
                "the document uses more than {max} aliases",
                "文書のエイリアスが{max}個を超える"
            ),
            SelfAlias { name } => say!(
                l,
                "the alias `*{name}` is used inside the value it names (`&{name}`), which would never end: write the value out",
                "エイリアス `*{name}` が、それが指す値（`&{name}`）の中で使われていて終わらない：値を書き出す"
            ),
            Tag { tag, advice } => {
                let advice = advice.text(l);
                say!(
                    l,
                    "found the tag `{tag}`, but tags are not supported: {advice}",
                    "タグ `{tag}` は使えない：{advice}"
                )
            }
            NestedTooDeep { max } => say!(
                l,
                "the document is nested more than {max} levels deep",
                "文書の入れ子が{max}段を超える"
            ),
            NoAnchor { name } => say!(
                l,
                "the alias `*{name}` names no anchor: write `&{name}` on a value before using `*{name}`",
                "エイリアス `*{name}` にあたるアンカーがない：`*{name}` を使う前に値に `&{name}` を付ける"
            ),
            NeverClosed { open, close } => say!(
                l,
                "this `{open}` is never closed: add `{close}`",
                "この `{open}` が閉じられていない：`{close}` を加える"
            ),
            ClosedBy { open, close, want } => say!(
                l,
                "a `{open}` is closed by `{close}`: write `{want}`",
                "`{open}` が `{close}` で閉じられている：`{want}` と書く"
            ),
            ReservedStart { c } => say!(
                l,
                "a value cannot start with `{c}` (YAML reserves it): put the text in quotes",
                "値を `{c}` で始めることはできない（YAML の予約文字）：文字列を引用符で囲む"
            ),
            BlockInFlow { c } => say!(
                l,
                "a `{c}` text block cannot be used inside `[…]` or `{{…}}`: put the text in quotes",
                "`[…]` や `{{…}}` の中では `{c}` の文字列ブロックは使えない：文字列を引用符で囲む"
            ),
            ControlChar { code } => say!(
                l,
                "found the control character U+{code:04X}: remove it (or write it as an escape in double quotes)",
                "制御文字 U+{code:04X} がある：削る（または二重引用符の中でエスケープして書く）"
            ),
            ErrorCount { n } => match l {
                Lang::En => format!(
                    "the ruleset has {n} error{}",
                    if *n == 1 { "" } else { "s" }
                ),
                Lang::Ja => format!("規則集にエラーが{n}件ある"),
            },
            RulesNotDir { dir } => say!(
                l,
                "--rules `{dir}` is not a directory",
                "--rules の `{dir}` はフォルダーではない"
            ),
            NoPrinciple { n } => say!(
                l,
                "--principle {n}: the ruleset has no principle {n}",
                "--principle {n}：規則集に原則{n}はない"
            ),
            ProblemsFound { n } => match l {
                Lang::En => format!("{n} problem{} found", if *n == 1 { "" } else { "s" }),
                Lang::Ja => format!("問題が{n}件見つかった"),
            },
            MoreProblems { n, same_file: true } => say!(
                l,
                "… and {n} more problems in the same file",
                "……同じファイルにほか{n}件の問題がある"
            ),
            MoreProblems {
                n,
                same_file: false,
            } => say!(
                l,
                "… and {n} more problems not shown",
                "……ほか{n}件の問題は表示していない"
            ),
            CannotWrite { why } => {
                let why = why.text(l);
                say!(
                    l,
                    "cannot write the output: {why}",
                    "出力を書き込めない：{why}"
                )
            }
            Vary { problem } => {
                let p = problem.text(l);
                say!(l, "--vary: {p}", "--vary：{p}")
            }
            WholeList { name, example } => say!(
                l,
                "`{name}` is a list: vary one item at a time, e.g. `{name}.{example}`",
                "`{name}` はリスト：項目を一つずつ変える（例：`{name}.{example}`）"
            ),
            MatrixTooLarge { rows, limit } => say!(
                l,
                "{rows} combinations is more than the limit of {limit}; vary fewer facts",
                "組み合わせが{rows}通りで、上限の{limit}通りを超える：変える事実を減らす"
            ),
            CheckOk {
                source,
                facts,
                rules,
                laws,
                readings,
                files,
            } => match (l, source) {
                (Lang::En, source) => format!(
                    "ok: {}: {facts} facts, {rules} rules, {laws} law versions, {readings} readings; {files} scenario file{} valid",
                    source.as_deref().unwrap_or("embedded ruleset"),
                    if *files == 1 { "" } else { "s" }
                ),
                (Lang::Ja, source) => format!(
                    "問題なし（{}）：事実{facts}個、規則{rules}個、法の版{laws}個、解釈{readings}個。有効なシナリオファイル{files}個",
                    source.as_deref().unwrap_or("組み込みの規則集")
                ),
            },
            ArgValue { arg, value } => say!(
                l,
                "invalid value `{value}` for `{arg}`",
                "`{arg}` の値「{value}」は使えない"
            ),
            UnknownArgument { arg } => {
                say!(l, "unexpected argument `{arg}`", "引数「{arg}」は使えない")
            }
            UnknownCommand { name } => say!(
                l,
                "unrecognized subcommand `{name}`",
                "「{name}」というコマンドはない"
            ),
            MissingArguments { args } => {
                let args = args.text(l);
                say!(
                    l,
                    "the following required arguments were not provided: {args}",
                    "必要な引数がない：{args}"
                )
            }
            ArgConflict { arg, other } => say!(
                l,
                "`{arg}` cannot be used with `{other}`",
                "`{arg}` と `{other}` は一緒に使えない"
            ),
            ArgTwice { arg } => say!(
                l,
                "`{arg}` cannot be used multiple times",
                "`{arg}` は一度だけ指定できる"
            ),
            ArgNeedsValue { arg } => say!(
                l,
                "`{arg}` needs a value, but none was given",
                "`{arg}` に値が書かれていない"
            ),
            ArgRange { min, max } => say!(
                l,
                "write a whole number from {min} to {max}",
                "{min}から{max}までの整数を書く"
            ),
            SeeHelp { command } => say!(
                l,
                "`{command} --help` shows the usage",
                "使い方は `{command} --help` で見られる"
            ),
            ValidValues { list } => {
                let list = list.text(l);
                say!(l, "possible values: {list}", "使える値：{list}")
            }
            NoValues { name } => say!(
                l,
                "`{name}` has no values to vary over: no rule compares it with anything",
                "`{name}` には変える値がない（どの規則もこの事実を何とも比べていない）"
            ),
            VaryTwice { name } => say!(
                l,
                "`{name}` is named twice: each fact varies once",
                "`{name}` が二度指定されている：各事実は一度だけ変える"
            ),
        }
    }
}

/// A period in force, in words: "from 2016-03-29", "2016-03-29以降".
pub(crate) fn period(p: &Period, lang: Lang) -> String {
    match (lang, p.from, p.until) {
        (Lang::Ja, None, None) => "常時".into(),
        (Lang::Ja, Some(a), None) => format!("{a}以降"),
        (Lang::Ja, None, Some(b)) => format!("{b}まで"),
        (Lang::Ja, Some(a), Some(b)) => format!("{a}から{b}まで"),
        (_, None, None) => "always".into(),
        (_, Some(a), None) => format!("from {a}"),
        (_, None, Some(b)) => format!("until {b}"),
        (_, Some(a), Some(b)) => format!("{a} to {b}"),
    }
}

/// The label of a message line: `error`, `warning`, `help`.
pub(crate) fn label(lang: Lang, which: Label) -> &'static str {
    match (lang, which) {
        (Lang::En, Label::Error) => "error",
        (Lang::En, Label::Warning) => "warning",
        (Lang::En, Label::Help) => "help",
        (Lang::Ja, Label::Error) => "エラー",
        (Lang::Ja, Label::Warning) => "警告",
        (Lang::Ja, Label::Help) => "ヒント",
    }
}

/// Which label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Error,
    Warning,
    Help,
}

/// One message of each kind (both values of each flag, with and without
/// each optional part), and the kind's name, for the tests.
#[cfg(test)]
pub(crate) mod samples {
    use super::*;

    /// One message of every kind.
    pub fn all() -> Vec<Msg> {
        vec![
            Msg::Fixed(Fixed::TagRemove),
            Msg::DidYouMean { name: "x".into() },
            Msg::OneOf {
                list: ticks_of(["x", "y"]),
            },
            Msg::DeclareUnder { section: "x" },
            Msg::Options {
                list: ticks_of(["x", "y"]),
                its: true,
            },
            Msg::Options {
                list: ticks_of(["x", "y"]),
                its: false,
            },
            Msg::ExpectedMapping {
                part: Part::Rule,
                found: Shape::List,
            },
            Msg::UnknownKeyIn {
                key: "x".into(),
                part: Part::Rule,
            },
            Msg::NoJapanese {
                part: Part::Rule,
                ja_key: true,
            },
            Msg::NoJapanese {
                part: Part::Rule,
                ja_key: false,
            },
            Msg::NotAText {
                part: Part::Rule,
                found: Shape::List,
            },
            Msg::MissingKey { key: "x".into() },
            Msg::MustBeText {
                key: "x".into(),
                found: Shape::List,
                non_empty: true,
            },
            Msg::MustBeText {
                key: "x".into(),
                found: Shape::List,
                non_empty: false,
            },
            Msg::MustBeList {
                key: "x".into(),
                found: Shape::List,
            },
            Msg::NotKebab {
                id: "x".into(),
                rule: true,
            },
            Msg::NotKebab {
                id: "x".into(),
                rule: false,
            },
            Msg::KebabFix { fix: "x".into() },
            Msg::DateOf {
                part: Part::Rule,
                problem: Box::new(Msg::Fixed(Fixed::NoName)),
            },
            Msg::DateExpected {
                part: Part::Rule,
                found: Shape::List,
            },
            Msg::ExpectedId {
                of: Named::Fact,
                found: Shape::List,
            },
            Msg::Unknown {
                of: Named::Fact,
                name: "x".into(),
            },
            Msg::NoOption {
                reading: "x".into(),
                option: "x".into(),
            },
            Msg::Twice {
                of: Named::Fact,
                name: "x".into(),
            },
            Msg::OptionTwice {
                reading: "x".into(),
                option: "x".into(),
            },
            Msg::ConditionParts { max: 2 },
            Msg::ExpectedCondition { found: Shape::List },
            Msg::ConditionForms {
                heads: ticks_of(["x", "y"]),
            },
            Msg::OneHead {
                heads: ticks_of(["x", "y"]),
                found: 2,
            },
            Msg::TakesList {
                head: "x".into(),
                found: Shape::List,
            },
            Msg::TermCycle { chain: "x".into() },
            Msg::TermTooDeep {
                max: 2,
                term: "x".into(),
            },
            Msg::FactTestOne {
                tests: ticks_of(["x", "y"]),
            },
            Msg::Takes {
                key: "x".into(),
                one: true,
            },
            Msg::Takes {
                key: "x".into(),
                one: false,
            },
            Msg::ExpectedOutcome {
                found: Found::Value("x".into()),
            },
            Msg::RuleCycle { id: "x".into() },
            Msg::IsOnList { name: "x".into() },
            Msg::WorksOn {
                test: "x".into(),
                on: TestOn::List,
                name: "x".into(),
                ty: "x",
            },
            Msg::NotAValueOf {
                value: "x".into(),
                fact: "x".into(),
                suggestion: Some("x".into()),
            },
            Msg::NotAValueOf {
                value: "x".into(),
                fact: "x".into(),
                suggestion: None,
            },
            Msg::ValueOfExpected {
                fact: "x".into(),
                found: Shape::List,
            },
            Msg::BadFactName { name: "x".into() },
            Msg::Reserved { name: "x".into() },
            Msg::GroupClash {
                a: "x".into(),
                b: "x".into(),
            },
            Msg::ValuesOnlyFor { ty: "x".into() },
            Msg::SideWord { found: Shape::List },
            Msg::TooMany {
                of: Named::Fact,
                max: 2,
            },
            Msg::MustBeInteger { key: "x".into() },
            Msg::MinAboveMax { min: 2, max: 2 },
            Msg::NeedsValues { ty: "x".into() },
            Msg::DefaultGap {
                fact: "x".into(),
                option: "x".into(),
                reading: "x".into(),
            },
            Msg::BadDefault {
                fact: "x".into(),
                found: Found::Value("x".into()),
                expected: Expected::Bool,
            },
            Msg::DefaultNotOption {
                default: "x".into(),
                reading: "x".into(),
            },
            Msg::DefaultId { found: Shape::List },
            Msg::SameDay {
                a: "x".into(),
                b: "x".into(),
                date: "x".into(),
            },
            Msg::RulesetValues { max: 2 },
            Msg::InvalidYaml {
                problem: Box::new(Msg::Fixed(Fixed::NoName)),
            },
            Msg::TooManyRules { n: 2, max: 2 },
            Msg::LooksLikeScenario {
                key: "x",
                sections: ticks_of(["x", "y"]),
                more: 2,
            },
            Msg::LooksLikeRules {
                key: "x".into(),
                scenario_key: "x",
            },
            Msg::Unclosed {
                langs: InLangs::Both,
            },
            Msg::UnknownPlaceholder {
                name: "x".into(),
                langs: InLangs::Both,
            },
            Msg::ExpectedExplanation { found: Shape::List },
            Msg::CitationNoSource {
                article: "x".into(),
            },
            Msg::EmptyPeriod {
                from: "x".into(),
                until: "x".into(),
            },
            Msg::NoKind { id: "x".into() },
            Msg::NotAPrinciple {
                declared: "x".into(),
                found: Found::Bare("x".into()),
            },
            Msg::PrincipleUnnamed { id: "x".into() },
            Msg::InForceBoth { id: "x".into() },
            Msg::EmptyVersions { id: "x".into() },
            Msg::TooManyVersions {
                id: "x".into(),
                n: 2,
            },
            Msg::Overlap {
                id: "x".into(),
                a: Period::default(),
                b: Period::default(),
            },
            Msg::NoCitation { id: "x".into() },
            Msg::NoExplanation {
                id: "x".into(),
                pass: true,
            },
            Msg::NoExplanation {
                id: "x".into(),
                pass: false,
            },
            Msg::ProcedureRequire { id: "x".into() },
            Msg::NoRequire { id: "x".into() },
            Msg::NotAMapping {
                under: Some("x".into()),
                found: Found::Value("x".into()),
            },
            Msg::NotAMapping {
                under: None,
                found: Found::Value("x".into()),
            },
            Msg::InvalidValue {
                key: "x".into(),
                found: Found::Value("x".into()),
                expected: Expected::Bool,
            },
            Msg::UnknownKey {
                key: "x".into(),
                choices: Choices::RuleIds,
            },
            Msg::GivenTwice {
                key: "x".into(),
                first_line: Some(2),
            },
            Msg::GivenTwice {
                key: "x".into(),
                first_line: None,
            },
            Msg::QuotedBool { word: "x".into() },
            Msg::YamlBool { word: "x" },
            Msg::WriteList { item: "x".into() },
            Msg::OutOfRange {
                n: 2,
                bound: 2,
                below: true,
            },
            Msg::OutOfRange {
                n: 2,
                bound: 2,
                below: false,
            },
            Msg::NoFraction { n: 2 },
            Msg::WriteDate { date: "x".into() },
            Msg::Radix {
                written: "x".into(),
                radix: 2,
                n: "x".into(),
            },
            Msg::LeadingZero {
                n: 2,
                written: "x".into(),
            },
            Msg::NoPlus { n: 2 },
            Msg::QuotedNumber { n: 2 },
            Msg::NoSeparators { plain: "x".into() },
            Msg::TakesText { fact: "x".into() },
            Msg::NeedsValue { fact: "x".into() },
            Msg::LiteralValue {
                fact: "x".into(),
                found: Found::Value("x".into()),
                expected: Expected::Bool,
                hint: Some(Box::new(Msg::Fixed(Fixed::NoName))),
            },
            Msg::LiteralValue {
                fact: "x".into(),
                found: Found::Value("x".into()),
                expected: Expected::Bool,
                hint: None,
            },
            Msg::DateShape { text: "x".into() },
            Msg::YearZero { text: "x".into() },
            Msg::MonthRange {
                text: "x".into(),
                month: 2,
            },
            Msg::NoSuchDay {
                text: "x".into(),
                year: 2,
                month: 2,
                day: 2,
            },
            Msg::YearRange { year: 2 },
            Msg::MonthInvalid { month: 2 },
            Msg::DayInvalid { day: 2 },
            Msg::Combinations { max: 2 },
            Msg::TooManyCombinations { id: "x".into() },
            Msg::VersionNeverApplies {
                id: "x".into(),
                period: Period::default(),
            },
            Msg::NeverApplies { id: "x".into() },
            Msg::NeverFails { id: "x".into() },
            Msg::WorkLimit {
                id: "x".into(),
                more: 2,
                max: 2,
            },
            Msg::UnusedFact { name: "x".into() },
            Msg::UnusedTerm { name: "x".into() },
            Msg::UnusedReading { id: "x".into() },
            Msg::Undistinguished {
                reading: "x".into(),
                a: "x".into(),
                b: "x".into(),
            },
            Msg::FolderTooDeep { max: 2 },
            Msg::TooManyEntries { max: 2 },
            Msg::CannotRead {
                reason: IoReason::NotFound,
                file: true,
            },
            Msg::CannotRead {
                reason: IoReason::NotFound,
                file: false,
            },
            Msg::FileTooLarge {
                size: Some(2),
                max: 2,
            },
            Msg::FileTooLarge { size: None, max: 2 },
            Msg::RuleBytes { max: 2 },
            Msg::DeclaredYaml { major: 2, minor: 2 },
            Msg::ValuesOverBudget { max: 2 },
            Msg::NullKey { key: "x".into() },
            Msg::DuplicateKey {
                key: "x".into(),
                line: 2,
                column: 2,
            },
            Msg::CollectionKey { map: true },
            Msg::CollectionKey { map: false },
            Msg::AliasKey { alias: "x".into() },
            Msg::TooManyAliases { max: 2 },
            Msg::SelfAlias { name: "x".into() },
            Msg::Tag {
                tag: "x".into(),
                advice: Fixed::TagRemove,
            },
            Msg::NestedTooDeep { max: 2 },
            Msg::NoAnchor { name: "x".into() },
            Msg::NeverClosed {
                open: '[',
                close: '[',
            },
            Msg::ClosedBy {
                open: '[',
                close: '[',
                want: '[',
            },
            Msg::ReservedStart { c: '[' },
            Msg::BlockInFlow { c: '[' },
            Msg::ControlChar { code: 2 },
            Msg::ErrorCount { n: 2 },
            Msg::RulesNotDir { dir: "x".into() },
            Msg::NoPrinciple { n: 2 },
            Msg::ProblemsFound { n: 2 },
            Msg::MoreProblems {
                n: 2,
                same_file: true,
            },
            Msg::MoreProblems {
                n: 2,
                same_file: false,
            },
            Msg::CannotWrite {
                why: IoReason::Full("x".into()),
            },
            Msg::Vary {
                problem: Box::new(Msg::Fixed(Fixed::NoName)),
            },
            Msg::WholeList {
                name: "x".into(),
                example: "x".into(),
            },
            Msg::MatrixTooLarge { rows: 2, limit: 2 },
            Msg::VaryTwice { name: "x".into() },
            Msg::NoValues { name: "x".into() },
            Msg::ArgValue {
                arg: "--x".into(),
                value: "x".into(),
            },
            Msg::UnknownArgument { arg: "--x".into() },
            Msg::UnknownCommand { name: "x".into() },
            Msg::MissingArguments {
                args: ticks_of(["x"]),
            },
            Msg::ArgConflict {
                arg: "--x".into(),
                other: "--y".into(),
            },
            Msg::ArgTwice { arg: "--x".into() },
            Msg::ArgNeedsValue { arg: "--x".into() },
            Msg::SeeHelp {
                command: "x".into(),
            },
            Msg::ArgRange { min: 1, max: 8 },
            Msg::ValidValues {
                list: ticks_of(["x"]),
            },
            Msg::CheckOk {
                source: Some("x".into()),
                facts: 2,
                rules: 2,
                laws: 2,
                readings: 2,
                files: 2,
            },
            Msg::CheckOk {
                source: None,
                facts: 2,
                rules: 2,
                laws: 2,
                readings: 2,
                files: 2,
            },
        ]
    }

    /// The kind's name: the match has no wildcard, so a new kind fails to
    /// compile here until it has a sample above.
    pub fn kind(m: &Msg) -> &'static str {
        match m {
            Msg::Fixed(..) => "Fixed",
            Msg::DidYouMean { .. } => "DidYouMean",
            Msg::OneOf { .. } => "OneOf",
            Msg::DeclareUnder { .. } => "DeclareUnder",
            Msg::Options { .. } => "Options",
            Msg::ExpectedMapping { .. } => "ExpectedMapping",
            Msg::UnknownKeyIn { .. } => "UnknownKeyIn",
            Msg::NoJapanese { .. } => "NoJapanese",
            Msg::NotAText { .. } => "NotAText",
            Msg::MissingKey { .. } => "MissingKey",
            Msg::MustBeText { .. } => "MustBeText",
            Msg::MustBeList { .. } => "MustBeList",
            Msg::NotKebab { .. } => "NotKebab",
            Msg::KebabFix { .. } => "KebabFix",
            Msg::DateOf { .. } => "DateOf",
            Msg::DateExpected { .. } => "DateExpected",
            Msg::ExpectedId { .. } => "ExpectedId",
            Msg::Unknown { .. } => "Unknown",
            Msg::NoOption { .. } => "NoOption",
            Msg::Twice { .. } => "Twice",
            Msg::OptionTwice { .. } => "OptionTwice",
            Msg::ConditionParts { .. } => "ConditionParts",
            Msg::ExpectedCondition { .. } => "ExpectedCondition",
            Msg::ConditionForms { .. } => "ConditionForms",
            Msg::OneHead { .. } => "OneHead",
            Msg::TakesList { .. } => "TakesList",
            Msg::TermCycle { .. } => "TermCycle",
            Msg::TermTooDeep { .. } => "TermTooDeep",
            Msg::FactTestOne { .. } => "FactTestOne",
            Msg::Takes { .. } => "Takes",
            Msg::ExpectedOutcome { .. } => "ExpectedOutcome",
            Msg::RuleCycle { .. } => "RuleCycle",
            Msg::IsOnList { .. } => "IsOnList",
            Msg::WorksOn { .. } => "WorksOn",
            Msg::NotAValueOf { .. } => "NotAValueOf",
            Msg::ValueOfExpected { .. } => "ValueOfExpected",
            Msg::BadFactName { .. } => "BadFactName",
            Msg::Reserved { .. } => "Reserved",
            Msg::GroupClash { .. } => "GroupClash",
            Msg::ValuesOnlyFor { .. } => "ValuesOnlyFor",
            Msg::SideWord { .. } => "SideWord",
            Msg::TooMany { .. } => "TooMany",
            Msg::MustBeInteger { .. } => "MustBeInteger",
            Msg::MinAboveMax { .. } => "MinAboveMax",
            Msg::NeedsValues { .. } => "NeedsValues",
            Msg::DefaultGap { .. } => "DefaultGap",
            Msg::BadDefault { .. } => "BadDefault",
            Msg::DefaultNotOption { .. } => "DefaultNotOption",
            Msg::DefaultId { .. } => "DefaultId",
            Msg::SameDay { .. } => "SameDay",
            Msg::RulesetValues { .. } => "RulesetValues",
            Msg::InvalidYaml { .. } => "InvalidYaml",
            Msg::TooManyRules { .. } => "TooManyRules",
            Msg::LooksLikeScenario { .. } => "LooksLikeScenario",
            Msg::LooksLikeRules { .. } => "LooksLikeRules",
            Msg::Unclosed { .. } => "Unclosed",
            Msg::UnknownPlaceholder { .. } => "UnknownPlaceholder",
            Msg::ExpectedExplanation { .. } => "ExpectedExplanation",
            Msg::CitationNoSource { .. } => "CitationNoSource",
            Msg::EmptyPeriod { .. } => "EmptyPeriod",
            Msg::NoKind { .. } => "NoKind",
            Msg::NotAPrinciple { .. } => "NotAPrinciple",
            Msg::PrincipleUnnamed { .. } => "PrincipleUnnamed",
            Msg::InForceBoth { .. } => "InForceBoth",
            Msg::EmptyVersions { .. } => "EmptyVersions",
            Msg::TooManyVersions { .. } => "TooManyVersions",
            Msg::Overlap { .. } => "Overlap",
            Msg::NoCitation { .. } => "NoCitation",
            Msg::NoExplanation { .. } => "NoExplanation",
            Msg::ProcedureRequire { .. } => "ProcedureRequire",
            Msg::NoRequire { .. } => "NoRequire",
            Msg::NotAMapping { .. } => "NotAMapping",
            Msg::InvalidValue { .. } => "InvalidValue",
            Msg::UnknownKey { .. } => "UnknownKey",
            Msg::GivenTwice { .. } => "GivenTwice",
            Msg::QuotedBool { .. } => "QuotedBool",
            Msg::YamlBool { .. } => "YamlBool",
            Msg::WriteList { .. } => "WriteList",
            Msg::OutOfRange { .. } => "OutOfRange",
            Msg::NoFraction { .. } => "NoFraction",
            Msg::WriteDate { .. } => "WriteDate",
            Msg::Radix { .. } => "Radix",
            Msg::LeadingZero { .. } => "LeadingZero",
            Msg::NoPlus { .. } => "NoPlus",
            Msg::QuotedNumber { .. } => "QuotedNumber",
            Msg::NoSeparators { .. } => "NoSeparators",
            Msg::TakesText { .. } => "TakesText",
            Msg::NeedsValue { .. } => "NeedsValue",
            Msg::LiteralValue { .. } => "LiteralValue",
            Msg::DateShape { .. } => "DateShape",
            Msg::YearZero { .. } => "YearZero",
            Msg::MonthRange { .. } => "MonthRange",
            Msg::NoSuchDay { .. } => "NoSuchDay",
            Msg::YearRange { .. } => "YearRange",
            Msg::MonthInvalid { .. } => "MonthInvalid",
            Msg::DayInvalid { .. } => "DayInvalid",
            Msg::Combinations { .. } => "Combinations",
            Msg::TooManyCombinations { .. } => "TooManyCombinations",
            Msg::VersionNeverApplies { .. } => "VersionNeverApplies",
            Msg::NeverApplies { .. } => "NeverApplies",
            Msg::NeverFails { .. } => "NeverFails",
            Msg::WorkLimit { .. } => "WorkLimit",
            Msg::UnusedFact { .. } => "UnusedFact",
            Msg::UnusedTerm { .. } => "UnusedTerm",
            Msg::UnusedReading { .. } => "UnusedReading",
            Msg::Undistinguished { .. } => "Undistinguished",
            Msg::FolderTooDeep { .. } => "FolderTooDeep",
            Msg::TooManyEntries { .. } => "TooManyEntries",
            Msg::CannotRead { .. } => "CannotRead",
            Msg::FileTooLarge { .. } => "FileTooLarge",
            Msg::RuleBytes { .. } => "RuleBytes",
            Msg::DeclaredYaml { .. } => "DeclaredYaml",
            Msg::ValuesOverBudget { .. } => "ValuesOverBudget",
            Msg::NullKey { .. } => "NullKey",
            Msg::DuplicateKey { .. } => "DuplicateKey",
            Msg::CollectionKey { .. } => "CollectionKey",
            Msg::AliasKey { .. } => "AliasKey",
            Msg::TooManyAliases { .. } => "TooManyAliases",
            Msg::SelfAlias { .. } => "SelfAlias",
            Msg::Tag { .. } => "Tag",
            Msg::NestedTooDeep { .. } => "NestedTooDeep",
            Msg::NoAnchor { .. } => "NoAnchor",
            Msg::NeverClosed { .. } => "NeverClosed",
            Msg::ClosedBy { .. } => "ClosedBy",
            Msg::ReservedStart { .. } => "ReservedStart",
            Msg::BlockInFlow { .. } => "BlockInFlow",
            Msg::ControlChar { .. } => "ControlChar",
            Msg::ErrorCount { .. } => "ErrorCount",
            Msg::RulesNotDir { .. } => "RulesNotDir",
            Msg::NoPrinciple { .. } => "NoPrinciple",
            Msg::ProblemsFound { .. } => "ProblemsFound",
            Msg::MoreProblems { .. } => "MoreProblems",
            Msg::CannotWrite { .. } => "CannotWrite",
            Msg::Vary { .. } => "Vary",
            Msg::WholeList { .. } => "WholeList",
            Msg::MatrixTooLarge { .. } => "MatrixTooLarge",
            Msg::VaryTwice { .. } => "VaryTwice",
            Msg::NoValues { .. } => "NoValues",
            Msg::ArgValue { .. } => "ArgValue",
            Msg::UnknownArgument { .. } => "UnknownArgument",
            Msg::UnknownCommand { .. } => "UnknownCommand",
            Msg::MissingArguments { .. } => "MissingArguments",
            Msg::ArgConflict { .. } => "ArgConflict",
            Msg::ArgTwice { .. } => "ArgTwice",
            Msg::ArgNeedsValue { .. } => "ArgNeedsValue",
            Msg::SeeHelp { .. } => "SeeHelp",
            Msg::ArgRange { .. } => "ArgRange",
            Msg::ValidValues { .. } => "ValidValues",
            Msg::CheckOk { .. } => "CheckOk",
        }
    }

    /// The names of every kind.
    pub const KINDS: &[&str] = &[
        "Fixed",
        "DidYouMean",
        "OneOf",
        "DeclareUnder",
        "Options",
        "ExpectedMapping",
        "UnknownKeyIn",
        "NoJapanese",
        "NotAText",
        "MissingKey",
        "MustBeText",
        "MustBeList",
        "NotKebab",
        "KebabFix",
        "DateOf",
        "DateExpected",
        "ExpectedId",
        "Unknown",
        "NoOption",
        "Twice",
        "OptionTwice",
        "ConditionParts",
        "ExpectedCondition",
        "ConditionForms",
        "OneHead",
        "TakesList",
        "TermCycle",
        "TermTooDeep",
        "FactTestOne",
        "Takes",
        "ExpectedOutcome",
        "RuleCycle",
        "IsOnList",
        "WorksOn",
        "NotAValueOf",
        "ValueOfExpected",
        "BadFactName",
        "Reserved",
        "GroupClash",
        "ValuesOnlyFor",
        "SideWord",
        "TooMany",
        "MustBeInteger",
        "MinAboveMax",
        "NeedsValues",
        "DefaultGap",
        "BadDefault",
        "DefaultNotOption",
        "DefaultId",
        "SameDay",
        "RulesetValues",
        "InvalidYaml",
        "TooManyRules",
        "LooksLikeScenario",
        "LooksLikeRules",
        "Unclosed",
        "UnknownPlaceholder",
        "ExpectedExplanation",
        "CitationNoSource",
        "EmptyPeriod",
        "NoKind",
        "NotAPrinciple",
        "PrincipleUnnamed",
        "InForceBoth",
        "EmptyVersions",
        "TooManyVersions",
        "Overlap",
        "NoCitation",
        "NoExplanation",
        "ProcedureRequire",
        "NoRequire",
        "NotAMapping",
        "InvalidValue",
        "UnknownKey",
        "GivenTwice",
        "QuotedBool",
        "YamlBool",
        "WriteList",
        "OutOfRange",
        "NoFraction",
        "WriteDate",
        "Radix",
        "LeadingZero",
        "NoPlus",
        "QuotedNumber",
        "NoSeparators",
        "TakesText",
        "NeedsValue",
        "LiteralValue",
        "DateShape",
        "YearZero",
        "MonthRange",
        "NoSuchDay",
        "YearRange",
        "MonthInvalid",
        "DayInvalid",
        "Combinations",
        "TooManyCombinations",
        "VersionNeverApplies",
        "NeverApplies",
        "NeverFails",
        "WorkLimit",
        "UnusedFact",
        "UnusedTerm",
        "UnusedReading",
        "Undistinguished",
        "FolderTooDeep",
        "TooManyEntries",
        "CannotRead",
        "FileTooLarge",
        "RuleBytes",
        "DeclaredYaml",
        "ValuesOverBudget",
        "NullKey",
        "DuplicateKey",
        "CollectionKey",
        "AliasKey",
        "TooManyAliases",
        "SelfAlias",
        "Tag",
        "NestedTooDeep",
        "NoAnchor",
        "NeverClosed",
        "ClosedBy",
        "ReservedStart",
        "BlockInFlow",
        "ControlChar",
        "ErrorCount",
        "RulesNotDir",
        "NoPrinciple",
        "ProblemsFound",
        "MoreProblems",
        "CannotWrite",
        "Vary",
        "WholeList",
        "MatrixTooLarge",
        "VaryTwice",
        "NoValues",
        "ArgValue",
        "UnknownArgument",
        "UnknownCommand",
        "MissingArguments",
        "ArgConflict",
        "ArgTwice",
        "ArgNeedsValue",
        "SeeHelp",
        "ArgRange",
        "ValidValues",
        "CheckOk",
    ];
}

impl From<&DateProblem> for Msg {
    fn from(p: &DateProblem) -> Msg {
        match p.clone() {
            DateProblem::Shape { text } => Msg::DateShape { text },
            DateProblem::YearZero { text } => Msg::YearZero { text },
            DateProblem::MonthRange { text, month } => Msg::MonthRange { text, month },
            DateProblem::NoSuchDay {
                text,
                year,
                month,
                day,
            } => Msg::NoSuchDay {
                text,
                year,
                month,
                day,
            },
            DateProblem::YearRange { year } => Msg::YearRange { year },
            DateProblem::MonthInvalid { month } => Msg::MonthInvalid { month },
            DateProblem::DayInvalid { day } => Msg::DayInvalid { day },
        }
    }
}

impl DateError {
    /// Why, as a message to show in any language.
    pub(crate) fn msg(&self) -> Msg {
        Msg::from(&self.0)
    }
    /// Why, in `lang` (the `Display` form is English).
    pub fn message_in(&self, lang: Lang) -> String {
        self.msg().text(lang)
    }
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().text(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::samples::{KINDS, all, kind};
    use super::*;

    /// The ASCII words of a Japanese text that are English: runs of letters
    /// with two lower-case letters or more, outside code spans and flags.
    fn english_words(text: &str) -> Vec<String> {
        let mut plain = String::new();
        for (i, part) in text.split('`').enumerate() {
            if i % 2 == 0 {
                plain.push_str(part);
            }
            plain.push(' ');
        }
        plain
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|w| !w.starts_with("--"))
            .flat_map(|w| w.split('-'))
            .filter(|w| w.chars().filter(char::is_ascii_lowercase).count() >= 2)
            .map(str::to_owned)
            .collect()
    }

    fn check(m: &Msg) {
        let (en, ja) = (m.text(Lang::En), m.text(Lang::Ja));
        assert!(!en.trim().is_empty(), "{m:?}: no English");
        assert!(!ja.trim().is_empty(), "{m:?}: no Japanese");
        assert_ne!(en, ja, "{m:?}: the same in both languages");
        let left = english_words(&ja);
        assert!(left.is_empty(), "{m:?}: English words {left:?} in {ja}");
    }

    #[test]
    fn every_kind_has_a_sample() {
        let seen: std::collections::BTreeSet<&str> = all().iter().map(kind).collect();
        let want: std::collections::BTreeSet<&str> = KINDS.iter().copied().collect();
        assert_eq!(seen, want);
    }

    #[test]
    fn every_message_reads_in_both_languages() {
        for m in all() {
            check(&m);
        }
        for f in Fixed::ALL {
            check(&Msg::Fixed(*f));
        }
    }

    #[test]
    fn every_argument_word_reads_in_both_languages() {
        let parts = [
            Part::RuleFile,
            Part::Term,
            Part::FactDecl,
            Part::Source,
            Part::Reading,
            Part::ReadingOption,
            Part::LawVersion,
            Part::Principle,
            Part::Explanation,
            Part::ExplanationCase,
            Part::Citation,
            Part::Period,
            Part::Rule,
            Part::RuleVersion,
            Part::AllAny,
            Part::NotCond,
            Part::TermCond,
            Part::ReadingTest,
            Part::FactTest,
            Part::RuleRef,
            Part::ReadingDefault,
            Part::ValueDescription("x".into()),
            Part::Key("x".into()),
        ];
        let shapes = [
            Shape::Null,
            Shape::Bool,
            Shape::Int,
            Shape::Number,
            Shape::Str,
            Shape::List,
            Shape::Map,
        ];
        for (part, found) in parts.into_iter().zip(shapes.iter().cycle()) {
            check(&Msg::ExpectedMapping {
                part,
                found: *found,
            });
        }
        let found = [
            Found::Value("x".into()),
            Found::Bare("x".into()),
            Found::Shape(Shape::Map),
            Found::QuotedText("x".into()),
            Found::InList(Box::new(Found::Value("x".into()))),
            Found::NoEn,
        ];
        let expected = [
            Expected::Bool,
            Expected::OneOf(ticks_of(["x"])),
            Expected::ListOf(ticks_of(["x"])),
            Expected::Int { min: 0, max: 9 },
            Expected::Date,
            Expected::Text,
            Expected::NonEmptyText,
            Expected::TextOrPair,
            Expected::ExpectMapping,
            Expected::Verdict,
            Expected::Outcome,
        ];
        for (found, expected) in found.iter().cycle().zip(expected) {
            check(&Msg::InvalidValue {
                key: "x".into(),
                found: found.clone(),
                expected,
            });
        }
        let named = [
            Named::Fact,
            Named::Term,
            Named::Rule,
            Named::Reading,
            Named::Source,
            Named::RuleKind,
            Named::FactType,
            Named::SourceKind,
            Named::Side,
            Named::LawVersion,
            Named::Principle,
        ];
        for of in named {
            check(&Msg::Unknown {
                of,
                name: "x".into(),
            });
            check(&Msg::Twice {
                of,
                name: "x".into(),
            });
        }
        for reason in [
            IoReason::NotFound,
            IoReason::Denied,
            IoReason::IsDir,
            IoReason::TooLong,
        ] {
            check(&Msg::CannotRead { reason, file: true });
        }
        for choices in [
            Choices::List(ticks_of(["x"])),
            Choices::Under {
                parent: "x".into(),
                list: ticks_of(["y"]),
            },
            Choices::NoReadings,
            Choices::RuleIds,
        ] {
            check(&Msg::UnknownKey {
                key: "x".into(),
                choices,
            });
        }
        for langs in [
            InLangs::Plain,
            InLangs::Both,
            InLangs::English,
            InLangs::Japanese,
        ] {
            check(&Msg::Unclosed { langs });
        }
        for on in [TestOn::EnumText, TestOn::IntDate, TestOn::List] {
            check(&Msg::WorksOn {
                test: "x".into(),
                on,
                name: "y".into(),
                ty: "int",
            });
        }
        for more in [0, 1, 2] {
            check(&Msg::WorkLimit {
                id: "x".into(),
                more,
                max: 9,
            });
            check(&Msg::LooksLikeScenario {
                key: "name",
                sections: ticks_of(["x"]),
                more,
            });
        }
        for radix in [16, 8, 2] {
            check(&Msg::Radix {
                written: "0x1".into(),
                radix,
                n: "1".into(),
            });
        }
    }

    #[test]
    fn lists_are_joined_in_each_language() {
        let m = Msg::OneOf {
            list: ticks_of(["a", "b"]),
        };
        assert_eq!(m.text(Lang::En), "expected one of `a`, `b`");
        assert_eq!(m.text(Lang::Ja), "次のいずれかを書く：`a`、`b`");
        // The scan above finds English outside code spans, and only there.
        assert_eq!(english_words("値 found `inside` --rules YAML"), ["found"]);
    }
}
